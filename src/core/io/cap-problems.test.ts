import { describe, expect, it } from 'vitest';
import type { Problem } from '../types.ts';
import { capProblems } from './cap-problems.ts';

function problem(code: string, featureIndex: number, severity: Problem['severity'] = 'error'): Problem {
  return {
    code,
    severity,
    featureIndex,
    message: { zh: `${code} ${featureIndex}`, en: `${code} ${featureIndex}` },
  };
}

describe('capProblems', () => {
  it('keeps the first N of each code and summarises the rest per code', () => {
    const problems = [
      ...Array.from({ length: 2500 }, (_, i) => problem('self-intersection', i)),
      problem('missing-id', 3, 'warning'),
    ];
    const capped = capProblems(problems, 1000);
    expect(capped).toHaveLength(1002);
    expect(capped.filter((p) => p.code === 'self-intersection').map((p) => p.featureIndex)).toEqual(
      Array.from({ length: 1000 }, (_, i) => i),
    );
    const summary = capped.at(-1);
    expect(summary).toMatchObject({ code: 'too-many-problems', severity: 'error', featureIndex: -1 });
    expect(summary?.message.zh).toContain('另有 1,500 个「self-intersection」问题未列出');
    expect(summary?.message.en).toContain('1,500 more "self-intersection" problems');
  });

  it('changes nothing under the cap', () => {
    const problems = [problem('a', 0), problem('b', 1)];
    expect(capProblems(problems, 1)).toEqual(problems);
  });
});
