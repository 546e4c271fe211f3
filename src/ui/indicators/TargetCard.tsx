import { figureRecord } from '../../core/catalogue/figure-catalogue.ts';
import { indicatorRecord, ruleStatement, type TargetKey } from '../../core/catalogue/indicator-catalogue.ts';
import { scenarioText } from '../../i18n/scenario-messages.ts';
import { pick } from '../format.ts';
import { formatFigure, formatTargetFigure } from '../scenario-format.ts';
import { Badge, type CardProps, ProgressBar } from './IndicatorParts.tsx';

/**
 * One of the four 2026 targets (R1, R7): the value of the year, a progress bar to the target, met or
 * the gap, and the rule it serves.
 */
export function TargetCard({
  targetKey,
  figures,
  language,
  info,
  explainFor,
}: CardProps & { targetKey: TargetKey }) {
  const record = indicatorRecord(targetKey);
  const figure = figureRecord(record.headline);
  const check = figures.targets[targetKey];
  const title = pick(language, record.name);
  const format = (value: number | null) => formatFigure(language, figure, value);
  const gap = check.value === null ? null : Math.max(0, check.target - check.value);
  return (
    <div className="scn-card" data-card={targetKey}>
      <div className="scn-card-head">
        <h4 className="scn-card-title" data-indicator-name={targetKey}>
          {title}
        </h4>
        {info(targetKey, title)}
      </div>
      <div
        className="scn-figure"
        data-field={targetKey}
        data-value={check.value === null ? undefined : check.value}
      >
        {check.value === null ? scenarioText(language, 'scn.ind.noValue') : format(check.value)}
      </div>
      <ProgressBar
        check={check}
        kind={figure.unit === 'share' ? 'share' : 'amount'}
        label={scenarioText(language, 'scn.ind.target', {
          value: formatTargetFigure(language, figure, check.target),
        })}
      />
      <Badge met={check.met}>
        {check.met
          ? scenarioText(language, 'scn.ind.met')
          : scenarioText(language, 'scn.ind.notMet', { gap: format(gap) })}
      </Badge>
      <div className="scn-rule">{pick(language, ruleStatement(targetKey))}</div>
      {explainFor(targetKey, title)}
    </div>
  );
}
