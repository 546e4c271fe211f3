import { actionName } from '../core/catalogue/action-catalogue.ts';
import { figureRecord } from '../core/catalogue/figure-catalogue.ts';
import { indicatorRecord, nameWithRule } from '../core/catalogue/indicator-catalogue.ts';
import {
  CHANGING_ACTIONS,
  REPORT_STATUSES,
  REPORT_TARGET_KEYS,
  type ReportModel,
  type ReportTargetKey,
  type ReportTownRow,
} from '../export/report-model.ts';
import type { Language } from '../i18n/messages.ts';
import { translate } from '../i18n/messages.ts';
import { type ReportMessageKey, reportText } from '../i18n/report-messages.ts';
import { scenarioText } from '../i18n/scenario-messages.ts';
import { isNegativeBalance } from '../state/is-negative-balance.ts';
import { formatInteger, formatMu, formatPercent, pick } from './format.ts';
import { formatFigure } from './scenario-format.ts';

function targetCells(
  model: ReportModel,
  key: ReportTargetKey,
  language: Language,
): { target: string; value: string } {
  const check = model.targets[key];
  const t = (k: ReportMessageKey, values?: Record<string, string | number>) =>
    reportText(language, k, values);
  switch (key) {
    case 'ledger':
      return {
        target: t('report.target.ledger'),
        value: t('report.value.ledger', {
          balance: formatMu(language, model.cityBalanceMu),
          count: formatInteger(language, check.value),
        }),
      };
    case 'violations':
      return {
        target: t('report.target.violations'),
        value: t('report.value.violations', { count: formatInteger(language, check.value) }),
      };
    default: {
      const figure = figureRecord(indicatorRecord(key).headline);
      const format = (l: Language, v: number) => formatFigure(l, figure, v);
      return {
        target: t('report.target.atLeast', { value: format(language, check.target) }),
        value:
          check.value === null ? scenarioText(language, 'scn.ind.noValue') : format(language, check.value),
      };
    }
  }
}

