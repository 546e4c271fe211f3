import { indicatorRecord } from '../../core/catalogue/indicator-catalogue.ts';
import type { Scenario } from '../../core/scenario/scenario.ts';
import { type ScenarioMessageKey, scenarioText } from '../../i18n/scenario-messages.ts';
import { formatInteger, formatM2, pick } from '../format.ts';
import { Badge, type CardProps } from './IndicatorParts.tsx';

type Text = (key: ScenarioMessageKey, values?: Record<string, string | number>) => string;

/** Receiving zones: floor area demanded by the firms moving in against what the new land offers. */
export function CapacityCard({
  figures,
  scenario,
  language,
  info,
  explainFor,
}: CardProps & { scenario: Scenario }) {
  const t: Text = (key, values) => scenarioText(language, key, values);
  const title = pick(language, indicatorRecord('capacity').name);
  const zones = scenario.zones.filter((zone) => figures.capacity[zone.id] !== undefined);
  const short = zones.filter((zone) => figures.capacity[zone.id]?.isShort);
  const m2 = (value: number) => formatM2(language, value, false);
  return (
    <div className="scn-card" data-card="capacity">
      <div className="scn-card-head">
        <h4 className="scn-card-title" data-indicator-name="capacity">
          {title}
        </h4>
        {info('capacity', title)}
      </div>
      {zones.length === 0 ? (
        <p className="scn-sub">{t('scn.ind.capacity.none')}</p>
      ) : (
        <>
          <div className="scn-figure-row">
            <Badge met={short.length === 0}>
              {short.length === 0
                ? t('scn.ind.capacity.ok')
                : t('scn.ind.capacity.short', { count: formatInteger(language, short.length) })}
            </Badge>
            <span className="scn-sub">{t('scn.ind.capacity.unit')}</span>
          </div>
          <table className="scn-table" data-testid="capacity-table">
            <thead>
              <tr>
                <th scope="col">{t('scn.ind.capacity.zone')}</th>
                <th scope="col">{t('scn.ind.capacity.demand')}</th>
                <th scope="col">{t('scn.ind.capacity.supply')}</th>
                <th scope="col">{t('scn.ind.capacity.shortfall')}</th>
              </tr>
            </thead>
            <tbody>
              {zones.map((zone) => {
                const capacity = figures.capacity[zone.id];
                if (!capacity) return null;
                return (
                  <tr
                    key={zone.id}
                    className={capacity.isShort ? 'scn-row-negative' : undefined}
                    data-zone-id={zone.id}
                    data-shortfall={capacity.shortfallM2}
                  >
                    <th scope="row">{zone.name}</th>
                    <td>{m2(capacity.demandM2)}</td>
                    <td>{m2(capacity.supplyM2)}</td>
                    <td className={capacity.isShort ? 'scn-negative' : undefined}>
                      {m2(capacity.shortfallM2)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      {figures.data.unassignedRelocations > 0 && (
        <div className="scn-warn">
          {t('scn.ind.capacity.unassigned', {
            count: formatInteger(language, figures.data.unassignedRelocations),
          })}
        </div>
      )}
      {explainFor('capacity', title)}
    </div>
  );
}
