import { useState } from 'react';
import { parseNumberText } from '../core/parse-number-text.ts';
import type { ScenarioEdit } from '../core/scenario/edits/scenario-edit.ts';
import { LAST_PLAN_YEAR, PLAN_YEARS, type PlanYear } from '../core/scenario/scenario.ts';
import type { Language } from '../i18n/messages.ts';
import { type ScenarioMessageKey, scenarioText } from '../i18n/scenario-messages.ts';
import { newId } from '../state/new-id.ts';
import { selectActiveScenario } from '../state/scenario-selectors.ts';
import { selectPlanTowns } from '../state/select-plan-towns.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { formatMu, pick } from './format.ts';

type Text = (key: ScenarioMessageKey, values?: Record<string, string | number>) => string;

function YearSelect({
  value,
  onChange,
  label,
  testId,
}: {
  value: PlanYear;
  onChange: (year: PlanYear) => void;
  label: string;
  testId?: string;
}) {
  return (
    <select
      className="scn-select"
      aria-label={label}
      data-testid={testId}
      value={value}
      onChange={(event) => onChange(Number(event.target.value) as PlanYear)}
    >
      {PLAN_YEARS.map((year) => (
        <option key={year} value={year}>
          {year}
        </option>
      ))}
    </select>
  );
}

function TownSelect({
  value,
  onChange,
  towns,
  label,
  t,
  testId,
}: {
  value: string;
  onChange: (town: string) => void;
  towns: readonly string[];
  label: string;
  t: Text;
  testId?: string;
}) {
  return (
    <select
      className="scn-select scn-select-town"
      aria-label={label}
      data-testid={testId}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{t('scn.quota.chooseTown')}</option>
      {towns.map((town) => (
        <option key={town} value={town}>
          {town}
        </option>
      ))}
    </select>
  );
}

/** The 亩 typed (1.2万 = 12,000 亩), or why it is not usable. */
function parseMu(text: string, t: Text): { mu: number } | { problem: string } {
  const parsed = parseNumberText(text, { wan: true });
  return parsed.kind === 'number' && parsed.value > 0
    ? { mu: parsed.value }
    : { problem: t('scn.quota.invalidMu') };
}

/** Runs an edit; the problem as text when it could not apply. */
function runEdit(edit: ScenarioEdit, language: Language): string | undefined {
  const problem = plannerStore.getState().edit(edit);
  return problem ? pick(language, problem) : undefined;
}

/**
 * The quota that is not released by vacating land (R3): direct quota for listed key projects, and
 * transfers (调剂) between towns; each added or removed as one labelled edit.
 */
