/**
 * The diff lists exactly the edits that turned one version of a scenario into another: seeded runs of
 * random edits (actions, zones, quota, assumptions, scenarios, slides, undo and redo) through the real
 * store, then the diff of the first scenario before and after is (1) complete: applying what it lists
 * to the first version with applyEdit gives the second; (2) exact: every item it lists differs, and
 * names the entries the two versions hold; (3) confined to what the edits touched.
 */

import { describe, expect, it } from 'vitest';
import { Random } from '../../../scripts/lib/prng.ts';
import { loadFixturePlan, openFixturePlan } from '../../../test/support/fixture-plan-store.ts';
import {
  applyOperation,
  type PlanOperation,
  planToEdit,
  randomOperation,
} from '../../../test/support/random-plan-edits.ts';
import { createPlannerStore } from '../../state/store.ts';
import { geometryAreaM2, m2ToMu } from '../geometry/ellipsoidal-area.ts';
import { applyEdit } from '../scenario/edits/apply-edit.ts';
import type { ScenarioEdit } from '../scenario/edits/scenario-edit.ts';
import type { ActionEntry, Scenario } from '../scenario/scenario.ts';
import { diffScenarios, hasNoChanges, type ScenarioChanges } from './diff-scenarios.ts';
import { sameValue } from './same-value.ts';

const fixture = loadFixturePlan();
const TOWNS = ['观海卫镇', '周巷镇', '坎墩街道', '龙山镇'];
const RUNS = 40;

/** The edits that make `changes` happen on `before`, built from what the diff lists alone (and the later zones and items by id). */
function editsOf(changes: ScenarioChanges, after: Scenario, scenarioId: string): ScenarioEdit[] {
  const edits: ScenarioEdit[] = [];
  const entries: Record<string, ActionEntry | null> = {};
  for (const change of changes.plots) entries[change.plotId] = change.after;
  if (changes.plots.length > 0) edits.push({ type: 'put-actions', scenarioId, entries });
  for (const change of changes.zones) {
    const zone = after.zones.find((z) => z.id === change.zoneId);
    if (change.kind === 'removed') edits.push({ type: 'delete-zone', scenarioId, zoneId: change.zoneId });
    else if (change.kind === 'added' && zone) edits.push({ type: 'add-zone', scenarioId, zone });
    else if (zone) edits.push({ type: 'update-zone', scenarioId, zone });
  }
  for (const change of changes.transfers) {
    if (change.before) edits.push({ type: 'delete-transfer', scenarioId, transferId: change.id });
    if (change.after) edits.push({ type: 'add-transfer', scenarioId, transfer: change.after });
  }
  for (const change of changes.directQuota) {
    if (change.before) edits.push({ type: 'delete-direct-quota', scenarioId, quotaId: change.id });
    if (change.after) edits.push({ type: 'add-direct-quota', scenarioId, quota: change.after });
  }
  if (changes.assumptions.length > 0)
    edits.push({
      type: 'set-assumptions',
      scenarioId,
      assumptions: Object.fromEntries(changes.assumptions.map((change) => [change.key, change.after])),
    });
  if (changes.name) edits.push({ type: 'rename-scenario', scenarioId, name: changes.name.after });
  return edits;
}

/** A scenario with its lists in id order (the diff matches items by id; their order is no change). */
function byId(scenario: Scenario): Scenario {
  const sorted = <T extends { id: string }>(items: readonly T[]) =>
    [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    ...scenario,
    zones: sorted(scenario.zones),
    transfers: sorted(scenario.transfers),
    directQuota: sorted(scenario.directQuota),
  };
}

/** The plot and zone ids an operation names (its undo and redo name the same ones). */
function touched(operation: PlanOperation, plots: Set<string>, zones: Set<string>): void {
  const visit = (edit: ScenarioEdit) => {
    if (edit.type === 'set-actions') for (const id of edit.plotIds) plots.add(id);
    else if (edit.type === 'put-actions') for (const id of Object.keys(edit.entries)) plots.add(id);
    else if (edit.type === 'add-zone' || edit.type === 'update-zone') zones.add(edit.zone.id);
    else if (edit.type === 'delete-zone') zones.add(edit.zoneId);
    else if (edit.type === 'batch') edit.edits.forEach(visit);
  };
  if (operation.kind === 'edit') visit(operation.edit);
}

