import { figureRecord } from '../../core/catalogue/figure-catalogue.ts';
import { nameWithRule } from '../../core/catalogue/indicator-catalogue.ts';
import { type ScenarioMessageKey, scenarioText } from '../../i18n/scenario-messages.ts';
import { formatWan, pick } from '../format.ts';
import type { CardProps } from './IndicatorParts.tsx';

type Text = (key: ScenarioMessageKey, values?: Record<string, string | number>) => string;

/** R5: what acquisition, demolition and rewards cost, and the village collective's income before and after. */
export function MoneyCard({ figures, language, info, explainFor }: CardProps) {
  const t: Text = (key, values) => scenarioText(language, key, values);
  const { money } = figures;
  const title = pick(language, nameWithRule('money'));
  const total = money.acquisitionWan + money.demolitionWan + money.rewardWan;
  const line = (field: string, value: number, sub = false) => (
    <div className={`scn-money-line${sub ? ' scn-money-sub' : ''}`}>
      <dt>{pick(language, figureRecord(field).shortName)}</dt>
      <dd data-field={field} data-value={value}>
        {formatWan(language, value)}
      </dd>
    </div>
  );
  return (
    <div className="scn-card" data-card="money">
      <div className="scn-card-head">
        <h4 className="scn-card-title" data-indicator-name="money">
          {title}
        </h4>
        {info('money', title)}
      </div>
      <dl className="scn-money">
        {line('acquisitionWan', money.acquisitionWan)}
        {money.leaseWan > 0 && line('purchaseWan', money.purchaseWan, true)}
        {money.leaseWan > 0 && line('leaseWan', money.leaseWan, true)}
        {line('demolitionWan', money.demolitionWan)}
        {line('rewardWan', money.rewardWan)}
        <div className="scn-money-line scn-money-total">
          <dt>{pick(language, figureRecord('totalWan').shortName)}</dt>
          <dd data-field="totalWan" data-value={total}>
            {formatWan(language, total)}
          </dd>
        </div>
      </dl>
      <h5 className="scn-minor-title">{t('scn.ind.money.village')}</h5>
      <dl className="scn-money">
        {line('villageIncomeBeforeWan', money.villageIncomeBeforeWan)}
        {line('villageIncomeAfterWan', money.villageIncomeAfterWan)}
        {money.villageOneOffWan > 0 && line('villageOneOffWan', money.villageOneOffWan)}
      </dl>
      <div className="scn-rule">{t('scn.ind.money.note')}</div>
      {explainFor('money', title)}
    </div>
  );
}
