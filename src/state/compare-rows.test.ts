import { describe, expect, it } from 'vitest';
import type { ScenarioFigures } from '../core/scenario/indicators/scenario-figures.ts';
import { bestIndices, compareRows } from './compare-rows.ts';

/** Figures with only what compareRows reads, the rest zero. */
function figures(patch: {
  controlShare?: number | null;
  renovatedMu?: number;
  balance?: number;
  violations?: number;
  acquisitionWan?: number;
  vacateMu?: number;
}): ScenarioFigures {
  const ledger = {
    released: 0,
    directQuotaMu: 0,
    transfersIn: 0,
    transfersOut: 0,
    used: 0,
    balance: patch.balance ?? 0,
  };
  const check = (value: number | null, target: number) => ({
    value,
    target,
    met: value !== null && value >= target,
  });
  const controlShare = patch.controlShare === undefined ? 0.7 : patch.controlShare;
  const action = (mu: number) => ({ plots: 0, mu });
  return {
    year: 2026,
    controlShare,
    renovatedMu: patch.renovatedMu ?? 0,
    renovatedTaxPerMu: null,
    newAboveScaleFirms: 0,
    ledger: { city: ledger, byTown: {}, negativeTowns: [] },
    violations: { count: patch.violations ?? 0, zoneIds: [], warningPlotCount: 0, warningZoneIds: [] },
    capacity: {},
    money: {
      purchaseWan: 0,
      leaseWan: 0,
      acquisitionWan: patch.acquisitionWan ?? 0,
      demolitionWan: 0,
      rewardWan: 0,
      villageIncomeBeforeWan: 0,
      villageIncomeAfterWan: 0,
      villageOneOffWan: 0,
      upgradeSubsidyWan: 0,
      relocationSubsidyWan: 0,
    },
    actions: {
      keep: action(0),
      upgrade: action(0),
      acquire: action(0),
      vacate: action(patch.vacateMu ?? 0),
      relocate: action(0),
    },
    parts: {} as ScenarioFigures['parts'],
    data: {} as ScenarioFigures['data'],
    targets: {
      controlShare: check(controlShare, 0.8),
      renovatedMu: check(patch.renovatedMu ?? 0, 10_000),
      renovatedTaxPerMu: check(null, 15),
      newAboveScaleFirms: check(0, 200),
      ledger: { value: 0, target: 0, met: true },
      violations: { value: patch.violations ?? 0, target: 0, met: (patch.violations ?? 0) === 0 },
    },
  };
}

describe('compareRows', () => {
  const rows = compareRows([
    figures({
      controlShare: 0.7,
      renovatedMu: 8000,
      balance: -5,
      violations: 1,
      acquisitionWan: 100,
      vacateMu: 10,
    }),
    figures({
      controlShare: 0.85,
      renovatedMu: 12_000,
      balance: 20,
      violations: 0,
      acquisitionWan: 300,
      vacateMu: 30,
    }),
    figures({
      controlShare: null,
      renovatedMu: 12_000,
      balance: 20,
      violations: 0,
      acquisitionWan: 100,
      vacateMu: 5,
    }),
  ]);
  const row = (key: string) => {
    const found = rows.find((r) => r.key === key);
    if (!found) throw new Error(`no row ${key}`);
    return found;
  };

  it('give values in scenario order with the difference to the first', () => {
    expect(row('renovatedMu').values).toEqual([8000, 12_000, 12_000]);
    expect(row('renovatedMu').differences).toEqual([null, 4000, 4000]);
    expect(row('controlShare').values).toEqual([0.7, 0.85, null]);
    expect(row('controlShare').differences[1]).toBeCloseTo(0.15, 12);
    expect(row('controlShare').differences[2]).toBeNull();
  });

  it('mark the best: ties all, lower is better for costs and violations, none for neutral rows', () => {
    expect(row('controlShare').best).toEqual([1]);
    expect(row('renovatedMu').best).toEqual([1, 2]);
    expect(row('ledgerBalance').best).toEqual([1, 2]);
    expect(row('violations').best).toEqual([1, 2]);
    expect(row('acquisitionWan').best).toEqual([0, 2]);
    expect(row('actions.vacate').best).toEqual([]);
    expect(row('actions.vacate').values).toEqual([10, 30, 5]);
  });

  it('attach the targets of R1 and R7', () => {
    expect(row('controlShare').target).toBe(0.8);
    expect(row('renovatedMu').target).toBe(10_000);
    expect(row('violations').target).toBeUndefined();
  });

  it('mark nothing when every value is equal or there is one scenario', () => {
    expect(bestIndices([3, 3, 3], 'higher')).toEqual([]);
    expect(bestIndices([3], 'higher')).toEqual([]);
    expect(bestIndices([null, 2, 1], 'lower')).toEqual([2]);
    expect(compareRows([figures({})]).every((r) => r.best.length === 0)).toBe(true);
  });
});
