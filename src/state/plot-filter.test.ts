import { describe, expect, it } from 'vitest';
import type { PlanAnalysis, PlotRow } from '../core/analysis/analyze-plan.ts';
import { baselineIndicators } from '../core/analysis/baseline-indicators.ts';
import type { EfficiencyClass } from '../core/analysis/plot-measures.ts';
import { CHECK_FLAGS } from '../core/checks/plausibility-checks.ts';
import { DEFAULT_SETTINGS } from '../core/settings.ts';
import type { PlotStatus } from '../core/types.ts';
import { EMPTY_FILTER, type PlotFilter, type PlotSort } from './planner-state.ts';
import {
  filterBoundOf,
  filterRows,
  isFilterEmpty,
  selectTowns,
  selectVillages,
  selectVisibleRows,
  sortRows,
  sortTexts,
} from './plot-filter.ts';

interface RowSpec {
  id: string;
  name?: string;
  town?: string;
  village?: string;
  status?: PlotStatus | null;
  areaMu?: number;
  inControlMu?: number;
  taxPerMu?: number;
  efficiencyClass?: EfficiencyClass;
}

function row(index: number, spec: RowSpec): PlotRow {
  const areaMu = spec.areaMu ?? 10;
  const areaM2 = (areaMu * 10000) / 15;
  const result: PlotRow = {
    index,
    id: spec.id,
    town: spec.town ?? '',
    townSource: 'attribute',
    status: spec.status === undefined ? 'control' : spec.status,
    areaM2,
    areaMu,
    inBoundaryM2: areaM2,
    inControlM2: ((spec.inControlMu ?? areaMu) * 10000) / 15,
    properties: { id: spec.id },
    measures: { screening: {}, taxPerMu: spec.taxPerMu, efficiencyClass: spec.efficiencyClass },
    box: null,
  };
  if (spec.name !== undefined) result.name = spec.name;
  if (spec.village !== undefined) result.village = spec.village;
  return Object.freeze(result);
}

const ROWS: readonly PlotRow[] = Object.freeze([
  row(0, {
    id: 'P10',
    name: '明辉轴承',
    town: '观海卫镇',
    village: '五里村',
    status: 'control',
    areaMu: 12,
    taxPerMu: 31,
    efficiencyClass: 'A',
  }),
  row(1, {
    id: 'P2',
    name: '振华五金',
    town: '观海卫镇',
    village: '东山头村',
    status: 'outside',
    areaMu: 3,
    inControlMu: 0,
    taxPerMu: 4,
    efficiencyClass: 'D',
  }),
  row(2, {
    id: 'p3',
    name: 'Acme <img src=x>',
    town: '宗汉街道',
    village: '曙光社区',
    status: 'crossing',
    areaMu: 40,
    inControlMu: 10,
  }),
  row(3, {
    id: 'P1',
    town: '浒山街道',
    village: '五里村',
    status: null,
    areaMu: 5,
    taxPerMu: 16,
    efficiencyClass: 'B',
  }),
  row(4, {
    id: 'P20',
    name: '东山电器',
    town: '',
    status: 'boundary',
    areaMu: 8,
    inControlMu: 0,
    taxPerMu: 16,
    efficiencyClass: 'B',
  }),
]);

const ids = (rows: readonly PlotRow[]) => rows.map((r) => r.id);
const filter = (patch: Partial<PlotFilter>): PlotFilter => ({ ...EMPTY_FILTER, ...patch });

describe('filterBoundOf (the min and max boxes)', () => {
  it('accepts digits and minus typed in full width by a Chinese input method', () => {
    expect(filterBoundOf('minAreaMu', '１２３')).toBe(123);
    expect(filterBoundOf('minTaxPerMu', '－５')).toBe(-5);
    expect(filterBoundOf('maxTaxPerMu', '１２，５００．５')).toBe(12_500.5);
  });

  it('sets no bound for an empty box and leaves the filter alone for text that is not a number', () => {
    expect(filterBoundOf('maxAreaMu', '  ')).toBeNull();
    expect(filterBoundOf('maxAreaMu', '12,34')).toBeUndefined();
    expect(filterBoundOf('minAreaMu', 'abc')).toBeUndefined();
  });

  it('reads 万 in an area box, not in a box already in 万元/亩', () => {
    expect(filterBoundOf('minAreaMu', '1.2万')).toBe(12_000);
    expect(filterBoundOf('minTaxPerMu', '1.2万')).toBeUndefined();
  });

  it('filters the rows with a bound typed in full width as with the ASCII one', () => {
    const typed = filterBoundOf('minAreaMu', '１２');
    expect(typed).toBe(12);
    expect(ids(filterRows(ROWS, null, filter({ minAreaMu: typed ?? null })))).toEqual(['P10', 'p3']);
  });
});

