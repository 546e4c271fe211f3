import { describe, expect, it } from 'vitest';
import { ANALYZE_STAGES, type CpuProfile, OTHER, START_UP, stagesOfProfile } from './profile-stages.ts';

/** A profile from call stacks (root first) and the time, in ms, of each sample. */
function profileOf(samples: [stack: string[], ms: number][]): CpuProfile {
  const nodes: CpuProfile['nodes'] = [{ id: 1, callFrame: { functionName: '(root)' }, children: [] }];
  const ids: number[] = [];
  for (const [stack] of samples) {
    let parent = nodes[0] as CpuProfile['nodes'][number];
    for (const name of stack) {
      let child = nodes.find((n) => parent.children?.includes(n.id) && n.callFrame.functionName === name);
      if (!child) {
        child = { id: nodes.length + 1, callFrame: { functionName: name }, children: [] };
        nodes.push(child);
        parent.children?.push(child.id);
      }
      parent = child;
    }
    ids.push(parent.id);
  }
  return { nodes, samples: ids, timeDeltas: samples.map(([, ms]) => ms * 1000) };
}

describe('stagesOfProfile', () => {
  it('charges each sample to the innermost stage on its stack, GC to the stage that ran', () => {
    const profile = profileOf([
      [['compile'], 3],
      [['main', 'load', 'readInput', 'readFileSync'], 2],
      [['main', 'load', 'validateLayer', 'normalizePlotProperties'], 5],
      [['(garbage collector)'], 4],
      [['main', 'classifyPlots', 'classifyWithZones', 'geometryAreaM2', 'polygonArea'], 1],
      [['main', 'assignTowns', 'geometryAreaM2'], 6],
      [['(idle)'], 7],
      [['main', 'fail'], 1],
      [['main2', 'writeAtomically2', 'writeFileSync'], 2],
    ]);
    const rules = [
      { fn: 'readInput', stage: 'read' },
      { fn: 'validateLayer', stage: 'validate' },
      { fn: 'geometryAreaM2', stage: 'areas', within: 'classifyWithZones' },
      { fn: 'classifyWithZones', stage: 'overlay' },
      { fn: 'assignTowns', stage: 'towns' },
      { fn: 'writeAtomically', stage: 'write' },
    ];
    expect(stagesOfProfile(profile, rules)).toEqual({
      totalMs: 31,
      gcMs: 4,
      stages: [
        { stage: START_UP, ms: 3, gcMs: 0 },
        { stage: 'read', ms: 2, gcMs: 0 },
        { stage: 'validate', ms: 9, gcMs: 4 },
        { stage: 'areas', ms: 1, gcMs: 0 },
        // Areas inside the town assignment are the towns' time; idle time goes to the stage before.
        { stage: 'towns', ms: 13, gcMs: 0 },
        // A bundler's renamed copy (writeAtomically2) is still the stage.
        { stage: 'write', ms: 2, gcMs: 0 },
        { stage: OTHER, ms: 1, gcMs: 0 },
      ],
    });
  });

  it('charges idle samples to their own stage when asked (a thread waiting for the others)', () => {
    const profile = profileOf([
      [['main', 'analyzePlotsInParts', 'PlotPart', 'parseGeoJsonPiece'], 4],
      [['(idle)'], 3],
      [['main', 'plausibilityChecks', 'checkPlausibility', 'findTownMismatches'], 2],
    ]);
    expect(stagesOfProfile(profile, ANALYZE_STAGES, { idleStage: 'waiting' }).stages).toEqual([
      { stage: 'parse JSON', ms: 4, gcMs: 0 },
      { stage: 'plausibility checks', ms: 2, gcMs: 0 },
      { stage: 'waiting', ms: 3, gcMs: 0 },
    ]);
  });
});