describe('diffScenarios', () => {
  it('finds nothing between a scenario and itself, or a copy of it', () => {
    const { scenario } = fixture;
    expect(hasNoChanges(diffScenarios(scenario, scenario))).toBe(true);
    expect(hasNoChanges(diffScenarios(scenario, structuredClone(scenario)))).toBe(true);
  });

  it(`lists exactly the edits that turned A into B (${RUNS} seeded runs of random edits)`, () => {
    const store = createPlannerStore();
    const initial = store.getState();
    const facts = { plotIds: fixture.analysis.rows.map((row) => row.id), towns: TOWNS };
    let compared = 0;
    let nonEmpty = 0;
    for (let run = 1; run <= RUNS; run++) {
      openFixturePlan(store, initial, fixture);
      const random = new Random(20261205 + run);
      const id = fixture.scenario.id;
      const a = store.getState().scenarioSet.scenarios.find((s) => s.id === id) as Scenario;
      const plots = new Set<string>();
      const zones = new Set<string>();
      const steps = random.int(1, 60);
      for (let step = 1; step <= steps; step++) {
        const operation = randomOperation(random, planToEdit(store.getState()), facts, step);
        touched(operation, plots, zones);
        applyOperation(store.getState(), operation);
      }
      const b = store.getState().scenarioSet.scenarios.find((s) => s.id === id);
      if (!b) continue;
      compared++;
      const changes = diffScenarios(a, b);
      if (!hasNoChanges(changes)) nonEmpty++;
      const context = `seed ${20261205 + run}`;

      // Complete: what it lists, applied to A, gives B.
      const patched = applyEdit(
        { scenarios: [a], activeScenarioId: id },
        { type: 'batch', edits: editsOf(changes, b, id), label: { zh: '', en: '' } },
      );
      expect(patched.problem, context).toBeUndefined();
      expect(byId(patched.next.scenarios[0] as Scenario), context).toEqual(byId(b));

      // Exact: every listed item differs and shows both versions as they are.
      for (const change of changes.plots) {
        expect(change.before, context).toEqual(a.actions[change.plotId] ?? null);
        expect(change.after, context).toEqual(b.actions[change.plotId] ?? null);
        expect(sameValue(change.before, change.after), context).toBe(false);
        expect(change.changed.length, context).toBeGreaterThan(0);
      }
      for (const change of changes.zones) {
        const was = a.zones.find((z) => z.id === change.zoneId);
        const now = b.zones.find((z) => z.id === change.zoneId);
        expect(change.kind, context).toBe(!was ? 'added' : !now ? 'removed' : 'changed');
        if (was && now) expect(sameValue(was, now), context).toBe(false);
        expect(change.areaDifferenceM2, context).toBeCloseTo(
          geometryAreaM2(now?.geometry) - geometryAreaM2(was?.geometry),
          6,
        );
        expect(change.changed.includes('geometry'), context).toBe(
          !!was && !!now && !sameValue(was.geometry, now.geometry),
        );
      }
      for (const change of [...changes.transfers, ...changes.directQuota])
        expect(sameValue(change.before, change.after), context).toBe(false);
      for (const change of changes.assumptions)
        expect(b.assumptions[change.key] - a.assumptions[change.key], context).toBe(change.difference);

      // Confined: only plots and zones some edit named.
      for (const change of changes.plots) expect(plots.has(change.plotId), context).toBe(true);
      for (const change of changes.zones) expect(zones.has(change.zoneId), context).toBe(true);

      // And the way back lists the same plots and zones the other way round.
      const back = diffScenarios(b, a);
      expect(
        back.plots.map((c) => c.plotId),
        context,
      ).toEqual(changes.plots.map((c) => c.plotId));
      expect(back.zones.map((c) => c.zoneId).sort(), context).toEqual(
        changes.zones.map((c) => c.zoneId).sort(),
      );
    }
    // Most runs keep the first scenario, and most change it.
    expect(compared).toBeGreaterThan(RUNS / 2);
    expect(nonEmpty).toBeGreaterThan(compared / 2);
  });

  it('gives a reshaped zone its ellipsoidal areas before and after and their difference', () => {
    const zone = fixture.scenario.zones[0];
    if (!zone) throw new Error('the fixture has a zone');
    const ring = (zone.geometry.type === 'Polygon' ? zone.geometry.coordinates[0] : []) ?? [];
    // Twice as wide to the east: every vertex east of the westmost moves twice as far from it.
    const west = Math.min(...ring.map((p) => p[0] as number));
    const wider = {
      ...zone,
      geometry: {
        type: 'Polygon' as const,
        coordinates: [ring.map((p) => [west + 2 * ((p[0] as number) - west), p[1] as number])],
      },
    };
    const after = { ...fixture.scenario, zones: [wider] };
    const [change] = diffScenarios(fixture.scenario, after).zones;
    expect(change?.kind).toBe('changed');
    expect(change?.changed).toEqual(['geometry']);
    const before = geometryAreaM2(zone.geometry);
    expect(change?.before?.areaM2).toBe(before);
    expect(change?.after?.areaM2).toBe(geometryAreaM2(wider.geometry));
    // A square-ish zone twice as wide holds about twice the land.
    expect((change?.after?.areaM2 ?? 0) / before).toBeCloseTo(2, 3);
    expect(change?.areaDifferenceMu).toBeCloseTo(m2ToMu((change?.after?.areaM2 ?? 0) - before), 9);
  });
});
