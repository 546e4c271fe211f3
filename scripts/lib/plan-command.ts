/**
 * Evaluates one scenario of a plan file on the command line, with the same core as the page:
 *   npm run analyze -- --plan my.plan.json --scenario NAME --out indicators.json
 * Reads the plan, analyses its layers (analyzePlan), measures the scenario's receiving zones and
 * writes every scenario indicator, overall and per year 2022…2026, under the keys of DESIGN.md.
 * Bad input (an unreadable file, a damaged plan, an unknown scenario) gives a message on stderr
 * naming the file and the problem, exit code 2, and nothing written.
 */

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { analyzePlan } from '../../src/core/analysis/analyze-plan.ts';
import { parsePlanFile } from '../../src/core/plan/parse-plan-file.ts';
import type { PlanProblem } from '../../src/core/plan/plan-problems.ts';
import { scenarioIndicators } from '../../src/core/scenario/indicators/scenario-indicators.ts';
import { SCENARIO_TARGETS } from '../../src/core/scenario/indicators/scenario-targets.ts';
import type { Scenario } from '../../src/core/scenario/scenario.ts';
import { measureZones, prepareZoneContext } from '../../src/core/scenario/zone-measures.ts';
import { AREA_METHOD } from '../../src/core/settings.ts';
import type { Message } from '../../src/core/types.ts';
import { writeAtomically } from './write-atomically.ts';

export const PLAN_USAGE =
  '用法 / usage: npm run analyze -- --plan my.plan.json [--scenario NAME] --out indicators.json';

/** The format tag of the written file. */
export const INDICATORS_FORMAT = 'industrial-land-plan-indicators';

export interface PlanCommandOptions {
  /** Path of the *.plan.json file. */
  plan: string;
  /** Name (or id) of the scenario; the plan's active scenario when absent. */
  scenario?: string;
  /** Path of the indicators JSON to write. */
  out: string;
}

export interface PlanCommandIo {
  /** One line of the report on stderr. */
  error: (line: string) => void;
}

const STDERR: PlanCommandIo = { error: (line) => console.error(line) };

function bilingual(io: PlanCommandIo, message: Message, indent = ''): void {
  io.error(`${indent}${message.zh}`);
  io.error(`${indent}${message.en}`);
}

function reportProblem(io: PlanCommandIo, problem: PlanProblem, kind: '错误' | '警告'): void {
  io.error(`  ${kind} [${problem.code}]${problem.path ? ` ${problem.path}` : ''}`);
  bilingual(io, problem.message, '    ');
}

function findScenario(scenarios: readonly Scenario[], wanted: string | undefined, activeId: string) {
  if (wanted === undefined) return scenarios.find((s) => s.id === activeId) ?? scenarios[0];
  return scenarios.find((s) => s.name === wanted) ?? scenarios.find((s) => s.id === wanted);
}

/**
 * Runs the plan evaluation.
 * @returns the exit code: 0 when indicators.json was written, 2 on bad input (nothing written)
 */
