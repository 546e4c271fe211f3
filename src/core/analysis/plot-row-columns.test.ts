import { describe, expect, it } from 'vitest';
import { sameRows } from '../../../test/support/same-rows.ts';
import { packPlotOutlines } from '../plot-outlines.ts';
import { DEFAULT_SETTINGS } from '../settings.ts';
import type { FeatureCollection } from '../types.ts';
import type { PlotRow } from './analyze-plan.ts';
import { plotMeasures } from './plot-measures.ts';
import {
  columnsOfRows,
  plainRow,
  plotRowColumns,
  plotRowColumnWriter,
  rowsOfColumns,
} from './plot-row-columns.ts';

/** A row as plotRowOf makes it (`properties` in the order normalizePlotProperties gives them). */
function row(index: number, properties: PlotRow['properties'], areaM2 = 1234.5): PlotRow {
  const made: PlotRow = {
    index,
    id: properties.id,
    town: properties.town ?? '',
    townSource: properties.town ? 'attribute' : 'none',
    status:
      index % 5 === 4 ? null : ((['control', 'boundary', 'crossing', 'outside'] as const)[index % 4] ?? null),
    areaM2,
    areaMu: (areaM2 * 15) / 10000,
    inBoundaryM2: areaM2 / 3,
    inControlM2: -0,
    properties,
    measures: plotMeasures(properties, areaM2, DEFAULT_SETTINGS),
    box: index % 3 === 0 ? null : [121.2, 30.1 + index * 1e-9, 121.3, 30.2],
  };
  if (properties.name !== undefined) made.name = properties.name;
  if (properties.village !== undefined) made.village = properties.village;
  return made;
}

const rows: PlotRow[] = [
  row(0, { id: 'a' }),
  row(1, { id: 'b', name: '甲厂', town: '宗汉街道', village: '曙光社区', industry: '电子' }),
  row(2, { id: 'c', firms: 0, taxWan: 12.5, investmentWan: 1e-300, floorAreaM2: 5, footprintM2: -0 }),
  row(3, { id: 'd', rentWan: 0.1 + 0.2, safetyRisk: false, pollution: true, town: '宗汉街道' }),
  row(4, { id: '', firms: 3, aboveScaleFirms: 1, employees: 40, taxWan: 1e6, outputWan: 99 }, 1e-12),
  row(5, { id: 'f', taxWan: 0, name: '=HYPERLINK("x")' }, 0),
  // The row's id is not the id property (the feature's id, say).
  { ...row(6, { id: 'g', village: '曙光社区' }), id: 'feature-6' },
];

