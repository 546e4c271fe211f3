import { describe, expect, it } from 'vitest';
import { townAttributeOf } from '../checks/town-mismatch.ts';
import type { Feature } from '../types.ts';
import { applyColumnMapping, columnSamples, columnsOf, suggestColumnMapping } from './column-mapping.ts';
import { normalizePlotProperties } from './normalize-plot-properties.ts';
import { resolveFeatureId } from './resolve-feature-id.ts';

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};

const layer = deepFreeze({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: null,
      properties: { 地块编号: 'P-1', 企业名称: '甲', 税收: 12, 用地面积: 3000 },
    },
    { type: 'Feature', geometry: null, properties: { 地块编号: 'P-2', 名称: '乙', 税收: null, 备注: 'x' } },
    { type: 'Feature', geometry: null, properties: null },
  ],
});

describe('columnsOf', () => {
  it('lists distinct keys in first-seen order over all features', () => {
    expect(columnsOf(layer)).toEqual(['地块编号', '企业名称', '税收', '用地面积', '名称', '备注']);
  });

  it('has no columns for something that is not a collection', () => {
    expect(columnsOf(null)).toEqual([]);
    expect(columnsOf({ features: 'no' })).toEqual([]);
  });
});

describe('suggestColumnMapping', () => {
  it('maps aliases, prefers the canonical name, and lists 用地面积 as recognised but not used', () => {
    const { mapping, ignored } = suggestColumnMapping([
      '地块编号',
      'NAME',
      '企业名称',
      '税收',
      '用地面积',
      'Shape_Area',
      '备注',
    ]);
    expect(mapping).toEqual({ id: '地块编号', name: 'NAME', taxWan: '税收' });
    expect(ignored.map((c) => c.column)).toEqual(['用地面积', 'Shape_Area']);
    expect(ignored[0]?.reason.zh).toContain('面积一律按图形计算');
    expect(ignored[0]?.reason.en).toContain('computed from the geometry');
  });

  it('takes the first listed alias when only aliases are present', () => {
    expect(suggestColumnMapping(['企业名称', '名称']).mapping.name).toBe('名称');
  });
});

describe('applyColumnMapping', () => {
  it('adds the canonical keys from the mapped columns and keeps the original columns', () => {
    const mapped = applyColumnMapping(layer, { id: '地块编号', name: '企业名称', taxWan: '税收' });
    expect(mapped.features[0]?.properties).toEqual({
      地块编号: 'P-1',
      企业名称: '甲',
      税收: 12,
      用地面积: 3000,
      id: 'P-1',
      name: '甲',
      taxWan: 12,
    });
    expect(mapped.features[2]?.properties).toEqual({ id: null, name: null, taxWan: null });
    expect(mapped).not.toBe(layer);
  });

  it('lets normalizePlotProperties read a column no alias knows', () => {
    const custom = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: null, properties: { NSE: '7.5' } }],
    };
    const mapped = applyColumnMapping(custom, { taxWan: 'NSE', id: 'NSE' });
    expect(
      normalizePlotProperties(mapped.features[0]?.properties as Record<string, unknown>).properties.taxWan,
    ).toBe(7.5);
  });

  it('switches off a property the mapping leaves out even where an alias column exists', () => {
    const mapped = applyColumnMapping(layer, { id: '地块编号' });
    const second = mapped.features[1]?.properties as Record<string, unknown>;
    expect(second.name).toBeNull();
    expect(normalizePlotProperties(second).properties).toEqual({ id: 'P-2' });
  });

  it('copies nothing where the mapping names each property by itself and every feature has it', () => {
    const canonical = deepFreeze({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: null, properties: { id: 'P-1', name: '甲', 备注: 'x' } },
        { type: 'Feature', geometry: null, properties: { id: 'P-2', name: null } },
      ],
    });
    expect(applyColumnMapping(canonical, { id: 'id', name: 'name' })).toBe(canonical);
    // A feature without one of the mapped columns gets it as null; the others stay as they were.
    const partial = applyColumnMapping(canonical, { id: 'id', name: 'name', taxWan: 'taxWan' });
    expect(partial).not.toBe(canonical);
    expect(partial.features[0]?.properties).toEqual({ id: 'P-1', name: '甲', 备注: 'x', taxWan: null });
    // An alias column the mapping leaves out is still switched off, so that feature is copied.
    const aliased = applyColumnMapping(canonical, { id: 'id' });
    expect(aliased.features[0]?.properties).toEqual({ id: 'P-1', name: null, 备注: 'x' });
  });

  it('returns anything that is not a collection unchanged', () => {
    expect(applyColumnMapping('x', { id: 'a' })).toBe('x');
  });
});

describe('the columns planners name in their own words', () => {
  it('recognises 村名, 所在村, 村居, 社区 as the village, 企业名称 as the name and 纳税额 as the tax', () => {
    for (const village of ['村名', '所在村', '村居', '社区']) {
      expect(suggestColumnMapping(['编号', village]).mapping.village, village).toBe(village);
    }
    const mapping = suggestColumnMapping(['地块编号', '企业名称', '所在镇街', '纳税额', '职工人数']).mapping;
    expect(mapping).toMatchObject({
      id: '地块编号',
      name: '企业名称',
      town: '所在镇街',
      taxWan: '纳税额',
      employees: '职工人数',
    });
  });

  it('still prefers the older names when a file has both (the first alias listed wins)', () => {
    expect(suggestColumnMapping(['社区', '行政村']).mapping.village).toBe('行政村');
    expect(suggestColumnMapping(['纳税额', '税收']).mapping.taxWan).toBe('税收');
  });
});

