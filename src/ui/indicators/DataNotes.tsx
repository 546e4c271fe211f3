import type { ScenarioFigures } from '../../core/scenario/indicators/scenario-figures.ts';
import type { Language } from '../../i18n/messages.ts';
import { type ScenarioMessageKey, scenarioText } from '../../i18n/scenario-messages.ts';
import { formatInteger } from '../format.ts';

/** What the figures leave out for want of data: unknown plots, missing tax or floor area, zones not measured. */
export function DataNotes({ figures, language }: { figures: ScenarioFigures; language: Language }) {
  const { data } = figures;
  const notes: { key: ScenarioMessageKey; count: number }[] = [
    { key: 'scn.ind.data.unknownPlots', count: data.unknownPlotCount },
    { key: 'scn.ind.data.missingTax', count: data.missingTaxPlots },
    { key: 'scn.ind.data.missingFloor', count: data.missingFloorAreaPlots },
    { key: 'scn.ind.data.unmeasured', count: data.unmeasuredZoneIds.length },
  ];
  const shown = notes.filter((note) => note.count > 0);
  if (shown.length === 0) return null;
  return (
    <ul className="scn-notes" data-testid="scenario-data-notes">
      {shown.map((note) => (
        <li key={note.key}>
          {scenarioText(language, note.key, { count: formatInteger(language, note.count) })}
        </li>
      ))}
    </ul>
  );
}
