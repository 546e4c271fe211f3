import { useMemo, useState } from 'react';
import type { PlotRow } from '../core/analysis/analyze-plan.ts';
import { actionName, PLOT_ACTIONS, type PlotAction } from '../core/catalogue/action-catalogue.ts';
import { PLAN_YEARS, type PlanYear } from '../core/scenario/scenario.ts';
import type { Message } from '../core/types.ts';
import { mapText } from '../i18n/map-messages.ts';
import { type ScenarioMessageKey, scenarioText } from '../i18n/scenario-messages.ts';
import {
  type ActionForm,
  type ActionSource,
  buildActionEntry,
  countActions,
  resolveActionSource,
} from '../state/action-form.ts';
import { isFilterEmpty, selectVisibleRows } from '../state/plot-filter.ts';
import { selectActiveScenario } from '../state/scenario-selectors.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { formatInteger, pick } from './format.ts';

const NO_ROWS: readonly PlotRow[] = Object.freeze([]);

/** The year a new action defaults to. */
const DEFAULT_YEAR: PlanYear = 2024;

/** The plot ids of layer indices (rows are in layer order), skipping indices without a row. */
function idsOfIndices(rows: readonly PlotRow[], indices: readonly number[]): string[] {
  const ids: string[] = [];
  for (const index of indices) {
    const row = rows[index];
    if (row) ids.push(row.id);
  }
  return ids;
}

/** Starts or ends picking plots with a box on the map (off, with the reason, without a map). */
export function BoxSelectButton({
  testId,
  label,
  labelOn,
}: {
  testId: string;
  label: string;
  labelOn: string;
}) {
  const language = usePlanner((state) => state.language);
  const boxSelecting = usePlanner((state) => state.mapMode === 'select-box');
  const noMap = usePlanner((state) => state.mapProblem !== null);
  return (
    <button
      type="button"
      className="scn-button"
      aria-pressed={boxSelecting}
      disabled={noMap}
      title={noMap ? mapText(language, 'map.needsMap') : undefined}
      data-testid={testId}
      onClick={() => plannerStore.getState().setMapMode(boxSelecting ? 'browse' : 'select-box')}
    >
      {boxSelecting ? labelOn : label}
    </button>
  );
}

/**
 * Sets one action for a set of plots: the plots picked with the box, the selected plot or the plots
 * of the table's current filter. Every apply is one labelled edit (undo says what it undoes).
 */
