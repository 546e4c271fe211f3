import { describe, expect, it } from 'vitest';
import { loadFixturePlan } from '../../test/support/fixture-plan-store.ts';
import { type FileOrigin, type LayerOrigins, sampleOrigins, withOrigin } from '../core/plan/layer-origins.ts';
import { packPlotOutlines } from '../core/plot-outlines.ts';
import { plotsGeoJson, plotsGeoJsonFileName } from '../export/geojson.ts';
import { reportModel } from '../export/report-model.ts';
import { plotTable, townIndicatorTable } from '../export/tables.ts';
import { fileOriginOf, importDoneMessage } from './import-outcome.ts';
import type { PlannerState } from './planner-state.ts';
import {
  layerOriginText,
  planCreditsText,
  selectPlanCredits,
  selectSampleData,
  selectSampleLabel,
} from './select-sample-data.ts';
import { createPlannerStore } from './store.ts';

const fixture = loadFixturePlan();
const PLOT_FEATURES = fixture.plan.layers.plots.features;
const NOW = new Date(2026, 11, 5);

const PLOTS_FILE: FileOrigin = {
  source: 'file',
  files: ['plots.zip › 地块.shp'],
  format: 'shapefile',
  crs: 'EPSG:4528',
  featureCount: 4,
  importedAt: '2026-12-05T08:30:00.000Z',
};
const BOUNDARY_FILE: FileOrigin = {
  ...PLOTS_FILE,
  files: ['边界.geojson'],
  format: 'geojson',
  crs: 'EPSG:4490',
};
const CONTROL_FILE: FileOrigin = { ...PLOTS_FILE, files: ['控制线.kml'], format: 'kml', crs: 'EPSG:4326' };

/** The small fixture plan opened with `origins`, in `language`. */
function stateWith(origins: LayerOrigins | null, language: PlannerState['language'] = 'zh-CN'): PlannerState {
  const store = createPlannerStore();
  store.getState().setLanguage(language);
  store
    .getState()
    .openPlan(
      { ...fixture.plan.layers, plots: packPlotOutlines(fixture.plan.layers.plots), origins },
      fixture.analysis,
      null,
    );
  store
    .getState()
    .setScenarioSet({ scenarios: fixture.plan.scenarios, activeScenarioId: fixture.scenario.id });
  store.getState().setZoneMeasures(fixture.scenario.id, fixture.measures);
  return store.getState();
}

/** Real plots imported into the sample: the case. */
const REAL_PLOTS_IN_SAMPLE = withOrigin(sampleOrigins(), 'plots', PLOTS_FILE);
const ALL_REAL: LayerOrigins = { plots: PLOTS_FILE, boundary: BOUNDARY_FILE, control: CONTROL_FILE };

describe('the sample label, from the layers’ origins', () => {
  it('says 示例数据（虚构） for the sample, in either language', () => {
    expect(selectSampleLabel(stateWith(sampleOrigins()))).toBe('示例数据（虚构）');
    expect(selectSampleLabel(stateWith(sampleOrigins(), 'en'))).toBe('Sample data (fictitious)');
  });

  it('stays, naming the sample layers, when real plots are analysed against the sample’s lines', () => {
    const state = stateWith(REAL_PLOTS_IN_SAMPLE);
    expect(selectSampleData(state)).toEqual({ kinds: ['boundary', 'control'], mixed: true });
    expect(selectSampleLabel(state)).toBe('示例数据（虚构）：城镇开发边界、工业控制线');
    expect(selectSampleLabel(stateWith(REAL_PLOTS_IN_SAMPLE, 'en'))).toBe(
      'Sample data (fictitious): Development boundary, Industrial control line',
    );
    // A removed (empty) layer beside sample layers: still mixed, still named.
    expect(selectSampleLabel(stateWith(withOrigin(sampleOrigins(), 'control', null)))).toBe(
      '示例数据（虚构）：工业用地地块、城镇开发边界',
    );
  });

  it('goes when no layer is sample data: all real, a new empty plan, or origins not recorded', () => {
    expect(selectSampleLabel(stateWith(ALL_REAL))).toBeNull();
    expect(selectSampleLabel(stateWith({}))).toBeNull();
    expect(selectSampleLabel(stateWith(null))).toBeNull();
  });

  it('is the same object while the origins stay (a store selector)', () => {
    const state = stateWith(REAL_PLOTS_IN_SAMPLE);
    const first = selectSampleData(state);
    expect(selectSampleData({ ...state, language: 'en' })).toBe(first);
    expect(selectSampleData(stateWith({ ...REAL_PLOTS_IN_SAMPLE }))).not.toBe(first);
  });
});

