import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contextRoadsGeoJson } from '../../../test/fixtures/context-roads.ts';
import { loadContextLayer } from '../io/load-context-layer.ts';
import { parsePlanFile } from './parse-plan-file.ts';
import { type PlanFile, serializePlan } from './plan-file.ts';
import type { ContextLayer } from './read-context-layers.ts';

const root = new URL('../../../', import.meta.url);
const fixtureText = readFileSync(new URL('test/fixtures/plans/small-v1.plan.json', root), 'utf8');

function roadsLayer(): ContextLayer {
  const loaded = loadContextLayer({ fileName: 'roads.geojson', collection: contextRoadsGeoJson() });
  if (!loaded.ok) throw new Error('roads not loaded');
  return { name: 'roads', fileName: 'roads.geojson', color: '#6e6a64', visible: false, data: loaded.layer };
}

function planWith(contextLayers: unknown): string {
  const data = JSON.parse(fixtureText) as Record<string, unknown>;
  data.contextLayers = contextLayers;
  return JSON.stringify(data);
}

function read(text: string): { plan: PlanFile; warnings: string[] } {
  const result = parsePlanFile(text, 'ctx.plan.json');
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message.en).join('\n'));
  return { plan: result.plan, warnings: result.warnings.map((warning) => warning.path ?? warning.code) };
}

describe('plan file contextLayers', () => {
  it('writes context layers and reads them back equal, each feature on a line of its own', () => {
    const { plan } = read(fixtureText);
    const layer = roadsLayer();
    const text = serializePlan({ ...plan, contextLayers: [layer] });
    expect(read(text).plan.contextLayers).toEqual([layer]);
    const featureLines = text.split('\n').filter((line) => line.includes('"LineString"'));
    expect(featureLines).toHaveLength(10);
    expect(featureLines.every((line) => line.trim().startsWith('{"type":"Feature"'))).toBe(true);
  });

  it('is absent when a plan has none, in the file and once read', () => {
    const { plan } = read(fixtureText);
    expect(plan.contextLayers).toBeUndefined();
    expect(serializePlan(plan)).not.toContain('contextLayers');
  });

  it('leaves out a damaged entry with a warning naming it, and opens the plan with the rest', () => {
    const good = roadsLayer();
    const text = planWith([
      good,
      { ...good, color: 'grey' },
      { ...good, data: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null }] } },
    ]);
    const { plan, warnings } = read(text);
    expect(plan.contextLayers).toEqual([good]);
    expect(warnings).toEqual(['contextLayers[1]', 'contextLayers[2]']);
  });

  it('ignores a contextLayers that is not an array, with a warning', () => {
    const { plan, warnings } = read(planWith({ roads: true }));
    expect(plan.contextLayers).toEqual([]);
    expect(warnings).toEqual(['contextLayers']);
  });
});