/** The 2026 figures against their targets: indicator, target, value, met or not. */
export function ReportTargets({ model, language }: { model: ReportModel; language: Language }) {
  const t = (key: ReportMessageKey) => reportText(language, key);
  return (
    <table className="report-table report-targets" data-testid="report-targets">
      <thead>
        <tr>
          <th scope="col">{t('report.col.indicator')}</th>
          <th scope="col">{t('report.col.target')}</th>
          <th scope="col">{t('report.col.value')}</th>
          <th scope="col">{t('report.col.met')}</th>
        </tr>
      </thead>
      <tbody>
        {REPORT_TARGET_KEYS.map((key) => {
          const check = model.targets[key];
          const cells = targetCells(model, key, language);
          return (
            <tr key={key} data-key={key}>
              <th scope="row" data-indicator-name={key}>
                {pick(language, nameWithRule(key))}
              </th>
              <td>{cells.target}</td>
              <td className="report-number" data-field={key} data-value={check.value ?? undefined}>
                {cells.value}
              </td>
              <td>
                <span
                  className={`report-badge ${check.met ? 'report-met' : 'report-not-met'}`}
                  data-met={check.met}
                >
                  {check.met ? t('report.met') : t('report.notMet')}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function townName(language: Language, town: string | null): string {
  if (town === null) return reportText(language, 'report.town.city');
  return town === '' ? reportText(language, 'report.town.none') : town;
}

/** The quota ledger per town (R3) and the city's total, 亩. */
export function ReportLedger({ model, language }: { model: ReportModel; language: Language }) {
  const t = (key: ReportMessageKey) => reportText(language, key);
  const mu = (value: number) => formatMu(language, value, false);
  const cells = (town: string | null, ledger: ReportModel['ledgerCity']) => {
    const negative = isNegativeBalance(ledger.balance);
    return (
      <tr
        key={town ?? ''}
        className={`${town === null ? 'report-total' : ''}${negative ? ' report-negative-row' : ''}`}
        data-town={town ?? undefined}
        data-balance={ledger.balance}
      >
        <th scope="row">{townName(language, town)}</th>
        <td>{mu(ledger.released)}</td>
        <td>{mu(ledger.directQuotaMu)}</td>
        <td>{mu(ledger.transfersIn)}</td>
        <td>{mu(ledger.transfersOut)}</td>
        <td>{mu(ledger.used)}</td>
        <td className={negative ? 'report-negative' : undefined}>{mu(ledger.balance)}</td>
      </tr>
    );
  };
  return (
    <table className="report-table report-numbers report-ledger" data-testid="report-ledger">
      <thead>
        <tr>
          <th scope="col">{t('report.col.town')}</th>
          <th scope="col">{pick(language, figureRecord('released').shortName)}</th>
          <th scope="col">{pick(language, figureRecord('directQuotaMu').shortName)}</th>
          <th scope="col">{pick(language, figureRecord('transfersIn').shortName)}</th>
          <th scope="col">{pick(language, figureRecord('transfersOut').shortName)}</th>
          <th scope="col">{pick(language, figureRecord('used').shortName)}</th>
          <th scope="col">{pick(language, figureRecord('ledgerBalance').shortName)}</th>
        </tr>
      </thead>
      <tbody>
        {model.ledgerTowns.map(({ town, ledger }) => cells(town, ledger))}
        {cells(null, model.ledgerCity)}
      </tbody>
    </table>
  );
}

function TownRow({ row, language }: { row: ReportTownRow; language: Language }) {
  return (
    <tr className={row.town === null ? 'report-total' : undefined} data-town={row.town ?? undefined}>
      <th scope="row">{townName(language, row.town)}</th>
      <td>{formatInteger(language, row.plots)}</td>
      <td data-field="industrialMu" data-value={row.industrialMu}>
        {formatMu(language, row.industrialMu, false)}
      </td>
      <td>{formatPercent(language, row.controlShare)}</td>
      {REPORT_STATUSES.map((status) => (
        <td key={status}>{formatInteger(language, row.statusCounts[status])}</td>
      ))}
      {CHANGING_ACTIONS.map((action) => {
        const { plots, mu } = row.actions[action];
        return (
          <td key={action} data-action={action} data-plots={plots} data-mu={mu}>
            {plots === 0 ? (
              '0'
            ) : (
              <>
                {formatInteger(language, plots)}
                <span className="report-sub"> / {formatMu(language, mu, false)}</span>
              </>
            )}
          </td>
        );
      })}
    </tr>
  );
}

/** Per town: plots, industrial 亩, share inside control lines, plots per status, plots and 亩 per action. */
export function ReportTowns({ model, language }: { model: ReportModel; language: Language }) {
  const t = (key: ReportMessageKey) => reportText(language, key);
  return (
    <table className="report-table report-numbers report-towns" data-testid="report-towns">
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            {t('report.col.town')}
          </th>
          <th scope="col" rowSpan={2}>
            {t('report.col.plots')}
          </th>
          <th scope="col" rowSpan={2}>
            {t('report.col.industrialMu')}
          </th>
          <th scope="col" rowSpan={2}>
            {pick(language, figureRecord('controlShare').name)}
          </th>
          <th scope="colgroup" colSpan={REPORT_STATUSES.length}>
            {t('report.col.statusGroup')}
          </th>
          <th scope="colgroup" colSpan={CHANGING_ACTIONS.length}>
            {t('report.col.actionGroup')}
          </th>
        </tr>
        <tr>
          {REPORT_STATUSES.map((status) => (
            <th key={status} scope="col">
              {translate(language, `status.${status}`)}
            </th>
          ))}
          {CHANGING_ACTIONS.map((action) => (
            <th key={action} scope="col">
              {pick(language, actionName(action))}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {model.towns.map((row) => (
          <TownRow key={row.town ?? ''} row={row} language={language} />
        ))}
        <TownRow row={model.city} language={language} />
      </tbody>
    </table>
  );
}
