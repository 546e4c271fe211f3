import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './parse-plan-file.ts';
import { serializePlan } from './plan-file.ts';
import type { PlanSuggestion } from './plan-suggestions.ts';

const fixture = () =>
  JSON.parse(
    readFileSync(new URL('../../../test/fixtures/plans/small-v3.plan.json', import.meta.url), 'utf8'),
  );

/** An accepted suggestion of the fixture's first scenario, as the page keeps it. */
function suggestionOf(data: {
  scenarios: { id: string; actions: Record<string, { action: string; year: number }> }[];
}) {
  const [scenario] = data.scenarios;
  if (!scenario) throw new Error('the fixture has no scenario');
  const [plotId, entry] = Object.entries(scenario.actions)[0] ?? [];
  if (!plotId || !entry) throw new Error('the fixture scenario has no action');
  const suggestion: PlanSuggestion = {
    baseScenarioId: 'base',
    status: 'feasible',
    objective: 1234.5,
    bound: 1230,
    gap: 0.0036,
    actions: [
      {
        plotId,
        action: entry.action as PlanSuggestion['actions'][number]['action'],
        year: entry.year as PlanSuggestion['actions'][number]['year'],
        explanation: {
          zh: `建议 ${entry.year}：开发边界外`,
          en: `Suggested ${entry.year}: outside the boundary`,
        },
      },
    ],
  };
  return { id: scenario.id, suggestion };
}

describe('the plan file’s accepted suggestions (suggestions)', () => {
  it('are written and read back as they were', () => {
    const data = fixture();
    const { id, suggestion } = suggestionOf(data);
    data.suggestions = { [id]: suggestion };
    const first = parsePlanFile(JSON.stringify(data), 'with.plan.json');
    if (!first.ok) throw new Error(first.problems.map((p) => p.message.en).join('\n'));
    expect(first.plan.suggestions).toEqual({ [id]: suggestion });
    expect(first.warnings).toEqual([]);
    const again = parsePlanFile(serializePlan(first.plan), 'again.plan.json');
    expect(again.ok && again.plan.suggestions).toEqual({ [id]: suggestion });
  });

  it('are absent in a plan without any, and a damaged entry or one of no scenario is left out with a warning', () => {
    const plain = parsePlanFile(JSON.stringify(fixture()), 'plain.plan.json');
    expect(plain.ok && plain.plan.suggestions).toBeUndefined();
    const data = fixture();
    const { id, suggestion } = suggestionOf(data);
    data.suggestions = {
      [id]: suggestion,
      gone: suggestion,
      broken: { ...suggestion, status: 'perfect' },
    };
    const result = parsePlanFile(JSON.stringify(data), 'damaged.plan.json');
    if (!result.ok) throw new Error('the plan must open');
    expect(result.plan.suggestions).toEqual({ [id]: suggestion });
    const warned = result.warnings.filter((w) => w.path?.startsWith('suggestions.'));
    expect(warned.map((w) => w.path)).toEqual(['suggestions.gone', 'suggestions.broken']);
    expect(warned[0]?.message.zh).toContain('damaged.plan.json');
    expect(warned[1]?.message.en).toContain('not a whole plan suggestion');
  });
});
