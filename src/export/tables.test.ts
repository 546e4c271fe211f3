import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../test/support/read-xlsx.ts';
import { analyzePlan } from '../core/analysis/analyze-plan.ts';
import { sampleOrigins } from '../core/plan/layer-origins.ts';
import { packPlotOutlines } from '../core/plot-outlines.ts';
import { AREA_METHOD } from '../core/settings.ts';
import type { FeatureCollection } from '../core/types.ts';
import type { PlannerState } from '../state/planner-state.ts';
import { createPlannerStore } from '../state/store.ts';
import { csvBytes, toCsv } from './csv.ts';
import { type Cell, tableRows } from './table.ts';
import { plotTable, tablesToXlsx, townIndicatorTable, townPlanTable, townPlanTables } from './tables.ts';

const NOW = new Date(2026, 10, 28);

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

/** Three plots near 观海卫: one in a control zone, one in the boundary only (both 观海卫镇), one outside (龙山镇). */
function plannerState(): PlannerState {
  const layers = {
    boundary: collection([{ geometry: square(121.3, 30.1, 0.05), properties: { town: '观海卫镇' } }]),
    control: collection([
      { geometry: square(121.3, 30.1, 0.01), properties: { id: 'K1', town: '观海卫镇' } },
    ]),
    plots: collection([
      {
        geometry: square(121.302, 30.102, 0.002),
        properties: { id: 'P1', name: '东山头一号', town: '观海卫镇', village: '东山头村', taxWan: 3000 },
      },
      {
        geometry: square(121.33, 30.13, 0.001),
        properties: { id: 'P2', name: 'A, "B"', town: '观海卫镇', village: '五里村' },
      },
      { geometry: square(121.5, 30.3, 0.001), properties: { id: 'P3', town: '龙山镇', taxWan: 2 } },
    ]),
  };
  const store = createPlannerStore();
  const analysis = analyzePlan(layers);
  store
    .getState()
    .openPlan({ ...layers, plots: packPlotOutlines(layers.plots), origins: sampleOrigins() }, analysis, null);
  store.getState().edit({
    type: 'add-zone',
    zone: { id: 'Z1', name: '观海卫承接区', far: 2, year: 2024, geometry: square(121.31, 30.11, 0.005) },
  });
  store
    .getState()
    .edit({ type: 'set-actions', plotIds: ['P3'], entry: { action: 'relocate', year: 2025, zoneId: 'Z1' } });
  store.getState().edit({ type: 'set-actions', plotIds: ['P2'], entry: { action: 'upgrade', year: 2023 } });
  return store.getState();
}

describe('plotTable', () => {
  const state = plannerState();
  const table = plotTable(state, { now: NOW });

  it('has one row per plot with areas, status, class, screening and the scenario action', () => {
    expect(table.header).toEqual([
      '地块编号',
      '名称',
      '镇街',
      '村（社区）',
      '现状分类',
      '面积（亩）',
      '面积（公顷）',
      '面积（平方米）',
      '开发边界内（亩）',
      '控制线内（亩）',
      '亩均税收（万元/亩）',
      '亩均效益分类',
      '入园门槛',
      '整合方式',
      '实施年份',
      '承接区块',
    ]);
    const row = state.analysis?.rows[0];
    expect(row).toBeDefined();
    const [p1, p2, p3] = table.rows;
    expect(p1?.slice(0, 5)).toEqual(['P1', '东山头一号', '观海卫镇', '东山头村', '控制线内']);
    expect(p1?.[5]).toBeCloseTo(row?.areaMu ?? 0, 4);
    expect(p1?.[7]).toBeCloseTo(row?.areaM2 ?? 0, 2);
    expect(p1?.[9]).toBeCloseTo(p1?.[5] as number, 3);
    expect(p1?.slice(11)).toEqual(['A', '数据不全', '保留', null, null]);
    expect(p2?.slice(4, 5)).toEqual(['开发边界内、控制线外']);
    expect(p2?.slice(10)).toEqual([null, null, '数据不全', '原地改造提升', 2023, null]);
    expect(p3?.slice(2, 5)).toEqual(['龙山镇', null, '开发边界外']);
    expect(p3?.[8]).toBe(0);
    expect(p3?.slice(11)).toEqual(['D', '未通过', '搬迁入园', 2025, '观海卫承接区']);
  });

  it('prints the area method, the plan, the scenario, the date and the sample label under the table', () => {
    expect(table.notes).toEqual([
      AREA_METHOD.zh,
      '规划：慈溪市工业用地整合规划；情景方案：方案一；导出日期：2026-11-28',
      '示例数据（虚构）',
    ]);
    expect(tableRows(table).slice(-4)).toEqual([
      [],
      [AREA_METHOD.zh],
      [table.notes[1]],
      ['示例数据（虚构）'],
    ]);
  });

  it('writes the same rows as CSV (BOM, CRLF, quoted) and as XLSX', async () => {
    const bytes = csvBytes(tableRows(table));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('\r\nP2,"A, ""B""",观海卫镇,五里村,');
    const book = readXlsx(await tablesToXlsx([table]));
    expect(Object.keys(book)).toEqual(['地块表']);
    // The workbook read back is the CSV's rows (a sheet does not keep empty cells at a row's end).
    const trimmed = (rows: readonly Cell[][]) =>
      rows.map((row) => {
        const cells = [...row];
        while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
        return cells;
      });
    expect(toCsv(trimmed(book.地块表 ?? []))).toBe(toCsv(trimmed(tableRows(table))));
    expect(book.地块表?.length).toBe(table.rows.length + 1 + 1 + table.notes.length);
  });

  it('follows the language of the interface', () => {
    const english = plotTable({ ...state, language: 'en' }, { now: NOW });
    expect(english.header[0]).toBe('Plot id');
    expect(english.rows[2]?.slice(11)).toEqual(['D', 'fail', 'relocate', 2025, '观海卫承接区']);
    expect(english.notes[0]).toBe(AREA_METHOD.en);
  });
});

