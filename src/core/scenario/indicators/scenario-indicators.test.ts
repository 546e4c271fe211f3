import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plotRow, zoneMeasures } from '../../../../test/fixtures/plot-rows.ts';
import type { PlotRow } from '../../analysis/analyze-plan.ts';
import { PLOT_ACTIONS } from '../../catalogue/action-catalogue.ts';
import { M2_PER_MU } from '../../geometry/ellipsoidal-area.ts';
import type { PlotStatus } from '../../types.ts';
import { applyEdit } from '../edits/apply-edit.ts';
import type { ScenarioEdit } from '../edits/scenario-edit.ts';
import {
  type ActionEntry,
  createScenario,
  DEFAULT_ASSUMPTIONS,
  PLAN_YEARS,
  type Scenario,
  type ScenarioSet,
} from '../scenario.ts';
import type { ZoneMeasures } from '../zone-measures.ts';
import { explainIndicator } from './explain-indicator.ts';
import { INDICATOR_KEYS } from './indicator-keys.ts';
import { scenarioIndicators } from './scenario-indicators.ts';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [121.2, 30.2],
      [121.21, 30.2],
      [121.21, 30.21],
      [121.2, 30.2],
    ],
  ],
};

/**
 * The hand-made plan of the worked examples:
 *   P1 甲镇 100 亩, all in control, tax 1000, floor 50000 m², rent 10 — upgrade 2023
 *   P2 甲镇 200 亩, none in control, tax 2000, floor 80000, rent 20 — vacate 2022
 *   P3 甲镇  50 亩, outside the boundary, tax 100, floor 20000, rent 5 — acquire by a 10-year lease 2024
 *   P4 乙镇 300 亩, all in control, no tax, floor 60000, rent 30 — relocate into Z1 2025
 *   P5 乙镇 150 亩, 75 亩 in control, tax 600, no floor area, no rent — keep
 *   Z1 乙镇 2024, far 2.0: 400 亩 new land, 300 亩 of it in control
 *   transfer 甲镇 → 乙镇 100 亩 in 2025
 */
function handMadePlan(): { rows: PlotRow[]; zones: Record<string, ZoneMeasures>; scenario: Scenario } {
  const rows = [
    plotRow(0, 'P1', '甲镇', 100, 'control', 100, { taxWan: 1000, floorAreaM2: 50000, rentWan: 10 }),
    plotRow(1, 'P2', '甲镇', 200, 'boundary', 0, { taxWan: 2000, floorAreaM2: 80000, rentWan: 20 }),
    plotRow(2, 'P3', '甲镇', 50, 'outside', 0, { taxWan: 100, floorAreaM2: 20000, rentWan: 5 }),
    plotRow(3, 'P4', '乙镇', 300, 'control', 300, { floorAreaM2: 60000, rentWan: 30 }),
    plotRow(4, 'P5', '乙镇', 150, 'crossing', 75, { taxWan: 600 }),
  ];
  const scenario: Scenario = {
    ...createScenario('s1', '方案一'),
    actions: {
      P1: { action: 'upgrade', year: 2023 },
      P2: { action: 'vacate', year: 2022 },
      P3: { action: 'acquire', year: 2024, lease: { years: 10 } },
      P4: { action: 'relocate', year: 2025, zoneId: 'Z1' },
    },
    zones: [{ id: 'Z1', name: '乙镇承接区', far: 2.0, year: 2024, town: '乙镇', geometry: square }],
    transfers: [{ id: 'T1', from: '甲镇', to: '乙镇', mu: 100, year: 2025 }],
  };
  return { rows, zones: { Z1: zoneMeasures('Z1', '乙镇', 400, 300) }, scenario };
}

