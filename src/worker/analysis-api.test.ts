/**
 * The analysis worker's table through the client derived from it, over a MessageChannel: what the
 * page gets is what the core computes, with the chunked lists back in place. Each case loads a fresh
 * copy of the table (a new worker, with no plan and no sources yet).
 */

import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzePlan, type PlanLayerSet } from '../core/analysis/analyze-plan.ts';
import { plainRow, rowsOfColumns } from '../core/analysis/plot-row-columns.ts';
import { cixiCheckReference } from '../core/checks/check-reference.ts';
import { countFlags } from '../core/checks/plausibility-checks.ts';
import { type PlotOutlines, packPlotOutlines } from '../core/plot-outlines.ts';
import type { Scenario } from '../core/scenario/scenario.ts';
import { measureZones, prepareZoneContext } from '../core/scenario/zone-measures.ts';
import { DEFAULT_SETTINGS } from '../core/settings.ts';
import type { AnalysisApi } from './analysis-api.ts';
import { createWorkerClient } from './create-worker-client.ts';
import type { SentAnalysis } from './packed-analysis.ts';
import type { JobError } from './worker-api.ts';

const plan = JSON.parse(
  readFileSync(new URL('../../test/fixtures/plans/small-v1.plan.json', import.meta.url), 'utf8'),
) as { layers: PlanLayerSet; scenarios: Scenario[] };

const fixture = (name: string) => ({
  name,
  bytes: new Uint8Array(readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url))),
});

const failure = (message: string) => ({
  zh: `分析时出错：${message}`,
  en: `The analysis failed: ${message}`,
});

/** A client of a fresh analysis worker (the table's module loaded anew: no layers, no sources). */
async function freshClient() {
  vi.resetModules();
  const { analysisApi } = await import('./analysis-api.ts');
  // From the same fresh modules as the table, as in a worker (JobError is one class there).
  const { startMessageChannelWorker } = await import('../../test/support/message-channel-worker.ts');
  return createWorkerClient<AnalysisApi>(() => startMessageChannelWorker(analysisApi, failure), {
    workerFailure: failure,
  });
}

/** An analysis as the page keeps it, its rows read from their columns (and outlines) as plain objects. */
function unpacked({ analysis, plotOutlines }: { analysis: SentAnalysis; plotOutlines: PlotOutlines }) {
  return { ...analysis, rows: rowsOfColumns(analysis.rows, plotOutlines).map(plainRow) };
}

