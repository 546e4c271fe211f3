import { describe, expect, it } from 'vitest';
import { box, townChainCity } from '../../../test/support/town-chain-plan.ts';
import { applyEdit } from '../scenario/edits/apply-edit.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { mergeEdit } from './merge-edit.ts';

const LABEL = { zh: '合并镇街上报', en: 'Merge town submissions' };

describe('mergeEdit', () => {
  it('is one edit that turns the city scenarios into the merged ones, and its inverse turns them back', () => {
    const city = townChainCity();
    const merged = structuredClone(city.scenarios);
    const first = merged[0] as Scenario;
    first.actions['A-3'] = { action: 'vacate', year: 2026 };
    delete first.actions['A-1'];
    first.zones[0] = {
      ...(first.zones[0] as Scenario['zones'][number]),
      geometry: box(121.205, 30.2, 121.21, 30.202),
    };
    first.zones.push({
      id: 'zone-new',
      name: '新区块',
      far: 2,
      year: 2025,
      geometry: box(121.24, 30.2, 121.241, 30.201),
    });
    (first.transfers[0] as { mu: number }).mu = 9;
    first.directQuota = [];
    const edit = mergeEdit(city.scenarios, merged, LABEL);
    expect(edit?.type).toBe('batch');
    const set = { scenarios: city.scenarios, activeScenarioId: city.activeScenarioId };
    const done = applyEdit(set, edit as NonNullable<typeof edit>);
    expect(done.problem).toBeUndefined();
    expect(done.next.scenarios).toStrictEqual(merged);
    expect(done.label).toEqual(LABEL);
    expect(applyEdit(done.next, done.inverse).next.scenarios).toStrictEqual(city.scenarios);
    expect(mergeEdit(city.scenarios, structuredClone(city.scenarios), LABEL)).toBeNull();
  });
});
