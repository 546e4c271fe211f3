import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../core/analysis/analyze-plan.ts';
import { sampleOrigins } from '../core/plan/layer-origins.ts';
import { packPlotOutlines } from '../core/plot-outlines.ts';
import type { FeatureCollection } from '../core/types.ts';
import { selectActiveIndicators } from '../state/scenario-selectors.ts';
import { createPlannerStore, type PlannerStore } from '../state/store.ts';
import { CHANGING_ACTIONS, compareTownNames, reportModel, selectReportModel } from './report-model.ts';

/** A square of `size` degrees with its south-west corner at (lon, lat). */
function square(lon: number, lat: number, size: number) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  };
}

function collection(
  features: { geometry: ReturnType<typeof square>; properties: object }[],
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', ...f, properties: { ...f.properties } })),
  } as FeatureCollection;
}

/**
 * Four plots: P1 in a control zone and P2 in the boundary only (观海卫镇), P3 outside (龙山镇), P4
 * without a town attribute inside 龙山镇's boundary (so in 龙山镇); P2 upgraded in 2023, P3 vacated in
 * 2024, P4 relocated in 2025 to a zone in 观海卫镇.
 */
function plannerStore(): PlannerStore {
  const layers = {
    boundary: collection([
      { geometry: square(121.3, 30.1, 0.05), properties: { town: '观海卫镇' } },
      { geometry: square(121.5, 30.1, 0.05), properties: { town: '龙山镇' } },
    ]),
    control: collection([
      { geometry: square(121.3, 30.1, 0.01), properties: { id: 'K1', town: '观海卫镇' } },
    ]),
    plots: collection([
      { geometry: square(121.302, 30.102, 0.002), properties: { id: 'P1', town: '观海卫镇', taxWan: 3000 } },
      { geometry: square(121.33, 30.13, 0.001), properties: { id: 'P2', town: '观海卫镇', taxWan: 40 } },
      { geometry: square(121.5, 30.3, 0.001), properties: { id: 'P3', town: '龙山镇', taxWan: 2 } },
      { geometry: square(121.52, 30.12, 0.0015), properties: { id: 'P4', town: '' } },
    ]),
  };
  const store = createPlannerStore();
  store
    .getState()
    .openPlan(
      { ...layers, plots: packPlotOutlines(layers.plots), origins: sampleOrigins() },
      analyzePlan(layers),
      null,
    );
  store.getState().edit({
    type: 'add-zone',
    zone: { id: 'Z1', name: '观海卫承接区', far: 2, year: 2024, geometry: square(121.31, 30.11, 0.005) },
  });
  store.getState().edit({ type: 'set-actions', plotIds: ['P2'], entry: { action: 'upgrade', year: 2023 } });
  store.getState().edit({ type: 'set-actions', plotIds: ['P3'], entry: { action: 'vacate', year: 2024 } });
  store
    .getState()
    .edit({ type: 'set-actions', plotIds: ['P4'], entry: { action: 'relocate', year: 2025, zoneId: 'Z1' } });
  return store;
}