describe('scenarioIndicators on the hand-made plan', () => {
  it('gives the worked figures for the plan as a whole (2026)', () => {
    const { rows, zones, scenario } = handMadePlan();
    const { overall, byYear } = scenarioIndicators(rows, zones, scenario);
    expect(overall).toBe(byYear[2026]);

    // Remaining: P1, P3, P5 (P2 vacated, P4 relocated).
    // controlShare = (100 + 0 + 75 + zone 300) / (100 + 50 + 150 + zone 400) = 475 / 700
    expect(overall.controlShare).toBeCloseTo(475 / 700, 12);
    // renovatedMu = P1 100 + P2 200 + P3 50 + P4 300 = 650
    expect(overall.renovatedMu).toBeCloseTo(650, 9);
    // renovatedTaxPerMu = ((1000 + 100) × 1.8 + 400 × 20) / (100 + 50 + 400) = 9980 / 550
    expect(overall.renovatedTaxPerMu).toBeCloseTo(9980 / 550, 9);
    // newAboveScaleFirms = (100 + 50) × 1 / 100 + 400 × 4 / 100 = 1.5 + 16 = 17.5
    expect(overall.newAboveScaleFirms).toBeCloseTo(17.5, 9);

    // 甲镇: released P2 200, out 100 → 100. 乙镇: released P4 300, in 100, used 400 → 0.
    const jia = overall.ledger.byTown.甲镇;
    const yi = overall.ledger.byTown.乙镇;
    expect(jia?.released).toBeCloseTo(200, 9);
    expect(jia?.transfersOut).toBe(100);
    expect(jia?.balance).toBeCloseTo(100, 9);
    expect(yi?.released).toBeCloseTo(300, 9);
    expect(yi?.transfersIn).toBe(100);
    expect(yi?.used).toBeCloseTo(400, 9);
    expect(yi?.balance).toBeCloseTo(0, 9);
    // City: released 500 − used 400 = 100; transfers cancel.
    expect(overall.ledger.city).toMatchObject({ transfersIn: 100, transfersOut: 100 });
    expect(overall.ledger.city.balance).toBeCloseTo(100, 9);
    expect(overall.ledger.negativeTowns).toEqual([]);

    // P3 is acquired outside the boundary: a warning, not a violation.
    expect(overall.violations).toEqual({ count: 0, zoneIds: [], warningPlotCount: 1, warningZoneIds: [] });

    // Z1: demand = P4 floor 60000 × 1.0; supply = 400 亩 × 10000/15 × 2.0 = 533,333.3 m².
    expect(overall.capacity.Z1?.demandM2).toBe(60000);
    expect(overall.capacity.Z1?.supplyM2).toBeCloseTo((400 * 10000 * 2) / 15, 6);
    expect(overall.capacity.Z1?.isShort).toBe(false);

    // Lease 50 亩 × 1.5 × 10 years = 750; demolition (80000 + 60000) × 150 / 10000 = 2100;
    // reward 50 × 5 = 250. Village income: before 10 + 20 + 5 + 30 = 65 (P5 has no rent);
    // after 65 − 20 (P2) − 30 (P4) − 5 (P3's rent, replaced) + 50 × 1.5 (P3's lease) = 85.
    expect(overall.money.purchaseWan).toBe(0);
    expect(overall.money.leaseWan).toBeCloseTo(750, 9);
    expect(overall.money.acquisitionWan).toBeCloseTo(750, 9);
    expect(overall.money.demolitionWan).toBeCloseTo(2100, 9);
    expect(overall.money.rewardWan).toBeCloseTo(250, 9);
    expect(overall.money.villageIncomeBeforeWan).toBe(65);
    expect(overall.money.villageIncomeAfterWan).toBeCloseTo(85, 9);

    // Targets: 0.679 < 0.80, 650 < 10000, 18.1 ≥ 15, 17.5 < 200, no negative balance, no violation.
    expect(Object.fromEntries(Object.entries(overall.targets).map(([k, t]) => [k, t.met]))).toEqual({
      controlShare: false,
      renovatedMu: false,
      renovatedTaxPerMu: true,
      newAboveScaleFirms: false,
      ledger: true,
      violations: true,
    });
    expect(overall.actions.keep).toEqual({ plots: 1, mu: 150 });
    expect(overall.actions.relocate.plots).toBe(1);
  });

  it('counts each action and zone from its year on', () => {
    const { rows, zones, scenario } = handMadePlan();
    const { byYear } = scenarioIndicators(rows, zones, scenario);
    // 2022: only P2 vacated. controlShare = (100 + 0 + 300 + 75) / (100 + 50 + 300 + 150) = 475 / 600;
    // nothing upgraded and no zone yet: no tax per 亩.
    expect(byYear[2022].controlShare).toBeCloseTo(475 / 600, 12);
    expect(byYear[2022].renovatedMu).toBeCloseTo(200, 9);
    expect(byYear[2022].renovatedTaxPerMu).toBeNull();
    // 2023: P1 upgraded as well: tax = 1000 × 1.8 / 100 = 18; firms = 100 × 1 / 100 = 1.
    expect(byYear[2023].renovatedMu).toBeCloseTo(300, 9);
    expect(byYear[2023].renovatedTaxPerMu).toBeCloseTo(18, 9);
    expect(byYear[2023].newAboveScaleFirms).toBeCloseTo(1, 9);
    // 2024: P3 acquired and Z1 counts. controlShare = (100 + 0 + 300 + 75 + 300) / (100 + 50 + 300 + 150 + 400)
    expect(byYear[2024].controlShare).toBeCloseTo(775 / 1000, 12);
    expect(byYear[2024].renovatedMu).toBeCloseTo(350, 9);
    expect(byYear[2024].money.leaseWan).toBeCloseTo(750, 9);
  });

  it('leaves a relocation dated 2025 out of 2024 and counts it in 2025', () => {
    const { rows, zones, scenario } = handMadePlan();
    const { byYear } = scenarioIndicators(rows, zones, scenario);
    // P4 (300 亩, in control, 乙镇) is relocated in 2025.
    expect(byYear[2024].actions.relocate).toEqual({ plots: 0, mu: 0 });
    expect(byYear[2025].actions.relocate).toEqual({ plots: 1, mu: 300 });
    expect(byYear[2024].ledger.byTown.乙镇?.released).toBe(0);
    expect(byYear[2025].ledger.byTown.乙镇?.released).toBeCloseTo(300, 9);
    expect(byYear[2024].capacity.Z1?.demandM2).toBe(0);
    expect(byYear[2025].capacity.Z1?.demandM2).toBe(60000);
    // renovatedMu 2024 = 200 + 100 + 50 = 350; 2025 adds P4's 300.
    expect(byYear[2025].renovatedMu - byYear[2024].renovatedMu).toBeCloseTo(300, 9);
    // controlShare 2025 = (100 + 0 + 75 + 300) / (100 + 50 + 150 + 400) = 475 / 700
    expect(byYear[2025].controlShare).toBeCloseTo(475 / 700, 12);
    expect(
      explainIndicator('renovatedMu', { rows, zoneMeasures: zones, scenario }, { year: 2024 }).plots,
    ).toEqual([0, 1, 2]);
    expect(
      explainIndicator('renovatedMu', { rows, zoneMeasures: zones, scenario }, { year: 2025 }).plots,
    ).toEqual([0, 1, 2, 3]);
  });

  it('shows a negative balance in one town that a transfer balances', () => {
    const { rows, zones, scenario } = handMadePlan();
    const withTransfer = scenarioIndicators(rows, zones, scenario).byYear;
    // 2024: Z1 uses 400 亩 in 乙镇 before P4 releases anything there: 0 + 0 − 400 = −400.
    expect(withTransfer[2024].ledger.byTown.乙镇?.balance).toBeCloseTo(-400, 9);
    expect(withTransfer[2024].ledger.negativeTowns).toEqual(['乙镇']);
    expect(withTransfer[2024].targets.ledger.met).toBe(false);
    // 2025: 300 released + 100 transferred in − 400 used = 0; 甲镇 200 − 100 = 100.
    expect(withTransfer[2025].ledger.negativeTowns).toEqual([]);
    expect(withTransfer[2025].targets.ledger.met).toBe(true);

    const withoutTransfer = scenarioIndicators(rows, zones, { ...scenario, transfers: [] }).byYear;
    // Without the transfer 乙镇 stays at 300 − 400 = −100 although the city has 500 − 400 = 100.
    expect(withoutTransfer[2025].ledger.byTown.乙镇?.balance).toBeCloseTo(-100, 9);
    expect(withoutTransfer[2025].ledger.city.balance).toBeCloseTo(100, 9);
    expect(withoutTransfer[2025].targets.ledger.met).toBe(false);
  });

  it('counts direct quota for key projects in its town from its year', () => {
    const { rows, zones, scenario } = handMadePlan();
    const plan = {
      ...scenario,
      directQuota: [{ id: 'D1', town: '乙镇', mu: 400, year: 2024 as const, note: '宁波市级重点项目' }],
    };
    const { byYear } = scenarioIndicators(rows, zones, plan);
    // 2024: 乙镇 0 + 400 − 400 = 0; 2023: nothing used, nothing granted.
    expect(byYear[2024].ledger.byTown.乙镇?.directQuotaMu).toBe(400);
    expect(byYear[2024].ledger.byTown.乙镇?.balance).toBeCloseTo(0, 9);
    expect(byYear[2023].ledger.byTown.乙镇?.directQuotaMu).toBe(0);
    expect(byYear[2024].ledger.city.directQuotaMu).toBe(400);
  });
});

