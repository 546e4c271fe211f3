/**
 * Benchmark of a scenario edit at county scale: on 100,000 seeded synthetic plots, change the
 * action of 1,000 plots through applyEdit and recompute every scenario indicator, overall and per
 * year. The target is well under 50 ms. `npm run bench` calls benchScenarioUpdate(); run alone with
 * `node --import tsx scripts/lib/bench-scenario.ts`.
 */

import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { PlotRow } from '../../src/core/analysis/analyze-plan.ts';
import type { PlotAction } from '../../src/core/catalogue/action-catalogue.ts';
import { M2_PER_MU } from '../../src/core/geometry/ellipsoidal-area.ts';
import { applyEdit } from '../../src/core/scenario/edits/apply-edit.ts';
import type { ScenarioEdit } from '../../src/core/scenario/edits/scenario-edit.ts';
import { scenarioIndicators } from '../../src/core/scenario/indicators/scenario-indicators.ts';
import {
  type ActionEntry,
  createScenario,
  PLAN_YEARS,
  type ScenarioSet,
} from '../../src/core/scenario/scenario.ts';
import type { ZoneMeasures } from '../../src/core/scenario/zone-measures.ts';
import type { PlotStatus } from '../../src/core/types.ts';
import { Random } from './prng.ts';

export interface ScenarioBenchOptions {
  /** Plots (default 100,000). */
  plots?: number;
  /** Plots whose action changes per run (default 1,000). */
  changed?: number;
  /** Timed runs after two warm-up runs (default 21). */
  runs?: number;
  seed?: number;
}

export interface ScenarioBenchResult {
  plots: number;
  changedPlots: number;
  /** Action entries of the scenario before the edits. */
  actionEntries: number;
  zones: number;
  runs: number;
  /** Median time of one edit + every indicator recomputed, ms. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** The first recomputation, which packs the rows into typed arrays once, ms. */
  firstMs: number;
  /** Of the median run: the edit alone (applyEdit), ms. */
  editMedianMs: number;
}

const STATUSES: PlotStatus[] = ['control', 'boundary', 'crossing', 'outside'];
const ACTIONS: PlotAction[] = ['upgrade', 'acquire', 'vacate', 'relocate'];

/** Synthetic baseline rows with realistic ranges (areas in m², tax and rent in 万元). */
export function syntheticRows(count: number, random: Random): PlotRow[] {
  const towns = Array.from({ length: 24 }, (_, i) => `镇${i + 1}`);
  const rows: PlotRow[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const areaMu = random.logNormal(8, 0.8);
    const areaM2 = areaMu * M2_PER_MU;
    const status = random.pick(STATUSES);
    const inControlM2 = status === 'control' ? areaM2 : status === 'crossing' ? areaM2 * random.next() : 0;
    const id = `P${index + 1}`;
    rows[index] = {
      index,
      id,
      town: random.pick(towns),
      townSource: 'attribute',
      status,
      areaM2,
      areaMu,
      inBoundaryM2: status === 'outside' ? 0 : areaM2,
      inControlM2,
      properties: {
        id,
        ...(random.chance(0.9) ? { taxWan: areaMu * random.logNormal(8, 0.9) } : {}),
        ...(random.chance(0.9) ? { floorAreaM2: areaM2 * random.uniform(0.4, 1.6) } : {}),
        ...(random.chance(0.8) ? { rentWan: areaMu * random.uniform(0.5, 2) } : {}),
      },
      measures: { screening: {} },
      box: null,
    };
  }
  return rows;
}