describe('filterRows', () => {
  it('keeps every row, in order, with no town and an empty filter', () => {
    expect(ids(filterRows(ROWS, null, EMPTY_FILTER))).toEqual(['P10', 'P2', 'p3', 'P1', 'P20']);
  });

  it('keeps the chosen town only; "" is the plots without a town', () => {
    expect(ids(filterRows(ROWS, '观海卫镇', EMPTY_FILTER))).toEqual(['P10', 'P2']);
    expect(ids(filterRows(ROWS, '', EMPTY_FILTER))).toEqual(['P20']);
  });

  it('matches text in id, name or village, ignoring case', () => {
    expect(ids(filterRows(ROWS, null, filter({ text: 'P3' })))).toEqual(['p3']);
    expect(ids(filterRows(ROWS, null, filter({ text: '东山' })))).toEqual(['P2', 'P20']);
    expect(ids(filterRows(ROWS, null, filter({ text: ' acme ' })))).toEqual(['p3']);
  });

  it('matches the village exactly', () => {
    expect(ids(filterRows(ROWS, null, filter({ village: '五里村' })))).toEqual(['P10', 'P1']);
    expect(ids(filterRows(ROWS, null, filter({ village: '五里' })))).toEqual([]);
  });

  it('keeps any of the listed statuses and classes; "none" is a plot without a class', () => {
    expect(ids(filterRows(ROWS, null, filter({ statuses: ['outside', 'crossing'] })))).toEqual(['P2', 'p3']);
    expect(ids(filterRows(ROWS, null, filter({ classes: ['B', 'none'] })))).toEqual(['p3', 'P1', 'P20']);
  });

  it('keeps rows within the 亩 and tax-per-亩 ranges, bounds included; a missing measure is left out', () => {
    expect(ids(filterRows(ROWS, null, filter({ minAreaMu: 5, maxAreaMu: 12 })))).toEqual([
      'P10',
      'P1',
      'P20',
    ]);
    expect(ids(filterRows(ROWS, null, filter({ minTaxPerMu: 16 })))).toEqual(['P10', 'P1', 'P20']);
    expect(ids(filterRows(ROWS, null, filter({ maxTaxPerMu: 10 })))).toEqual(['P2']);
  });

  it('keeps plots with any of the listed plausibility findings, by the flags of their plot index', () => {
    // By plot index (ROWS' order): P10 outside the county, P2 overlapping and duplicate, P1 overlapping.
    const flags = new Uint8Array(ROWS.length);
    const at = (id: string) => ROWS.find((row) => row.id === id)?.index as number;
    flags[at('P10')] = CHECK_FLAGS.outsideCounty;
    flags[at('P2')] = CHECK_FLAGS.overlapping | CHECK_FLAGS.duplicate;
    flags[at('P1')] = CHECK_FLAGS.overlapping;
    expect(ids(filterRows(ROWS, null, filter({ checks: ['overlapping'] }), flags))).toEqual(['P2', 'P1']);
    expect(ids(filterRows(ROWS, null, filter({ checks: ['duplicate', 'outsideCounty'] }), flags))).toEqual([
      'P10',
      'P2',
    ]);
    expect(ids(filterRows(ROWS, '观海卫镇', filter({ checks: ['overlapping'] }), flags))).toEqual(['P2']);
    // Before the plan has been checked, a finding filter keeps nothing rather than everything.
    expect(filterRows(ROWS, null, filter({ checks: ['onWater'] }), null)).toEqual([]);
    expect(isFilterEmpty(filter({ checks: ['townMismatch'] }))).toBe(false);
  });

  it('tells an empty filter by its fields, not by its identity', () => {
    expect(isFilterEmpty({ ...EMPTY_FILTER, text: '  ' })).toBe(true);
    expect(isFilterEmpty(filter({ minTaxPerMu: 0 }))).toBe(false);
    expect(isFilterEmpty(filter({ classes: ['none'] }))).toBe(false);
  });

  it('combines town and filters', () => {
    expect(ids(filterRows(ROWS, '观海卫镇', filter({ classes: ['A', 'B'] })))).toEqual(['P10']);
  });
});

