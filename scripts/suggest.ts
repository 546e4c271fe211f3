/**
 * The plan suggestion on the command line, with the same core as the page (docs/suggest.md):
 *   npm run suggest -- --plan P.plan.json [--scenario NAME] --out Q.plan.json [--objective cost|firms|income]
 *                      [--time-limit 60] [--report suggestion.json]
 * Q.plan.json is P with the suggested scenario added (and made active), and its suggested entries
 * with their explanations under `suggestions`, as the app keeps an accepted suggestion (the plots
 * then show as suggested there); suggestion.json holds the
 * status, objective, bound, gap, binding constraints, shortfalls and the explained actions. Bad input:
 * a message on stderr naming the file and the problem, exit code 2, and nothing written.
 */

import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyzePlan } from '../src/core/analysis/analyze-plan.ts';
import { type PlanFile, serializePlan } from '../src/core/plan/plan-file.ts';
import { measureZones, prepareZoneContext } from '../src/core/scenario/zone-measures.ts';
import { suggestScenario } from '../src/core/suggest/suggest-scenario.ts';
import { OBJECTIVE_PRESETS, type ObjectiveName } from '../src/core/suggest/suggest-settings.ts';
import { bilingual, failWith as fail, readPlanArgument as readPlan } from './lib/read-plan-argument.ts';
import { writeAtomically } from './lib/write-atomically.ts';

const USAGE =
  '用法 / usage: npm run suggest -- --plan P.plan.json [--scenario NAME] --out Q.plan.json [--objective cost|firms|income] [--time-limit 60] [--report suggestion.json]';

interface Arguments {
  plan: string;
  out: string;
  scenario?: string;
  objective: ObjectiveName | undefined;
  timeLimitS: number;
  report?: string;
}

function readArguments(): Arguments {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        plan: { type: 'string' },
        scenario: { type: 'string' },
        out: { type: 'string' },
        objective: { type: 'string' },
        'time-limit': { type: 'string' },
        report: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    fail([(error as Error).message, USAGE]);
  }
  if (!values.plan || !values.out) fail(['缺少参数 --plan 或 --out / missing --plan or --out', USAGE]);
  const objective = values.objective;
  if (objective !== undefined && !Object.hasOwn(OBJECTIVE_PRESETS, objective))
    fail([
      `--objective 应为 cost、firms 或 income，实际为 ${objective}`,
      `--objective must be cost, firms or income; got ${objective}`,
    ]);
  const timeLimitS = values['time-limit'] === undefined ? 60 : Number(values['time-limit']);
  if (!(timeLimitS > 0 && Number.isFinite(timeLimitS)))
    fail([
      `--time-limit 应为正的秒数，实际为 ${values['time-limit']}`,
      `--time-limit must be a positive number of seconds; got ${values['time-limit']}`,
    ]);
  if (values.out === values.plan)
    fail([
      `--out 不能与 --plan 相同（${values.out}）：建议写入新文件，原方案文件保持不变。`,
      `--out must differ from --plan (${values.out}): the suggestion goes to a new file and the plan file stays as it is.`,
    ]);
  return {
    plan: values.plan,
    out: values.out,
    objective: objective as ObjectiveName | undefined,
    timeLimitS,
    ...(values.scenario !== undefined ? { scenario: values.scenario } : {}),
    ...(values.report !== undefined ? { report: values.report } : {}),
  };
}

async function main(): Promise<void> {
  const args = readArguments();
  const plan = readPlan(args.plan);
  const scenarios = plan.scenarios;
  const base =
    args.scenario === undefined
      ? (scenarios.find((s) => s.id === plan.activeScenarioId) ?? scenarios[0])
      : (scenarios.find((s) => s.name === args.scenario) ?? scenarios.find((s) => s.id === args.scenario));
  if (!base)
    fail(
      scenarios.length === 0
        ? bilingual({
            zh: `方案文件 ${args.plan} 中没有任何方案。`,
            en: `Plan file ${args.plan} holds no scenario.`,
          })
        : bilingual({
            zh: `方案文件 ${args.plan} 中没有名为“${args.scenario}”的方案。现有方案：${scenarios.map((s) => `“${s.name}”`).join('、')}。`,
            en: `Plan file ${args.plan} has no scenario named "${args.scenario}". Its scenarios: ${scenarios.map((s) => `"${s.name}"`).join(', ')}.`,
          }),
    );
  const planning = structuredClone({
    horizon: plan.settings.horizon,
    targets: plan.settings.targets,
    suggestion: plan.settings.suggestion,
  });
  if (args.objective) planning.suggestion.objective = { ...OBJECTIVE_PRESETS[args.objective] };
  const analysis = analyzePlan(plan.layers, plan.settings);
  const zoneMeasures = measureZones(base.zones, prepareZoneContext(plan.layers, plan.settings.tolerance));
  const taken = new Set(scenarios.map((s) => s.id));
  let id = `${base.id}-suggested`;
  for (let n = 2; taken.has(id); n++) id = `${base.id}-suggested-${n}`;
  const suggestion = await suggestScenario(
    { rows: analysis.rows, zoneMeasures, base, planning, id, name: `${base.name}（建议）` },
    { timeLimitS: args.timeLimitS },
  );
  const out: PlanFile = {
    ...plan,
    scenarios: [...scenarios, suggestion.scenario],
    activeScenarioId: id,
    // As 接受为新方案 keeps it in the app: the plots of the new scenario show as suggested there.
    suggestions: {
      ...plan.suggestions,
      [id]: {
        baseScenarioId: base.id,
        status: suggestion.status,
        objective: suggestion.objective,
        bound: suggestion.bound,
        gap: suggestion.gap,
        actions: suggestion.actions,
      },
    },
  };
  const report = {
    format: 'industrial-land-plan-suggestion',
    version: 1,
    plan: { file: args.plan, name: plan.name },
    baseScenario: { id: base.id, name: base.name },
    scenario: { id, name: suggestion.scenario.name },
    objectiveWeights: planning.suggestion.objective,
    status: suggestion.status,
    objective: suggestion.objective,
    bound: suggestion.bound,
    gap: suggestion.gap,
    binding: suggestion.binding,
    shortfalls: suggestion.shortfalls,
    actions: suggestion.actions,
    stats: suggestion.stats,
  };
  try {
    writeAtomically(args.out, serializePlan(out));
    if (args.report) writeAtomically(args.report, `${JSON.stringify(report, null, 2)}\n`);
  } catch (error) {
    rmSync(args.out, { force: true });
    fail([
      `无法写入输出：${(error as Error).message}`,
      `Cannot write the output: ${(error as Error).message}`,
    ]);
  }
  const gap = suggestion.gap === null ? '—' : `${(suggestion.gap * 100).toFixed(3)}%`;
  console.error(
    `方案建议“${suggestion.scenario.name}”：${suggestion.status}，目标值 ${suggestion.objective.toFixed(2)}，下界 ${suggestion.bound?.toFixed(2) ?? '—'}，差距 ${gap}，${suggestion.actions.length} 个地块有措施 → ${args.out}`,
  );
  for (const shortfall of suggestion.shortfalls)
    console.error(`  ${shortfall.message.zh}\n  ${shortfall.message.en}`);
  // HiGHS keeps nothing running, but the process would wait for its runtime's handles otherwise.
  process.exit(0);
}

await main();