describe('capacity of receiving zones', () => {
  it('flags a relocation into a zone without enough floor area', () => {
    const rows = [plotRow(0, 'A', '丙镇', 30, 'outside', 0, { floorAreaM2: 20000 })];
    const scenario: Scenario = {
      ...createScenario('s', 's'),
      actions: { A: { action: 'relocate', year: 2023, zoneId: 'Z' } },
      zones: [{ id: 'Z', name: '小区块', far: 1.0, year: 2024, town: '丙镇', geometry: square }],
    };
    const zones = { Z: zoneMeasures('Z', '丙镇', 10, 10) };
    const { byYear } = scenarioIndicators(rows, zones, scenario);
    // 2023: the zone does not exist yet: supply 0, the whole demand of 20000 m² is short.
    expect(byYear[2023].capacity.Z).toMatchObject({
      demandM2: 20000,
      supplyM2: 0,
      shortfallM2: 20000,
      isShort: true,
    });
    // 2024: supply = 10 亩 × 10000/15 m² × far 1.0 = 6666.67 m²; shortfall = 20000 − 6666.67 = 13333.33 m².
    expect(byYear[2024].capacity.Z?.supplyM2).toBeCloseTo(100000 / 15, 6);
    expect(byYear[2024].capacity.Z?.shortfallM2).toBeCloseTo(20000 - 100000 / 15, 6);
    expect(byYear[2024].capacity.Z?.isShort).toBe(true);
    // With relocationFloorFactor 0.25 the demand is 5000 m² and fits.
    const lighter = { ...scenario, assumptions: { ...DEFAULT_ASSUMPTIONS, relocationFloorFactor: 0.25 } };
    expect(scenarioIndicators(rows, zones, lighter).byYear[2024].capacity.Z).toMatchObject({
      demandM2: 5000,
      shortfallM2: 0,
      isShort: false,
    });
  });

  it('counts a relocation without a known zone as unassigned', () => {
    const rows = [plotRow(0, 'A', '丙镇', 30, 'outside', 0, { floorAreaM2: 20000 })];
    const scenario: Scenario = {
      ...createScenario('s', 's'),
      actions: { A: { action: 'relocate', year: 2023, zoneId: 'nowhere' } },
    };
    const { overall } = scenarioIndicators(rows, {}, scenario);
    expect(overall.data.unassignedRelocations).toBe(1);
    expect(overall.capacity).toEqual({});
    // It still releases its land.
    expect(overall.ledger.byTown.丙镇?.released).toBeCloseTo(30, 9);
  });
});

