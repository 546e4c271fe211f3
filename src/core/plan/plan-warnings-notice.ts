/**
 * What the page says after opening a plan file that needed warnings (the command line prints the
 * same warnings one per line): actions on unknown plots dropped, zones left out or repaired, ….
 */
import type { Message } from '../types.ts';
import type { PlanProblem } from './plan-problems.ts';

/** Warnings listed in the notice; the rest are counted. */
const SHOWN_WARNINGS = 5;

/**
 * The notice for a plan opened with warnings, or null when there were none.
 * @param fileName the plan file's name
 * @param warnings `parsePlanFile`'s warnings
 */
export function planWarningsNotice(fileName: string, warnings: readonly PlanProblem[]): Message | null {
  if (warnings.length === 0) return null;
  const shown = warnings.slice(0, SHOWN_WARNINGS);
  const rest = warnings.length - shown.length;
  return {
    zh: [
      `规划文件 ${fileName} 已打开，有 ${warnings.length} 条提示：`,
      ...shown.map((w) => w.message.zh),
      ...(rest > 0 ? [`……另有 ${rest} 条`] : []),
    ].join('\n'),
    en: [
      `The plan file ${fileName} was opened with ${warnings.length} warning(s):`,
      ...shown.map((w) => w.message.en),
      ...(rest > 0 ? [`… and ${rest} more`] : []),
    ].join('\n'),
  };
}
