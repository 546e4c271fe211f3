import { describe, expect, it } from 'vitest';
import { plotRow } from '../../../test/fixtures/plot-rows.ts';
import { createScenario } from '../scenario/scenario.ts';
import { improveChoice } from './improve-choice.ts';
import { choiceActivity } from './lagrangian.ts';
import { shortRows } from './repair-choice.ts';
import { buildSuggestModel, type SuggestModel } from './suggest-model.ts';
import { Variant } from './suggest-options.ts';
import { defaultPlanningSettings, TARGET_KEYS } from './suggest-settings.ts';
import { swapImprove } from './swap-improve.ts';

/** Plot i's option of this variant. */
function optionOf(model: SuggestModel, i: number, variant: number): number {
  const { options } = model;
  for (let o = options.optStart[i] as number; o < (options.optStart[i + 1] as number); o++)
    if (options.variant[o] === variant) return o;
  throw new Error(`plot ${i} has no option ${variant}`);
}

/**
 * Two plots of 11 亩 and a target of 10 renovated 亩. A lies outside the boundary (R2: it may be kept
 * or vacated, not upgraded); vacating it (demolishing 20,000 m² at the default rate, 300 万元) costs
 * far more than upgrading B (11 亩 × the upgrade subsidy, 110 万元; vacating B: 225 万元).
 */
function twoPlots(): SuggestModel {
  const rows = [
    plotRow(0, 'A', '甲镇', 11, 'outside', 0, { floorAreaM2: 20000 }),
    plotRow(1, 'B', '甲镇', 11, 'boundary', 0, { floorAreaM2: 15000 }),
  ];
  const planning = defaultPlanningSettings();
  for (const key of TARGET_KEYS) planning.targets[key].enabled = key === 'renovatedMu';
  planning.targets.renovatedMu.value = 10;
  planning.suggestion.rules.firmsMoveToZones = false;
  return buildSuggestModel(rows, {}, createScenario('s', '基础方案'), planning);
}

describe('swapImprove', () => {
  it('trades a dear plot that meets a target for a cheaper one that meets it too, which single moves cannot', () => {
    const model = twoPlots();
    const vacateA = optionOf(model, 0, Variant.Vacate);
    const upgradeB = optionOf(model, 1, Variant.Upgrade);
    const start = Int32Array.from([vacateA, optionOf(model, 1, Variant.Keep)]);
    expect(shortRows(model, choiceActivity(model, start).activity)).toEqual([]);
    // A single move (A kept) leaves the target short: nothing to improve one plot at a time.
    expect([...improveChoice(model, start, [])]).toEqual([...start]);
    const swapped = swapImprove(model, start, [], Number.POSITIVE_INFINITY);
    expect([...swapped]).toEqual([optionOf(model, 0, Variant.Keep), upgradeB]);
    const { activity, cost } = choiceActivity(model, swapped);
    expect(shortRows(model, activity)).toEqual([]);
    expect(cost).toBeLessThan(choiceActivity(model, start).cost);
  });

  it('keeps a plan that is already the cheapest as it is', () => {
    const model = twoPlots();
    const best = Int32Array.from([optionOf(model, 0, Variant.Keep), optionOf(model, 1, Variant.Upgrade)]);
    expect([...swapImprove(model, best, [], Number.POSITIVE_INFINITY)]).toEqual([...best]);
  });
});
