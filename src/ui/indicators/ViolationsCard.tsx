import { nameWithRule, ruleStatement } from '../../core/catalogue/indicator-catalogue.ts';
import { scenarioText } from '../../i18n/scenario-messages.ts';
import { formatInteger, pick } from '../format.ts';
import { Badge, type CardProps } from './IndicatorParts.tsx';

/** R2: receiving zones adding land outside the boundary, and the warnings beside them. */
export function ViolationsCard({ figures, language, info, explainFor }: CardProps) {
  const t = (key: Parameters<typeof scenarioText>[1], values?: Record<string, string | number>) =>
    scenarioText(language, key, values);
  const title = pick(language, nameWithRule('violations'));
  const { violations } = figures;
  return (
    <div className="scn-card" data-card="violations">
      <div className="scn-card-head">
        <h4 className="scn-card-title" data-indicator-name="violations">
          {title}
        </h4>
        {info('violations', title)}
      </div>
      <div className="scn-figure-row">
        <span className="scn-figure" data-field="violations" data-value={violations.count}>
          {t('scn.ind.zonesUnit', { value: formatInteger(language, violations.count) })}
        </span>
        <Badge met={figures.targets.violations.met}>
          {figures.targets.violations.met
            ? t('scn.ind.met')
            : t('scn.ind.violations.zones', { count: violations.count })}
        </Badge>
      </div>
      {violations.warningPlotCount > 0 && (
        <div className="scn-warn" data-field="warningPlots" data-value={violations.warningPlotCount}>
          {t('scn.ind.violations.plots', { count: formatInteger(language, violations.warningPlotCount) })}
        </div>
      )}
      {violations.warningZoneIds.length > 0 && (
        <div className="scn-warn">
          {t('scn.ind.violations.warnZones', {
            count: formatInteger(language, violations.warningZoneIds.length),
          })}
        </div>
      )}
      <div className="scn-rule">{pick(language, ruleStatement('violations'))}</div>
      {explainFor('violations', title)}
    </div>
  );
}