describe('the analysis worker through its client', () => {
  it('opens a plan: the rows and figures are the core analysis, the plots for the map are packed', async () => {
    const { api, destroy } = await freshClient();
    const stages: string[] = [];
    const result = await api.open(
      { layers: plan.layers },
      { onProgress: (_, stage) => stages.push(stage.en) },
    );
    const expected = analyzePlan(plan.layers, DEFAULT_SETTINGS);
    // The rows come as columns (transferred), and read back to the core's rows.
    expect(result.analysis.rows.areas).toBeInstanceOf(Float64Array);
    expect(unpacked(result)).toStrictEqual(structuredClone(expected));
    expect(result.replaced).toBeNull();
    expect(result.plotTiles.index).toBeInstanceOf(Uint32Array);
    expect(result.plotTiles.index.length).toBe(plan.layers.plots.features.length);
    expect(result.plotOutlines).toEqual(packPlotOutlines(plan.layers.plots));
    expect(stages[0]).toBe('Classifying plots…');
    expect(stages.at(-1)).toBe('Sending results…');
    destroy();
  });

  it('reads files, previews a source and accepts it in place of the plots', async () => {
    const { api, destroy } = await freshClient();
    await api.open({ layers: plan.layers });
    const read = await api.read([fixture('plots-cgcs2000-gk40-gbk.zip'), fixture('boundary.kml')]);
    expect(read.previews.map((preview) => preview.kind).sort()).toEqual(['boundary', 'plots']);
    const plots = read.previews.find((preview) => preview.kind === 'plots');
    if (!plots) throw new Error('expected a preview of the plots');
    expect(plots.validCount).toBe(20);
    const again = await api.preview({ sourceIndex: plots.sourceIndex, kind: 'control', mapping: {} });
    expect(again.kind).toBe('control');
    const accepted = await api.accept({
      sourceIndex: plots.sourceIndex,
      kind: 'plots',
      mapping: plots.mapping,
    });
    expect(accepted.replaced?.kind).toBe('plots');
    expect(accepted.analysis.rows.count).toBe(20);
    // The page gets the plots' outlines; their features come only when it asks (a plan file, an export).
    expect(accepted.replaced?.layer).toBeNull();
    const features = await api.plotFeatures();
    expect(features).toHaveLength(20);
    const loaded = { type: 'FeatureCollection' as const, features };
    expect(accepted.plotOutlines).toEqual(packPlotOutlines(loaded));
    expect(unpacked(accepted)).toEqual(analyzePlan({ ...plan.layers, plots: loaded }, DEFAULT_SETTINGS));
    destroy();
  });

  it('sends a boundary layer loaded in place of the old one as features', async () => {
    const { api, destroy } = await freshClient();
    await api.open({ layers: plan.layers });
    await api.read([fixture('boundary.kml')]);
    const accepted = await api.accept({ sourceIndex: 0, kind: 'boundary', mapping: {} });
    expect(accepted.replaced?.layer?.features).toHaveLength(2);
    expect(await api.plotFeatures()).toEqual(plan.layers.plots.features);
    destroy();
  });

  it('checks a previewed layer for plausibility and keeps the checks for the plan once accepted', async () => {
    const { api, destroy } = await freshClient();
    const checksFixture = (name: string) => new URL(`../../test/fixtures/checks/${name}`, import.meta.url);
    const layer = (name: string) => JSON.parse(readFileSync(checksFixture(name), 'utf8'));
    const basemap = (name: string) =>
      JSON.parse(readFileSync(new URL(`../../data/basemap/${name}`, import.meta.url), 'utf8'));
    await api.open({
      layers: { ...plan.layers, boundary: layer('boundary.geojson'), control: layer('control.geojson') },
    });
    await api.setCheckReference(cixiCheckReference(basemap('counties.geojson'), basemap('land.geojson')));
    const read = await api.read([
      { name: 'plots.geojson', bytes: new Uint8Array(readFileSync(checksFixture('plots.geojson'))) },
    ]);
    const checks = read.previews[0]?.checks;
    expect(checks).toMatchObject({
      outsideCounty: 3,
      onWater: 2,
      townMismatch: 2,
      overlappingPairs: 7,
      duplicateGeometries: 2,
    });
    // A few examples for the dialog, the counts whole.
    expect(checks?.overlaps).toHaveLength(5);
    expect(checks?.townMismatches[0]).toEqual({ id: 'town-1', town: '宗汉街道', boundaryTown: '浒山街道' });
    const preview = read.previews[0];
    if (!preview) throw new Error('expected a preview');
    await api.accept({ sourceIndex: 0, kind: 'plots', mapping: preview.mapping });
    const planChecks = await api.checkPlan(
      cixiCheckReference(basemap('counties.geojson'), basemap('land.geojson')),
    );
    expect(planChecks.flags).toBeInstanceOf(Uint8Array);
    expect(planChecks.flags).toHaveLength(23);
    expect(countFlags(planChecks.flags)).toEqual({
      outsideCounty: 3,
      onWater: 2,
      townMismatch: 2,
      overlapping: 9,
      duplicate: 3,
    });
    expect(planChecks.summary.overlappingPairs).toBe(7);
    destroy();
  });

  it('loads receiving zones from a source without changing the plan', async () => {
    const { api, destroy } = await freshClient();
    await api.open({ layers: plan.layers });
    await api.read([fixture('boundary.kml')]);
    const zones = await api.loadZones({ sourceIndex: 0 });
    expect(zones).toHaveLength(2);
    expect(zones.every((zone) => zone.geometry?.type.endsWith('Polygon'))).toBe(true);
    destroy();
  });

  it("measures receiving zones against the worker's plan", async () => {
    const { api, destroy } = await freshClient();
    await api.setLayers(plan.layers);
    const zones = plan.scenarios[0]?.zones ?? [];
    expect(zones.length).toBeGreaterThan(0);
    expect(await api.measureZones(zones)).toEqual(
      measureZones(zones, prepareZoneContext(plan.layers, DEFAULT_SETTINGS.tolerance)),
    );
    destroy();
  });

  it('says which sources there are when asked to accept another', async () => {
    const { api, destroy } = await freshClient();
    const error = (await api
      .accept({ sourceIndex: 3, kind: 'plots', mapping: {} })
      .catch((caught: unknown) => caught)) as JobError;
    expect(error.userMessage.en).toBe('The analysis failed: expected a source index below 0; got 3');
    destroy();
  });

  it('says which file had nothing to load', async () => {
    const { api, destroy } = await freshClient();
    const point = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [121.3, 30.2] },
    };
    const text = JSON.stringify({ type: 'FeatureCollection', features: [point] });
    await api.read([{ name: 'wells.geojson', bytes: new TextEncoder().encode(text) }]);
    const error = (await api
      .accept({ sourceIndex: 0, kind: 'boundary', mapping: {} })
      .catch((caught: unknown) => caught)) as JobError;
    expect(error.userMessage.en).toBe('wells.geojson has no features that can be loaded');
    destroy();
  });

  it('restores nothing where there is no IndexedDB', async () => {
    const { api, destroy } = await freshClient();
    expect(await api.restore()).toBeNull();
    destroy();
  });
});

