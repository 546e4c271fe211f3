import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../src/core/analysis/analyze-plan.ts';
import { parsePlanFile } from '../../src/core/plan/parse-plan-file.ts';
import { scenarioIndicators } from '../../src/core/scenario/indicators/scenario-indicators.ts';
import { measureZones, prepareZoneContext } from '../../src/core/scenario/zone-measures.ts';

const root = new URL('../../', import.meta.url).pathname;

function suggest(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/suggest.ts'), ...args], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: run.status, stderr: run.stderr };
}

/** The small plan with targets it can reach (its 897 亩 cannot make 10,000). */
function reachablePlan(dir: string): string {
  const data = JSON.parse(readFileSync(join(root, 'test/fixtures/plans/small-v2.plan.json'), 'utf8'));
  data.settings.targets.renovatedMu.value = 300;
  data.settings.targets.newAboveScaleFirms.value = 2;
  data.settings.targets.renovatedTaxPerMu.enabled = false;
  const path = join(dir, 'p.plan.json');
  writeFileSync(path, JSON.stringify(data));
  return path;
}

describe('npm run suggest', () => {
  it('writes the plan with the suggested scenario and a report whose figures the indicators confirm', () => {
    const dir = mkdtempSync(join(tmpdir(), 'suggest-cli-'));
    const plan = reachablePlan(dir);
    const out = join(dir, 'q.plan.json');
    const report = join(dir, 'suggestion.json');
    const { code, stderr } = suggest([
      '--plan',
      plan,
      '--out',
      out,
      '--report',
      report,
      '--time-limit',
      '30',
    ]);
    expect(code, stderr).toBe(0);
    const parsed = parsePlanFile(readFileSync(out, 'utf8'), out);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const suggested = parsed.plan.scenarios.find((s) => s.id === 'scenario-1-suggested');
    expect(suggested?.name).toBe('示例方案（建议）');
    expect(parsed.plan.activeScenarioId).toBe('scenario-1-suggested');
    const written = JSON.parse(readFileSync(report, 'utf8'));
    expect(written.status).toBe('optimal');
    if (!suggested) return;
    // The suggested entries travel in the plan as the app keeps an accepted suggestion, so that its
    // plots show as suggested there: one per plot the new scenario acts on, each explained.
    const kept = parsed.plan.suggestions?.['scenario-1-suggested'];
    expect(kept?.baseScenarioId).toBe('scenario-1');
    expect(kept?.status).toBe('optimal');
    expect(kept?.objective).toBe(written.objective);
    expect(kept?.actions.map((a) => a.plotId).sort()).toEqual(Object.keys(suggested.actions).sort());
    expect(kept?.actions.every((a) => a.explanation.zh.length > 0)).toBe(true);
    const analysis = analyzePlan(parsed.plan.layers, parsed.plan.settings);
    const measures = measureZones(
      suggested.zones,
      prepareZoneContext(parsed.plan.layers, parsed.plan.settings.tolerance),
    );
    const overall = scenarioIndicators(analysis.rows, measures, suggested).overall;
    expect(overall.renovatedMu).toBeGreaterThanOrEqual(300);
    expect(overall.newAboveScaleFirms).toBeGreaterThanOrEqual(2);
    expect(overall.controlShare as number).toBeGreaterThanOrEqual(0.8);
    const m = overall.money;
    expect(written.objective).toBeCloseTo(
      m.acquisitionWan + m.demolitionWan + m.rewardWan + m.upgradeSubsidyWan + m.relocationSubsidyWan,
      6,
    );
  });

  it('refuses bad input with a message, exit code 2 and nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'suggest-cli-'));
    const plan = reachablePlan(dir);
    const out = join(dir, 'q.plan.json');
    for (const [args, words] of [
      [['--plan', join(dir, 'missing.plan.json'), '--out', out], 'Cannot read plan file'],
      [['--plan', plan, '--out', out, '--objective', 'money'], '--objective must be cost, firms or income'],
      [['--plan', plan, '--out', out, '--scenario', '不存在'], 'has no scenario named "不存在"'],
      [['--plan', plan, '--out', out, '--time-limit', '0'], '--time-limit must be a positive number'],
      [['--plan', plan, '--out', plan], '--out must differ from --plan'],
    ] as const) {
      const { code, stderr } = suggest([...args]);
      expect(code).toBe(2);
      expect(stderr).toContain(words);
      expect(existsSync(out)).toBe(false);
    }
  });
});