export function ActionBar() {
  const language = usePlanner((state) => state.language);
  const rows = usePlanner((state) => state.analysis?.rows ?? NO_ROWS);
  const pickedPlots = usePlanner((state) => state.pickedPlots);
  const selectedPlot = usePlanner((state) => state.selectedPlot);
  const visibleRows = usePlanner(selectVisibleRows);
  const town = usePlanner((state) => state.town);
  const isFiltered = usePlanner((state) => !isFilterEmpty(state.filter));
  const mapMode = usePlanner((state) => state.mapMode);
  const scenario = usePlanner(selectActiveScenario);
  const t = (key: ScenarioMessageKey, values?: Record<string, string | number>) =>
    scenarioText(language, key, values);

  const [chosenSource, setChosenSource] = useState<ActionSource | null>(null);
  const [form, setForm] = useState<ActionForm>({
    action: 'upgrade',
    year: DEFAULT_YEAR,
    zoneId: '',
    isLease: false,
    leaseYears: '10',
  });
  const [outcome, setOutcome] = useState<{ kind: 'problem' | 'done'; message: Message } | null>(null);

  const selectedRow = selectedPlot === null ? undefined : rows[selectedPlot];
  const counts: Record<ActionSource, number> = {
    picked: pickedPlots.length,
    selected: selectedRow ? 1 : 0,
    filter: visibleRows.length,
  };
  const source = resolveActionSource(chosenSource, counts);
  const plotIds = useMemo(() => {
    if (source === 'picked') return idsOfIndices(rows, pickedPlots);
    if (source === 'selected') return selectedRow ? [selectedRow.id] : [];
    return visibleRows.map((row) => row.id);
  }, [source, rows, pickedPlots, selectedRow, visibleRows]);
  const current = useMemo(() => (scenario ? countActions(scenario, plotIds) : null), [scenario, plotIds]);

  if (!scenario) return null;
  const zones = scenario.zones;
  const zoneIdKnown = form.zoneId === '' || zones.some((zone) => zone.id === form.zoneId);
  const update = (patch: Partial<ActionForm>) => {
    setForm((previous) => ({ ...previous, ...patch }));
    setOutcome(null);
  };

  const apply = () => {
    const built = buildActionEntry({ ...form, zoneId: zoneIdKnown ? form.zoneId : '' });
    if (built.problem) {
      setOutcome({ kind: 'problem', message: built.problem });
      return;
    }
    const store = plannerStore.getState();
    // Naming the scenario lets the label name the receiving zone.
    const problem = store.edit({ type: 'set-actions', scenarioId: scenario.id, plotIds, entry: built.entry });
    const label = plannerStore.getState().history.past.at(-1)?.label;
    setOutcome(
      problem ? { kind: 'problem', message: problem } : label ? { kind: 'done', message: label } : null,
    );
  };

  const summary =
    current &&
    PLOT_ACTIONS.filter((action) => current[action] > 0)
      .map((action) => `${pick(language, actionName(action))} ${formatInteger(language, current[action])}`)
      .join(language === 'zh-CN' ? '，' : ', ');

  const sourceLabel = (option: ActionSource): string => {
    switch (option) {
      case 'picked':
        return t('scn.act.picked', { count: formatInteger(language, counts.picked) });
      case 'selected':
        return selectedRow
          ? t('scn.act.selected', { name: selectedRow.name ?? selectedRow.id })
          : t('scn.act.selectedNone');
      case 'filter':
        return t('scn.act.filter', { count: formatInteger(language, counts.filter) });
    }
  };

  const boxSelecting = mapMode === 'select-box';
  return (
    <div className="scn-action-bar" data-testid="action-bar" data-source={source}>
      <div className="scn-row scn-row-wrap">
        <BoxSelectButton
          testId="box-select"
          label={t('scn.act.boxSelect')}
          labelOn={t('scn.act.boxSelectOn')}
        />
        <button
          type="button"
          className="scn-button"
          disabled={pickedPlots.length === 0}
          data-testid="clear-picked"
          onClick={() => plannerStore.getState().setPickedPlots([])}
        >
          {t('scn.act.clear')}
        </button>
      </div>
      {boxSelecting && <p className="scn-hint">{t('scn.act.boxHint')}</p>}

      <fieldset className="scn-sources">
        <legend className="scn-label">{t('scn.act.source')}</legend>
        {(['picked', 'selected', 'filter'] as const).map((option) => (
          <label key={option} className="scn-radio">
            <input
              type="radio"
              name="scn-action-source"
              value={option}
              checked={source === option}
              disabled={counts[option] === 0}
              onChange={() => {
                setChosenSource(option);
                setOutcome(null);
              }}
            />
            {sourceLabel(option)}
          </label>
        ))}
        {source === 'filter' && (
          <div className={`scn-hint${isFiltered ? '' : ' scn-hint-warn'}`}>
            {t('scn.act.filterScope', {
              scope: town === null ? t('scn.act.city') : town || '—',
              filter: isFiltered ? t('scn.act.filtered') : t('scn.act.unfiltered'),
            })}
          </div>
        )}
        {summary && plotIds.length > 0 && (
          <div className="scn-hint" data-testid="action-current">
            {t('scn.act.current', { summary })}
          </div>
        )}
      </fieldset>

      <div className="scn-form-grid">
        <label className="scn-field">
          <span className="scn-label">{t('scn.act.action')}</span>
          <select
            className="scn-select"
            data-testid="action-select"
            value={form.action}
            onChange={(event) => update({ action: event.target.value as PlotAction })}
          >
            {PLOT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {pick(language, actionName(action))}
              </option>
            ))}
          </select>
        </label>
        <label className="scn-field">
          <span className="scn-label">{t('scn.act.year')}</span>
          <select
            className="scn-select"
            data-testid="year-select"
            value={form.year}
            disabled={form.action === 'keep'}
            onChange={(event) => update({ year: Number(event.target.value) as PlanYear })}
          >
            {PLAN_YEARS.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        {form.action === 'relocate' && (
          <label className="scn-field scn-field-wide">
            <span className="scn-label">{t('scn.act.zone')}</span>
            <select
              className="scn-select"
              data-testid="zone-select"
              value={zoneIdKnown ? form.zoneId : ''}
              onChange={(event) => update({ zoneId: event.target.value })}
            >
              <option value="">{t('scn.act.zoneNone')}</option>
              {zones.map((zone) => (
                <option key={zone.id} value={zone.id}>
                  {zone.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {form.action === 'acquire' && (
          <div className="scn-field scn-field-wide scn-lease">
            <label className="scn-check">
              <input
                type="checkbox"
                data-testid="lease-check"
                checked={form.isLease}
                onChange={(event) => update({ isLease: event.target.checked })}
              />
              {t('scn.act.lease')}
            </label>
            {form.isLease && (
              <label className="scn-inline">
                <span className="scn-label">{t('scn.act.leaseYears')}</span>
                <input
                  type="text"
                  inputMode="numeric"
                  className="scn-input scn-input-short"
                  data-testid="lease-years"
                  value={form.leaseYears}
                  onChange={(event) => update({ leaseYears: event.target.value })}
                />
              </label>
            )}
          </div>
        )}
      </div>
      {form.action === 'relocate' && zones.length === 0 && <p className="scn-hint">{t('scn.act.noZones')}</p>}
      {form.action === 'relocate' && zones.length > 0 && (form.zoneId === '' || !zoneIdKnown) && (
        <p className="scn-hint scn-hint-warn">{t('scn.act.zoneUnassigned')}</p>
      )}

      <div className="scn-row">
        <button
          type="button"
          className="scn-button scn-button-primary"
          data-testid="apply-action"
          disabled={plotIds.length === 0}
          onClick={apply}
        >
          {t('scn.act.apply', { count: formatInteger(language, plotIds.length) })}
        </button>
      </div>
      {outcome && (
        <p
          className={outcome.kind === 'problem' ? 'scn-problem' : 'scn-done'}
          role={outcome.kind === 'problem' ? 'alert' : 'status'}
          data-testid={outcome.kind === 'problem' ? 'action-problem' : 'action-done'}
        >
          {outcome.kind === 'done'
            ? t('scn.act.done', { label: pick(language, outcome.message) })
            : pick(language, outcome.message)}
        </p>
      )}
    </div>
  );
}
