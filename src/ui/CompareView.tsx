import { useMemo, useState } from 'react';
import { LAST_PLAN_YEAR, PLAN_YEARS, type PlanYear } from '../core/scenario/scenario.ts';
import { mapText } from '../i18n/map-messages.ts';
import type { Language } from '../i18n/messages.ts';
import { type ScenarioMessageKey, scenarioText } from '../i18n/scenario-messages.ts';
import { suggestText } from '../i18n/suggest-messages.ts';
import { compareRows } from '../state/compare-rows.ts';
import type { SuggestionRecord } from '../state/planner-state.ts';
import { selectScenarioIndicators } from '../state/scenario-selectors.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { BASELINE, resolveSwipeSides, type SwipeChoice } from './CompareMap.tsx';
import { pick } from './format.ts';
import { formatGap } from './SuggestResult.tsx';
import { formatCompareValue, formatDifference } from './scenario-format.ts';

type Text = (key: ScenarioMessageKey, values?: Record<string, string | number>) => string;

/**
 * Two or more scenarios side by side: every indicator for the plan as a whole or through one year,
 * with the difference to the first scenario and the best value of each row highlighted. With `swipe`,
 * also the switch and the two sides of the swipe map (the map itself is CompareMap, over the map).
 */
export function CompareView({
  swipe,
  onSwipeChange,
}: {
  swipe?: SwipeChoice;
  onSwipeChange?: (choice: SwipeChoice) => void;
} = {}) {
  const language = usePlanner((state) => state.language);
  const scenarioSet = usePlanner((state) => state.scenarioSet);
  const compareIds = usePlanner((state) => state.compareIds);
  const analysis = usePlanner((state) => state.analysis);
  const zoneMeasures = usePlanner((state) => state.zoneMeasures);
  const suggestions = usePlanner((state) => state.suggestions);
  const [year, setYear] = useState<PlanYear>(LAST_PLAN_YEAR);
  const t: Text = (key, values) => scenarioText(language, key, values);
  const { scenarios, activeScenarioId } = scenarioSet;

  // No choice made yet: every scenario is compared.
  const chosen = useMemo(() => {
    const wanted = new Set(compareIds);
    const picked = scenarios.filter((scenario) => wanted.has(scenario.id));
    return picked.length > 0 ? picked : scenarios;
  }, [scenarios, compareIds]);

  const rows = useMemo(() => {
    if (!analysis) return [];
    // The memoised indicators read the rows and zoneMeasures from the store: both are dependencies.
    const state = { ...plannerStore.getState(), analysis, zoneMeasures };
    return compareRows(chosen.map((scenario) => selectScenarioIndicators(state, scenario).byYear[year]));
  }, [chosen, analysis, zoneMeasures, year]);

  const toggle = (id: string) => {
    const current = new Set(chosen.map((scenario) => scenario.id));
    if (current.has(id)) current.delete(id);
    else current.add(id);
    plannerStore.getState().setCompareIds(scenarios.filter((s) => current.has(s.id)).map((s) => s.id));
  };

  const first = chosen[0];
  return (
    <section
      className="scn-compare"
      data-testid="compare-view"
      data-year={year}
      aria-label={t('scn.cmp.title')}
    >
      <header className="scn-panel-head">
        <h2 className="scn-panel-title">{t('scn.cmp.title')}</h2>
        <label className="scn-inline">
          <span className="scn-label">{t('scn.cmp.year')}</span>
          <select
            className="scn-select"
            data-testid="compare-year"
            value={year}
            onChange={(event) => setYear(Number(event.target.value) as PlanYear)}
          >
            {PLAN_YEARS.map((option) => (
              <option key={option} value={option}>
                {option === LAST_PLAN_YEAR ? t('scn.ind.overall', { year: option }) : option}
              </option>
            ))}
          </select>
        </label>
      </header>

      <fieldset className="scn-compare-choose">
        <legend className="scn-label">{t('scn.cmp.choose')}</legend>
        {scenarios.map((scenario) => (
          <label key={scenario.id} className="scn-check">
            <input
              type="checkbox"
              data-testid="compare-check"
              data-scenario-id={scenario.id}
              checked={chosen.includes(scenario)}
              onChange={() => toggle(scenario.id)}
            />
            {scenario.name}
            {suggestions[scenario.id] && (
              <span className="sug-mark">{suggestText(language, 'sug.compareBadge')}</span>
            )}
            {scenario.id === activeScenarioId && <span className="scn-sub">{t('scn.cmp.active')}</span>}
          </label>
        ))}
      </fieldset>
      {chosen.length < 2 && <p className="scn-hint scn-hint-warn">{t('scn.cmp.needTwo')}</p>}
      {swipe && onSwipeChange && <SwipeControls swipe={swipe} onChange={onSwipeChange} t={t} />}

      {!analysis ? (
        <p className="scn-sub">{t('scn.loading')}</p>
      ) : (
        <div className="scn-table-scroll">
          <table className="scn-table scn-compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th scope="col">{t('scn.cmp.indicator')}</th>
                {chosen.map((scenario) => (
                  <th
                    key={scenario.id}
                    scope="col"
                    data-scenario-id={scenario.id}
                    data-suggested={suggestions[scenario.id] ? '' : undefined}
                  >
                    {scenario.name}
                    <SuggestedBadge record={suggestions[scenario.id]} language={language} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-key={row.key}>
                  <th scope="row">
                    <div data-figure-name={row.key}>{pick(language, row.label)}</div>
                    {row.target !== undefined && (
                      <div className="scn-sub">
                        {t('scn.cmp.target', { value: formatCompareValue(language, row.target, row.unit) })}
                      </div>
                    )}
                  </th>
                  {row.values.map((value, i) => {
                    const scenario = chosen[i];
                    const best = row.best.includes(i);
                    const met = row.target !== undefined && value !== null ? value >= row.target : undefined;
                    const difference = row.differences[i] ?? null;
                    return (
                      <td
                        key={scenario?.id ?? i}
                        className={best ? 'scn-best' : undefined}
                        data-scenario-id={scenario?.id}
                        data-value={value ?? undefined}
                        data-best={best || undefined}
                        data-met={met}
                      >
                        <div className="scn-compare-value">
                          {formatCompareValue(language, value, row.unit)}
                          {best && <span className="scn-visually-hidden"> ({t('scn.cmp.best')})</span>}
                        </div>
                        {met !== undefined && (
                          <div className={met ? 'scn-ok' : 'scn-negative'}>
                            {met ? t('scn.cmp.met') : t('scn.cmp.notMet')}
                          </div>
                        )}
                        {i > 0 && (
                          <div
                            className="scn-sub"
                            title={first ? t('scn.cmp.vsFirst', { name: first.name }) : undefined}
                          >
                            ({formatDifference(language, difference, row.unit)})
                          </div>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="scn-rule">{t('scn.cmp.legend')}</p>
    </section>
  );
}

/** "方案建议" under a scenario made from an accepted suggestion, with its proven gap. */
function SuggestedBadge({ record, language }: { record: SuggestionRecord | undefined; language: Language }) {
  if (!record) return null;
  return (
    <div className="scn-sub" data-testid="compare-suggested">
      <span className="sug-mark">{suggestText(language, 'sug.compareBadge')}</span>{' '}
      {record.status === 'infeasible'
        ? suggestText(language, 'sug.compareInfeasible')
        : suggestText(language, 'sug.compareGap', { gap: formatGap(language, record.gap) })}
    </div>
  );
}

/** The swipe switch and the scenario (or the baseline) each side of the divider shows. */
function SwipeControls({
  swipe,
  onChange,
  t,
}: {
  swipe: SwipeChoice;
  onChange: (choice: SwipeChoice) => void;
  t: Text;
}) {
  const scenarios = usePlanner((state) => state.scenarioSet.scenarios);
  const compareIds = usePlanner((state) => state.compareIds);
  const language = usePlanner((state) => state.language);
  const noMap = usePlanner((state) => state.mapProblem !== null);
  const sides = resolveSwipeSides(scenarios, compareIds, swipe);
  const select = (side: 'left' | 'right', testId: string, label: string) => (
    <label className="scn-inline">
      <span className="scn-label">{label}</span>
      <select
        className="scn-select"
        data-testid={testId}
        value={sides[side]}
        onChange={(event) => onChange({ ...swipe, [side]: event.target.value })}
      >
        <option value={BASELINE}>{t('scn.cmp.baseline')}</option>
        {scenarios.map((scenario) => (
          <option key={scenario.id} value={scenario.id}>
            {scenario.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="scn-compare-swipe" data-on={swipe.on}>
      <label className="scn-check" title={noMap ? mapText(language, 'map.needsMap') : undefined}>
        <input
          type="checkbox"
          data-testid="compare-swipe"
          disabled={noMap}
          checked={swipe.on}
          onChange={(event) => onChange({ ...swipe, on: event.target.checked })}
        />
        {t('scn.cmp.swipe')}
      </label>
      {select('left', 'compare-left', t('scn.cmp.swipeLeft'))}
      {select('right', 'compare-right', t('scn.cmp.swipeRight'))}
      {swipe.on && <p className="scn-hint">{t('scn.cmp.swipeHint')}</p>}
    </div>
  );
}