describe('columnSamples', () => {
  const layer = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: null, properties: { 村名: '五塘新村', 税收: 12.5, 备注: '' } },
      { type: 'Feature', geometry: null, properties: { 村名: '五塘新村', 税收: null } },
      { type: 'Feature', geometry: null, properties: { 村名: '潭南村', 税收: 0 } },
      { type: 'Feature', geometry: null, properties: null },
      { type: 'Feature', geometry: null, properties: { 村名: '  上林村 ', 税收: 3 } },
      { type: 'Feature', geometry: null, properties: { 村名: '新华村', 税收: 4 } },
    ],
  };

  it('gives the first three distinct, non-empty values of each column, trimmed, in feature order', () => {
    expect(columnSamples(layer, ['村名', '税收', '备注', '缺'])).toEqual({
      村名: ['五塘新村', '潭南村', '上林村'],
      税收: ['12.5', '0', '3'],
      备注: [],
      缺: [],
    });
  });

  it('cuts long values and has no samples for anything that is not a collection', () => {
    const long = {
      features: [{ properties: { 名称: '慈溪市某某某某某某某某某某某某某某某某某某某某有限公司' } }],
    };
    expect(columnSamples(long, ['名称']).名称?.[0]).toMatch(/^.{23}…$/u);
    expect(columnSamples('x', ['名称'])).toEqual({ 名称: [] });
  });
});

describe('applyColumnMapping with absentStays (the command line’s pieces)', () => {
  const fields = ['id', 'name', 'town', 'village', 'taxWan', 'rentWan', 'safetyRisk'] as const;
  const aliases: Record<(typeof fields)[number], string> = {
    id: '地块编号',
    name: '企业名称',
    town: '镇街',
    village: '村',
    taxWan: '税收',
    rentWan: '租金',
    safetyRisk: '安全隐患',
  };
  const values: Record<(typeof fields)[number], unknown[]> = {
    id: ['A-1', 7, '', null],
    name: ['某公司', ' ', 3],
    town: ['坎墩街道', 12, null],
    village: ['五塘新村', ''],
    taxWan: [12.5, '8,5', '-', -1, 'x'],
    rentWan: [3.8, '无', null],
    safetyRisk: [true, '是', 0, 'maybe'],
  };
  /** Features with every mix of canonical columns, aliases and neither, with odd values among them. */
  function features(count: number): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (let k = 0; k < count; k++) {
      const properties: Record<string, unknown> = {};
      fields.forEach((field, f) => {
        const pick = (k * 7 + f * 3 + ((k >> f) & 1)) % 4;
        const options = values[field];
        const value = options[(k + f) % options.length];
        if (pick === 0 || pick === 1) properties[field] = value;
        else if (pick === 2) properties[aliases[field]] = value;
      });
      out.push({ type: 'Feature', id: `f${k}`, properties, geometry: null });
    }
    return out;
  }

  it('reads every plot the same as the copy with nulls: properties, warnings, ids and towns', () => {
    const collection = { type: 'FeatureCollection', features: features(400) };
    const mapping = suggestColumnMapping(columnsOf(collection)).mapping;
    expect(mapping.rentWan).toBe('rentWan');
    const copied = applyColumnMapping(collection, mapping).features as {
      properties: Record<string, unknown>;
    }[];
    const kept = applyColumnMapping(collection, mapping, { absentStays: true }).features as typeof copied;
    let untouched = 0;
    kept.forEach((feature, i) => {
      const copy = copied[i] as (typeof copied)[number];
      if (feature === collection.features[i]) untouched++;
      expect(normalizePlotProperties(feature.properties)).toEqual(normalizePlotProperties(copy.properties));
      expect(resolveFeatureId(feature)).toEqual(resolveFeatureId(copy));
      expect(townAttributeOf(feature as Feature)).toBe(townAttributeOf(copy as Feature));
    });
    // Features that only lack a column are no longer copied.
    const copiedUntouched = copied.filter((feature, i) => feature === collection.features[i]).length;
    expect(untouched).toBeGreaterThan(copiedUntouched);
  });

  it('still writes null where an alias column would otherwise supply the property', () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'a', rentWan: 2 }, geometry: null },
        { type: 'Feature', properties: { id: 'b', 租金: 5 }, geometry: null },
      ],
    };
    const mapping = suggestColumnMapping(columnsOf(collection)).mapping;
    const kept = applyColumnMapping(collection, mapping, { absentStays: true }).features;
    expect(kept[1]?.properties).toEqual({ id: 'b', 租金: 5, rentWan: null });
    expect(normalizePlotProperties(kept[1]?.properties as Record<string, unknown>).properties.rentWan).toBe(
      undefined,
    );
  });
});
