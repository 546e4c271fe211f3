import { useState } from 'react';
import type { PlotRow } from '../core/analysis/analyze-plan.ts';
import type { Language } from '../i18n/messages.ts';
import { type SuggestMessageKey, suggestText } from '../i18n/suggest-messages.ts';
import { type ActionSource, resolveActionSource } from '../state/action-form.ts';
import { selectVisibleRows } from '../state/plot-filter.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { BoxSelectButton } from './ActionBar.tsx';
import { formatInteger } from './format.ts';

const NO_ROWS: readonly PlotRow[] = Object.freeze([]);

/**
 * Locks and unlocks plots for the suggestion (settings.suggestion.lockedPlotIds): the selected plot,
 * the plots picked with the box, or the plots of the table's current filter.
 */
export function SuggestLocks({ language }: { language: Language }) {
  const rows = usePlanner((state) => state.analysis?.rows ?? NO_ROWS);
  const locked = usePlanner((state) => state.planning.suggestion.lockedPlotIds);
  const pickedPlots = usePlanner((state) => state.pickedPlots);
  const selectedPlot = usePlanner((state) => state.selectedPlot);
  const visibleRows = usePlanner(selectVisibleRows);
  const [chosen, setChosen] = useState<ActionSource | null>(null);
  const t = (key: SuggestMessageKey, values?: Record<string, string | number>) =>
    suggestText(language, key, values);

  const selectedRow = selectedPlot === null ? undefined : rows[selectedPlot];
  const counts: Record<ActionSource, number> = {
    picked: pickedPlots.length,
    selected: selectedRow ? 1 : 0,
    filter: visibleRows.length,
  };
  const source = resolveActionSource(chosen, counts);
  const plotIds = (): string[] => {
    if (source === 'selected') return selectedRow ? [selectedRow.id] : [];
    if (source === 'picked') return pickedPlots.flatMap((index) => (rows[index] ? [rows[index].id] : []));
    return visibleRows.map((row) => row.id);
  };
  return (
    <div className="sug-locks" data-testid="suggest-locks" data-locked={locked.length}>
      <p className="scn-hint" data-testid="suggest-locked-count">
        {locked.length > 0
          ? t('sug.locks.count', { count: formatInteger(language, locked.length) })
          : t('sug.locks.none')}
      </p>
      <fieldset className="scn-sources">
        <legend className="scn-label">{t('sug.locks.source')}</legend>
        {(['selected', 'picked', 'filter'] as const).map((option) => (
          <label key={option} className="scn-radio">
            <input
              type="radio"
              name="suggest-lock-source"
              value={option}
              data-testid={`suggest-lock-source-${option}`}
              checked={source === option}
              disabled={counts[option] === 0}
              onChange={() => setChosen(option)}
            />
            {t(`sug.locks.${option}`, { count: formatInteger(language, counts[option]) })}
          </label>
        ))}
      </fieldset>
      <div className="scn-row scn-row-wrap">
        <BoxSelectButton
          testId="suggest-box-select"
          label={t('sug.locks.boxSelect')}
          labelOn={t('sug.locks.boxSelectOn')}
        />
        <button
          type="button"
          className="scn-button"
          data-testid="suggest-lock"
          disabled={counts[source] === 0}
          onClick={() => plannerStore.getState().lockPlots(plotIds(), true)}
        >
          {t('sug.locks.lock')}
        </button>
        <button
          type="button"
          className="scn-button"
          data-testid="suggest-unlock"
          disabled={counts[source] === 0 || locked.length === 0}
          onClick={() => plannerStore.getState().lockPlots(plotIds(), false)}
        >
          {t('sug.locks.unlock')}
        </button>
        <button
          type="button"
          className="scn-button"
          data-testid="suggest-unlock-all"
          disabled={locked.length === 0}
          onClick={() => plannerStore.getState().lockPlots(locked, false)}
        >
          {t('sug.locks.unlockAll')}
        </button>
      </div>
    </div>
  );
}
