import { describe, expect, it } from 'vitest';
import { suggestPlan } from '../../../test/support/suggest-plan.ts';
import { dualBound } from './dual-master.ts';
import { loadHighs } from './load-highs.ts';
import { buildSuggestModel } from './suggest-model.ts';

describe('dualBound', () => {
  it('finds a bound from zero prices at 20,000 plots, where penalties of 1e10 made HiGHS fail', async () => {
    const highs = await loadHighs();
    const input = suggestPlan({ plots: 20000, seed: 7 });
    const model = buildSuggestModel(input.rows, input.zoneMeasures, input.base, input.planning);
    const dual = dualBound(highs, model, { deadline: Number.POSITIVE_INFINITY, relGap: 1e-4 });
    // The LP relaxation of this plan is 1,021,262.1 万元 (HiGHS, every plot's row; 24 s).
    expect(dual.bound).toBeLessThanOrEqual(1021262.2);
    expect(dual.bound).toBeGreaterThan(1021262.1 * (1 - 2e-4));
    expect(dual.masterValue).toBeGreaterThanOrEqual(dual.bound);
  }, 300_000);
});
