import { describe, expect, it } from 'vitest';
import {
  mapPlotColumns,
  normalizePlotProperties,
  PLOT_PROPERTY_ALIASES,
  parseBooleanCell,
  parseNumberCell,
  plotFieldForColumn,
} from './normalize-plot-properties.ts';

describe('normalizePlotProperties', () => {
  it('maps Chinese column names and converts numbers written as text', () => {
    const { properties, problems } = normalizePlotProperties({
      地块编号: 'CX-0001',
      企业名称: ' 示例企业（虚构） ',
      镇街: '观海卫镇',
      村社: '五里村',
      税收万元: '12.5',
      建筑面积: '1,234.5',
      占地面积: '８００',
      固定资产投资: 3000,
      产值: '1.2e3',
      租金: '6',
      企业数: '3',
      规上企业数: 1,
      从业人员: '45',
      行业: '纺织',
      安全隐患: '是',
      污染: '否',
    });
    expect(problems).toEqual([]);
    expect(properties).toEqual({
      id: 'CX-0001',
      name: '示例企业（虚构）',
      town: '观海卫镇',
      village: '五里村',
      taxWan: 12.5,
      floorAreaM2: 1234.5,
      footprintM2: 800,
      investmentWan: 3000,
      outputWan: 1200,
      rentWan: 6,
      firms: 3,
      aboveScaleFirms: 1,
      employees: 45,
      industry: '纺织',
      safetyRisk: true,
      pollution: false,
    });
  });

  it('keeps missing values missing, never 0', () => {
    const { properties, problems } = normalizePlotProperties({
      id: 'A',
      taxWan: '',
      rentWan: null,
      产值: '—',
      投资: 'N/A',
    });
    expect(problems).toEqual([]);
    expect(properties).toEqual({ id: 'A' });
    expect('taxWan' in properties).toBe(false);
  });

  it('does not take 用地面积 (recorded land area) for a computed area', () => {
    const { properties } = normalizePlotProperties({ id: 'A', 用地面积: 5000 });
    expect(properties).toEqual({ id: 'A' });
    expect(plotFieldForColumn('用地面积')).toBeUndefined();
  });

  it('prefers the canonical name over an alias, and the first alias over later ones', () => {
    expect(normalizePlotProperties({ 编号: 'B', id: 'A' }).properties.id).toBe('A');
    expect(normalizePlotProperties({ 编号: 'B', 地块编号: 'C' }).properties.id).toBe('C');
    expect(normalizePlotProperties({ ' TaxWan ': '7' }).properties.taxWan).toBe(7);
  });

  it('falls back to the feature id, and uses "" when there is none', () => {
    expect(normalizePlotProperties({}, { featureId: 17 }).properties.id).toBe('17');
    expect(normalizePlotProperties({}).properties.id).toBe('');
  });

  it('warns about a value that is not a number, naming the feature and the column', () => {
    const { properties, problems } = normalizePlotProperties(
      { id: 'CX-7', 税收: 'abc' },
      { featureIndex: 6 },
    );
    expect(properties.taxWan).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'invalid-number',
      severity: 'warning',
      featureIndex: 6,
      featureId: 'CX-7',
    });
    expect(problems[0]?.message.zh).toContain('第 7 个要素（编号 CX-7）');
    expect(problems[0]?.message.zh).toContain('「税收」');
    expect(problems[0]?.message.zh).toContain('abc');
    expect(problems[0]?.message.en).toContain('Feature 7 (id CX-7)');
  });

  it('warns about negative areas and taxes and treats them as missing', () => {
    const { properties, problems } = normalizePlotProperties({ id: 'A', floorAreaM2: -5, taxWan: '-1' });
    expect(properties.floorAreaM2).toBeUndefined();
    expect(properties.taxWan).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual(['negative-value', 'negative-value']);
    expect(problems[0]?.message.zh).toContain('「taxWan」（税收（万元））');
    expect(problems[1]?.message.zh).toContain('「floorAreaM2」（建筑面积（平方米））');
  });

  it('warns about yes/no and text values it cannot read', () => {
    const { properties, problems } = normalizePlotProperties({ id: 'A', pollution: '也许', name: { a: 1 } });
    expect(properties.pollution).toBeUndefined();
    expect(properties.name).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual(['invalid-boolean', 'invalid-text']);
    expect(problems[0]?.featureIndex).toBe(-1);
  });

  it('treats a non-object as empty properties', () => {
    expect(normalizePlotProperties(null as unknown as Record<string, unknown>)).toEqual({
      properties: { id: '' },
      problems: [],
    });
  });

  it('has an alias table without collisions between fields', () => {
    const seen = new Map<string, string>();
    for (const [field, aliases] of Object.entries(PLOT_PROPERTY_ALIASES)) {
      for (const alias of [field, ...aliases]) {
        const key = alias.toLowerCase();
        expect(seen.get(key) ?? field).toBe(field);
        seen.set(key, field);
      }
    }
  });
});

describe('cell parsers', () => {
  it.each([
    [12.5, 12.5],
    ['12.5', 12.5],
    [' 1,234,567.8 ', 1234567.8],
    ['－３.５', -3.5],
    ['0', 0],
    ['.5', 0.5],
  ])('reads the number %j', (cell, value) => {
    expect(parseNumberCell(cell)).toEqual({ kind: 'value', value });
  });

  it.each(['abc', '0x10', '12,34', '1.2.3', '12万', true, {}, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects %j as a number',
    (cell) => {
      expect(parseNumberCell(cell)).toEqual({ kind: 'invalid' });
    },
  );

  it.each([
    ['是', true],
    ['否', false],
    ['有', true],
    ['无', false],
    ['TRUE', true],
    ['false', false],
    [1, true],
    [0, false],
    ['Y', true],
    ['n', false],
    [true, true],
  ])('reads the yes/no value %j', (cell, value) => {
    expect(parseBooleanCell(cell)).toEqual({ kind: 'value', value });
  });

  it('reads blanks as missing and other values as invalid', () => {
    expect(parseBooleanCell('')).toEqual({ kind: 'missing' });
    expect(parseBooleanCell(undefined)).toEqual({ kind: 'missing' });
    expect(parseBooleanCell(2)).toEqual({ kind: 'invalid' });
    expect(parseBooleanCell('maybe')).toEqual({ kind: 'invalid' });
  });
});

describe('mapPlotColumns', () => {
  it('maps each set of columns as its own, when features take turns among several sets', () => {
    const sets: Record<string, unknown>[] = [
      { id: 'a', name: '甲', town: '坎墩街道' },
      { 地块编号: 'b', 企业名称: '乙' },
      { id: 'c', name: '丙', town: '周巷镇', rentWan: 3 },
      { ID: 'd', 镇街: '新浦镇' },
      { 编号: 'e', 村: '三塘' },
      { id: 'f' },
    ];
    const expected = [
      { id: 'id', name: 'name', town: 'town' },
      { id: '地块编号', name: '企业名称' },
      { id: 'id', name: 'name', town: 'town', rentWan: 'rentWan' },
      { id: 'ID', town: '镇街' },
      { id: '编号', village: '村' },
      { id: 'id' },
    ];
    for (let round = 0; round < 3; round++)
      for (const k of [0, 1, 2, 0, 3, 4, 5, 2, 1, 0])
        expect(mapPlotColumns(sets[k] as Record<string, unknown>)).toEqual(expected[k]);
  });
});
