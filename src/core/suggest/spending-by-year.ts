import type { ScenarioFigures } from '../scenario/indicators/scenario-figures.ts';

/**
 * Spending in each year (万元): the growth of the cost figures of the objective (money.acquisitionWan
 * + demolitionWan + rewardWan + upgradeSubsidyWan + relocationSubsidyWan) over the year before.
 * @param figures cumulative figures of consecutive years
 */
export function spendingByYear(figures: readonly ScenarioFigures[]): number[] {
  const total = (f: ScenarioFigures) =>
    f.money.acquisitionWan +
    f.money.demolitionWan +
    f.money.rewardWan +
    f.money.upgradeSubsidyWan +
    f.money.relocationSubsidyWan;
  return figures.map((f, k) => total(f) - (k > 0 ? total(figures[k - 1] as ScenarioFigures) : 0));
}
