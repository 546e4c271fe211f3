/**
 * What changed between two plan files (版本对比), with the same core as the page:
 *   npm run diff -- A.plan.json B.plan.json [--scenario NAME] --out diff.json
 * diff.json (docs/plan-diff.md) lists, for the scenario named in both files (without --scenario: each
 * file's active scenario), the plots whose action, year, zone or lease changed, the receiving zones
 * added, removed or changed (areas ellipsoidal), the transfers, direct quota, assumptions, settings
 * and layers that changed, each town's quota balance, and every figure before and after. Bad input:
 * a message on stderr naming the file and the problem, exit code 2, and nothing written.
 */

import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { diffPlans, type PlanDiff, pickScenario } from '../src/core/diff/diff-plans.ts';
import type { PlanFile } from '../src/core/plan/plan-file.ts';
import type { Scenario } from '../src/core/scenario/scenario.ts';
import { AREA_METHOD } from '../src/core/settings.ts';
import { bilingual, failWith, readPlanArgument, scenarioNames } from './lib/read-plan-argument.ts';
import { writeAtomically } from './lib/write-atomically.ts';

const USAGE = '用法 / usage: npm run diff -- A.plan.json B.plan.json [--scenario NAME] --out diff.json';

/** The format tag of the written file. */
export const DIFF_FORMAT = 'industrial-land-plan-diff';

function readArguments(): { before: string; after: string; out: string; scenario?: string } {
  let values: Record<string, string | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      options: { scenario: { type: 'string' }, out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    failWith([(error as Error).message, USAGE]);
  }
  const [before, after, ...rest] = positionals;
  if (!before || !after || rest.length > 0)
    failWith([
      `应给出两个方案文件，实际为 ${positionals.length} 个`,
      `expected two plan files, got ${positionals.length}`,
      USAGE,
    ]);
  if (!values.out) failWith(['缺少参数 --out / missing --out', USAGE]);
  if (values.out === before || values.out === after)
    failWith([
      `--out 不能是被比较的方案文件（${values.out}）`,
      `--out must not be one of the compared plan files (${values.out})`,
    ]);
  return {
    before,
    after,
    out: values.out,
    ...(values.scenario !== undefined ? { scenario: values.scenario } : {}),
  };
}

function scenarioIn(plan: PlanFile, path: string, wanted: string | undefined): Scenario {
  const scenario = pickScenario(plan, wanted);
  if (scenario) return scenario;
  const names = scenarioNames(plan);
  failWith(
    plan.scenarios.length === 0
      ? bilingual({ zh: `方案文件 ${path} 中没有任何方案。`, en: `Plan file ${path} holds no scenario.` })
      : bilingual({
          zh: `方案文件 ${path} 中没有名为“${wanted}”的方案。现有方案：${names.zh}。`,
          en: `Plan file ${path} has no scenario named "${wanted}". Its scenarios: ${names.en}.`,
        }),
  );
}

/** The counts a reader looks at first. */
function summaryOf(diff: PlanDiff) {
  const { scenario, layers } = diff;
  const count = (kind: string, items: readonly { kind: string }[]) =>
    items.filter((i) => i.kind === kind).length;
  return {
    plots: scenario.plots.length,
    zonesAdded: count('added', scenario.zones),
    zonesRemoved: count('removed', scenario.zones),
    zonesChanged: count('changed', scenario.zones),
    transfers: scenario.transfers.length,
    directQuota: scenario.directQuota.length,
    assumptions: scenario.assumptions.length,
    settings: diff.settings.length,
    layerPlots:
      layers.plots.added.length +
      layers.plots.removed.length +
      layers.plots.reshaped.length +
      layers.plots.attributes.length,
    indicatorsChanged: diff.indicators.filter((i) => i.changed).length,
  };
}

function main(): void {
  const args = readArguments();
  const before = readPlanArgument(args.before);
  const after = readPlanArgument(args.after);
  const scenarioBefore = scenarioIn(before, args.before, args.scenario);
  const scenarioAfter = scenarioIn(after, args.after, args.scenario);
  const diff = diffPlans(before, after, scenarioBefore, scenarioAfter);
  const summary = summaryOf(diff);
  const report = {
    format: DIFF_FORMAT,
    version: 1,
    areaMethod: AREA_METHOD,
    files: { before: args.before, after: args.after },
    summary,
    ...diff,
  };
  try {
    writeAtomically(args.out, `${JSON.stringify(report, null, 2)}\n`);
  } catch (error) {
    rmSync(args.out, { force: true });
    failWith([
      `无法写入 ${args.out}：${(error as Error).message}`,
      `Cannot write ${args.out}: ${(error as Error).message}`,
    ]);
  }
  console.error(
    `版本对比“${scenarioBefore.name}” → “${scenarioAfter.name}”：${summary.plots} 个地块措施变化，` +
      `承接区块新增 ${summary.zonesAdded}、删除 ${summary.zonesRemoved}、修改 ${summary.zonesChanged}，` +
      `调剂 ${summary.transfers}、直接指标 ${summary.directQuota}、测算假设 ${summary.assumptions} 处变化，` +
      `${summary.indicatorsChanged} 项指标变化 → ${args.out}`,
  );
}

main();
