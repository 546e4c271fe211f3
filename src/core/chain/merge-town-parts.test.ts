import fc from 'fast-check';
import polygonClipping from 'polygon-clipping';
import { describe, expect, it } from 'vitest';
import { box, townChainCity, zoneIn } from '../../../test/support/town-chain-plan.ts';
import { analyzePlan } from '../analysis/analyze-plan.ts';
import { PLOT_ACTIONS } from '../catalogue/action-catalogue.ts';
import { geometryAreaM2 } from '../geometry/ellipsoidal-area.ts';
import { parsePlanFile } from '../plan/parse-plan-file.ts';
import { type PlanFile, serializePlan } from '../plan/plan-file.ts';
import type { Scenario } from '../scenario/scenario.ts';
import {
  checkSubmissions,
  mergeTownParts,
  type TownDecision,
  type TownSubmission,
} from './merge-town-parts.ts';
import { splitCityPlan } from './town-part.ts';

const MADE_AT = '2026-12-05T08:00:00.000Z';

/** The part of `town`, through its file (as the planner gets it). */
function partOf(city: PlanFile, town: string): PlanFile {
  const part = splitCityPlan(city, MADE_AT).find((p) => p.town === town);
  if (!part) throw new Error(`no part for ${town}`);
  const read = parsePlanFile(serializePlan(part.plan), `${town}.plan.json`);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.plan;
}

const s1 = (plan: PlanFile) => plan.scenarios[0] as Scenario;

function merge(city: PlanFile, parts: PlanFile[], decisions: Record<string, TownDecision> = {}) {
  const submissions: TownSubmission[] = parts.map((plan) => ({
    fileName: `${plan.derivedFrom?.town}.plan.json`,
    plan,
  }));
  return mergeTownParts(city, analyzePlan(city.layers, city.settings).rows, submissions, decisions);
}

describe('splitCityPlan', () => {
  it('gives each town its plots, entries, zones, transfers and direct quota, with its origin', () => {
    const city = townChainCity();
    const parts = splitCityPlan(city, MADE_AT);
    expect(parts.map((p) => p.town)).toEqual(['丙镇', '甲镇', '乙镇']);
    const a = partOf(city, '甲镇');
    expect(a.layers.plots.features.map((f) => f.properties?.id)).toEqual(['A-1', 'A-2', 'A-3']);
    expect(Object.keys(s1(a).actions)).toEqual(['A-1', 'A-2']);
    expect(s1(a).zones.map((z) => z.id)).toEqual(['zone-a']);
    expect(s1(a).transfers.map((t) => t.id)).toEqual(['t-ab']);
    expect(s1(a).directQuota).toEqual([]);
    expect(a.scenarios[1]?.actions).toEqual({ 'A-3': { action: 'upgrade', year: 2022 } });
    expect(a.derivedFrom?.town).toBe('甲镇');
    expect(Object.keys(a.derivedFrom?.base.plots ?? {})).toEqual(['A-1', 'A-2', 'A-3']);
    expect(a.layers.boundary).toStrictEqual(city.layers.boundary);
    const c = partOf(city, '丙镇');
    expect(s1(c).directQuota.map((q) => q.id)).toEqual(['q-c']);
    expect(s1(c).transfers).toEqual([]);
  });
});

