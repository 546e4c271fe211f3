/**
 * Town submissions (镇街上报) on the command line, the split, with the same core as the page:
 *   npm run split -- --plan C.plan.json --out-dir towns/
 * writes one plan file per town of the city plan (`towns/<town>.plan.json`): the town's plots, its
 * action entries, receiving zones, transfers and direct quota in every scenario, and `derivedFrom`
 * (docs/plan-file.md), which `npm run merge` compares with the city plan. Bad input: a message on
 * stderr naming the file and the problem, exit code 2, and nothing written.
 */

import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { splitCityPlan } from '../src/core/chain/town-part.ts';
import { serializePlan } from '../src/core/plan/plan-file.ts';
import { failWith, readPlanArgument } from './lib/read-plan-argument.ts';
import { townFileName } from './lib/town-file-name.ts';
import { writeAtomically } from './lib/write-atomically.ts';

const USAGE = '用法 / usage: npm run split -- --plan C.plan.json --out-dir towns/';

function readArguments(): { plan: string; outDir: string } {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: { plan: { type: 'string' }, 'out-dir': { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    failWith([(error as Error).message, USAGE]);
  }
  if (!values.plan || !values['out-dir'])
    failWith(['缺少参数 --plan 或 --out-dir / missing --plan or --out-dir', USAGE]);
  return { plan: values.plan, outDir: values['out-dir'] };
}

function main(): void {
  const args = readArguments();
  const city = readPlanArgument(args.plan);
  if (city.derivedFrom)
    failWith([
      `方案文件 ${args.plan} 本身是“${city.derivedFrom.town}”的上报文件，不能再拆分：请拆分市级规划。`,
      `Plan file ${args.plan} is itself a part of ${city.derivedFrom.town}; split the city plan instead.`,
    ]);
  const parts = splitCityPlan(city, new Date().toISOString());
  if (parts.length === 0)
    failWith([
      `方案文件 ${args.plan} 中没有任何镇街（地块、承接区块、调剂和直接指标都没有镇街），未生成文件。`,
      `Plan file ${args.plan} names no town (no plot, zone, transfer or direct quota has one); nothing was written.`,
    ]);
  const written: string[] = [];
  try {
    mkdirSync(args.outDir, { recursive: true });
    for (const part of parts) {
      const path = join(args.outDir, townFileName(part.town));
      writeAtomically(path, serializePlan(part.plan));
      written.push(path);
    }
  } catch (error) {
    for (const path of written) rmSync(path, { force: true });
    failWith([
      `无法写入 ${args.outDir}：${(error as Error).message}`,
      `Cannot write ${args.outDir}: ${(error as Error).message}`,
    ]);
  }
  for (const [i, part] of parts.entries())
    console.error(
      `${part.town}：${part.plan.layers.plots.features.length} 个地块，${part.plan.scenarios.length} 个方案 → ${written[i]}`,
    );
}

main();
