import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPlanCommand } from '../../scripts/lib/plan-command.ts';
import { parsePlanFile } from '../../src/core/plan/parse-plan-file.ts';
import { type PlanFile, serializePlan } from '../../src/core/plan/plan-file.ts';
import { commentsArbitrary, derivedFromArbitrary } from '../support/plan-v3-arbitraries.ts';

const root = new URL('../../', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function plan(text: string, fileName = 'test.plan.json'): PlanFile {
  const result = parsePlanFile(text, fileName);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message.en).join('\n'));
  return result.plan;
}

/** The v3 fixture with a comment of each kind and a town part's origin. */
function annotatedV3(): Record<string, unknown> {
  const data = JSON.parse(read('test/fixtures/plans/small-v3.plan.json'));
  data.comments = [
    {
      id: 'c1',
      target: { kind: 'plot', id: 'GHW-002', scenario: 'scenario-1' },
      author: '审阅人甲',
      at: '2026-12-05T08:00:00.000Z',
      text: '搬迁时间是否过早？',
      status: 'open',
    },
    {
      id: 'c2',
      target: { kind: 'town', id: '观海卫镇' },
      author: 'Reviewer B',
      at: '2026-12-05T09:00:00.000Z',
      text: 'Check the quota.',
      status: 'resolved',
      resolvedAt: '2026-12-05T10:00:00.000Z',
      resolvedBy: '规划师',
    },
  ];
  data.derivedFrom = {
    kind: 'town-part',
    town: '观海卫镇',
    madeAt: '2026-12-05T07:00:00.000Z',
    cityPlan: { name: '慈溪市', fingerprint: '00a1b2c3d4e5f6' },
    base: {
      plots: { 'GHW-001': '0123456789abcd' },
      scenarios: [{ id: 'scenario-1', actions: {}, zones: {}, transfers: {}, directQuota: {} }],
    },
  };
  return data;
}

/** indicators.json of every scenario of the plan file at `path`. */
function indicatorsOf(path: string, scenarios: string[]): unknown[] {
  const dir = mkdtempSync(join(tmpdir(), 'plan-v3-'));
  return scenarios.map((scenario, i) => {
    const out = join(dir, `${i}.json`);
    const lines: string[] = [];
    expect(runPlanCommand({ plan: path, scenario, out }, { error: (line) => lines.push(line) })).toBe(0);
    const { plan: _file, ...indicators } = JSON.parse(readFileSync(out, 'utf8'));
    return indicators;
  });
}

describe('plan file version 3', () => {
  it('reads a version-2 file as version 3 with the same indicators as a version-3 file with comments and an origin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-v3-'));
    const v3 = join(dir, 'annotated.plan.json');
    writeFileSync(v3, JSON.stringify(annotatedV3()));
    const names = ['示例方案', '空方案'];
    const fromV2 = indicatorsOf(join(root, 'test/fixtures/plans/small-v2.plan.json'), names);
    expect(indicatorsOf(v3, names)).toStrictEqual(fromV2);
    // Not trivially equal: the sample scenario moves figures.
    expect((fromV2[0] as { overall: { renovatedMu: number } }).overall.renovatedMu).toBeGreaterThan(0);
  });

  it('reads comments and the origin, writes them after the other members and back unchanged', () => {
    const text = JSON.stringify(annotatedV3());
    const result = parsePlanFile(text, 'annotated.plan.json');
    expect(result.ok && result.warnings).toEqual([]);
    const read3 = plan(text);
    expect(read3.comments.map((c) => [c.id, c.target.kind, c.status])).toEqual([
      ['c1', 'plot', 'open'],
      ['c2', 'town', 'resolved'],
    ]);
    expect(read3.derivedFrom?.town).toBe('观海卫镇');
    const written = serializePlan(read3);
    expect(Object.keys(JSON.parse(written)).slice(-2)).toEqual(['comments', 'derivedFrom']);
    expect(JSON.parse(written)).toStrictEqual(JSON.parse(text));
    expect(serializePlan(plan(written))).toBe(written);
  });

  it('takes a version-3 file without comments as one with none', () => {
    const data = annotatedV3();
    delete data.comments;
    expect(plan(JSON.stringify(data)).comments).toEqual([]);
  });

  it.each([
    [
      (c: Record<string, unknown>) => Object.assign(c, { status: 'done' }),
      'comments[0].status',
      'open or resolved',
    ],
    [(c: Record<string, unknown>) => Object.assign(c, { at: 'yesterday' }), 'comments[0].at', 'ISO 8601'],
    [
      (c: Record<string, unknown>) => Object.assign(c, { target: { kind: 'road', id: 'x' } }),
      'comments[0].target.kind',
      'plot, zone, town, scenario',
    ],
    [
      (c: Record<string, unknown>) => Object.assign(c, { target: { kind: 'plot', id: '' } }),
      'comments[0].target.id',
      'non-empty',
    ],
    [(c: Record<string, unknown>) => Object.assign(c, { text: undefined }), 'comments[0].text', 'missing'],
    [(c: Record<string, unknown>) => Object.assign(c, { id: 'c2' }), 'comments', 'c2 occurs twice'],
  ])('refuses a damaged comment, naming the part and what to write (%#)', (damage, path, words) => {
    const data = annotatedV3() as { comments: Record<string, unknown>[] };
    damage(data.comments[0] as Record<string, unknown>);
    const result = parsePlanFile(JSON.stringify(data), 'damaged.plan.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.path).toBe(path);
    expect(result.problems[0]?.message.en).toContain(words);
    expect(result.problems[0]?.message.en).toContain('damaged.plan.json');
    expect(result.problems[0]?.message.zh).toContain('damaged.plan.json');
  });

  it('leaves a damaged origin out with a warning, and opens the plan', () => {
    const data = annotatedV3() as { derivedFrom: { base: { plots: Record<string, unknown> } } };
    data.derivedFrom.base.plots['GHW-001'] = 12;
    const result = parsePlanFile(JSON.stringify(data), 'part.plan.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.derivedFrom).toBeUndefined();
    expect(result.warnings.map((w) => [w.code, w.path])).toEqual([['dropped-part', 'derivedFrom']]);
    expect(result.warnings[0]?.message.zh).toContain('part.plan.json');
  });

  it('round-trips any comments and origin', () => {
    const base = plan(read('test/fixtures/plans/small-v3.plan.json'));
    fc.assert(
      fc.property(
        commentsArbitrary,
        fc.option(derivedFromArbitrary, { nil: undefined }),
        (comments, derived) => {
          const original: PlanFile = { ...base, comments };
          if (derived) original.derivedFrom = derived;
          const back = parsePlanFile(serializePlan(original), 'x.plan.json');
          if (!back.ok) throw new Error(JSON.stringify(back.problems));
          expect(back.plan).toStrictEqual(original);
        },
      ),
      { numRuns: 100, seed: 15 },
    );
  });
});