describe('townIndicatorTable', () => {
  it('has the city first, then each town, with the baseline, 亩 per action and the quota ledger', () => {
    const state = plannerState();
    const table = townIndicatorTable(state, { now: NOW });
    const rows = state.analysis?.rows ?? [];
    const column = (name: string) => table.header.indexOf(name);
    expect(table.rows.map((row) => row[0])).toEqual(['全市', '观海卫镇', '龙山镇']);
    const [city, guanhaiwei, longshan] = table.rows;
    expect(city?.[column('地块数')]).toBe(3);
    expect(guanhaiwei?.[column('地块数')]).toBe(2);
    expect(longshan?.[column('开发边界外（块）')]).toBe(1);
    expect(guanhaiwei?.[column('原地改造提升（亩）')]).toBeCloseTo(rows[1]?.areaMu ?? 0, 4);
    expect(longshan?.[column('搬迁入园（亩）')]).toBeCloseTo(rows[2]?.areaMu ?? 0, 4);
    expect(longshan?.[column('存量处置释放指标（亩）')]).toBeCloseTo(rows[2]?.areaMu ?? 0, 4);
    expect(city?.[column('改造提升面积（亩）')]).toBeCloseTo(
      (rows[1]?.areaMu ?? 0) + (rows[2]?.areaMu ?? 0),
      4,
    );
    expect(city?.[column('控制线内用地占比（%）')]).toBeCloseTo(
      (state.analysis?.baseline.controlShare ?? 0) * 100,
      2,
    );
    expect(table.notes.at(-1)).toContain('示例值');
  });
});

describe('town action lists', () => {
  it('lists each town’s plots, changed ones first by year, in a sheet per town and in one CSV with a town column', async () => {
    const state = plannerState();
    const tables = townPlanTables(state, { now: NOW });
    expect(tables.map((t) => t.name)).toEqual(['观海卫镇', '龙山镇']);
    expect(tables[0]?.rows.map((row) => [row[0], row[1], row[6], row[7]])).toEqual([
      [1, 'P2', '原地改造提升', 2023],
      [2, 'P1', '保留', null],
    ]);
    const combined = townPlanTable(state, { now: NOW });
    expect(combined.header.slice(0, 3)).toEqual(['镇街', '序号', '地块编号']);
    expect(combined.rows.map((row) => [row[0], row[2]])).toEqual([
      ['观海卫镇', 'P2'],
      ['观海卫镇', 'P1'],
      ['龙山镇', 'P3'],
    ]);
    const book = readXlsx(await tablesToXlsx(tables));
    expect(Object.keys(book)).toEqual(['观海卫镇', '龙山镇']);
    expect(book.龙山镇?.[1]?.slice(0, 2)).toEqual([1, 'P3']);
  });
});
