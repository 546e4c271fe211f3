/**
 * The indicators of the active scenario for one year against the 2026 targets: one card per
 * indicator of the catalogue (core/catalogue/indicator-catalogue.ts), each in its own file.
 */

import { useState } from 'react';
import type { PlotRow } from '../../core/analysis/analyze-plan.ts';
import { TARGET_KEYS } from '../../core/catalogue/indicator-catalogue.ts';
import type { IndicatorKey } from '../../core/scenario/indicators/indicator-keys.ts';
import type { PlanYear } from '../../core/scenario/scenario.ts';
import type { ZoneMeasures } from '../../core/scenario/zone-measures.ts';
import { type ScenarioMessageKey, scenarioText } from '../../i18n/scenario-messages.ts';
import {
  selectActiveIndicators,
  selectActiveScenario,
  selectZoneMeasures,
} from '../../state/scenario-selectors.ts';
import { usePlanner } from '../../state/store.ts';
import { CapacityCard } from './CapacityCard.tsx';
import { DataNotes } from './DataNotes.tsx';
import { IndicatorExplain } from './IndicatorExplain.tsx';
import { type CardProps, InfoToggle, type OpenExplanation, sameExplanation } from './IndicatorParts.tsx';
import { LedgerCard } from './LedgerCard.tsx';
import { MoneyCard } from './MoneyCard.tsx';
import { TargetCard } from './TargetCard.tsx';
import { ViolationsCard } from './ViolationsCard.tsx';
import { YearSwitch } from './YearSwitch.tsx';

type Text = (key: ScenarioMessageKey, values?: Record<string, string | number>) => string;

const NO_ROWS: readonly PlotRow[] = Object.freeze([]);
const NO_MEASURES: Readonly<Record<string, ZoneMeasures>> = Object.freeze({});

interface ScenarioIndicatorsProps {
  /** The year whose cumulative figures are shown; 2026 is the plan as a whole. */
  year: PlanYear;
  onYearChange: (year: PlanYear) => void;
}

/**
 * The indicators of the active scenario for one year against the 2026 targets: R1 and R7 with
 * progress bars, the quota ledger per town (R3), R2 violations, zone capacity and money (R5). Every
 * figure explains itself and lists the plots behind it.
 */
export function ScenarioIndicators({ year, onYearChange }: ScenarioIndicatorsProps) {
  const language = usePlanner((state) => state.language);
  const indicators = usePlanner(selectActiveIndicators);
  const scenario = usePlanner(selectActiveScenario);
  const rows = usePlanner((state) => state.analysis?.rows ?? NO_ROWS);
  const zoneMeasures = usePlanner((state) => {
    const active = selectActiveScenario(state);
    return active ? selectZoneMeasures(state, active.id) : NO_MEASURES;
  });
  const [open, setOpen] = useState<OpenExplanation | null>(null);
  const t: Text = (key, values) => scenarioText(language, key, values);

  if (!indicators || !scenario) {
    return (
      <section className="scn-indicators" data-testid="scenario-indicators">
        <p className="scn-sub">{t('scn.loading')}</p>
      </section>
    );
  }
  const figures = indicators.byYear[year];
  const toggle = (next: OpenExplanation) => setOpen(sameExplanation(open, next) ? null : next);
  const explainFor = (key: IndicatorKey, title: string, town?: string) => {
    const wanted: OpenExplanation = town === undefined ? { key } : { key, town };
    if (!sameExplanation(open, wanted) || !open) return null;
    return (
      <IndicatorExplain
        key={`${key}|${town ?? ''}|${year}`}
        open={open}
        year={year}
        rows={rows}
        zoneMeasures={zoneMeasures}
        scenario={scenario}
        indicators={indicators}
        language={language}
        title={title}
        onClose={() => setOpen(null)}
      />
    );
  };
  const info = (key: IndicatorKey, title: string) => (
    <InfoToggle
      open={sameExplanation(open, { key })}
      what={t('scn.explain.what', { what: title })}
      onClick={() => toggle({ key })}
    />
  );

  const cardProps: CardProps = { figures, language, info, explainFor };

  return (
    <section className="scn-indicators" data-testid="scenario-indicators" data-year={year}>
      <YearSwitch year={year} onChange={onYearChange} language={language} testId="indicator-year" />
      <p className="scn-sub scn-as-of">{t('scn.ind.asOf', { year })}</p>

      <div className="scn-card-grid">
        {TARGET_KEYS.map((key) => (
          <TargetCard key={key} targetKey={key} {...cardProps} />
        ))}
      </div>

      <LedgerCard {...cardProps} open={open} onToggle={toggle} />

      <ViolationsCard {...cardProps} />

      <CapacityCard {...cardProps} scenario={scenario} />

      <MoneyCard {...cardProps} />

      <DataNotes figures={figures} language={language} />
    </section>
  );
}
