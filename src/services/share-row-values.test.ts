import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzePlan, type PlanLayerSet } from '../core/analysis/analyze-plan.ts';
import { shareRowValues } from './share-row-values.ts';

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../data/sample/${name}.geojson`, import.meta.url), 'utf8'));
const layers: PlanLayerSet = { plots: read('plots'), boundary: read('boundary'), control: read('control') };
const analysed = analyzePlan(layers).rows;

/** The rows as the page gets them: a copy of the worker's. */
const receivedRows = () => structuredClone(analysed);

describe('shareRowValues', () => {
  it('changes no value of any row', () => {
    const rows = receivedRows();
    const before = structuredClone(rows);
    shareRowValues(rows);
    expect(rows).toEqual(before);
  });

  it('makes equal screening verdicts one object, so that the rows hold a few of them', () => {
    const rows = receivedRows();
    expect(new Set(rows.map((row) => row.measures.screening)).size).toBe(rows.length);
    shareRowValues(rows);
    const distinct = new Set(rows.map((row) => JSON.stringify(row.measures.screening))).size;
    expect(new Set(rows.map((row) => row.measures.screening)).size).toBe(distinct);
    expect(distinct).toBeLessThan(100);
    expect(rows.length).toBeGreaterThan(1000);
  });
});
