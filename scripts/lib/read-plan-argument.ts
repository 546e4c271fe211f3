/**
 * Reading a plan file named on the command line: its problems on stderr (the file, the part, zh and
 * en) and exit code 2 when it cannot be read or is damaged; its warnings on stderr otherwise.
 */

import { readFileSync } from 'node:fs';
import { parsePlanFile } from '../../src/core/plan/parse-plan-file.ts';
import type { PlanFile } from '../../src/core/plan/plan-file.ts';
import type { Message } from '../../src/core/types.ts';

/** Prints `lines` on stderr and ends the process with exit code 2 (bad input: nothing written). */
export function failWith(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(2);
}

/** A message as its two lines, Chinese first. */
export function bilingual(message: Message): string[] {
  return [message.zh, message.en];
}

/**
 * The plan file at `path`, or exit code 2 with the reason.
 * @param notWritten what the command then does not write, for the message (default: nothing)
 */
export function readPlanArgument(
  path: string,
  notWritten: Message = { zh: '未生成任何输出', en: 'nothing was written' },
): PlanFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    failWith([
      `无法读取方案文件 ${path}：${(error as Error).message}`,
      `Cannot read plan file ${path}: ${(error as Error).message}`,
    ]);
  }
  const parsed = parsePlanFile(text, path);
  if (!parsed.ok)
    failWith([
      `方案文件 ${path} 有 ${parsed.problems.length} 个问题，${notWritten.zh} / ${path} has ${parsed.problems.length} problem(s); ${notWritten.en}:`,
      ...parsed.problems
        .slice(0, 50)
        .flatMap((p) => [
          `  错误 [${p.code}]${p.path ? ` ${p.path}` : ''}`,
          ...bilingual(p.message).map((l) => `    ${l}`),
        ]),
    ]);
  for (const warning of parsed.warnings)
    console.error(`  警告 [${warning.code}] ${warning.message.zh}\n    ${warning.message.en}`);
  return parsed.plan;
}

/** The names of a plan's scenarios, for a message: “甲”、“乙” and "甲", "乙". */
export function scenarioNames(plan: PlanFile): Message {
  return {
    zh: plan.scenarios.map((s) => `“${s.name}”`).join('、'),
    en: plan.scenarios.map((s) => `"${s.name}"`).join(', '),
  };
}
