import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIGURE_CATALOGUE } from '../core/catalogue/figure-catalogue.ts';
import { diffPlans } from '../core/diff/diff-plans.ts';
import { parsePlanFile } from '../core/plan/parse-plan-file.ts';
import { PLAN_YEARS } from '../core/scenario/scenario.ts';
import { versionDiffTables } from './diff-tables.ts';

function smallPlan() {
  const text = readFileSync(new URL('../../test/fixtures/plans/small-v2.plan.json', import.meta.url), 'utf8');
  const parsed = parsePlanFile(text, 'small-v2.plan.json');
  if (!parsed.ok) throw new Error('the fixture opens');
  return parsed.plan;
}

describe('versionDiffTables', () => {
  const before = smallPlan();
  const after = smallPlan();
  const scenario = after.scenarios[0];
  if (!scenario) throw new Error('the fixture has a scenario');
  scenario.actions['GHW-001'] = { action: 'vacate', year: 2023 };
  scenario.assumptions.zoneTaxPerMu = 25;
  const diff = diffPlans(before, after, before.scenarios[0] as typeof scenario, scenario);

  it('writes the plot, the assumption and every figure of every year, in both languages', () => {
    const zh = versionDiffTables(
      diff,
      'zh-CN',
      { before: 'a.plan.json', after: '示例' },
      new Date(2026, 11, 5),
    );
    expect(zh.map((table) => table.name)).toEqual([
      '指标对比',
      '地块变化',
      '承接区块变化',
      '指标调剂变化',
      '假设与设置',
    ]);
    const [figures, plots, zones, quota, other] = zh;
    expect(figures?.rows).toHaveLength(PLAN_YEARS.length * FIGURE_CATALOGUE.length);
    expect(plots?.rows).toEqual([['GHW-001', '改造 2025', '腾退 2023', '措施、年份']]);
    expect(zones?.rows).toEqual([]);
    expect(quota?.rows).toEqual([]);
    expect(other?.rows[0]).toEqual(['承接区块亩均税收', 20, 25, 5]);
    expect(plots?.notes[1]).toBe('对比：a.plan.json（方案“示例方案”）→ 示例（方案“示例方案”）；2026-12-05');
    const en = versionDiffTables(diff, 'en', { before: 'a.plan.json', after: 'Sample' });
    expect(en[1]?.rows).toEqual([['GHW-001', 'upgrade 2025', 'vacate 2023', 'action, year']]);
  });

  it('shows a share as a percentage and the figures as the diff holds them', () => {
    const [figures] = versionDiffTables(diff, 'zh-CN', { before: 'a', after: 'b' });
    const renovated = diff.indicators.find((indicator) => indicator.key === 'renovatedMu');
    const row = figures?.rows.find((cells) => cells[0] === '全期（2026）' && cells[1] === '改造提升面积');
    expect(row?.[2]).toBeCloseTo(renovated?.before ?? Number.NaN, 2);
    expect(row?.[3]).toBeCloseTo(renovated?.after ?? Number.NaN, 2);
    const share = figures?.rows.find(
      (cells) => cells[0] === '全期（2026）' && String(cells[1]).endsWith('(%)'),
    );
    const controlShare = diff.indicators.find((indicator) => indicator.key === 'controlShare');
    expect(share?.[2]).toBeCloseTo((controlShare?.before ?? Number.NaN) * 100, 2);
  });
});
