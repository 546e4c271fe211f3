import { formatCount, type MessageKey, translate } from '../i18n/messages.ts';
import { COLORS, STATUS_COLORS, STATUS_ORDER, UNCLASSIFIED_COLOR } from '../map/style.ts';
import { selectStatusCounts } from '../state/select-status-counts.ts';
import { usePlanner } from '../state/store.ts';

/** Status colours with plot counts, and the symbols of the zone layers. */
export function Legend() {
  const language = usePlanner((state) => state.language);
  const counts = usePlanner((state) => selectStatusCounts(state.classification));
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  const total = counts ? STATUS_ORDER.reduce((sum, status) => sum + counts[status], counts.unclassified) : 0;

  return (
    <aside className="legend" aria-label={t('legend.title')}>
      <h2 className="legend-title">{t('legend.title')}</h2>
      {counts ? (
        <ul className="legend-list">
          {STATUS_ORDER.map((status) => (
            <li key={status} className="legend-row" data-status={status} data-count={counts[status]}>
              <span className="legend-swatch" style={{ background: STATUS_COLORS[status] }} />
              <span className="legend-name">{t(`status.${status}`)}</span>
              <span className="legend-count">{formatCount(language, counts[status])}</span>
            </li>
          ))}
          {counts.unclassified > 0 && (
            <li className="legend-row" data-status="unclassified" data-count={counts.unclassified}>
              <span className="legend-swatch" style={{ background: UNCLASSIFIED_COLOR }} />
              <span className="legend-name">{t('legend.unclassified')}</span>
              <span className="legend-count">{formatCount(language, counts.unclassified)}</span>
            </li>
          )}
          <li className="legend-total" data-total={total}>
            {t('legend.total', { count: formatCount(language, total) })}
          </li>
        </ul>
      ) : (
        <p className="legend-loading">{t('app.loading')}</p>
      )}
      <ul className="legend-list legend-zones">
        <li className="legend-row">
          <span className="legend-line legend-line-dashed" style={{ borderColor: COLORS.boundaryLine }} />
          <span className="legend-name">{t('legend.boundary')}</span>
        </li>
        <li className="legend-row">
          <span className="legend-swatch legend-hatch" style={{ borderColor: COLORS.controlLine }} />
          <span className="legend-name">{t('legend.control')}</span>
        </li>
        <li className="legend-row">
          <span className="legend-line legend-line-thick" style={{ borderColor: COLORS.cixiLine }} />
          <span className="legend-name">{t('legend.cixi')}</span>
        </li>
      </ul>
    </aside>
  );
}
