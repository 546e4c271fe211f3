import { useEffect, useRef } from 'react';
import { actionName, PLOT_ACTIONS } from '../core/catalogue/action-catalogue.ts';
import type { ObjectiveWeights } from '../core/suggest/suggest-settings.ts';
import type { Suggestion } from '../core/suggest/suggestion.ts';
import type { Message } from '../core/types.ts';
import type { Language } from '../i18n/messages.ts';
import { type SuggestMessageKey, suggestText } from '../i18n/suggest-messages.ts';
import type { SuggestRun } from '../state/planner-state.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { formatInteger, formatNumber, pick } from './format.ts';

type Text = (key: SuggestMessageKey, values?: Record<string, string | number>) => string;

/** Items of a list shown at once; the rest fold away. */
const SHOWN = 5;

/** The objective's unit: 万元 for cost alone, firms, 万元/年 for income; none for a mix. */
function objectiveUnit(weights: ObjectiveWeights, t: Text): string {
  const { costWan, firms, incomeWan } = weights;
  if (firms === 0 && incomeWan === 0) return t('sug.unit.wan');
  if (costWan === 0 && incomeWan === 0) return t('sug.unit.firms');
  if (costWan === 0 && firms === 0) return `${t('sug.unit.wan')}/${t('sug.unit.years')}`;
  return '';
}

/** The gap as a percentage with two decimals ("0.42 %", "< 0.01 %"), "—" when there is none. */
export function formatGap(language: Language, gap: number | null): string {
  if (gap === null) return '—';
  // A proven gap too small for two decimals is not zero.
  if (gap > 0 && gap < 0.00005) return '< 0.01 %';
  return `${formatNumber(language, gap * 100, 2)} %`;
}

/** A list of messages, the first SHOWN at once and the rest folded. */
function MessageList({
  items,
  language,
  t,
  testId,
}: {
  items: Message[];
  language: Language;
  t: Text;
  testId: string;
}) {
  const first = items.slice(0, SHOWN);
  const rest = items.slice(SHOWN);
  return (
    <>
      <ul className="sug-list" data-testid={testId}>
        {first.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for one result
          <li key={i}>{pick(language, item)}</li>
        ))}
      </ul>
      {rest.length > 0 && (
        <details className="sug-more">
          <summary>{t('sug.result.more', { count: formatInteger(language, rest.length) })}</summary>
          <ul className="sug-list">
            {rest.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for one result
              <li key={i}>{pick(language, item)}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/**
 * The result of a run: status, objective, lower bound and gap, the suggested actions by kind with
 * examples of their explanations, the constraints that bind with their prices in words, the
 * shortfalls, and "accept as new scenario".
 */
export function SuggestResult({
  run,
  language,
}: {
  run: SuggestRun & { result: Suggestion };
  language: Language;
}) {
  const weights = usePlanner((state) => state.planning.suggestion.objective);
  const accepted = usePlanner((state) =>
    run.acceptedId === null ? undefined : state.scenarioSet.scenarios.find((s) => s.id === run.acceptedId),
  );
  const base = usePlanner((state) => state.scenarioSet.scenarios.find((s) => s.id === run.baseScenarioId));
  const t: Text = (key, values) => suggestText(language, key, values);
  const { result } = run;
  const card = useRef<HTMLDivElement>(null);
  // A new result comes into view (the settings above may fill the panel).
  useEffect(() => {
    if (result) card.current?.scrollIntoView({ block: 'start' });
  }, [result]);
  const unit = objectiveUnit(weights, t);
  const counts = new Map<string, number>();
  for (const action of result.actions) counts.set(action.action, (counts.get(action.action) ?? 0) + 1);
  const byAction = PLOT_ACTIONS.filter((action) => counts.has(action))
    .map(
      (action) => `${pick(language, actionName(action))} ${formatInteger(language, counts.get(action) ?? 0)}`,
    )
    .join(language === 'zh-CN' ? '，' : ', ');
  // The base scenario edited since the run: the suggestion does not know of those edits.
  const baseChanged = base !== undefined && run.baseScenario !== null && base !== run.baseScenario;
  return (
    <div ref={card} className="scn-card sug-result" data-testid="suggest-result" data-status={result.status}>
      <div className="scn-card-head">
        <h3 className="scn-card-title">{t('sug.result.title')}</h3>
        <span
          className={`scn-badge ${result.status === 'infeasible' ? 'scn-badge-not-met' : 'scn-badge-met'}`}
          data-testid="suggest-status"
        >
          {t(`sug.result.status.${result.status}`)}
        </span>
      </div>
      <dl className="sug-figures">
        <dt>{t('sug.result.objective')}</dt>
        <dd data-testid="suggest-objective-value" data-value={result.objective}>
          {formatNumber(language, result.objective, 2)} {unit}
        </dd>
        <dt>{t('sug.result.bound')}</dt>
        <dd data-testid="suggest-bound" data-value={result.bound ?? undefined}>
          {result.bound === null
            ? t('sug.result.none')
            : `${formatNumber(language, result.bound, 2)} ${unit}`}
        </dd>
        <dt>{t('sug.result.gap')}</dt>
        <dd data-testid="suggest-gap" data-value={result.gap ?? undefined}>
          {formatGap(language, result.gap)}
        </dd>
        <dt>{t('sug.result.actions')}</dt>
        <dd data-testid="suggest-action-count" data-value={result.actions.length}>
          {t('sug.result.actionCount', { count: formatInteger(language, result.actions.length) })}
          {byAction && <div className="scn-sub">{byAction}</div>}
        </dd>
      </dl>
      {result.shortfalls.length > 0 && (
        <>
          <h4 className="scn-minor-title">{t('sug.result.shortfalls')}</h4>
          <MessageList
            items={result.shortfalls.map((s) => s.message)}
            language={language}
            t={t}
            testId="suggest-shortfalls"
          />
        </>
      )}
      <h4 className="scn-minor-title">{t('sug.result.binding')}</h4>
      {result.binding.length === 0 ? (
        <p className="scn-sub">{t('sug.result.bindingNone')}</p>
      ) : (
        <MessageList
          items={result.binding.map((b) => b.message)}
          language={language}
          t={t}
          testId="suggest-binding"
        />
      )}
      {result.actions.length > 0 && (
        <>
          <h4 className="scn-minor-title">{t('sug.result.examples')}</h4>
          <MessageList
            items={result.actions.slice(0, 3).map((a) => a.explanation)}
            language={language}
            t={t}
            testId="suggest-examples"
          />
        </>
      )}
      <p className="scn-sub" data-testid="suggest-stats">
        {t('sug.result.stats', {
          seconds: formatNumber(language, result.stats.seconds, 1),
          method: t(`sug.result.method.${result.stats.method}`),
          plots: formatInteger(language, result.stats.plots),
        })}
      </p>
      {baseChanged && <p className="scn-hint scn-hint-warn">{t('sug.baseChanged')}</p>}
      {accepted ? (
        <p className="scn-done" role="status" data-testid="suggest-accepted">
          {t('sug.accepted', { name: accepted.name })}
        </p>
      ) : (
        <>
          {result.status === 'infeasible' && (
            <p className="scn-hint scn-hint-warn">{t('sug.acceptInfeasible')}</p>
          )}
          <button
            type="button"
            className="scn-button scn-button-primary"
            data-testid="suggest-accept"
            onClick={() => {
              const problem = plannerStore.getState().acceptSuggestion();
              if (problem) plannerStore.getState().setNotice({ kind: 'error', message: problem });
            }}
          >
            {t('sug.accept')}
          </button>
        </>
      )}
    </div>
  );
}
