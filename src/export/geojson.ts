/**
 * The plot layer as GeoJSON (RFC 7946, WGS84 lon/lat) with the computed fields of every plot: areas
 * (m², 亩, ha), the parts in the boundary and in the control lines, status, town, efficiency, and the
 * active scenario's action, year and receiving zone. Geometry is the plan's plot layer as loaded.
 */

import { actionName } from '../core/catalogue/action-catalogue.ts';
import { AREA_METHOD } from '../core/settings.ts';
import type { Feature, FeatureCollection, LayerKind } from '../core/types.ts';
import { translate } from '../i18n/messages.ts';
import type { PlannerState } from '../state/planner-state.ts';
import { selectActiveScenario } from '../state/scenario-selectors.ts';
import { sampleLabelText, selectSampleData } from '../state/select-sample-data.ts';
import type { PlannerStore } from '../state/store.ts';
import { download, fileNameFor } from './download.ts';
import { exportText } from './export-text.ts';

/** Computed fields of one plot in the exported layer. Missing figures are null, never 0. */
export interface ExportedPlotProperties {
  id: string;
  name: string | null;
  town: string;
  village: string | null;
  status: string | null;
  areaM2: number;
  areaMu: number;
  areaHa: number;
  inBoundaryM2: number;
  inControlM2: number;
  taxPerMu: number | null;
  efficiencyClass: string | null;
  passesScreening: boolean | null;
  action: string;
  actionLabel: string;
  year: number | null;
  zone: string | null;
}

/** The exported collection; foreign members say how the areas were computed and whose plan it is. */
export type ExportedPlots = FeatureCollection<Feature['geometry'], ExportedPlotProperties> & {
  name: string;
  scenario: string | null;
  areaMethod: string;
  /** The sample label (selectSampleLabel) while any layer is sample data. */
  label?: string;
  /** The layers that are sample data (the plots' figures depend on every layer), with `label`. */
  sampleLayers?: LayerKind[];
};

/**
 * The plot layer with the computed fields, or null before a plan is open.
 * @param plots the plan's plot features (the analysis worker holds them; the page only their outlines)
 */
export function plotsGeoJson(state: PlannerState, plots: readonly Feature[]): ExportedPlots | null {
  if (!state.layers || !state.analysis) return null;
  const scenario = selectActiveScenario(state);
  const zh = state.language !== 'en';
  const features = state.analysis.rows.map((row): Feature<Feature['geometry'], ExportedPlotProperties> => {
    const entry =
      scenario && Object.hasOwn(scenario.actions, row.id) ? (scenario.actions[row.id] ?? null) : null;
    const action = entry?.action ?? 'keep';
    const zone =
      entry?.action === 'relocate' && entry.zoneId !== undefined
        ? (scenario?.zones.find((z) => z.id === entry.zoneId)?.name ?? entry.zoneId)
        : null;
    const source = plots[row.index];
    const feature: Feature<Feature['geometry'], ExportedPlotProperties> = {
      type: 'Feature',
      geometry: source?.geometry ?? null,
      properties: {
        id: row.id,
        name: row.name ?? null,
        town: row.town,
        village: row.village ?? null,
        status: row.status,
        areaM2: row.areaM2,
        areaMu: row.areaMu,
        areaHa: row.areaM2 / 10_000,
        inBoundaryM2: row.inBoundaryM2,
        inControlM2: row.inControlM2,
        taxPerMu: row.measures.taxPerMu ?? null,
        efficiencyClass: row.measures.efficiencyClass ?? null,
        passesScreening: row.measures.passesScreening ?? null,
        action,
        actionLabel: zh ? actionName(action).zh : actionName(action).en,
        year: action === 'keep' ? null : (entry?.year ?? null),
        zone,
      },
    };
    if (source?.id !== undefined) feature.id = source.id;
    return feature;
  });
  const collection: ExportedPlots = {
    type: 'FeatureCollection',
    name: state.planName,
    scenario: scenario?.name ?? null,
    areaMethod: zh ? AREA_METHOD.zh : AREA_METHOD.en,
    features,
  };
  const sample = selectSampleData(state);
  if (sample) {
    collection.label = sampleLabelText(state.language, sample);
    collection.sampleLayers = sample.kinds;
  }
  return collection;
}

/**
 * The exported layer's file name: plan, scenario, day, and 示例数据 while any layer is sample data
 * (foreign members such as `label` are lost in most GIS software; the name stays).
 */
export function plotsGeoJsonFileName(state: PlannerState, now = new Date()): string {
  const marker = selectSampleData(state) ? `-${translate(state.language, 'layers.fileMarker')}` : '';
  return fileNameFor(
    state.planName,
    `-${exportText(state.language, 'export.file.geojson')}${marker}.geojson`,
    selectActiveScenario(state)?.name,
    now,
  );
}

/**
 * Offers the plot layer with its computed fields as a .geojson download; false before a plan is open.
 * @param plots the plan's plot features, as plotsGeoJson takes them
 */
export function exportPlotsGeoJson(
  store: PlannerStore,
  plots: readonly Feature[],
  now = new Date(),
): boolean {
  const state = store.getState();
  const collection = plotsGeoJson(state, plots);
  if (!collection) return false;
  download(
    new Blob([JSON.stringify(collection)], { type: 'application/geo+json' }),
    plotsGeoJsonFileName(state, now),
  );
  return true;
}