describe('R2 in scenarios', () => {
  it('counts a zone with new land outside the boundary as a violation from its year', () => {
    const rows = [plotRow(0, 'A', '丁镇', 10, 'control', 10)];
    const bad: ZoneMeasures = {
      ...zoneMeasures('Z', '丁镇', 20, 0),
      newLandOutsideBoundaryM2: 5 * M2_PER_MU,
      r2: 'violation',
    };
    const scenario: Scenario = {
      ...createScenario('s', 's'),
      zones: [{ id: 'Z', name: '边界外', far: 2, year: 2025, geometry: square }],
    };
    const { byYear } = scenarioIndicators(rows, { Z: bad }, scenario);
    expect(byYear[2024].violations.count).toBe(0);
    expect(byYear[2025].violations).toMatchObject({ count: 1, zoneIds: ['Z'] });
    expect(byYear[2025].targets.violations.met).toBe(false);
    const explanation = explainIndicator('violations', { rows, zoneMeasures: { Z: bad }, scenario });
    expect(explanation.zoneIds).toEqual(['Z']);
  });
});

describe('missing data', () => {
  it('leaves plots without tax out of renovatedTaxPerMu rather than counting them as 0', () => {
    const rows = [
      plotRow(0, 'A', '戊镇', 10, 'control', 10, { taxWan: 200 }),
      plotRow(1, 'B', '戊镇', 90, 'control', 90),
    ];
    const scenario: Scenario = {
      ...createScenario('s', 's'),
      actions: { A: { action: 'upgrade', year: 2022 }, B: { action: 'upgrade', year: 2022 } },
    };
    const { overall } = scenarioIndicators(rows, {}, scenario);
    // 200 × 1.8 / 10 = 36, not 360 / 100 = 3.6.
    expect(overall.renovatedTaxPerMu).toBeCloseTo(36, 9);
    expect(overall.data.missingTaxPlots).toBe(1);
    // Firms use all upgraded land: 100 × 1 / 100.
    expect(overall.newAboveScaleFirms).toBeCloseTo(1, 9);
  });

  it('leaves unclassified plots out of controlShare and counts unknown plot ids', () => {
    const broken: PlotRow = {
      ...plotRow(1, 'X', '己镇', 50, 'control', 0),
      status: null,
      inControlM2: Number.NaN,
    };
    const rows = [plotRow(0, 'A', '己镇', 100, 'control', 80), broken];
    const scenario: Scenario = {
      ...createScenario('s', 's'),
      actions: { ghost: { action: 'vacate', year: 2022 } as ActionEntry },
    };
    const { overall } = scenarioIndicators(rows, {}, scenario);
    expect(overall.controlShare).toBeCloseTo(0.8, 12);
    expect(overall.data).toMatchObject({
      unclassifiedPlots: 1,
      unknownPlotCount: 1,
      unknownPlotIds: ['ghost'],
    });
  });

  it('purchase ends the rent and pays once', () => {
    const rows = [plotRow(0, 'A', '庚镇', 20, 'control', 20, { rentWan: 8 })];
    const scenario: Scenario = {
      ...createScenario('s', 's'),
      actions: { A: { action: 'acquire', year: 2026 } },
    };
    const { overall, byYear } = scenarioIndicators(rows, {}, scenario);
    // 20 亩 × 60 = 1200 万元 purchase, 20 × 5 = 100 reward; rent 8 → 0 per year.
    expect(overall.money.purchaseWan).toBeCloseTo(1200, 9);
    expect(overall.money.rewardWan).toBeCloseTo(100, 9);
    expect(overall.money.villageOneOffWan).toBeCloseTo(1200, 9);
    expect(overall.money.villageIncomeAfterWan).toBe(0);
    expect(byYear[2025].money.villageIncomeAfterWan).toBe(8);
  });
});

