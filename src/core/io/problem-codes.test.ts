import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../types.ts';
import { parseGeoJsonText } from './parse-geojson.ts';
import { IO_PROBLEM_CODES } from './problem-codes.ts';
import { validateLayer } from './validate-layer.ts';

const BAD_INPUT = new URL('../../../test/fixtures/bad-input/', import.meta.url);

describe('IO_PROBLEM_CODES', () => {
  it('lists every code the fixtures produce, with the severity they have', () => {
    const problems: Problem[] = [];
    for (const name of readdirSync(BAD_INPUT).filter((file) => file.endsWith('.geojson'))) {
      const parsed = parseGeoJsonText(readFileSync(new URL(name, BAD_INPUT), 'utf8'), name);
      problems.push(...parsed.problems);
      if (parsed.ok) problems.push(...validateLayer(parsed.value, 'plots').problems);
    }
    expect(problems.length).toBeGreaterThanOrEqual(14);
    for (const problem of problems) {
      const info = (IO_PROBLEM_CODES as Record<string, { severity: string }>)[problem.code];
      expect(info, problem.code).toBeDefined();
      if (info?.severity !== 'depends') expect(problem.severity, problem.code).toBe(info?.severity);
    }
  });

  it('has every fixture named in the fixture README with the code it produces', () => {
    const readme = readFileSync(new URL('README.md', BAD_INPUT), 'utf8');
    for (const name of readdirSync(BAD_INPUT).filter((file) => file.endsWith('.geojson'))) {
      const parsed = parseGeoJsonText(readFileSync(new URL(name, BAD_INPUT), 'utf8'), name);
      const problems = parsed.ok ? validateLayer(parsed.value, 'plots').problems : parsed.problems;
      const row = readme.split('\n').find((line) => line.includes(`\`${name}\``));
      expect(row, name).toBeDefined();
      for (const problem of problems) expect(row, name).toContain(`\`${problem.code}\``);
    }
  });
});