function randomEntry(random: Random, zoneIds: string[]): ActionEntry {
  const action = random.pick(ACTIONS);
  const entry: ActionEntry = { action, year: random.pick(PLAN_YEARS) };
  if (action === 'relocate') entry.zoneId = random.pick(zoneIds);
  if (action === 'acquire' && random.chance(0.5)) entry.lease = { years: random.int(5, 20) };
  return entry;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Times "change 1,000 actions, recompute every indicator" on seeded county-scale data.
 * @returns the median over the timed runs, in ms, with the spread and the one-off packing cost
 */
export function benchScenarioUpdate(options: ScenarioBenchOptions = {}): ScenarioBenchResult {
  const plots = options.plots ?? 100_000;
  const changed = options.changed ?? 1_000;
  const runs = options.runs ?? 21;
  const random = new Random(options.seed ?? 20240601);
  const rows = syntheticRows(plots, random);

  const zoneIds = Array.from({ length: 40 }, (_, i) => `Z${i + 1}`);
  const zoneMeasures: Record<string, ZoneMeasures> = {};
  const scenario = createScenario('bench', '基准方案');
  for (const zoneId of zoneIds) {
    const newLandMu = random.uniform(50, 800);
    const town = `镇${random.int(1, 24)}`;
    zoneMeasures[zoneId] = {
      zoneId,
      areaM2: newLandMu * M2_PER_MU * 1.1,
      overlapM2: newLandMu * M2_PER_MU * 0.1,
      newLandM2: newLandMu * M2_PER_MU,
      newLandMu,
      newLandInControlM2: newLandMu * M2_PER_MU * 0.9,
      newLandOutsideControlM2: newLandMu * M2_PER_MU * 0.1,
      newLandOutsideBoundaryM2: 0,
      town,
      townSource: 'zone',
      r2: 'warning',
      overlappedPlots: [],
      overlappedPlotIds: [],
    };
    scenario.zones.push({
      id: zoneId,
      name: zoneId,
      far: 2,
      year: random.pick(PLAN_YEARS),
      town,
      geometry: { type: 'Polygon', coordinates: [] },
    });
  }
  for (let t = 0; t < 30; t++)
    scenario.transfers.push({
      id: `T${t}`,
      from: `镇${random.int(1, 24)}`,
      to: `镇${random.int(1, 24)}`,
      mu: random.uniform(10, 200),
      year: random.pick(PLAN_YEARS),
    });
  // A third of the county already has an action.
  for (const row of rows) if (random.chance(1 / 3)) scenario.actions[row.id] = randomEntry(random, zoneIds);
  const actionEntries = Object.keys(scenario.actions).length;

  let set: ScenarioSet = { scenarios: [scenario], activeScenarioId: scenario.id };
  const firstStart = performance.now();
  scenarioIndicators(rows, zoneMeasures, scenario);
  const firstMs = performance.now() - firstStart;

  const totals: number[] = [];
  const edits: number[] = [];
  let sink = 0;
  for (let run = 0; run < runs + 2; run++) {
    const plotIds = Array.from({ length: changed }, () => `P${random.int(1, plots)}`);
    const edit: ScenarioEdit = { type: 'set-actions', plotIds, entry: randomEntry(random, zoneIds) };
    const start = performance.now();
    const { next } = applyEdit(set, edit);
    const edited = performance.now();
    const indicators = scenarioIndicators(rows, zoneMeasures, next.scenarios[0] ?? scenario);
    const end = performance.now();
    sink += indicators.overall.renovatedMu;
    set = next;
    if (run < 2) continue;
    totals.push(end - start);
    edits.push(edited - start);
  }
  if (!Number.isFinite(sink)) throw new Error('The benchmark computed a non-finite figure.');
  return {
    plots,
    changedPlots: changed,
    actionEntries,
    zones: zoneIds.length,
    runs,
    medianMs: median(totals),
    minMs: Math.min(...totals),
    maxMs: Math.max(...totals),
    firstMs,
    editMedianMs: median(edits),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = benchScenarioUpdate();
  console.log(
    `scenario edit of ${result.changedPlots} plots on ${result.plots} (${result.actionEntries} actions): ` +
      `median ${result.medianMs.toFixed(2)} ms (min ${result.minMs.toFixed(2)}, max ${result.maxMs.toFixed(2)}; ` +
      `edit alone ${result.editMedianMs.toFixed(2)} ms; first call with packing ${result.firstMs.toFixed(2)} ms)`,
  );
  console.log(JSON.stringify(result));
}
