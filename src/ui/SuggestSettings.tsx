import { Fragment, useState } from 'react';
import { parseNumberText } from '../core/parse-number-text.ts';
import { PLAN_YEARS, type PlanYear } from '../core/scenario/scenario.ts';
import {
  OBJECTIVE_PRESETS,
  type ObjectiveName,
  type ObjectiveWeights,
  type PlanningSettings,
  type SuggestRules,
  TARGET_KEYS,
  type TargetKey,
} from '../core/suggest/suggest-settings.ts';
import type { Language } from '../i18n/messages.ts';
import { type SuggestMessageKey, suggestText } from '../i18n/suggest-messages.ts';
import { plannerStore, usePlanner } from '../state/store.ts';

type Text = (key: SuggestMessageKey, values?: Record<string, string | number>) => string;

/** Each target's unit and how its value is shown (the control share as a percentage). */
const TARGET_UNITS: Record<TargetKey, { unit: SuggestMessageKey; scale: number }> = {
  controlShare: { unit: 'sug.unit.percent', scale: 100 },
  renovatedMu: { unit: 'sug.unit.mu', scale: 1 },
  renovatedTaxPerMu: { unit: 'sug.unit.wanPerMu', scale: 1 },
  newAboveScaleFirms: { unit: 'sug.unit.firms', scale: 1 },
};

/** Replaces the plan's planning settings with `change` applied to a copy. */
function updatePlanning(change: (planning: PlanningSettings) => PlanningSettings): void {
  const state = plannerStore.getState();
  state.setPlanning(change(state.planning));
}

/**
 * A number field that keeps what is typed and stores the number once it reads as one (full-width
 * digits and 万 allowed); empty stores null where `optional`, else counts as not a number.
 */
export function NumberField({
  value,
  onValue,
  optional = false,
  label,
  testId,
  t,
  disabled,
}: {
  value: number | null;
  onValue: (value: number | null) => void;
  optional?: boolean;
  label: string;
  testId: string;
  t: Text;
  disabled?: boolean;
}) {
  const shown = value === null ? '' : String(Number(value.toPrecision(12)));
  const [text, setText] = useState(shown);
  const [seen, setSeen] = useState(value);
  // A value changed elsewhere (a plan opened) replaces what was typed.
  if (seen !== value) {
    setSeen(value);
    if (parsed(text) !== value) setText(shown);
  }
  const reading = parseNumberText(text);
  const invalid = reading.kind === 'invalid' || (reading.kind === 'empty' && !optional);
  return (
    <input
      className={`scn-input scn-input-number${invalid ? ' scn-input-invalid' : ''}`}
      aria-label={label}
      aria-invalid={invalid || undefined}
      title={invalid ? t('sug.badNumber') : undefined}
      data-testid={testId}
      inputMode="decimal"
      disabled={disabled}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        const next = parseNumberText(event.target.value);
        if (next.kind === 'number' && next.value >= 0) onValue(next.value);
        else if (next.kind === 'empty' && optional) onValue(null);
      }}
    />
  );
}

function parsed(text: string): number | null {
  const reading = parseNumberText(text);
  return reading.kind === 'number' ? reading.value : null;
}