describe('reportModel', () => {
  const store = plannerStore();
  const state = store.getState();
  const model = reportModel(state);
  const overall = selectActiveIndicators(state)?.overall;

  it('is null before a plan is open', () => {
    expect(reportModel(createPlannerStore().getState())).toBeNull();
  });

  it('names the plan, the scenario and the label', () => {
    expect(model?.planName).toBe(state.planName);
    expect(model?.scenarioName).toBe(state.scenarioSet.scenarios[0]?.name);
    expect(model?.label).toBe('示例数据（虚构）');
  });

  it('takes the targets and the ledger from the scenario indicators of 2026', () => {
    expect(model?.targets.renovatedMu).toEqual(overall?.targets.renovatedMu);
    expect(model?.targets.controlShare).toEqual(overall?.targets.controlShare);
    expect(model?.targets.ledger).toEqual(overall?.targets.ledger);
    expect(model?.cityBalanceMu).toBe(overall?.ledger.city.balance);
    expect(model?.ledgerCity).toEqual(overall?.ledger.city);
    expect(model?.ledgerTowns.map((row) => row.town)).toEqual(
      Object.keys(overall?.ledger.byTown ?? {}).sort(compareTownNames),
    );
  });

  it('lists the towns in zh-CN order, a plot without a town attribute in the town that holds it', () => {
    expect(model?.towns.map((row) => row.town)).toEqual(['观海卫镇', '龙山镇']);
    expect(model?.city.town).toBeNull();
    expect(['龙山镇', '', '观海卫镇'].sort(compareTownNames)).toEqual(['观海卫镇', '龙山镇', '']);
  });

  it('counts the plots and 亩 of each action per town, adding up to the indicators', () => {
    const rows = state.analysis?.rows ?? [];
    const muOf = (id: string) => rows.find((row) => row.id === id)?.areaMu ?? Number.NaN;
    const guanhaiwei = model?.towns.find((row) => row.town === '观海卫镇');
    expect(guanhaiwei?.actions.upgrade).toEqual({ plots: 1, mu: muOf('P2') });
    expect(guanhaiwei?.actions.vacate).toEqual({ plots: 0, mu: 0 });
    expect(model?.towns.find((row) => row.town === '龙山镇')?.actions.vacate).toEqual({
      plots: 1,
      mu: muOf('P3'),
    });
    expect(model?.towns.find((row) => row.town === '龙山镇')?.actions.relocate.plots).toBe(1);
    for (const action of CHANGING_ACTIONS) {
      const sum = model?.towns.reduce((total, row) => total + row.actions[action].mu, 0) ?? Number.NaN;
      expect(sum, action).toBeCloseTo(overall?.actions[action].mu ?? Number.NaN, 9);
      expect(model?.city.actions[action].plots, action).toBe(overall?.actions[action].plots);
      expect(model?.city.actions[action].mu, action).toBeCloseTo(
        overall?.actions[action].mu ?? Number.NaN,
        9,
      );
    }
  });

  it('counts an entry with a year outside 2022–2026 as keep, as the indicators do', () => {
    const changed = plannerStore();
    const entries = changed.getState().scenarioSet.scenarios[0]?.actions ?? {};
    // An entry as an old or hand-edited plan file may hold it.
    const actions = { ...entries, P1: { action: 'upgrade' as const, year: 2030 as 2026 } };
    changed.setState((s) => ({
      scenarioSet: {
        ...s.scenarioSet,
        scenarios: s.scenarioSet.scenarios.map((scenario, i) =>
          i === 0 ? { ...scenario, actions } : scenario,
        ),
      },
    }));
    const upgraded = reportModel(changed.getState())?.towns.find((row) => row.town === '观海卫镇');
    expect(upgraded?.actions.upgrade.plots).toBe(1);
    expect(selectActiveIndicators(changed.getState())?.overall.actions.upgrade.plots).toBe(1);
  });

  it('takes the baseline figures of each town and of the city from the analysis', () => {
    const baseline = state.analysis?.baseline;
    const guanhaiwei = model?.towns.find((row) => row.town === '观海卫镇');
    expect(guanhaiwei?.plots).toBe(2);
    expect(guanhaiwei?.industrialMu).toBe(baseline?.byTown.观海卫镇?.industrialMu);
    expect(guanhaiwei?.controlShare).toBe(baseline?.byTown.观海卫镇?.controlShare);
    expect(guanhaiwei?.statusCounts.control).toBe(1);
    expect(model?.city.plots).toBe(4);
    expect(model?.city.industrialMu).toBe(baseline?.industrialMu);
    expect(model?.city.statusCounts).toEqual(baseline?.statusCounts);
  });
});

describe('selectReportModel', () => {
  it('gives the same object until the scenario changes', () => {
    const store = plannerStore();
    const first = selectReportModel(store.getState());
    expect(selectReportModel(store.getState())).toBe(first);
    store.getState().edit({ type: 'set-actions', plotIds: ['P1'], entry: { action: 'acquire', year: 2026 } });
    const next = selectReportModel(store.getState());
    expect(next).not.toBe(first);
    expect(next?.towns.find((row) => row.town === '观海卫镇')?.actions.acquire.plots).toBe(1);
  });
});
