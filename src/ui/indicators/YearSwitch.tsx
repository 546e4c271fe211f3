import { LAST_PLAN_YEAR, PLAN_YEARS, type PlanYear } from '../../core/scenario/scenario.ts';
import type { Language } from '../../i18n/messages.ts';
import { scenarioText } from '../../i18n/scenario-messages.ts';

/** Year buttons 2022…2026; 2026 is the plan as a whole. */
export function YearSwitch({
  year,
  onChange,
  language,
  testId,
}: {
  year: PlanYear;
  onChange: (year: PlanYear) => void;
  language: Language;
  testId?: string;
}) {
  return (
    <fieldset className="scn-years" data-testid={testId}>
      <legend className="scn-label">{scenarioText(language, 'scn.ind.year')}</legend>
      {PLAN_YEARS.map((option) => (
        <button
          key={option}
          type="button"
          className="scn-year"
          aria-pressed={option === year}
          data-year={option}
          onClick={() => onChange(option)}
        >
          {option === LAST_PLAN_YEAR ? scenarioText(language, 'scn.ind.overall', { year: option }) : option}
        </button>
      ))}
    </fieldset>
  );
}