describe('mergeTownParts', () => {
  it('gives back the same plan when every town part comes back unedited (round trip)', () => {
    const city = townChainCity();
    const parts = splitCityPlan(city, MADE_AT).map((p) => partOf(city, p.town));
    const decisions = Object.fromEntries(parts.map((p) => [p.derivedFrom?.town, 'town'] as const));
    const outcome = merge(city, parts, decisions);
    expect(outcome.plan).toStrictEqual(city);
    expect(serializePlan(outcome.plan)).toBe(serializePlan(city));
    expect(outcome.towns.flatMap((t) => [...t.changes, ...t.conflicts])).toEqual([]);
    expect(outcome.towns.every((t) => t.applied && !t.cityChangedSince)).toBe(true);
  });

  it("takes a town's edits and shows what each replaces", () => {
    const city = townChainCity();
    const a = partOf(city, '甲镇');
    s1(a).actions['A-3'] = { action: 'vacate', year: 2026 };
    delete s1(a).actions['A-1'];
    s1(a).zones[0] = { ...(s1(a).zones[0] as Scenario['zones'][number]), far: 2.5 };
    const outcome = merge(city, [a], { 甲镇: 'town' });
    const [preview] = outcome.towns;
    expect(preview?.conflicts).toEqual([]);
    expect(preview?.changes.map((c) => [c.item, c.id, c.city, c.town])).toEqual([
      ['plot', 'A-3', null, { action: 'vacate', year: 2026 }],
      ['plot', 'A-1', { action: 'vacate', year: 2023 }, null],
      ['zone', 'zone-a', s1(city).zones[0], s1(a).zones[0]],
    ]);
    expect(s1(outcome.plan).actions['A-3']).toEqual({ action: 'vacate', year: 2026 });
    expect(s1(outcome.plan).actions['A-1']).toBeUndefined();
    expect(s1(outcome.plan).zones[0]?.far).toBe(2.5);
    // Nothing else moved: the other towns' entries and the second scenario.
    expect(s1(outcome.plan).actions['B-1']).toEqual(s1(city).actions['B-1']);
    expect(outcome.plan.scenarios[1]).toStrictEqual(city.scenarios[1]);
    // Undecided: previewed, not taken.
    const pending = merge(city, [a]);
    expect(pending.towns[0]?.changes).toHaveLength(3);
    expect(pending.plan).toStrictEqual(city);
  });

  it('finds a plot the city plan changed too since the part was made (entry or plot), and settles it either way', () => {
    const city = townChainCity();
    const a = partOf(city, '甲镇');
    s1(a).actions['A-1'] = { action: 'relocate', year: 2024, zoneId: 'zone-a' };
    s1(a).actions['A-3'] = { action: 'upgrade', year: 2024 };
    s1(city).actions['A-1'] = { action: 'acquire', year: 2025 };
    const a3 = city.layers.plots.features[2];
    if (a3?.properties) a3.properties.taxWan = 999;
    const undecided = merge(city, [a]);
    expect(undecided.unresolved).toBe(2);
    expect(undecided.towns[0]?.conflicts.map((c) => [c.kind, c.id, c.resolution])).toEqual([
      ['city-changed', 'A-1', null],
      ['city-changed', 'A-3', null],
    ]);
    expect(undecided.towns[0]?.conflicts[0]?.message.zh).toContain('甲镇.plan.json');
    expect(s1(merge(city, [a], { 甲镇: 'town' }).plan).actions['A-1']).toEqual({
      action: 'relocate',
      year: 2024,
      zoneId: 'zone-a',
    });
    const kept = merge(city, [a], { 甲镇: 'city' });
    expect(s1(kept.plan).actions['A-1']).toEqual({ action: 'acquire', year: 2025 });
    expect(s1(kept.plan).actions['A-3']).toBeUndefined();
    expect(kept.unresolved).toBe(0);
  });

  it('finds an action on a plot outside the town, and one on a plot the city plan does not have', () => {
    const city = townChainCity();
    const a = partOf(city, '甲镇');
    s1(a).actions['B-3'] = { action: 'vacate', year: 2025 };
    s1(a).actions['X-9'] = { action: 'vacate', year: 2025 };
    const outcome = merge(city, [a]);
    expect(outcome.towns[0]?.conflicts.map((c) => [c.kind, c.id])).toEqual([
      ['outside-town', 'B-3'],
      ['outside-town', 'X-9'],
    ]);
    const taken = merge(city, [a], { 甲镇: 'town' }).plan;
    expect(s1(taken).actions['B-3']).toEqual({ action: 'vacate', year: 2025 });
    expect(s1(taken).actions['X-9']).toBeUndefined();
    expect(s1(merge(city, [a], { 甲镇: 'city' }).plan).actions['B-3']).toBeUndefined();
    // A plot the city plan moved to 乙镇 since the part was made.
    const moved = townChainCity();
    const a3 = moved.layers.plots.features[2];
    if (a3?.properties) a3.properties.town = '乙镇';
    const edited = partOf(townChainCity(), '甲镇');
    s1(edited).actions['A-3'] = { action: 'vacate', year: 2025 };
    expect(merge(moved, [edited]).towns[0]?.conflicts.map((c) => [c.kind, c.id])).toEqual([
      ['outside-town', 'A-3'],
    ]);
  });

  it('finds zones of two towns that overlap, with the ellipsoidal area they share', () => {
    const city = townChainCity();
    const b = partOf(city, '乙镇');
    // 乙镇 draws a zone (its town set to 乙镇) over 甲镇's zone-a, half of it in width.
    const zoneA = s1(city).zones[0] as Scenario['zones'][number];
    s1(b).zones.push({
      ...zoneIn(0, 'zone-b2'),
      town: '乙镇',
      geometry: box(121.206, 30.2, 121.209, 30.201),
    });
    const outcome = merge(city, [b]);
    const [conflict] = outcome.towns[0]?.conflicts ?? [];
    expect(conflict).toMatchObject({
      kind: 'zone-overlap',
      id: 'zone-b2',
      otherId: 'zone-a',
      otherTown: '甲镇',
    });
    const shared = polygonClipping.intersection(
      zoneA.geometry.coordinates as never,
      box(121.206, 30.2, 121.209, 30.201).coordinates as never,
    );
    const expected = geometryAreaM2({ type: 'MultiPolygon', coordinates: shared });
    expect(expected).toBeGreaterThan(5000);
    expect(conflict?.areaM2).toBeCloseTo(expected, 6);
    expect(s1(merge(city, [b], { 乙镇: 'city' }).plan).zones.map((z) => z.id)).toEqual(['zone-a', 'zone-b']);
    expect(s1(merge(city, [b], { 乙镇: 'town' }).plan).zones.map((z) => z.id)).toEqual([
      'zone-a',
      'zone-b',
      'zone-b2',
    ]);
  });

  it('finds a transfer one town records and the other does not, and none when both record it alike', () => {
    const city = townChainCity();
    const a = partOf(city, '甲镇');
    const b = partOf(city, '乙镇');
    (s1(a).transfers[0] as { mu: number }).mu = 8;
    const one = merge(city, [a, b]);
    expect(one.towns.map((t) => t.conflicts.map((c) => [c.kind, c.id]))).toEqual([
      [['unmatched-transfer', 't-ab']],
      [],
    ]);
    // 乙镇 not submitting: the city plan's record is the other side.
    expect(merge(city, [a]).towns[0]?.conflicts.map((c) => c.kind)).toEqual(['unmatched-transfer']);
    (s1(b).transfers[0] as { mu: number }).mu = 8;
    const both = merge(city, [a, b], { 甲镇: 'town', 乙镇: 'town' });
    expect(both.towns.flatMap((t) => t.conflicts)).toEqual([]);
    expect(s1(both.plan).transfers[0]?.mu).toBe(8);
    // A new transfer to a town that submits nothing.
    const c = partOf(city, '丙镇');
    s1(c).transfers.push({ id: 't-ca', from: '丙镇', to: '甲镇', mu: 2, year: 2026 });
    expect(merge(city, [c]).towns[0]?.conflicts.map((x) => [x.kind, x.id, x.otherTown])).toEqual([
      ['unmatched-transfer', 't-ca', undefined],
    ]);
  });

  it('finds a quota balance the merge makes negative, and leaves that town out when the city plan is preferred', () => {
    const city = townChainCity();
    const b = partOf(city, '乙镇');
    // 0.02° × 0.04° ≈ 1,930 m × 4,440 m: far more new land than 乙镇 releases.
    s1(b).zones.push({ ...zoneIn(1, 'zone-big'), geometry: box(121.235, 30.205, 121.255, 30.245) });
    s1(b).actions['B-3'] = { action: 'vacate', year: 2022 };
    const outcome = merge(city, [b]);
    const negative = outcome.towns[0]?.conflicts.find((c) => c.kind === 'negative-balance');
    expect(negative).toMatchObject({ otherTown: '乙镇', year: 2024 });
    expect(negative?.balanceAfter).toBeLessThan(-1000);
    expect(negative?.balanceBefore).toBeGreaterThan(0);
    const kept = merge(city, [b], { 乙镇: 'city' });
    expect(kept.towns[0]?.applied).toBe(false);
    expect(kept.plan).toStrictEqual(city);
    expect(merge(city, [b], { 乙镇: 'town' }).towns[0]?.applied).toBe(true);
  });

  it('refuses a file that is not a town part, and two parts of one town', () => {
    const city = townChainCity();
    const a = partOf(city, '甲镇');
    const problems = checkSubmissions([
      { fileName: 'city.plan.json', plan: city },
      { fileName: 'a.plan.json', plan: a },
      { fileName: 'a2.plan.json', plan: a },
    ]);
    expect(problems.map((p) => p.en)).toEqual([
      expect.stringContaining('city.plan.json is not a town'),
      expect.stringContaining('a.plan.json and a2.plan.json are both parts of 甲镇'),
    ]);
  });

  it('changes nothing when a town file made from the current plan comes back unedited (seeded property)', () => {
    const plotIds = townChainCity().layers.plots.features.map((f) => String(f.properties?.id));
    const entry = fc.record({
      action: fc.constantFrom(...PLOT_ACTIONS),
      year: fc.constantFrom(2022, 2023, 2024, 2025, 2026),
    });
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...plotIds), entry, { maxKeys: 9 }),
        fc.integer({ min: 0, max: 2 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (actions, t, mu) => {
          const city = townChainCity();
          s1(city).actions = structuredClone(actions) as Scenario['actions'];
          (s1(city).transfers[0] as { mu: number }).mu = mu;
          const town = ['甲镇', '乙镇', '丙镇'][t] as string;
          for (const decision of ['town', 'city', undefined] as const) {
            const outcome = merge(city, [partOf(city, town)], decision ? { [town]: decision } : {});
            expect(outcome.plan).toStrictEqual(city);
            expect(outcome.towns[0]?.changes).toEqual([]);
            expect(outcome.towns[0]?.conflicts).toEqual([]);
          }
        },
      ),
      { numRuns: 20, seed: 20261205 },
    );
  });
});
