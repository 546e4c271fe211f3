import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { squareRing } from '../../../test/fixtures/square-plot.ts';
import { geometryAreaM2 } from '../geometry/ellipsoidal-area.ts';
import { parsePlanFile } from './parse-plan-file.ts';
import { planWarningsNotice } from './plan-warnings-notice.ts';

const FIXTURE = readFileSync(
  new URL('../../../test/fixtures/plans/small-v1.plan.json', import.meta.url),
  'utf8',
);

interface ZoneData {
  id: string;
  name: string;
  geometry: { type: string; coordinates: unknown };
}

/** The small v1 plan as a mutable object, and its first scenario. */
function fixture() {
  const data = JSON.parse(FIXTURE) as {
    scenarios: { actions: Record<string, { action: string; year: number }>; zones: ZoneData[] }[];
  };
  const first = data.scenarios[0];
  if (!first) throw new Error('no scenario');
  return { data, first };
}

/** The rings of an axis-aligned square polygon of `size` degrees from (x, y). */
function square(x: number, y: number, size: number) {
  return [squareRing(x, y, size)];
}

describe('parsePlanFile on hostile plans (issue 12)', () => {
  it('leaves out a bow-tie receiving zone with a warning, as the import refuses the same ring', () => {
    const { data, first } = fixture();
    const zone = first.zones[0] as ZoneData;
    zone.geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [121.22, 30.18],
          [121.222, 30.181],
          [121.222, 30.18],
          [121.22, 30.181],
          [121.22, 30.18],
        ],
      ],
    };
    const result = parsePlanFile(JSON.stringify(data), 'bow-tie.plan.json');
    if (!result.ok) throw new Error(result.problems[0]?.message.en);
    expect(result.plan.scenarios[0]?.zones).toEqual([]);
    const warning = result.warnings.find((w) => w.code === 'dropped-part');
    expect(warning?.path).toBe('scenarios[0].zones[0]');
    expect(warning?.message.zh).toMatch(
      /^方案文件 bow-tie\.plan\.json 中方案“示例方案”的承接区块“观海卫承接区块”（zone-1）的第 1 个环（外环）在 .* 附近自相交/,
    );
    expect(warning?.message.en).toContain('the zone was left out');
  });

  it('merges a receiving zone whose second part copies half of the first, with a warning, so its land counts once', () => {
    const { data, first } = fixture();
    const zone = first.zones[0] as ZoneData;
    zone.geometry = { type: 'MultiPolygon', coordinates: [square(121.22, 30.18, 0.002)] };
    const once = parsePlanFile(JSON.stringify(data), 'once.plan.json');
    zone.geometry = {
      type: 'MultiPolygon',
      coordinates: [square(121.22, 30.18, 0.002), square(121.2205, 30.1805, 0.001)],
    };
    const twice = parsePlanFile(JSON.stringify(data), 'half-copy.plan.json');
    if (!once.ok || !twice.ok) throw new Error('not read');
    const area = (result: typeof once) =>
      result.ok ? geometryAreaM2(result.plan.scenarios[0]?.zones[0]?.geometry) : Number.NaN;
    expect(area(twice)).toBeCloseTo(area(once), 6);
    expect(twice.warnings.map((w) => [w.code, w.path])).toContainEqual([
      'repaired-part',
      'scenarios[0].zones[0]',
    ]);
  });

  it("merges a plot of the plan file's layer whose second part copies half of the first, with a warning, so its land counts once", () => {
    const data = JSON.parse(FIXTURE) as {
      layers: { plots: { features: { geometry: { type: string; coordinates: unknown } }[] } };
    };
    const plot = data.layers.plots.features[0];
    if (!plot) throw new Error('no plot');
    plot.geometry = { type: 'MultiPolygon', coordinates: [square(121.22, 30.18, 0.002)] };
    const once = parsePlanFile(JSON.stringify(data), 'once.plan.json');
    plot.geometry = {
      type: 'MultiPolygon',
      coordinates: [square(121.22, 30.18, 0.002), square(121.2205, 30.1805, 0.001)],
    };
    const twice = parsePlanFile(JSON.stringify(data), 'half-copy.plan.json');
    if (!once.ok || !twice.ok) throw new Error('not read');
    const area = (result: typeof once) =>
      result.ok ? geometryAreaM2(result.plan.layers?.plots.features[0]?.geometry) : Number.NaN;
    expect(area(twice)).toBeCloseTo(area(once), 6);
    expect(once.warnings.map((w) => w.code)).not.toContain('repaired-part');
    const warning = twice.warnings.find((w) => w.code === 'repaired-part');
    expect(warning?.path).toBe('layers.plots.features[0]');
    expect(warning?.message.zh).toContain('half-copy.plan.json');
  });

  it('says a number is too large for JSON instead of "found null" for upliftFactor: 1e999', () => {
    const text = FIXTURE.replace('"upliftFactor": 1.8', '"upliftFactor": 1e999');
    expect(text).not.toBe(FIXTURE);
    const result = parsePlanFile(text, 'huge.plan.json');
    expect(result.ok).toBe(false);
    const problem = result.ok ? undefined : result.problems[0];
    expect(problem?.path).toBe('scenarios[0].assumptions.upliftFactor');
    expect(problem?.message.en).toBe(
      'Plan file huge.plan.json: scenarios[0].assumptions.upliftFactor must be a finite number; found a number too large for JSON (such as 1e999, which overflows to infinity).',
    );
    expect(problem?.message.zh).not.toContain('null');
  });

  it('drops actions on plots the layer does not hold, so that nothing counts them, and names the file', () => {
    const { data, first } = fixture();
    first.actions['NO-SUCH-PLOT'] = { action: 'upgrade', year: 2023 };
    first.actions['NOR-THIS-ONE'] = { action: 'vacate', year: 2024 };
    const result = parsePlanFile(JSON.stringify(data), 'ghosts.plan.json');
    if (!result.ok) throw new Error(result.problems[0]?.message.en);
    expect(Object.keys(result.plan.scenarios[0]?.actions ?? {})).not.toContain('NO-SUCH-PLOT');
    expect(Object.keys(result.plan.scenarios[0]?.actions ?? {})).toEqual(
      Object.keys(JSON.parse(FIXTURE).scenarios[0].actions),
    );
    const warning = result.warnings.find((w) => w.code === 'unknown-plot');
    expect(warning?.message.en).toBe(
      'Plan file ghosts.plan.json, scenario "示例方案": 2 actions name plots that are not in the plot layer (NO-SUCH-PLOT, NOR-THIS-ONE); they were dropped and are not counted anywhere.',
    );
  });
});

describe('planWarningsNotice', () => {
  it('gives the page the warnings the command line prints, naming the file', () => {
    const { data, first } = fixture();
    first.actions['NO-SUCH-PLOT'] = { action: 'upgrade', year: 2023 };
    const result = parsePlanFile(JSON.stringify(data), 'ghosts.plan.json');
    if (!result.ok) throw new Error(result.problems[0]?.message.en);
    const notice = planWarningsNotice('ghosts.plan.json', result.warnings);
    expect(notice?.zh.split('\n')).toEqual([
      '规划文件 ghosts.plan.json 已打开，有 1 条提示：',
      '方案文件 ghosts.plan.json 的方案“示例方案”中有 1 个地块措施对应的地块不在地块图层中（NO-SUCH-PLOT），已删除，不计入任何统计。',
    ]);
    expect(planWarningsNotice('plain.plan.json', [])).toBeNull();
  });
});
