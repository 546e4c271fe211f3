import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './parse-plan-file.ts';
import { serializePlan } from './plan-file.ts';
import type { Slide } from './slides.ts';

const FIXTURES = new URL('../../../test/fixtures/plans/', import.meta.url);

/** The small v1 fixture as a mutable object. */
function fixtureData(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('small-v1.plan.json', FIXTURES), 'utf8'));
}

function slides(): Slide[] {
  return [
    {
      id: 'slide-1',
      caption: '全市 · 示例方案',
      camera: { center: [121.25, 30.2], zoom: 10.5, bearing: 0, pitch: 0 },
      layers: { boundary: true, control: true, plots: true },
      scenarioId: 'scenario-1',
    },
    {
      id: 'slide-2',
      caption: '观海卫镇：五里村试点',
      camera: { center: [121.27, 30.19], zoom: 15.25, bearing: 12.5, pitch: 30 },
      layers: { boundary: false, control: true, plots: true },
      scenarioId: 'scenario-2',
      town: '观海卫镇',
      plotIds: ['GHW-001', 'GHW-003'],
      year: 2024,
    },
  ];
}

function withSlides(value: unknown): string {
  return JSON.stringify({ ...fixtureData(), slides: value });
}

function problemsOf(text: string) {
  const result = parsePlanFile(text, 'damaged.plan.json');
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe('slides in the plan file', () => {
  it('round-trip: written, read back equal, written again byte for byte', () => {
    const first = parsePlanFile(withSlides(slides()), 'slides.plan.json');
    if (!first.ok) throw new Error(first.problems.map((p) => p.message.en).join('\n'));
    expect(first.warnings).toEqual([]);
    expect(first.plan.slides).toStrictEqual(slides());
    const text = serializePlan(first.plan);
    const second = parsePlanFile(text, 'slides.plan.json');
    expect(second.ok && second.plan).toStrictEqual(first.plan);
    expect(second.ok && serializePlan(second.plan)).toBe(text);
    // Written after the view, as the last member.
    expect(text.indexOf('"slides"')).toBeGreaterThan(text.indexOf('"view"'));
  });

  it('keeps the optional recorded extent of a slide, and opens slides without one as before', () => {
    const [first, second] = slides();
    if (!first || !second) throw new Error('two slides');
    const withExtent: Slide = {
      ...first,
      camera: { ...first.camera, bounds: [121.05, 30.02, 121.45, 30.36] },
    };
    const read = parsePlanFile(withSlides([withExtent, second]), 'extent.plan.json');
    if (!read.ok) throw new Error(read.problems.map((p) => p.message.en).join('\n'));
    expect(read.warnings).toEqual([]);
    expect(read.plan.slides?.[0]?.camera.bounds).toEqual([121.05, 30.02, 121.45, 30.36]);
    expect(read.plan.slides?.[1]?.camera).not.toHaveProperty('bounds');
    const again = parsePlanFile(serializePlan(read.plan), 'extent.plan.json');
    expect(again.ok && again.plan.slides).toStrictEqual(read.plan.slides);
  });

  it('opens files without slides (version 1 and the migrated version 0) with none', () => {
    const data = fixtureData();
    delete data.slides;
    const v1 = parsePlanFile(JSON.stringify(data), 'no-slides.plan.json');
    expect(v1.ok && v1.warnings).toEqual([]);
    expect(v1.ok && 'slides' in v1.plan).toBe(false);
    const v0 = parsePlanFile(
      readFileSync(new URL('small-v0.plan.json', FIXTURES), 'utf8'),
      'small-v0.plan.json',
    );
    expect(v0.ok && v0.plan.slides).toBeUndefined();
    // And an empty list stays an empty list.
    const empty = parsePlanFile(withSlides([]), 'empty.plan.json');
    expect(empty.ok && empty.plan.slides).toEqual([]);
  });

  it('refuses a damaged slide, naming the file, the slide and the part', () => {
    const damaged = slides() as unknown as Record<string, Record<string, unknown>>[];
    (damaged[1] as { camera: Record<string, unknown> }).camera.zoom = 'near';
    const problems = problemsOf(withSlides(damaged));
    expect(problems.map((p) => [p.code, p.path])).toEqual([['wrong-part', 'slides[1].camera.zoom']]);
    expect(problems[0]?.message.zh).toBe(
      '方案文件 damaged.plan.json 的 slides[1].camera.zoom 应为0 到 24 之间的缩放级别，实际为 "near"。',
    );
    expect(problems[0]?.message.en).toBe(
      'Plan file damaged.plan.json: slides[1].camera.zoom must be a zoom level from 0 to 24; found "near".',
    );
  });

  it.each([
    ['a missing camera', (s: Record<string, unknown>) => delete s.camera, 'missing-part', 'slides[0].camera'],
    [
      'a caption that is a number',
      (s: Record<string, unknown>) => (s.caption = 3),
      'wrong-part',
      'slides[0].caption',
    ],
    ['an empty id', (s: Record<string, unknown>) => (s.id = ''), 'wrong-part', 'slides[0].id'],
    [
      'a centre off the globe',
      (s: Record<string, unknown>) => ((s.camera as Record<string, unknown>).center = [200, 30]),
      'wrong-part',
      'slides[0].camera.center',
    ],
    [
      'a pitch of 90°',
      (s: Record<string, unknown>) => ((s.camera as Record<string, unknown>).pitch = 90),
      'wrong-part',
      'slides[0].camera.pitch',
    ],
    [
      'an extent whose west is east of its east',
      (s: Record<string, unknown>) =>
        ((s.camera as Record<string, unknown>).bounds = [121.5, 30.1, 121.1, 30.3]),
      'wrong-part',
      'slides[0].camera.bounds',
    ],
    [
      'an extent of three numbers',
      (s: Record<string, unknown>) => ((s.camera as Record<string, unknown>).bounds = [121.1, 30.1, 121.5]),
      'wrong-part',
      'slides[0].camera.bounds',
    ],
    [
      'a layer switch that is not true or false',
      (s: Record<string, unknown>) => ((s.layers as Record<string, unknown>).plots = 'yes'),
      'wrong-part',
      'slides[0].layers.plots',
    ],
    [
      'plot ids that are numbers',
      (s: Record<string, unknown>) => (s.plotIds = [1, 2]),
      'wrong-part',
      'slides[0].plotIds',
    ],
    [
      'a year that is not a whole year',
      (s: Record<string, unknown>) => (s.year = 2024.5),
      'wrong-part',
      'slides[0].year',
    ],
    [
      'a year written as text',
      (s: Record<string, unknown>) => (s.year = '2024'),
      'wrong-part',
      'slides[0].year',
    ],
    [
      'a town that is a list',
      (s: Record<string, unknown>) => (s.town = ['a']),
      'wrong-part',
      'slides[0].town',
    ],
  ])('refuses %s', (_what, damage, code, path) => {
    const list = slides() as unknown as Record<string, unknown>[];
    damage(list[0] as Record<string, unknown>);
    const problems = problemsOf(withSlides(list));
    expect(problems.map((p) => [p.code, p.path])).toEqual([[code, path]]);
    expect(problems[0]?.message.en).toContain('damaged.plan.json');
  });

  it('refuses slides that are not a list, entries that are not objects, and repeated ids', () => {
    expect(problemsOf(withSlides({ id: 'slide-1' })).map((p) => p.path)).toEqual(['slides']);
    expect(problemsOf(withSlides([slides()[0], 'slide'])).map((p) => p.path)).toEqual(['slides[1]']);
    const repeated = problemsOf(withSlides([slides()[0], slides()[0]]));
    expect(repeated.map((p) => [p.code, p.path])).toEqual([['duplicate-id', 'slides']]);
    expect(repeated[0]?.message.zh).toContain('slide-1');
  });

  it('warns about a slide whose scenario is not in the plan, and about unknown members, and reads it', () => {
    const list = slides() as unknown as Record<string, unknown>[];
    (list[1] as Record<string, unknown>).scenarioId = 'gone';
    (list[0] as Record<string, unknown>).transition = 'fade';
    const result = parsePlanFile(withSlides(list), 'x.plan.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => [w.code, w.path])).toEqual([
      ['unknown-part', 'slides[0]'],
      ['slide-scenario', 'slides[1].scenarioId'],
    ]);
    expect(result.warnings[1]?.message.zh).toContain('观海卫镇：五里村试点');
    expect(result.plan.slides?.[1]?.scenarioId).toBe('gone');
    expect(result.plan.slides?.[0]).not.toHaveProperty('transition');
  });
});