describe('the credits', () => {
  it('list each layer’s source file, and only the sample label for the whole sample', () => {
    expect(planCreditsText('zh-CN', sampleOrigins())).toBe('示例数据（虚构）');
    expect(planCreditsText('zh-CN', REAL_PLOTS_IN_SAMPLE)).toBe(
      '工业用地地块：plots.zip › 地块.shp；城镇开发边界：示例数据（虚构）；工业控制线：示例数据（虚构）',
    );
    expect(planCreditsText('en', ALL_REAL)).toBe(
      'Industrial plots: plots.zip › 地块.shp; Development boundary: 边界.geojson; Industrial control line: 控制线.kml',
    );
    expect(planCreditsText('zh-CN', { boundary: BOUNDARY_FILE })).toBe('城镇开发边界：边界.geojson');
    expect(planCreditsText('zh-CN', null)).toBeNull();
    expect(planCreditsText('zh-CN', {})).toBeNull();
    expect(selectPlanCredits(stateWith(REAL_PLOTS_IN_SAMPLE))).toBe(
      planCreditsText('zh-CN', REAL_PLOTS_IN_SAMPLE),
    );
  });

  it('describe a file origin in full for the layer list: files, format, coordinate system, count, day', () => {
    expect(layerOriginText('zh-CN', PLOTS_FILE)).toBe(
      'plots.zip › 地块.shp（Shapefile，CGCS2000 3度带高斯-克吕格投影 第40带（中央经线 120°E，坐标含带号，EPSG:4528），4 个要素，2026-12-05 导入）',
    );
    const text = layerOriginText('en', PLOTS_FILE) ?? '';
    expect(text).toMatch(/^plots\.zip › 地块\.shp \(Shapefile, .*120.*, 4 features, imported 2026-12-05\)$/);
    expect(layerOriginText('zh-CN', { source: 'sample' })).toBe('示例数据（虚构）');
    expect(layerOriginText('zh-CN', undefined)).toBeNull();
    expect(layerOriginText('zh-CN', { ...PLOTS_FILE, crs: null })).toContain('，—，');
  });
});

describe('every export says so while a layer is sample data', () => {
  const mixed = stateWith(REAL_PLOTS_IN_SAMPLE);
  const real = stateWith(ALL_REAL);

  it('CSV/XLSX tables: a note row naming the sample layers', () => {
    for (const table of [plotTable(mixed, { now: NOW }), townIndicatorTable(mixed, { now: NOW })])
      expect(table.notes).toContain('示例数据（虚构）：城镇开发边界、工业控制线');
    expect(plotTable(real, { now: NOW }).notes.join('\n')).not.toContain('示例数据');
  });

  it('GeoJSON: the label and the sample layers as members, and 示例数据 in the file name', () => {
    const collection = plotsGeoJson(mixed, PLOT_FEATURES);
    expect(collection?.label).toBe('示例数据（虚构）：城镇开发边界、工业控制线');
    expect(collection?.sampleLayers).toEqual(['boundary', 'control']);
    expect(plotsGeoJsonFileName(mixed, NOW)).toMatch(/-示例数据\.geojson$/);
    expect(plotsGeoJson(real, PLOT_FEATURES)).not.toHaveProperty('label');
    expect(plotsGeoJson(real, PLOT_FEATURES)).not.toHaveProperty('sampleLayers');
    expect(plotsGeoJsonFileName(real, NOW)).not.toContain('示例数据');
    expect(plotsGeoJsonFileName(stateWith(sampleOrigins(), 'en'), NOW)).toMatch(/-sample-data\.geojson$/);
  });

  it('the report: the label in its title and each layer’s source in its credits', () => {
    const model = reportModel(mixed);
    expect(model?.label).toBe('示例数据（虚构）：城镇开发边界、工业控制线');
    expect(model?.credits).toContain('工业用地地块：plots.zip › 地块.shp');
    expect(reportModel(real)?.label).toBeNull();
  });
});

describe('an import’s record and notice', () => {
  it('records the files, format, coordinate system, loaded count and time', () => {
    const origin = fileOriginOf(
      { fileName: '地块.shp', format: 'shapefile', crsCode: 'EPSG:4528', validCount: 1998 },
      ['地块.shp', '地块.dbf', '地块.prj', '边界.geojson'],
      new Date('2026-12-05T08:30:00.000Z'),
    );
    expect(origin).toEqual({
      source: 'file',
      files: ['地块.shp', '地块.dbf', '地块.prj'],
      format: 'shapefile',
      crs: 'EPSG:4528',
      featureCount: 1998,
      importedAt: '2026-12-05T08:30:00.000Z',
    });
  });

  it('says which sample layers stay, or that a new plan was started', () => {
    const preview = { fileName: 'plots.zip › 地块.shp', validCount: 2000 };
    expect(importDoneMessage(preview, 'plots', 'plan', ['boundary', 'control']).zh).toBe(
      '已将 plots.zip › 地块.shp 载入为“工业用地地块”（2,000 个要素）。规划中仍有示例数据（虚构）：城镇开发边界、工业控制线。',
    );
    expect(importDoneMessage(preview, 'plots', 'new-plan', null).en).toContain('Started a new plan');
    expect(importDoneMessage(preview, 'plots', 'plan', null).zh).not.toContain('示例');
  });
});
