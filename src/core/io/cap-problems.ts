/** Keeps problem lists readable: at most N problems of each code, plus one summary per code cut. */
import type { Problem } from '../types.ts';
import { formatCount } from './describe-feature.ts';

/**
 * The default number of problems listed per code. A broken 100,000-feature file then lists at
 * most 1,000 problems of each kind; the rest are counted in one `too-many-problems` summary.
 */
export const DEFAULT_MAX_PROBLEMS_PER_CODE = 1000;

/**
 * Keeps the first `maxPerCode` problems of each code (in order) and appends, for each code that was
 * cut, one summary problem with code `too-many-problems`, featureIndex -1, the severity of the
 * worst problem left out, and the number left out in its message.
 * @param problems problems in report order
 * @param maxPerCode how many to keep per code (at least 1)
 * @returns a new list
 */
export function capProblems(
  problems: readonly Problem[],
  maxPerCode = DEFAULT_MAX_PROBLEMS_PER_CODE,
): Problem[] {
  const limit = Math.max(
    1,
    Math.floor(Number.isFinite(maxPerCode) ? maxPerCode : DEFAULT_MAX_PROBLEMS_PER_CODE),
  );
  const kept: Problem[] = [];
  const counts = new Map<string, number>();
  const dropped = new Map<string, { count: number; severity: Problem['severity'] }>();
  for (const problem of problems) {
    const seen = counts.get(problem.code) ?? 0;
    counts.set(problem.code, seen + 1);
    if (seen < limit) {
      kept.push(problem);
      continue;
    }
    const entry = dropped.get(problem.code) ?? { count: 0, severity: 'warning' };
    entry.count++;
    if (problem.severity === 'error') entry.severity = 'error';
    dropped.set(problem.code, entry);
  }
  for (const [code, { count, severity }] of dropped) {
    const listed = formatCount(limit);
    const more = formatCount(count);
    kept.push({
      code: 'too-many-problems',
      severity,
      featureIndex: -1,
      message: {
        zh: `另有 ${more} 个「${code}」问题未列出（每类最多列出 ${listed} 个）；请先修复上面列出的问题`,
        en: `${more} more "${code}" problems are not listed (at most ${listed} per kind); fix the listed ones first.`,
      },
    });
  }
  return kept;
}