export function QuotaPanel() {
  const language = usePlanner((state) => state.language);
  const scenario = usePlanner(selectActiveScenario);
  const towns = usePlanner(selectPlanTowns);
  const t: Text = (key, values) => scenarioText(language, key, values);

  const [direct, setDirect] = useState({ town: '', mu: '', year: LAST_PLAN_YEAR as PlanYear, note: '' });
  const [transfer, setTransfer] = useState({ from: '', to: '', mu: '', year: LAST_PLAN_YEAR as PlanYear });
  const [directProblem, setDirectProblem] = useState<string | undefined>(undefined);
  const [transferProblem, setTransferProblem] = useState<string | undefined>(undefined);

  if (!scenario) return null;

  const addDirect = () => {
    if (direct.town === '') return setDirectProblem(t('scn.quota.needTown'));
    const parsed = parseMu(direct.mu, t);
    if ('problem' in parsed) return setDirectProblem(parsed.problem);
    const id = newId(
      'quota',
      scenario.directQuota.map((q) => q.id),
    );
    const problem = runEdit(
      {
        type: 'add-direct-quota',
        quota: { id, town: direct.town, mu: parsed.mu, year: direct.year, note: direct.note.trim() },
      },
      language,
    );
    setDirectProblem(problem);
    if (!problem) setDirect({ ...direct, mu: '', note: '' });
  };

  const addTransfer = () => {
    if (transfer.from === '' || transfer.to === '') return setTransferProblem(t('scn.quota.needTown'));
    if (transfer.from === transfer.to) return setTransferProblem(t('scn.quota.sameTown'));
    const parsed = parseMu(transfer.mu, t);
    if ('problem' in parsed) return setTransferProblem(parsed.problem);
    const id = newId(
      'transfer',
      scenario.transfers.map((item) => item.id),
    );
    const problem = runEdit(
      {
        type: 'add-transfer',
        transfer: { id, from: transfer.from, to: transfer.to, mu: parsed.mu, year: transfer.year },
      },
      language,
    );
    setTransferProblem(problem);
    if (!problem) setTransfer({ ...transfer, mu: '' });
  };

  return (
    <div className="scn-quota" data-testid="quota-panel">
      <h4 className="scn-minor-title">{t('scn.quota.direct')}</h4>
      <p className="scn-note">{t('scn.quota.directHint')}</p>
      {scenario.directQuota.length === 0 ? (
        <p className="scn-sub">{t('scn.quota.none')}</p>
      ) : (
        <table className="scn-table" data-testid="direct-quota-table">
          <thead>
            <tr>
              <th scope="col">{t('scn.quota.town')}</th>
              <th scope="col">{t('scn.quota.mu')}</th>
              <th scope="col">{t('scn.quota.year')}</th>
              <th scope="col" className="scn-cell-text">
                {t('scn.quota.note')}
              </th>
              <th scope="col" aria-label={t('scn.quota.delete')} />
            </tr>
          </thead>
          <tbody>
            {scenario.directQuota.map((quota) => (
              <tr key={quota.id} data-quota-id={quota.id}>
                <th scope="row">{quota.town}</th>
                <td>{formatMu(language, quota.mu, false)}</td>
                <td>{quota.year}</td>
                <td className="scn-cell-text">{quota.note}</td>
                <td>
                  <button
                    type="button"
                    className="scn-button scn-button-small"
                    onClick={() => runEdit({ type: 'delete-direct-quota', quotaId: quota.id }, language)}
                  >
                    {t('scn.quota.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="scn-add-row" data-testid="direct-quota-form">
        <TownSelect
          value={direct.town}
          onChange={(town) => setDirect({ ...direct, town })}
          towns={towns}
          label={t('scn.quota.town')}
          t={t}
          testId="direct-town"
        />
        <input
          type="text"
          inputMode="decimal"
          className="scn-input scn-input-short"
          placeholder={t('scn.quota.mu')}
          aria-label={t('scn.quota.mu')}
          data-testid="direct-mu"
          value={direct.mu}
          onChange={(event) => setDirect({ ...direct, mu: event.target.value })}
        />
        <YearSelect
          value={direct.year}
          onChange={(year) => setDirect({ ...direct, year })}
          label={t('scn.quota.year')}
        />
        <input
          type="text"
          className="scn-input scn-input-note"
          placeholder={t('scn.quota.notePlaceholder')}
          aria-label={t('scn.quota.note')}
          value={direct.note}
          onChange={(event) => setDirect({ ...direct, note: event.target.value })}
        />
        <button type="button" className="scn-button" data-testid="direct-add" onClick={addDirect}>
          {t('scn.quota.add')}
        </button>
      </div>
      {directProblem && (
        <p className="scn-problem" role="alert">
          {directProblem}
        </p>
      )}

      <h4 className="scn-minor-title">{t('scn.quota.transfers')}</h4>
      {scenario.transfers.length === 0 ? (
        <p className="scn-sub">{t('scn.quota.none')}</p>
      ) : (
        <table className="scn-table" data-testid="transfer-table">
          <thead>
            <tr>
              <th scope="col">{t('scn.quota.from')}</th>
              <th scope="col" className="scn-cell-text">
                {t('scn.quota.to')}
              </th>
              <th scope="col">{t('scn.quota.mu')}</th>
              <th scope="col">{t('scn.quota.year')}</th>
              <th scope="col" aria-label={t('scn.quota.delete')} />
            </tr>
          </thead>
          <tbody>
            {scenario.transfers.map((item) => (
              <tr key={item.id} data-transfer-id={item.id}>
                <th scope="row">{item.from}</th>
                <td className="scn-cell-text">{item.to}</td>
                <td>{formatMu(language, item.mu, false)}</td>
                <td>{item.year}</td>
                <td>
                  <button
                    type="button"
                    className="scn-button scn-button-small"
                    onClick={() => runEdit({ type: 'delete-transfer', transferId: item.id }, language)}
                  >
                    {t('scn.quota.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="scn-add-row" data-testid="transfer-form">
        <TownSelect
          value={transfer.from}
          onChange={(from) => setTransfer({ ...transfer, from })}
          towns={towns}
          label={t('scn.quota.from')}
          t={t}
          testId="transfer-from"
        />
        <span aria-hidden="true">→</span>
        <TownSelect
          value={transfer.to}
          onChange={(to) => setTransfer({ ...transfer, to })}
          towns={towns}
          label={t('scn.quota.to')}
          t={t}
          testId="transfer-to"
        />
        <input
          type="text"
          inputMode="decimal"
          className="scn-input scn-input-short"
          placeholder={t('scn.quota.mu')}
          aria-label={t('scn.quota.mu')}
          data-testid="transfer-mu"
          value={transfer.mu}
          onChange={(event) => setTransfer({ ...transfer, mu: event.target.value })}
        />
        <YearSelect
          value={transfer.year}
          onChange={(year) => setTransfer({ ...transfer, year })}
          label={t('scn.quota.year')}
        />
        <button type="button" className="scn-button" data-testid="transfer-add" onClick={addTransfer}>
          {t('scn.quota.add')}
        </button>
      </div>
      {transferProblem && (
        <p className="scn-problem" role="alert">
          {transferProblem}
        </p>
      )}
    </div>
  );
}