describe('explainIndicator', () => {
  it.each(INDICATOR_KEYS)('explains %s with a formula in both languages and finite inputs', (key) => {
    const { rows, zones, scenario } = handMadePlan();
    const explanation = explainIndicator(key, { rows, zoneMeasures: zones, scenario });
    expect(explanation.formula.zh.length).toBeGreaterThan(5);
    expect(explanation.formula.en.length).toBeGreaterThan(5);
    expect(explanation.inputs.length).toBeGreaterThan(0);
    for (const input of explanation.inputs) expect(Number.isFinite(input.value)).toBe(true);
  });

  it('lists the plots and zones behind the ledger of one town', () => {
    const { rows, zones, scenario } = handMadePlan();
    const explanation = explainIndicator(
      'ledger',
      { rows, zoneMeasures: zones, scenario },
      { town: '乙镇', year: 2025 },
    );
    expect(explanation.plots).toEqual([3]);
    expect(explanation.zoneIds).toEqual(['Z1']);
    expect(explanation.result.value).toBeCloseTo(0, 9);
    expect(explanation.inputs.map((input) => input.value)).toEqual([
      expect.closeTo(300, 9),
      0,
      100,
      0,
      expect.closeTo(400, 9),
    ]);
  });

  it('gives the sums of controlShare as inputs and the removed plots', () => {
    const { rows, zones, scenario } = handMadePlan();
    const explanation = explainIndicator('controlShare', { rows, zoneMeasures: zones, scenario });
    const [inControl, remaining, zoneInControl, zoneLand] = explanation.inputs.map(
      (input) => input.value as number,
    );
    expect(
      ((inControl as number) + (zoneInControl as number)) / ((remaining as number) + (zoneLand as number)),
    ).toBeCloseTo(explanation.result.value as number, 12);
    expect(remaining).toBeCloseTo(300 * M2_PER_MU, 6);
    expect(explanation.plots).toEqual([1, 3]);
    expect(explanation.target?.met).toBe(false);
  });
});