describe('plot row columns', () => {
  it('give every row back to the bit and in the order of its keys, none kept whole', () => {
    const columns = plotRowColumns(rows);
    expect(columns.others.size).toBe(0);
    const read = rowsOfColumns(structuredClone(columns));
    expect(sameRows(read.map(plainRow), rows)).toBe(true);
    // Read member by member, as the page reads them.
    for (const [index, expected] of rows.entries()) {
      const actual = read[index] as PlotRow;
      expect(actual.index).toBe(index);
      expect([actual.id, actual.name, actual.village, actual.town, actual.status]).toEqual([
        expected.id,
        expected.name,
        expected.village,
        expected.town,
        expected.status,
      ]);
      expect(Object.is(actual.inControlM2, expected.inControlM2)).toBe(true);
      expect(actual.measures).toStrictEqual(expected.measures);
      expect(Object.keys(actual.properties)).toEqual(Object.keys(expected.properties));
    }
  });

  it('keep no boxes when the plots’ outlines hold them, and read them there', () => {
    // Each row's plot: a rectangle on its box (none without a box).
    const plots: FeatureCollection = {
      type: 'FeatureCollection',
      features: rows.map(({ box }) => ({
        type: 'Feature',
        properties: {},
        geometry: box && {
          type: 'Polygon',
          coordinates: [
            [
              [box[0], box[1]],
              [box[2], box[1]],
              [box[2], box[3]],
              [box[0], box[3]],
              [box[0], box[1]],
            ],
          ],
        },
      })),
    };
    const outlines = packPlotOutlines(plots);
    const writer = plotRowColumnWriter(rows.length, outlines);
    for (const row of rows) writer.add(row);
    const columns = writer.finish();
    expect(columns.box).toBeNull();
    expect(columns.others.size).toBe(0);
    const read = rowsOfColumns(structuredClone(columns), outlines);
    expect(sameRows(read.map(plainRow), rows)).toBe(true);
    // Without the outlines, a box cannot be read (the suggestion's worker reads none).
    expect(() => rowsOfColumns(columns)[1]?.box).toThrow(/outlines/);
    // A row whose box is not its plot's is kept whole.
    const moved = rows.map((row, index) =>
      index === 2 ? { ...row, box: [0, 0, 1, 1] as PlotRow['box'] } : row,
    );
    const other = plotRowColumnWriter(moved.length, outlines);
    for (const row of moved) other.add(row);
    expect([...other.finish().others.keys()]).toEqual([2]);
  });

  it('keep a numeric property as 32-bit integers only where every value is one', () => {
    const columns = plotRowColumns(rows);
    const integers = columns.numbers.map((column) => column instanceof Int32Array);
    // firms, aboveScaleFirms, employees, outputWan and floorAreaM2 are integers; taxWan has 12.5,
    // investmentWan 1e-300, footprintM2 -0, rentWan 0.1 + 0.2.
    expect(integers).toEqual([true, true, true, false, true, false, true, false, false]);
    // Integers a 32-bit column cannot hold, and the value it marks an absence with.
    const wide = [
      row(0, { id: 'p', firms: 2 ** 31 }),
      row(1, { id: 'q', firms: 1, employees: -(2 ** 31) }),
      row(2, { id: 'r', employees: 7, outputWan: 2 ** 31 - 1 }),
    ];
    const wideColumns = plotRowColumns(wide);
    expect(wideColumns.numbers.map((column) => column instanceof Int32Array).slice(0, 4)).toEqual([
      false,
      true,
      false,
      true,
    ]);
    expect(sameRows(rowsOfColumns(wideColumns).map(plainRow), wide)).toBe(true);
  });

  it('keep whole a row they cannot give back exactly', () => {
    const odd: PlotRow[] = [
      // A property the columns do not know, and properties out of their usual order.
      { ...row(0, { id: 'x' }), properties: { id: 'x', extra: 1 } as unknown as PlotRow['properties'] },
      { ...row(1, { id: 'y' }), properties: { taxWan: 1, id: 'y' } },
      // A NaN area, a box of three numbers, an index out of place.
      { ...row(2, { id: 'z' }), areaM2: Number.NaN },
      { ...row(3, { id: 'w' }), box: [1, 2, 3] as unknown as PlotRow['box'] },
      row(7, { id: 'v' }),
      // Measures made from another area than the row's: the columns make them from the row's.
      {
        ...row(5, { id: 'u', taxWan: 3 }),
        measures: plotMeasures({ id: 'u', taxWan: 3 }, 99, DEFAULT_SETTINGS),
      },
      row(6, { id: 't' }),
    ];
    const columns = plotRowColumns(odd);
    expect([...columns.others.keys()]).toEqual([0, 1, 2, 3, 4, 5]);
    const read = rowsOfColumns(columns);
    expect(read.slice(0, 6)).toEqual(odd.slice(0, 6));
    expect(sameRows(read.map(plainRow), odd)).toBe(true);
  });

  it('are read only, and the rows read from them give back the same columns', () => {
    const columns = plotRowColumns(rows);
    const read = rowsOfColumns(columns);
    expect(columnsOfRows(read)).toBe(columns);
    expect(() => {
      (read[1] as { town: string }).town = 'elsewhere';
    }).toThrow(TypeError);
    // Read in turns, each row's properties and measures are its own (they are made once for a row
    // read several times in a row).
    const [first, second] = [read[1] as PlotRow, read[2] as PlotRow];
    const held = first.properties;
    expect(first.properties).toBe(held);
    expect(second.properties).toStrictEqual(rows[2]?.properties);
    expect(first.properties).toStrictEqual(rows[1]?.properties);
    expect(held).toStrictEqual(rows[1]?.properties);
    expect(second.measures).toStrictEqual(rows[2]?.measures);
    expect(first.measures).toStrictEqual(rows[1]?.measures);
    // Equal verdicts are one object.
    expect((read[0] as PlotRow).measures.screening).toBe((read[1] as PlotRow).measures.screening);
    expect(sameRows(rowsOfColumns(columnsOfRows(rows)).map(plainRow), rows)).toBe(true);
  });
});
