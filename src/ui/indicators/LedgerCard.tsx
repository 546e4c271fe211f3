import { figureRecord } from '../../core/catalogue/figure-catalogue.ts';
import { nameWithRule, ruleStatement } from '../../core/catalogue/indicator-catalogue.ts';
import { type ScenarioMessageKey, scenarioText } from '../../i18n/scenario-messages.ts';
import { isNegativeBalance } from '../../state/is-negative-balance.ts';
import { formatInteger, formatMu, pick } from '../format.ts';
import { Badge, type CardProps, type OpenExplanation } from './IndicatorParts.tsx';

type Text = (key: ScenarioMessageKey, values?: Record<string, string | number>) => string;

/** R3: the city's quota balance, towns below zero, and the ledger town by town (each explains itself). */
export function LedgerCard({
  figures,
  language,
  open,
  onToggle,
  info,
  explainFor,
}: CardProps & { open: OpenExplanation | null; onToggle: (next: OpenExplanation) => void }) {
  const t: Text = (key, values) => scenarioText(language, key, values);
  const { city, byTown, negativeTowns } = figures.ledger;
  const title = pick(language, nameWithRule('ledger'));
  const column = (key: string) => pick(language, figureRecord(key).shortName);
  const towns = Object.keys(byTown);
  const openTown = open?.key === 'ledger' ? open.town : undefined;
  const mu = (value: number) => formatMu(language, value, false);
  return (
    <div className="scn-card" data-card="ledger">
      <div className="scn-card-head">
        <h4 className="scn-card-title" data-indicator-name="ledger">
          {title}
        </h4>
        {info('ledger', title)}
      </div>
      <div className="scn-figure-row">
        <span className="scn-sub">{t('scn.ind.ledger.total')}</span>
        <span
          className={`scn-figure${isNegativeBalance(city.balance) ? ' scn-negative' : ''}`}
          data-field="ledgerBalance"
          data-value={city.balance}
        >
          {formatMu(language, city.balance)}
        </span>
        <Badge met={figures.targets.ledger.met}>
          {negativeTowns.length === 0
            ? t('scn.ind.ledger.ok')
            : t('scn.ind.ledger.negative', { count: formatInteger(language, negativeTowns.length) })}
        </Badge>
      </div>
      <div className="scn-rule">{pick(language, ruleStatement('ledger'))}</div>
      {explainFor('ledger', title)}
      <details className="scn-ledger-details" open={negativeTowns.length > 0 || undefined}>
        <summary>{t('scn.ind.ledger.byTown')}</summary>
        <div className="scn-table-scroll">
          <table className="scn-table scn-ledger" data-testid="ledger-table">
            <thead>
              <tr>
                <th scope="col">{t('scn.ind.ledger.town')}</th>
                <th scope="col">{column('released')}</th>
                <th scope="col">{column('directQuotaMu')}</th>
                <th scope="col">{column('transfersIn')}</th>
                <th scope="col">{column('transfersOut')}</th>
                <th scope="col">{column('used')}</th>
                <th scope="col">{column('ledgerBalance')}</th>
              </tr>
            </thead>
            <tbody>
              {towns.map((town) => {
                const ledger = byTown[town];
                if (!ledger) return null;
                const negative = isNegativeBalance(ledger.balance);
                const chosen = openTown === town;
                return (
                  <tr
                    key={town}
                    className={`${negative ? 'scn-row-negative' : ''}${chosen ? ' scn-row-chosen' : ''}`}
                    data-town={town}
                    data-balance={ledger.balance}
                  >
                    <th scope="row">
                      <button
                        type="button"
                        className="scn-link"
                        aria-expanded={chosen}
                        title={t('scn.explain.what', { what: `${title} · ${town}` })}
                        onClick={() => onToggle({ key: 'ledger', town })}
                      >
                        {town || t('scn.ind.ledger.noTown')}
                      </button>
                    </th>
                    <td>{mu(ledger.released)}</td>
                    <td>{mu(ledger.directQuotaMu)}</td>
                    <td>{mu(ledger.transfersIn)}</td>
                    <td>{mu(ledger.transfersOut)}</td>
                    <td>{mu(ledger.used)}</td>
                    <td className={negative ? 'scn-negative' : undefined}>{mu(ledger.balance)}</td>
                  </tr>
                );
              })}
              <tr className="scn-row-total">
                <th scope="row">{t('scn.ind.ledger.total')}</th>
                <td>{mu(city.released)}</td>
                <td>{mu(city.directQuotaMu)}</td>
                <td>{mu(city.transfersIn)}</td>
                <td>{mu(city.transfersOut)}</td>
                <td>{mu(city.used)}</td>
                <td className={isNegativeBalance(city.balance) ? 'scn-negative' : undefined}>
                  {mu(city.balance)}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
        {openTown !== undefined && explainFor('ledger', title, openTown)}
      </details>
    </div>
  );
}
