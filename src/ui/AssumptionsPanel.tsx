import { type KeyboardEvent, useEffect, useState } from 'react';
import { parseNumberText } from '../core/parse-number-text.ts';
import { ASSUMPTION_KEYS, type Assumptions, DEFAULT_ASSUMPTIONS } from '../core/scenario/scenario.ts';
import { type ScenarioMessageKey, scenarioText } from '../i18n/scenario-messages.ts';
import { selectActiveScenario } from '../state/scenario-selectors.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { formatNumber, pick } from './format.ts';

interface CommitFieldProps {
  /** The stored value as text; the field shows it again whenever it changes. */
  value: string;
  /** Stores the typed text; returns why it cannot, or undefined when stored. */
  onCommit: (text: string) => string | undefined;
  label: string;
  className?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  testId?: string;
}

/**
 * A text field that stores on Enter or when it loses focus (one edit, not one per key); Escape
 * brings the stored value back. A refused text stays in the field, marked, with the reason.
 */
export function CommitField({
  value,
  onCommit,
  label,
  className,
  inputMode = 'text',
  testId,
}: CommitFieldProps) {
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    // A change from elsewhere (undo, another scenario) shows in the field.
    setDraft(value);
    setProblem(undefined);
  }, [value]);

  const commit = () => {
    if (draft === value) {
      setProblem(undefined);
      return;
    }
    setProblem(onCommit(draft));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      setDraft(value);
      setProblem(undefined);
    }
  };
  return (
    <span className="scn-commit">
      <input
        type="text"
        inputMode={inputMode}
        className={`scn-input${className ? ` ${className}` : ''}${problem ? ' scn-input-invalid' : ''}`}
        aria-label={label}
        aria-invalid={problem !== undefined}
        title={problem ?? label}
        data-testid={testId}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {problem && (
        <span className="scn-field-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}

/** The unit of each assumption (types.ts documents them); 万 may be typed only where it is 元/平方米. */
const UNITS: Readonly<Record<keyof Assumptions, ScenarioMessageKey>> = {
  upliftFactor: 'scn.unit.factor',
  zoneTaxPerMu: 'scn.unit.wanPerMu',
  upgradeFirmsPer100Mu: 'scn.unit.firmsPer100Mu',
  zoneFirmsPer100Mu: 'scn.unit.firmsPer100Mu',
  relocationFloorFactor: 'scn.unit.factor',
  purchaseWanPerMu: 'scn.unit.wanPerMu',
  leaseWanPerMuYear: 'scn.unit.wanPerMuYear',
  demolitionYuanPerM2: 'scn.unit.yuanPerM2',
  rewardWanPerMu: 'scn.unit.wanPerMu',
  upgradeSubsidyWanPerMu: 'scn.unit.wanPerMu',
  relocationSubsidyWanPerMu: 'scn.unit.wanPerMu',
};

/**
 * Every assumption of the scenario maths with its unit, editable; the defaults are example values
 * (DESIGN.md) and say so, each with a way back to its example.
 */
export function AssumptionsPanel() {
  const language = usePlanner((state) => state.language);
  const scenario = usePlanner(selectActiveScenario);
  if (!scenario) return null;
  const t = (key: ScenarioMessageKey, values?: Record<string, string | number>) =>
    scenarioText(language, key, values);
  const assumptions = scenario.assumptions;
  const changed = ASSUMPTION_KEYS.filter((key) => assumptions[key] !== DEFAULT_ASSUMPTIONS[key]);

  const store = (patch: Partial<Assumptions>): string | undefined => {
    const problem = plannerStore.getState().edit({ type: 'set-assumptions', assumptions: patch });
    return problem ? pick(language, problem) : undefined;
  };

  return (
    <div className="scn-assumptions" data-testid="assumptions">
      <p className="scn-note">{t('scn.asm.note')}</p>
      <table className="scn-table scn-assumption-table">
        <tbody>
          {ASSUMPTION_KEYS.map((key) => {
            const value = assumptions[key];
            const example = DEFAULT_ASSUMPTIONS[key];
            const isExample = value === example;
            return (
              <tr key={key} data-key={key} data-value={value} data-example={isExample}>
                <th scope="row">
                  <div>{t(`scn.asm.${key}`)}</div>
                  <div className="scn-sub">{t(`scn.asm.${key}.hint`)}</div>
                </th>
                <td className="scn-assumption-value">
                  <CommitField
                    value={String(value)}
                    label={`${t(`scn.asm.${key}`)} · ${t(UNITS[key])}`}
                    inputMode="decimal"
                    className="scn-input-number"
                    testId={`assumption-${key}`}
                    onCommit={(text) => {
                      const parsed = parseNumberText(text, { wan: UNITS[key] === 'scn.unit.yuanPerM2' });
                      if (parsed.kind !== 'number' || parsed.value < 0) return t('scn.asm.invalid');
                      return parsed.value === value ? undefined : store({ [key]: parsed.value });
                    }}
                  />
                  <span className="scn-unit">{t(UNITS[key])}</span>
                </td>
                <td className="scn-assumption-example">
                  <span className={`scn-example${isExample ? '' : ' scn-example-changed'}`}>
                    {t('scn.asm.example', { value: formatNumber(language, example, 0, 2) })}
                  </span>
                  {!isExample && (
                    <button
                      type="button"
                      className="scn-button scn-button-small"
                      data-testid={`assumption-reset-${key}`}
                      onClick={() => store({ [key]: example })}
                    >
                      {t('scn.asm.reset')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="scn-row">
        <button
          type="button"
          className="scn-button"
          disabled={changed.length === 0}
          onClick={() => store(Object.fromEntries(changed.map((key) => [key, DEFAULT_ASSUMPTIONS[key]])))}
        >
          {t('scn.asm.resetAll')}
        </button>
      </div>
    </div>
  );
}