describe('incremental recomputation', () => {
  /** 40 plots in 3 towns with fractional figures and some missing data. */
  function rows(): PlotRow[] {
    const statuses: PlotStatus[] = ['control', 'boundary', 'crossing', 'outside'];
    return Array.from({ length: 40 }, (_, i) => {
      const areaMu = 1 + ((i * 7.31) % 13.7);
      const status = statuses[i % 4] as PlotStatus;
      return plotRow(i, `Q${i}`, `镇${i % 3}`, areaMu, status, status === 'control' ? areaMu : areaMu / 3, {
        ...(i % 5 === 0 ? {} : { taxWan: areaMu * (3.3 + (i % 11)) }),
        ...(i % 7 === 0 ? {} : { floorAreaM2: areaMu * 512.25 }),
        ...(i % 4 === 0 ? {} : { rentWan: areaMu * 0.77 }),
      });
    });
  }

  const plotIds = fc.array(fc.constantFrom(...Array.from({ length: 42 }, (_, i) => `Q${i}`)), {
    maxLength: 12,
  });
  const entry = fc.option(
    fc
      .record(
        {
          action: fc.constantFrom(...PLOT_ACTIONS),
          year: fc.constantFrom(...PLAN_YEARS),
          zoneId: fc.constantFrom('Z1', 'Z9'),
          lease: fc.record({ years: fc.double({ min: 0.5, max: 30, noNaN: true }) }),
        },
        { requiredKeys: ['action', 'year'] },
      )
      .map((e) => ({ ...e }) as ActionEntry),
    { nil: null },
  );

  it('gives, after any edits and undos, exactly the figures of a fresh computation', () => {
    const plots = rows();
    const zones = { Z1: zoneMeasures('Z1', '镇1', 12.5, 10) };
    const base: Scenario = {
      ...createScenario('s', 's'),
      zones: [{ id: 'Z1', name: 'Z1', far: 1.5, year: 2023, geometry: square }],
    };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(plotIds, entry), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (steps, undo) => {
          let set: ScenarioSet = { scenarios: [base], activeScenarioId: 's' };
          scenarioIndicators(plots, zones, base);
          const inverses: ScenarioEdit[] = [];
          for (const [ids, e] of steps) {
            const result = applyEdit(set, { type: 'set-actions', plotIds: ids, entry: e });
            set = result.next;
            inverses.push(result.inverse);
            // Evaluate some intermediate states only, so that chains of several edits are replayed.
            if (ids.length % 2 === 0) scenarioIndicators(plots, zones, set.scenarios[0] as Scenario);
          }
          if (undo) for (const inverse of inverses.reverse()) set = applyEdit(set, inverse).next;
          const scenario = set.scenarios[0] as Scenario;
          const incremental = scenarioIndicators(plots, zones, scenario);
          const fresh = scenarioIndicators([...plots], zones, {
            ...scenario,
            actions: { ...scenario.actions },
          });
          expect(incremental).toStrictEqual(fresh);
        },
      ),
      { numRuns: 150 },
    );
  });
});