describe('sortRows', () => {
  const sort = (key: PlotSort['key'], descending = false) => ids(sortRows(ROWS, { key, descending }));

  it('sorts ids with numbers by value, ignoring case', () => {
    expect(sort('id')).toEqual(['P1', 'P2', 'p3', 'P10', 'P20']);
    expect(sort('id', true)).toEqual(['P20', 'P10', 'p3', 'P2', 'P1']);
  });

  it('puts missing values last in both directions', () => {
    expect(sort('taxPerMu')).toEqual(['P2', 'P1', 'P20', 'P10', 'p3']);
    expect(sort('taxPerMu', true)).toEqual(['P10', 'P1', 'P20', 'P2', 'p3']);
    expect(sort('name', true).at(-1)).toBe('P1');
    expect(sort('town').at(-1)).toBe('P20');
  });

  it('is stable: equal keys keep their order in both directions', () => {
    // P1 and P20 both have 16 万元/亩; class B twice.
    expect(sort('class')).toEqual(['P10', 'P1', 'P20', 'P2', 'p3']);
    expect(sort('class', true)).toEqual(['P2', 'P1', 'P20', 'P10', 'p3']);
  });

  it('sorts statuses in legend order and towns in zh-CN (pinyin) collation', () => {
    expect(sort('status')).toEqual(['P10', 'P20', 'p3', 'P2', 'P1']);
    // 观海卫 guan < 浒山 hu < 宗汉 zong
    expect(sort('town')).toEqual(['P10', 'P2', 'P1', 'p3', 'P20']);
  });

  it('sorts by the share inside control lines', () => {
    expect(sort('inControlShare')).toEqual(['P2', 'P20', 'p3', 'P10', 'P1']);
  });

  it('does not change its input', () => {
    const before = ids(ROWS);
    sortRows(ROWS, { key: 'areaMu', descending: true });
    expect(ids(ROWS)).toEqual(before);
  });
});

describe('sortTexts', () => {
  it('orders ASCII ids by number value, ignoring case, as Intl.Collator does', () => {
    const texts = ['A-10', 'a-9', 'B1', 'c 2', '330282002002-0010', '330282002002-0002', '7', '10', 'x.1'];
    const collator = new Intl.Collator('zh-CN', { numeric: true });
    expect(sortTexts(texts)).toEqual([...texts].sort(collator.compare));
    expect(sortTexts(['P10', 'p2', 'P1'])).toEqual(['P1', 'p2', 'P10']);
  });

  it('collates Chinese texts by pinyin', () => {
    expect(sortTexts(['宗汉街道', '观海卫镇', '浒山街道'])).toEqual(['观海卫镇', '浒山街道', '宗汉街道']);
  });
});

function analysisOf(rows: readonly PlotRow[]): PlanAnalysis {
  return {
    rows: [...rows],
    baseline: baselineIndicators([], []),
    settings: DEFAULT_SETTINGS,
    problems: [],
  };
}

describe('selectors', () => {
  it('return the same array while analysis, town, filter and sort are the same objects', () => {
    const analysis = analysisOf(ROWS);
    const state = {
      analysis,
      town: null,
      filter: EMPTY_FILTER,
      sort: { key: 'id', descending: false } as PlotSort,
    };
    const first = selectVisibleRows(state);
    expect(ids(first)).toEqual(['P1', 'P2', 'p3', 'P10', 'P20']);
    expect(selectVisibleRows({ ...state })).toBe(first);
    const narrowed = selectVisibleRows({ ...state, filter: filter({ statuses: ['control'] }) });
    expect(ids(narrowed)).toEqual(['P10']);
    const byArea = selectVisibleRows({ ...state, sort: { key: 'areaMu', descending: true } });
    expect(ids(byArea)).toEqual(['p3', 'P10', 'P20', 'P1', 'P2']);
    expect(selectVisibleRows({ ...state, town: '观海卫镇' }).map((r) => r.index)).toEqual([1, 0]);
    expect(selectVisibleRows({ ...state, analysis: null })).toEqual([]);
  });

  it('list towns with counts in zh-CN collation, the plots without a town last', () => {
    const analysis = analysisOf(ROWS);
    expect(selectTowns({ analysis })).toEqual([
      { town: '观海卫镇', plots: 2 },
      { town: '浒山街道', plots: 1 },
      { town: '宗汉街道', plots: 1 },
      { town: '', plots: 1 },
    ]);
    expect(selectTowns({ analysis })).toBe(selectTowns({ analysis }));
  });

  it('list the villages of the chosen town, or of all towns', () => {
    const analysis = analysisOf(ROWS);
    expect(selectVillages({ analysis, town: '观海卫镇' })).toEqual(['东山头村', '五里村']);
    expect(selectVillages({ analysis, town: null })).toEqual(['东山头村', '曙光社区', '五里村']);
    expect(selectVillages({ analysis, town: null })).toBe(selectVillages({ analysis, town: null }));
  });
});
