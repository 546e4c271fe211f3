import { describe, expect, it } from 'vitest';
import type { ScenarioFigures } from '../core/scenario/indicators/scenario-figures.ts';
import { createScenario } from '../core/scenario/scenario.ts';
import type { PlannerState } from './planner-state.ts';
import {
  bestIndices,
  buildActionEntry,
  chartScale,
  compareRows,
  countActions,
  isNegativeBalance,
  isTypingTarget,
  newId,
  niceCeil,
  parseNumberText,
  progressOf,
  resolveActionSource,
  selectPlanTowns,
  undoShortcut,
  uniqueName,
} from './scenario-view.ts';

describe('newId and uniqueName', () => {
  it('make a time id and add a suffix only when it is taken', () => {
    expect(newId('scenario', [], 36 ** 3)).toBe('scenario-1000');
    expect(newId('scenario', ['scenario-1000'], 36 ** 3)).toBe('scenario-1000-2');
    expect(newId('scenario', ['scenario-1000', 'scenario-1000-2'], 36 ** 3)).toBe('scenario-1000-3');
  });

  it('number a name that is taken', () => {
    expect(uniqueName('方案二', ['方案一'])).toBe('方案二');
    expect(uniqueName('方案一', ['方案一'])).toBe('方案一 2');
    expect(uniqueName('方案一', ['方案一', '方案一 2'])).toBe('方案一 3');
  });
});

describe('parseNumberText', () => {
  it('reads separators and full-width digits, and tells empty from wrong', () => {
    expect(parseNumberText('1,234.5')).toBe(1234.5);
    expect(parseNumberText('１．５')).toBe(1.5);
    expect(parseNumberText(' 20 ')).toBe(20);
    expect(parseNumberText('－３')).toBe(-3);
    expect(parseNumberText('')).toBeNull();
    expect(parseNumberText('  ')).toBeNull();
    expect(parseNumberText('abc')).toBeUndefined();
    expect(parseNumberText('1e999')).toBeUndefined();
  });
});