export function runPlanCommand(options: PlanCommandOptions, io: PlanCommandIo = STDERR): number {
  const { plan: planPath, out } = options;
  let text: string;
  try {
    text = readFileSync(planPath, 'utf8');
  } catch (error) {
    bilingual(io, {
      zh: `无法读取方案文件 ${planPath}：${(error as Error).message}`,
      en: `Cannot read plan file ${planPath}: ${(error as Error).message}`,
    });
    return 2;
  }

  const parsed = parsePlanFile(text, planPath);
  if (!parsed.ok) {
    io.error(
      `方案文件 ${planPath} 有 ${parsed.problems.length} 个问题，未生成任何输出 / ${planPath} has ${parsed.problems.length} problem(s); nothing was written:`,
    );
    for (const problem of parsed.problems.slice(0, 50)) reportProblem(io, problem, '错误');
    return 2;
  }
  const { plan, warnings } = parsed;
  for (const warning of warnings) reportProblem(io, warning, '警告');

  const scenario = findScenario(plan.scenarios, options.scenario, plan.activeScenarioId);
  if (!scenario) {
    const names = plan.scenarios.map((s) => `“${s.name}”`).join('、');
    const namesEn = plan.scenarios.map((s) => `"${s.name}"`).join(', ');
    bilingual(
      io,
      plan.scenarios.length === 0
        ? { zh: `方案文件 ${planPath} 中没有任何方案。`, en: `Plan file ${planPath} holds no scenario.` }
        : {
            zh: `方案文件 ${planPath} 中没有名为“${options.scenario}”的方案。现有方案：${names}。`,
            en: `Plan file ${planPath} has no scenario named "${options.scenario}". Its scenarios: ${namesEn}.`,
          },
    );
    return 2;
  }

  const analysis = analyzePlan(plan.layers, plan.settings);
  const unclassified = analysis.problems.filter((p) => p.severity === 'error');
  for (const problem of unclassified.slice(0, 50)) {
    io.error(`  警告 [${problem.code}]`);
    bilingual(io, problem.message, '    ');
  }
  const context = prepareZoneContext(plan.layers, plan.settings.tolerance);
  const zoneMeasures = measureZones(scenario.zones, context);
  const indicators = scenarioIndicators(analysis.rows, zoneMeasures, scenario);

  const report = {
    format: INDICATORS_FORMAT,
    version: 1,
    plan: { file: planPath, name: plan.name },
    scenario: { id: scenario.id, name: scenario.name },
    areaMethod: AREA_METHOD,
    tolerance: plan.settings.tolerance,
    assumptions: scenario.assumptions,
    targets: SCENARIO_TARGETS,
    baseline: {
      industrialMu: analysis.baseline.industrialMu,
      controlShare: analysis.baseline.controlShare,
      outsideBoundaryMu: analysis.baseline.outsideBoundaryMu,
      plots: analysis.baseline.plots,
      unclassified: analysis.baseline.unclassified,
    },
    zones: scenario.zones.map((zone) => ({
      id: zone.id,
      name: zone.name,
      far: zone.far,
      year: zone.year,
      ...zoneMeasures[zone.id],
    })),
    overall: indicators.overall,
    byYear: indicators.byYear,
    warnings: [
      ...warnings.map((w) => ({ code: w.code, path: w.path, message: w.message })),
      ...unclassified.map((p) => ({ code: p.code, featureIndex: p.featureIndex, message: p.message })),
    ],
  };
  try {
    writeAtomically(out, `${JSON.stringify(report, null, 2)}\n`);
  } catch (error) {
    bilingual(io, {
      zh: `无法写入 ${out}：${(error as Error).message}`,
      en: `Cannot write ${out}: ${(error as Error).message}`,
    });
    return 2;
  }
  const { overall } = indicators;
  const percent = overall.controlShare === null ? '—' : `${(overall.controlShare * 100).toFixed(2)}%`;
  io.error(
    `方案“${scenario.name}”：控制线内占比 ${percent}，改造提升 ${overall.renovatedMu.toFixed(2)} 亩，` +
      `亩均税收 ${overall.renovatedTaxPerMu?.toFixed(2) ?? '—'} 万元，新增规上企业 ${overall.newAboveScaleFirms.toFixed(1)} 家，` +
      `违规 ${overall.violations.count} 处 → ${out}`,
  );
  return 0;
}

/**
 * `node --import tsx scripts/lib/plan-command.ts --plan … --out …` runs it on its own (not inside a
 * bundle's worker thread, whose argv names the bundle's own entry).
 */
function main(): void {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: { plan: { type: 'string' }, scenario: { type: 'string' }, out: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    console.error((error as Error).message);
    console.error(PLAN_USAGE);
    process.exit(2);
  }
  if (!values.plan || !values.out) {
    console.error('缺少参数 / missing arguments');
    console.error(PLAN_USAGE);
    process.exit(2);
  }
  process.exit(runPlanCommand({ plan: values.plan, out: values.out, scenario: values.scenario }));
}

if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