/** The horizon and the four targets, each switchable with its value; the milestones. */
export function SuggestTargets({ language }: { language: Language }) {
  const planning = usePlanner((state) => state.planning);
  const t: Text = (key, values) => suggestText(language, key, values);
  const { horizon, targets } = planning;
  const setYear = (end: 'firstYear' | 'lastYear', year: PlanYear) =>
    updatePlanning((p) => {
      const next = { ...p.horizon, [end]: year };
      // The horizon never runs backwards: the other end follows.
      if (next.firstYear > next.lastYear) next[end === 'firstYear' ? 'lastYear' : 'firstYear'] = year;
      return { ...p, horizon: next };
    });
  return (
    <div className="sug-grid" data-testid="suggest-targets">
      <span className="scn-label">{t('sug.horizon')}</span>
      <span className="sug-inline">
        {(['firstYear', 'lastYear'] as const).map((end, i) => (
          <span key={end} className="sug-inline">
            {i > 0 && <span>{t('sug.horizonTo')}</span>}
            <select
              className="scn-select"
              aria-label={`${t('sug.horizon')} ${i + 1}`}
              data-testid={`suggest-${end}`}
              value={horizon[end]}
              onChange={(event) => setYear(end, Number(event.target.value) as PlanYear)}
            >
              {PLAN_YEARS.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </span>
        ))}
      </span>
      {TARGET_KEYS.map((key) => {
        const target = targets[key];
        const { unit, scale } = TARGET_UNITS[key];
        return (
          <Fragment key={key}>
            <label className="scn-check">
              <input
                type="checkbox"
                data-testid={`suggest-target-${key}`}
                checked={target.enabled}
                onChange={(event) =>
                  updatePlanning((p) => ({
                    ...p,
                    targets: { ...p.targets, [key]: { ...p.targets[key], enabled: event.target.checked } },
                  }))
                }
              />
              {t(`sug.target.${key}`)}
            </label>
            <span className="sug-inline">
              <NumberField
                value={target.value * scale}
                label={t(`sug.target.${key}`)}
                testId={`suggest-target-value-${key}`}
                t={t}
                disabled={!target.enabled}
                onValue={(value) =>
                  value !== null &&
                  updatePlanning((p) => ({
                    ...p,
                    targets: { ...p.targets, [key]: { ...p.targets[key], value: value / scale } },
                  }))
                }
              />
              <span className="scn-unit">{t(unit)}</span>
            </span>
          </Fragment>
        );
      })}
      <span className="scn-label">{t('sug.milestones')}</span>
      <select
        className="scn-select"
        aria-label={t('sug.milestones')}
        data-testid="suggest-milestones"
        value={targets.milestones}
        onChange={(event) =>
          updatePlanning((p) => ({
            ...p,
            targets: { ...p.targets, milestones: event.target.value as 'none' | 'linear' },
          }))
        }
      >
        <option value="none">{t('sug.milestones.none')}</option>
        <option value="linear">{t('sug.milestones.linear')}</option>
      </select>
    </div>
  );
}

const RULE_SWITCHES = [
  'noRenewalOutsideBoundary',
  'noKeepRiskOrPollution',
  'keepControlLand',
  'firmsMoveToZones',
] as const satisfies readonly (keyof SuggestRules)[];

/** The rules the planner can switch, the minimum tax of kept plots, transfers, budget and lease. */
export function SuggestRulesForm({ language }: { language: Language }) {
  const suggestion = usePlanner((state) => state.planning.suggestion);
  const t: Text = (key, values) => suggestText(language, key, values);
  const setSuggestion = (patch: Partial<PlanningSettings['suggestion']>) =>
    updatePlanning((p) => ({ ...p, suggestion: { ...p.suggestion, ...patch } }));
  const setRules = (patch: Partial<SuggestRules>) =>
    setSuggestion({ rules: { ...suggestion.rules, ...patch } });
  return (
    <div className="sug-rules" data-testid="suggest-rules">
      {RULE_SWITCHES.map((rule) => (
        <label key={rule} className="scn-check">
          <input
            type="checkbox"
            data-testid={`suggest-rule-${rule}`}
            checked={suggestion.rules[rule]}
            onChange={(event) => setRules({ [rule]: event.target.checked })}
          />
          {t(`sug.rule.${rule}`)}
        </label>
      ))}
      <div className="sug-grid">
        <span className="scn-label">{t('sug.rule.minKeepTaxPerMu')}</span>
        <span className="sug-inline">
          <NumberField
            optional
            value={suggestion.rules.minKeepTaxPerMu}
            label={t('sug.rule.minKeepTaxPerMu')}
            testId="suggest-min-keep-tax"
            t={t}
            onValue={(minKeepTaxPerMu) => setRules({ minKeepTaxPerMu })}
          />
          <span className="scn-unit">{t('sug.unit.wanPerMu')}</span>
        </span>
        <span className="scn-label">{t('sug.transferLimit')}</span>
        <NumberField
          value={suggestion.transferLimitMu}
          label={t('sug.transferLimit')}
          testId="suggest-transfer-limit"
          t={t}
          onValue={(value) => value !== null && setSuggestion({ transferLimitMu: value })}
        />
        <span className="scn-label">{t('sug.budget')}</span>
        <NumberField
          optional
          value={suggestion.yearlyBudgetWan}
          label={t('sug.budget')}
          testId="suggest-budget"
          t={t}
          onValue={(yearlyBudgetWan) => setSuggestion({ yearlyBudgetWan })}
        />
        <span className="scn-label">{t('sug.leaseYears')}</span>
        <NumberField
          optional
          value={suggestion.leaseYears}
          label={t('sug.leaseYears')}
          testId="suggest-lease-years"
          t={t}
          onValue={(value) =>
            setSuggestion({ leaseYears: value === null ? null : Math.max(1, Math.round(value)) })
          }
        />
      </div>
    </div>
  );
}

/** The objective's preset this weighting is, or 'weighted'. */
function objectiveName(weights: ObjectiveWeights): ObjectiveName | 'weighted' {
  for (const name of Object.keys(OBJECTIVE_PRESETS) as ObjectiveName[]) {
    const preset = OBJECTIVE_PRESETS[name];
    if (
      preset.costWan === weights.costWan &&
      preset.firms === weights.firms &&
      preset.incomeWan === weights.incomeWan
    )
      return name;
  }
  return 'weighted';
}

const WEIGHTS = ['costWan', 'firms', 'incomeWan'] as const satisfies readonly (keyof ObjectiveWeights)[];

/** The objective: cost, firms or income, or a weighted mix of the three. */
export function SuggestObjective({ language }: { language: Language }) {
  const weights = usePlanner((state) => state.planning.suggestion.objective);
  const t: Text = (key, values) => suggestText(language, key, values);
  const [mixing, setMixing] = useState(false);
  const name = mixing ? 'weighted' : objectiveName(weights);
  const setWeights = (objective: ObjectiveWeights) =>
    updatePlanning((p) => ({ ...p, suggestion: { ...p.suggestion, objective } }));
  return (
    <div className="sug-objective" data-testid="suggest-objective">
      {(['cost', 'firms', 'income', 'weighted'] as const).map((option) => (
        <label key={option} className="scn-radio">
          <input
            type="radio"
            name="suggest-objective"
            data-testid={`suggest-objective-${option}`}
            checked={name === option}
            onChange={() => {
              setMixing(option === 'weighted');
              if (option !== 'weighted') setWeights({ ...OBJECTIVE_PRESETS[option] });
            }}
          />
          {t(`sug.objective.${option}`)}
        </label>
      ))}
      {name === 'weighted' && (
        <div className="sug-grid">
          {WEIGHTS.map((key) => (
            <WeightField key={key} weightKey={key} weights={weights} t={t} onWeights={setWeights} />
          ))}
        </div>
      )}
    </div>
  );
}

function WeightField({
  weightKey,
  weights,
  t,
  onWeights,
}: {
  weightKey: (typeof WEIGHTS)[number];
  weights: ObjectiveWeights;
  t: Text;
  onWeights: (weights: ObjectiveWeights) => void;
}) {
  return (
    <>
      <span className="scn-label">{t(`sug.weight.${weightKey}`)}</span>
      <NumberField
        value={weights[weightKey]}
        label={t(`sug.weight.${weightKey}`)}
        testId={`suggest-weight-${weightKey}`}
        t={t}
        onValue={(value) => value !== null && onWeights({ ...weights, [weightKey]: value })}
      />
    </>
  );
}