describe('keyboard shortcuts', () => {
  const key = (
    k: string,
    mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
  ) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });

  it('map Ctrl+Z to undo, Ctrl+Shift+Z and Ctrl+Y to redo', () => {
    expect(undoShortcut(key('z', { ctrlKey: true }))).toBe('undo');
    expect(undoShortcut(key('z', { metaKey: true }))).toBe('undo');
    expect(undoShortcut(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(undoShortcut(key('y', { ctrlKey: true }))).toBe('redo');
    expect(undoShortcut(key('z'))).toBeNull();
    expect(undoShortcut(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(undoShortcut(key('c', { ctrlKey: true }))).toBeNull();
  });

  it('leave keys typed into fields alone', () => {
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'textarea' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('resolveActionSource', () => {
  it('keeps the chosen source while it has plots, else falls back picked → selected → filter', () => {
    expect(resolveActionSource('filter', { picked: 3, selected: 1, filter: 10 })).toBe('filter');
    expect(resolveActionSource(null, { picked: 3, selected: 1, filter: 10 })).toBe('picked');
    expect(resolveActionSource('picked', { picked: 0, selected: 1, filter: 10 })).toBe('selected');
    expect(resolveActionSource('selected', { picked: 0, selected: 0, filter: 10 })).toBe('filter');
    expect(resolveActionSource('selected', { picked: 0, selected: 0, filter: 0 })).toBe('selected');
  });
});

describe('buildActionEntry', () => {
  const form = {
    action: 'upgrade' as const,
    year: 2024 as const,
    zoneId: 'z1',
    isLease: true,
    leaseYears: '10',
  };

  it('makes keep no entry', () => {
    expect(buildActionEntry({ ...form, action: 'keep' })).toEqual({ entry: null });
  });

  it('keeps a zone only for relocate and a lease only for acquire', () => {
    expect(buildActionEntry(form)).toEqual({ entry: { action: 'upgrade', year: 2024 } });
    expect(buildActionEntry({ ...form, action: 'relocate' })).toEqual({
      entry: { action: 'relocate', year: 2024, zoneId: 'z1' },
    });
    expect(buildActionEntry({ ...form, action: 'relocate', zoneId: '' })).toEqual({
      entry: { action: 'relocate', year: 2024 },
    });
    expect(buildActionEntry({ ...form, action: 'acquire', leaseYears: '１５' })).toEqual({
      entry: { action: 'acquire', year: 2024, lease: { years: 15 } },
    });
    expect(buildActionEntry({ ...form, action: 'acquire', isLease: false })).toEqual({
      entry: { action: 'acquire', year: 2024 },
    });
  });

  it('refuses a lease without a positive number of years', () => {
    for (const leaseYears of ['', '0', '-2', 'ten']) {
      const result = buildActionEntry({ ...form, action: 'acquire', leaseYears });
      expect(result.entry, leaseYears).toBeUndefined();
      expect(result.problem?.zh).toContain('租赁年限');
    }
  });
});

describe('countActions', () => {
  it('counts plots without an entry as keep', () => {
    const scenario = createScenario('s', 'S');
    scenario.actions = {
      a: { action: 'vacate', year: 2023 },
      b: { action: 'vacate', year: 2025 },
      c: { action: 'upgrade', year: 2022 },
    };
    expect(countActions(scenario, ['a', 'b', 'c', 'd', 'toString'])).toEqual({
      keep: 2,
      upgrade: 1,
      acquire: 0,
      vacate: 2,
      relocate: 0,
    });
  });
});

describe('progressOf and chart scales', () => {
  it('puts a share on 0…100 % and any other target at 80 % of the bar', () => {
    expect(progressOf(0.6, 0.8, 'share')).toEqual({ fill: 0.6, marker: 0.8 });
    expect(progressOf(null, 0.8, 'share')).toEqual({ fill: 0, marker: 0.8 });
    expect(progressOf(5000, 10_000, 'amount')).toEqual({ fill: 0.4, marker: 0.8 });
    expect(progressOf(10_000, 10_000, 'amount').fill).toBeCloseTo(0.8, 12);
    expect(progressOf(40_000, 10_000, 'amount').fill).toBe(1);
    expect(progressOf(-5, 10, 'amount').fill).toBe(0);
  });

  it('rounds a scale up to 1, 2, 2.5 or 5 × 10ⁿ', () => {
    expect(niceCeil(0.3)).toBeCloseTo(0.5, 12);
    expect(niceCeil(11_000)).toBe(20_000);
    expect(niceCeil(2100)).toBe(2500);
    expect(niceCeil(100)).toBe(100);
    expect(niceCeil(0)).toBe(1);
    expect(chartScale([0.5, null], 0.8, 'share')).toEqual({ max: 1, ticks: [0, 0.5, 1] });
    expect(chartScale([1000, 12_000, null], 10_000, 'amount')).toEqual({
      max: 20_000,
      ticks: [0, 10_000, 20_000],
    });
    expect(chartScale([null, null], 15, 'amount').max).toBe(20);
  });

  it('treats a rounding residue as no negative balance', () => {
    expect(isNegativeBalance(-1e-9)).toBe(false);
    expect(isNegativeBalance(-0.01)).toBe(true);
    expect(isNegativeBalance(0)).toBe(false);
  });
});

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

describe('selectPlanTowns', () => {
  it('joins the towns of the plots and of the boundaries, in collation order, the same array until the plan changes', () => {
    const analysis = {
      baseline: { byTown: { 掌起镇: {}, '': {}, 观海卫镇: {} } },
    } as unknown as PlannerState['analysis'];
    const layers = {
      boundary: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: null, properties: { town: ' 周巷镇 ' } },
          { type: 'Feature', geometry: null, properties: { town: '观海卫镇' } },
          { type: 'Feature', geometry: null, properties: null },
        ],
      },
    } as unknown as PlannerState['layers'];
    const towns = selectPlanTowns({ analysis, layers });
    expect(towns).toEqual(['观海卫镇', '掌起镇', '周巷镇']);
    expect(selectPlanTowns({ analysis, layers })).toBe(towns);
    expect(selectPlanTowns({ analysis: null, layers: null })).toEqual([]);
  });
});
