import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlanCommand } from '../../scripts/lib/plan-command.ts';

const root = new URL('../../', import.meta.url).pathname;

/** The keys plan file version 2 added to indicators.json (docs/plan-file.md), removed again. */
function withoutVersion2Keys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutVersion2Keys);
  if (typeof value !== 'object' || value === null) return value;
  const added = new Set([
    'upgradeSubsidyWan',
    'relocationSubsidyWan',
    'disturbedFirms',
    'upgradeSubsidyWanPerMu',
    'relocationSubsidyWanPerMu',
  ]);
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !added.has(key))
      .map(([key, item]) => [key, withoutVersion2Keys(item)]),
  );
}

describe('a version-1 plan read as version 2', () => {
  it('gives every figure of indicators.json that version 1 gave, to the last digit', () => {
    // small-v1.indicators-v1.json: `npm run analyze -- --plan test/fixtures/plans/small-v1.plan.json`
    // written by the app before plan file version 2.
    const out = join(mkdtempSync(join(tmpdir(), 'plan-v2-')), 'indicators.json');
    const plan = 'test/fixtures/plans/small-v1.plan.json';
    const cwd = process.cwd();
    process.chdir(root);
    try {
      expect(runPlanCommand({ plan, out }, { error: () => {} })).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const now = JSON.parse(readFileSync(out, 'utf8'));
    const before = JSON.parse(
      readFileSync(join(root, 'test/fixtures/plans/small-v1.indicators-v1.json'), 'utf8'),
    );
    expect(withoutVersion2Keys(now)).toStrictEqual(before);
    // The new figures are there, each from its own sum.
    expect(now.overall.money.upgradeSubsidyWan).toBeGreaterThan(0);
    expect(now.overall.parts.disturbedFirms).toBe(20);
  });
});
