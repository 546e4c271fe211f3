/**
 * The review bundle (审阅包) on the command line, the same file as the page's 导出 → 审阅包
 * (docs/review-bundle.md):
 *   npm run bundle -- --plan P.plan.json --out review.html [--app dist-single/index.html]
 * review.html is the single-file app with the plan inside; opened from disk it shows the plan in
 * review mode. The app is `--app`, else dist-single/index.html, built first (`npm run build:single`,
 * a minute or more) when it is missing or older than a source. Bad input: a message on stderr naming
 * the file and the problem, exit code 2, and nothing written.
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serializePlan } from '../src/core/plan/plan-file.ts';
import { embedReviewPlan, reviewPlanKey, singleFileAppProblem } from '../src/core/review/review-bundle.ts';
import { failWith as fail, readPlanArgument } from './lib/read-plan-argument.ts';
import { buildSingleFileApp } from './lib/single-file-app.ts';
import { writeAtomically } from './lib/write-atomically.ts';

const USAGE =
  '用法 / usage: npm run bundle -- --plan P.plan.json --out review.html [--app dist-single/index.html]';

/** The project folder: the nearest folder above this script (or its bundle in .cache/cli/) with a package.json. */
function projectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

interface Arguments {
  plan: string;
  out: string;
  app?: string;
}

function readArguments(): Arguments {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: { plan: { type: 'string' }, out: { type: 'string' }, app: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    fail([(error as Error).message, USAGE]);
  }
  if (!values.plan || !values.out) fail(['缺少参数 --plan 或 --out / missing --plan or --out', USAGE]);
  if (resolve(values.out) === resolve(values.plan))
    fail([
      `--out 不能与 --plan 相同（${values.out}）：审阅包写入新文件，方案文件保持不变。`,
      `--out must differ from --plan (${values.out}): the bundle goes to a new file and the plan file stays as it is.`,
    ]);
  return { plan: values.plan, out: values.out, ...(values.app !== undefined ? { app: values.app } : {}) };
}

function readApp(path: string): string {
  let html: string;
  try {
    html = readFileSync(path, 'utf8');
  } catch (error) {
    fail([
      `无法读取单文件版 ${path}：${(error as Error).message}`,
      `Cannot read the single-file app ${path}: ${(error as Error).message}`,
    ]);
  }
  const problem = singleFileAppProblem(html);
  if (problem)
    fail([
      `${path} 不是单文件版（npm run build:single 生成的 dist-single/index.html），无法生成审阅包（${problem}）。`,
      `${path} is not the single-file app (dist-single/index.html from npm run build:single): ${problem}.`,
    ]);
  return html;
}

/** dist-single/index.html, built first when it is missing or older than a source of the app. */
async function builtSingleFile(root: string): Promise<string> {
  try {
    return await buildSingleFileApp(root);
  } catch {
    console.error('单文件版构建失败，未生成审阅包。 / The single-file build failed; no bundle was written.');
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const args = readArguments();
  const plan = readPlanArgument(args.plan, { zh: '未生成审阅包', en: 'no bundle was written' });
  const app = readApp(args.app ?? (await builtSingleFile(projectRoot())));
  const planText = serializePlan(plan);
  const bundle = embedReviewPlan(app, planText, reviewPlanKey(plan));
  try {
    writeAtomically(args.out, bundle);
  } catch (error) {
    fail([
      `无法写入 ${args.out}：${(error as Error).message}`,
      `Cannot write ${args.out}: ${(error as Error).message}`,
    ]);
  }
  const megabytes = (Buffer.byteLength(bundle) / 1e6).toFixed(1);
  console.error(
    `审阅包“${plan.name}”（${plan.scenarios.length} 个方案、${plan.slides?.length ?? 0} 页汇报）→ ${args.out}（${megabytes} MB）\n` +
      `Review bundle of “${plan.name}” (${plan.scenarios.length} scenarios, ${plan.slides?.length ?? 0} slides) → ${args.out} (${megabytes} MB)`,
  );
}

void main();
