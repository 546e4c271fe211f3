/**
 * Town submissions (镇街上报) on the command line, the merge, with the same core as the page:
 *   npm run merge -- --city C.plan.json --town a.plan.json [--town b.plan.json …] --out M.plan.json
 *                    [--report merge.json] [--prefer town|city]
 * Merges the town parts (made by `npm run split` or the page's 导出镇街部分) into the city plan and
 * writes M.plan.json; merge.json lists per town what it replaces and every conflict
 * (src/core/chain/merge-town-parts.ts). Conflicts left unresolved: no M.plan.json, the report (when
 * asked for) and the conflicts on stderr, exit code 3; `--prefer town` takes the towns' versions,
 * `--prefer city` keeps the city plan's. Bad input: a message on stderr, exit code 2, nothing written.
 */

import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyzePlan } from '../src/core/analysis/analyze-plan.ts';
import {
  checkSubmissions,
  type MergeOutcome,
  mergeTownParts,
  type TownDecision,
  type TownSubmission,
} from '../src/core/chain/merge-town-parts.ts';
import { serializePlan } from '../src/core/plan/plan-file.ts';
import { AREA_METHOD } from '../src/core/settings.ts';
import { bilingual, failWith, readPlanArgument } from './lib/read-plan-argument.ts';
import { writeAtomically } from './lib/write-atomically.ts';

const USAGE =
  '用法 / usage: npm run merge -- --city C.plan.json --town a.plan.json [--town b.plan.json …] --out M.plan.json [--report merge.json] [--prefer town|city]';

/** The format tag of the report. */
export const MERGE_FORMAT = 'industrial-land-plan-merge';

interface Arguments {
  city: string;
  towns: string[];
  out: string;
  report?: string;
  prefer?: 'town' | 'city';
}

function readArguments(): Arguments {
  let values: { city?: string; town?: string[]; out?: string; report?: string; prefer?: string };
  try {
    ({ values } = parseArgs({
      options: {
        city: { type: 'string' },
        town: { type: 'string', multiple: true },
        out: { type: 'string' },
        report: { type: 'string' },
        prefer: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    failWith([(error as Error).message, USAGE]);
  }
  if (!values.city || !values.out || !values.town?.length)
    failWith(['缺少参数 --city、--town 或 --out / missing --city, --town or --out', USAGE]);
  if (values.prefer !== undefined && values.prefer !== 'town' && values.prefer !== 'city')
    failWith([
      `--prefer 应为 town 或 city，实际为 ${values.prefer}`,
      `--prefer must be town or city; got ${values.prefer}`,
    ]);
  const inputs = [values.city, ...values.town];
  for (const output of [values.out, values.report])
    if (output !== undefined && inputs.includes(output))
      failWith([
        `输出文件 ${output} 不能是被合并的方案文件：合并结果写入新文件。`,
        `The output ${output} must not be one of the merged plan files: the merge goes to a new file.`,
      ]);
  return {
    city: values.city,
    towns: values.town,
    out: values.out,
    ...(values.report !== undefined ? { report: values.report } : {}),
    ...(values.prefer !== undefined ? { prefer: values.prefer as 'town' | 'city' } : {}),
  };
}

function reportOf(args: Arguments, cityName: string, outcome: MergeOutcome) {
  const conflicts = outcome.towns.flatMap((town) => town.conflicts);
  return {
    format: MERGE_FORMAT,
    version: 1,
    areaMethod: AREA_METHOD,
    city: { file: args.city, name: cityName },
    out: outcome.unresolved > 0 ? null : args.out,
    prefer: args.prefer ?? null,
    summary: {
      towns: outcome.towns.length,
      applied: outcome.towns.filter((town) => town.applied).length,
      changes: outcome.towns.reduce((sum, town) => sum + town.changes.length, 0),
      conflicts: conflicts.length,
      unresolved: outcome.unresolved,
      byKind: Object.fromEntries(
        [...new Set(conflicts.map((c) => c.kind))].map((kind) => [
          kind,
          conflicts.filter((c) => c.kind === kind).length,
        ]),
      ),
    },
    towns: outcome.towns,
  };
}

function write(path: string, text: string): void {
  try {
    writeAtomically(path, text);
  } catch (error) {
    rmSync(path, { force: true });
    failWith([
      `无法写入 ${path}：${(error as Error).message}`,
      `Cannot write ${path}: ${(error as Error).message}`,
    ]);
  }
}

function main(): void {
  const args = readArguments();
  const city = readPlanArgument(args.city);
  const submissions: TownSubmission[] = args.towns.map((fileName) => ({
    fileName,
    plan: readPlanArgument(fileName),
  }));
  const problems = checkSubmissions(submissions);
  if (problems.length > 0) failWith(problems.flatMap(bilingual));
  const rows = analyzePlan(city.layers, city.settings).rows;
  const decideAll = (decision: TownDecision) =>
    Object.fromEntries(submissions.map((s) => [s.plan.derivedFrom?.town ?? '', decision]));
  let outcome = mergeTownParts(city, rows, submissions, args.prefer ? decideAll(args.prefer) : {});
  // Nothing to decide: every town is taken as it is.
  if (!args.prefer && outcome.unresolved === 0)
    outcome = mergeTownParts(city, rows, submissions, decideAll('town'));
  const report = reportOf(args, city.name, outcome);
  if (outcome.unresolved > 0) {
    if (args.report) write(args.report, `${JSON.stringify(report, null, 2)}\n`);
    console.error(
      `有 ${outcome.unresolved} 处冲突未解决，未写入 ${args.out}${args.report ? `（冲突见 ${args.report}）` : ''}。用 --prefer town 或 --prefer city 统一处理，或修改上报文件后重新合并。`,
    );
    console.error(
      `${outcome.unresolved} conflicts are unresolved; ${args.out} was not written${args.report ? ` (see ${args.report})` : ''}. Resolve them with --prefer town or --prefer city, or edit the town files and merge again.`,
    );
    for (const conflict of outcome.towns.flatMap((town) => town.conflicts))
      console.error(`  [${conflict.kind}] ${conflict.message.zh}\n    ${conflict.message.en}`);
    process.exit(3);
  }
  write(args.out, serializePlan(outcome.plan));
  if (args.report) write(args.report, `${JSON.stringify(report, null, 2)}\n`);
  for (const town of outcome.towns)
    console.error(
      `${town.town}（${town.fileName}）：${town.applied ? `合并 ${town.changes.length} 处修改` : '未合并'}，${town.conflicts.length} 处冲突`,
    );
  console.error(`→ ${args.out}`);
}

main();