describe('a worker started after a cancel', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'indexedDB');
  });

  it("takes the plan's layers back from IndexedDB, under the key the page was given", async () => {
    globalThis.indexedDB = new IDBFactory();
    const first = await freshClient();
    const opened = await first.api.open({ layers: plan.layers });
    first.destroy();
    const { api, destroy } = await freshClient();
    await api.resume({ key: opened.layersKey });
    const zones = plan.scenarios[0]?.zones ?? [];
    expect(await api.measureZones(zones)).toEqual(
      measureZones(zones, prepareZoneContext(plan.layers, DEFAULT_SETTINGS.tolerance)),
    );
    expect(await api.plotFeatures()).toEqual(plan.layers.plots.features);
    destroy();
  });

  it("is given back the plan's settings: an import after the restart classifies with them", async () => {
    globalThis.indexedDB = new IDBFactory();
    const settings = { ...DEFAULT_SETTINGS, tolerance: 0.2, classLimits: { A: 40, B: 20, C: 8 } };
    const first = await freshClient();
    const opened = await first.api.open({ layers: plan.layers, settings });
    expect(opened.analysis.settings).toEqual(settings);
    first.destroy();
    const { api, destroy } = await freshClient();
    await api.resume({ key: opened.layersKey, settings });
    await api.read([fixture('boundary.kml')]);
    const accepted = await api.accept({ sourceIndex: 0, kind: 'boundary', mapping: {} });
    expect(accepted.analysis.settings).toEqual(settings);
    destroy();
  });

  it('restores the autosaved plan with the settings it was classified with, and a plan without settings with the defaults', async () => {
    globalThis.indexedDB = new IDBFactory();
    const settings = { ...DEFAULT_SETTINGS, tolerance: 0.2 };
    const first = await freshClient();
    await first.api.open({ layers: plan.layers, settings });
    first.destroy();
    const { api, destroy } = await freshClient();
    expect((await api.restore({ settings }))?.result.analysis.settings).toEqual(settings);
    expect((await api.restore({}))?.result.analysis.settings).toEqual(DEFAULT_SETTINGS);
    // Opening another plan without settings does not keep the settings of the plan before it.
    await api.open({ layers: plan.layers, settings });
    expect((await api.open({ layers: plan.layers })).analysis.settings).toEqual(DEFAULT_SETTINGS);
    destroy();
  });

  it("keeps an accepted import's plots as typed arrays, saved so and taken back the same", async () => {
    globalThis.indexedDB = new IDBFactory();
    const first = await freshClient();
    await first.api.open({ layers: plan.layers });
    const read = await first.api.read([fixture('plots-cgcs2000-gk40-gbk.zip')]);
    const preview = read.previews[0];
    if (!preview) throw new Error('expected a preview');
    const accepted = await first.api.accept({ sourceIndex: 0, kind: 'plots', mapping: preview.mapping });
    const features = await first.api.plotFeatures();
    first.destroy();
    const { getAutosaved, LAYERS_KEY } = await import('./saved-layers.ts');
    const saved = (await getAutosaved(LAYERS_KEY)) as {
      plots: { packed?: boolean; outlines?: { coords: unknown } };
    };
    expect(saved.plots.packed).toBe(true);
    expect(saved.plots.outlines?.coords).toBeInstanceOf(Float64Array);
    const { api, destroy } = await freshClient();
    await api.resume({ key: accepted.layersKey });
    expect(await api.plotFeatures()).toEqual(features);
    expect(features[0]?.geometry?.type).toBe('Polygon');
    destroy();
  });

  it('says the layers are lost when another set is saved, in every job that needs them', async () => {
    globalThis.indexedDB = new IDBFactory();
    const first = await freshClient();
    await first.api.open({ layers: plan.layers });
    first.destroy();
    const { api, destroy } = await freshClient();
    const lost = (await api.resume({ key: 'another plan' }).catch((caught: unknown) => caught)) as JobError;
    expect(lost.userMessage.en).toMatch(/^After the cancel, the plan's layers could not be read back/);
    const zones = (await api.measureZones([]).catch((caught: unknown) => caught)) as JobError;
    expect(zones.userMessage).toEqual(lost.userMessage);
    // Opening a plan gives the worker layers again.
    await api.open({ layers: plan.layers });
    expect(await api.plotFeatures()).toHaveLength(plan.layers.plots.features.length);
    destroy();
  });
});

describe('the analysis worker with large files', () => {
  /** A context that keeps nothing (the operations called directly, as the worker does). */
  const context = {
    progress: () => {},
    inChunks: <T>(items: readonly T[]) => [...items],
    transfer: () => {},
  };

  it('lets go of the files it read and of a source once it is loaded', async () => {
    vi.resetModules();
    const { analysisApi } = await import('./analysis-api.ts');
    await analysisApi.open({ layers: plan.layers }, context);
    const files = [fixture('plots-cgcs2000-gk40-gbk.zip')];
    const read = await analysisApi.read(files, context);
    // The bytes are not held while the preview checks the features, nor after.
    expect(files).toEqual([]);
    const preview = read.previews[0];
    if (!preview) throw new Error('expected a preview');
    expect(preview.featureCount).toBe(20);
    await analysisApi.accept({ sourceIndex: 0, kind: 'plots', mapping: preview.mapping }, context);
    // Only the loaded layer remains: the features as read are dropped.
    const after = await analysisApi.preview(
      { sourceIndex: 0, kind: 'plots', mapping: preview.mapping },
      context,
    );
    expect(after.featureCount).toBe(0);
  });
});
