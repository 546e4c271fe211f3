import { useState } from 'react';
import { actionName, DRAWN_ACTIONS, type DrawnAction } from '../core/catalogue/action-catalogue.ts';
import type { LayerKind } from '../core/types.ts';
import { formatCount, type MessageKey, translate } from '../i18n/messages.ts';
import { suggestText } from '../i18n/suggest-messages.ts';
import {
  ACTION_COLORS,
  BASEMAP_COLORS,
  PLAN_COLORS,
  STATUS_COLORS,
  STATUS_ORDER,
  UNCLASSIFIED_COLOR,
} from '../map/palette.ts';
import type { PlannerState } from '../state/planner-state.ts';
import { selectActiveScenario } from '../state/scenario-selectors.ts';
import { layerOriginText } from '../state/select-sample-data.ts';
import { selectStatusCounts } from '../state/select-status-counts.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { selectSuggestedMarks } from '../state/suggested-marks.ts';
import { ContextLayerList } from './ContextLayerList.tsx';
import { pick } from './format.ts';
import { PaneToggle } from './PaneToggle.tsx';

/**
 * Status colours with plot counts, and the symbols of the zone layers; it folds away to one button
 * (data-map-cover: fits leave room for it, map-covers.ts).
 */
export function Legend() {
  const language = usePlanner((state) => state.language);
  const counts = usePlanner((state) => selectStatusCounts(state.analysis));
  const [expanded, setExpanded] = useState(true);
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  const total = counts ? STATUS_ORDER.reduce((sum, status) => sum + counts[status], counts.unclassified) : 0;

  if (!expanded)
    return (
      <aside className="legend legend-folded" data-map-cover aria-label={t('legend.title')}>
        <PaneToggle pane="legend" expanded={false} onToggle={() => setExpanded(true)} />
      </aside>
    );
  return (
    <aside className="legend" data-map-cover aria-label={t('legend.title')}>
      <div className="legend-head">
        <h2 className="legend-title">{t('legend.title')}</h2>
        <PaneToggle pane="legend" expanded onToggle={() => setExpanded(false)} />
      </div>
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
      <ActionLegend />
      <LayerList />
      <ContextLayerList />
    </aside>
  );
}

const LAYER_ROWS: readonly { kind: LayerKind; key: MessageKey; symbol: string; color: string }[] = [
  {
    kind: 'plots',
    key: 'import.kind.plots',
    symbol: 'legend-swatch legend-plots',
    color: PLAN_COLORS.plotOutline,
  },
  {
    kind: 'boundary',
    key: 'legend.boundary',
    symbol: 'legend-line legend-line-dashed',
    color: PLAN_COLORS.boundaryLine,
  },
  {
    kind: 'control',
    key: 'legend.control',
    symbol: 'legend-swatch legend-hatch',
    color: PLAN_COLORS.controlLine,
  },
];

/** The plan's layers: a switch, the feature count and a zoom button each; and the Cixi outline. */
function LayerList() {
  const language = usePlanner((state) => state.language);
  const layers = usePlanner((state) => state.layers);
  const visible = usePlanner((state) => state.visible);
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  return (
    <div className="layer-list" data-testid="layer-list">
      <h2 className="layer-list-title">{t('layers.title')}</h2>
      <ul className="legend-list legend-zones">
        {LAYER_ROWS.map(({ kind, key, symbol, color }) => {
          const count = !layers ? 0 : kind === 'plots' ? layers.plots.count : layers[kind].features.length;
          return (
            <li key={kind} className="legend-row" data-layer={kind} data-count={count}>
              <input
                type="checkbox"
                checked={visible[kind]}
                aria-label={t(key)}
                onChange={(event) => plannerStore.getState().setVisible(kind, event.target.checked)}
              />
              <span className={symbol} style={{ borderColor: color }} />
              <span
                className="legend-name"
                title={layerOriginText(language, layers?.origins?.[kind]) ?? undefined}
              >
                {t(key)}
                {layers?.origins?.[kind]?.source === 'sample' && count > 0 && (
                  <span className="legend-sample" data-testid="legend-sample">
                    {t('layers.sampleTag')}
                  </span>
                )}
              </span>
              <span className="legend-count">
                {t('layers.count', { count: formatCount(language, count) })}
              </span>
              <button
                type="button"
                className="layer-zoom"
                title={t('layers.zoom')}
                aria-label={`${t('layers.zoom')} ${t(key)}`}
                disabled={count === 0}
                onClick={() => plannerStore.getState().requestZoom(kind)}
              >
                ⤢
              </button>
            </li>
          );
        })}
        <li className="legend-row">
          <span className="legend-checkbox-space" />
          <span className="legend-line legend-line-thick" style={{ borderColor: BASEMAP_COLORS.cixiLine }} />
          <span className="legend-name">{t('legend.cixi')}</span>
          <span className="legend-count" />
          <button
            type="button"
            className="layer-zoom"
            title={t('layers.zoomCixi')}
            aria-label={t('layers.zoomCixi')}
            onClick={() => plannerStore.getState().requestZoom('cixi')}
          >
            ⤢
          </button>
        </li>
      </ul>
    </div>
  );
}

/** The action colours (plot outlines) with the number of plots of each, when the scenario has any. */
function ActionLegend() {
  const language = usePlanner((state) => state.language);
  const counts = usePlanner((state) => selectActionCounts(state));
  const suggested = usePlanner((state) => selectSuggestedMarks(state).size);
  if (!counts) return null;
  return (
    <div className="action-legend" data-testid="action-legend">
      <h2 className="layer-list-title">{translate(language, 'legend.actions')}</h2>
      <ul className="legend-list">
        {DRAWN_ACTIONS.map((action) => (
          <li key={action} className="legend-row" data-action={action} data-count={counts[action]}>
            <span className="legend-swatch legend-action" style={{ borderColor: ACTION_COLORS[action] }} />
            <span className="legend-name">{pick(language, actionName(action))}</span>
            <span className="legend-count">{formatCount(language, counts[action])}</span>
          </li>
        ))}
        {suggested > 0 && (
          <li className="legend-row" data-testid="legend-suggested" data-count={suggested}>
            <span className="legend-swatch legend-action sug-legend-swatch" />
            <span className="legend-name">{suggestText(language, 'sug.markLegend')}</span>
            <span className="legend-count">{formatCount(language, suggested)}</span>
          </li>
        )}
      </ul>
    </div>
  );
}

const actionCountCache = new WeakMap<object, Record<DrawnAction, number> | null>();

/** Plots per action in the active scenario (all years), or null when it has none. */
function selectActionCounts(state: PlannerState): Record<DrawnAction, number> | null {
  const scenario = selectActiveScenario(state);
  if (!scenario) return null;
  const cached = actionCountCache.get(scenario.actions);
  if (cached !== undefined) return cached;
  const counts = { upgrade: 0, acquire: 0, vacate: 0, relocate: 0 };
  let any = false;
  for (const id in scenario.actions) {
    const action = scenario.actions[id]?.action;
    if (action && action !== 'keep') {
      counts[action]++;
      any = true;
    }
  }
  const result = any ? counts : null;
  actionCountCache.set(scenario.actions, result);
  return result;
}
