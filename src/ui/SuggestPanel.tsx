import { useState } from 'react';
import type { Suggestion } from '../core/suggest/suggestion.ts';
import { type SuggestMessageKey, suggestText } from '../i18n/suggest-messages.ts';
import { cancelSuggestion, runSuggestion, SUGGEST_TIME_LIMIT_S } from '../services/suggest-jobs.ts';
import type { SuggestRun } from '../state/planner-state.ts';
import { selectActiveScenario } from '../state/scenario-selectors.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { pick } from './format.ts';
import { Section } from './ScenarioPanel.tsx';
import { SuggestLocks } from './SuggestLocks.tsx';
import { SuggestResult } from './SuggestResult.tsx';
import { NumberField, SuggestObjective, SuggestRulesForm, SuggestTargets } from './SuggestSettings.tsx';

/**
 * The plan suggestion panel (方案建议): the base scenario, the targets, rules, objective and locked
 * plots (plan settings), a run in the suggestion worker with its progress and a cancel, then the
 * result card with "accept as new scenario".
 */
export function SuggestPanel() {
  const language = usePlanner((state) => state.language);
  const loaded = usePlanner((state) => state.analysis !== null);
  const scenarios = usePlanner((state) => state.scenarioSet.scenarios);
  const active = usePlanner(selectActiveScenario);
  const run = usePlanner((state) => state.suggestRun);
  const [chosenBase, setChosenBase] = useState<string | null>(null);
  const [timeLimitS, setTimeLimitS] = useState(SUGGEST_TIME_LIMIT_S);
  const [cancelled, setCancelled] = useState(false);
  const t = (key: SuggestMessageKey, values?: Record<string, string | number>) =>
    suggestText(language, key, values);
  const running = run?.state === 'running';
  const baseId =
    chosenBase !== null && scenarios.some((s) => s.id === chosenBase) ? chosenBase : (active?.id ?? '');

  return (
    <section className="scn-panel sug-panel" data-testid="suggest-panel" aria-label={t('sug.title')}>
      <header className="scn-panel-head">
        <h2 className="scn-panel-title">{t('sug.title')}</h2>
      </header>
      <p className="scn-hint">{t('sug.intro')}</p>
      {!loaded ? (
        <p className="scn-sub">{t('sug.loading')}</p>
      ) : (
        <>
          <label className="scn-field">
            <span className="scn-label">{t('sug.base')}</span>
            <select
              className="scn-select"
              data-testid="suggest-base"
              value={baseId}
              disabled={running}
              onChange={(event) => setChosenBase(event.target.value)}
            >
              {scenarios.map((scenario) => (
                <option key={scenario.id} value={scenario.id}>
                  {scenario.name}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="sug-settings" disabled={running}>
            <Section title={t('sug.section.targets')} open testId="suggest-targets">
              <SuggestTargets language={language} />
            </Section>
            <Section title={t('sug.section.objective')} open testId="suggest-objective">
              <SuggestObjective language={language} />
            </Section>
            <Section title={t('sug.section.rules')} testId="suggest-rules">
              <SuggestRulesForm language={language} />
            </Section>
            <Section title={t('sug.section.locks')} testId="suggest-locks">
              <SuggestLocks language={language} />
            </Section>
          </fieldset>
          <div className="scn-row scn-row-wrap sug-run-row">
            <span className="scn-label">{t('sug.timeLimit')}</span>
            <NumberField
              value={timeLimitS}
              label={t('sug.timeLimit')}
              testId="suggest-time-limit"
              t={t}
              disabled={running}
              onValue={(value) => value !== null && value > 0 && setTimeLimitS(value)}
            />
            <span className="scn-unit">{t('sug.unit.seconds')}</span>
            <button
              type="button"
              className="scn-button scn-button-primary"
              data-testid="suggest-run"
              disabled={running || baseId === ''}
              onClick={() => {
                setCancelled(false);
                runSuggestion(plannerStore, baseId, { timeLimitS });
              }}
            >
              {t('sug.run')}
            </button>
          </div>
          {running && (
            <RunProgress
              run={run}
              label={t('sug.running')}
              cancelLabel={t('sug.cancel')}
              language={language}
              onCancel={() => {
                setCancelled(true);
                cancelSuggestion();
              }}
            />
          )}
          {!run && cancelled && (
            <p className="scn-hint" role="status" data-testid="suggest-cancelled">
              {t('sug.cancelled')}
            </p>
          )}
          {run?.state === 'failed' && run.error && (
            <p className="scn-problem" role="alert" data-testid="suggest-failed">
              {t('sug.failed', { message: pick(language, run.error) })}
            </p>
          )}
          {run?.state === 'done' && run.result && (
            <SuggestResult run={run as SuggestRun & { result: Suggestion }} language={language} />
          )}
        </>
      )}
    </section>
  );
}

/** The running suggestion: its stage (with the best objective and bound so far), a bar and a cancel button. */
function RunProgress({
  run,
  label,
  cancelLabel,
  language,
  onCancel,
}: {
  run: SuggestRun;
  label: string;
  cancelLabel: string;
  language: 'zh-CN' | 'en';
  onCancel: () => void;
}) {
  const percent = Math.round(run.progress * 100);
  return (
    <div className="sug-progress" role="status" data-testid="suggest-progress" data-stage={run.stage?.en}>
      <span className="sug-progress-stage">{run.stage ? pick(language, run.stage) : label}</span>
      <span className="sug-inline">
        <progress className="job-progress" max={100} value={percent} />
        <span className="job-percent">{percent}%</span>
        <button type="button" className="scn-button" data-testid="suggest-cancel" onClick={onCancel}>
          {cancelLabel}
        </button>
      </span>
    </div>
  );
}
