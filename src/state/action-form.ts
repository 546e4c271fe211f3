/**
 * The action form of the scenario panel: where its plots come from, the action entry the form
 * describes (or why it cannot be made), and how many plots already have each action.
 */

import { PLOT_ACTIONS, type PlotAction } from '../core/catalogue/action-catalogue.ts';
import { parseNumberText } from '../core/parse-number-text.ts';
import { type ActionEntry, actionOf, type PlanYear, type Scenario } from '../core/scenario/scenario.ts';
import type { Message } from '../core/types.ts';

/** Where the plots of an action come from. */
export type ActionSource = 'picked' | 'selected' | 'filter';

const SOURCE_ORDER: readonly ActionSource[] = ['picked', 'selected', 'filter'];

/** The source chosen when it has plots, else the first of picked → selected → filter that has some. */
export function resolveActionSource(
  chosen: ActionSource | null,
  counts: Readonly<Record<ActionSource, number>>,
): ActionSource {
  if (chosen !== null && counts[chosen] > 0) return chosen;
  return SOURCE_ORDER.find((source) => counts[source] > 0) ?? chosen ?? 'picked';
}

/** What the action form holds. */
export interface ActionForm {
  action: PlotAction;
  year: PlanYear;
  /** relocate: the receiving zone; '' = none named. */
  zoneId: string;
  /** acquire: lease instead of buying. */
  isLease: boolean;
  /** acquire with lease: the years as typed. */
  leaseYears: string;
}

/**
 * The entry the form describes (null = keep, i.e. no entry), or why it cannot be made. A zone only
 * goes with relocate and a lease only with acquire, whatever the form still holds.
 */
export function buildActionEntry(
  form: ActionForm,
): { entry: ActionEntry | null; problem?: undefined } | { entry?: undefined; problem: Message } {
  if (form.action === 'keep') return { entry: null };
  const entry: ActionEntry = { action: form.action, year: form.year };
  if (form.action === 'relocate' && form.zoneId !== '') entry.zoneId = form.zoneId;
  if (form.action === 'acquire' && form.isLease) {
    const years = parseNumberText(form.leaseYears);
    if (years.kind !== 'number' || !(years.value > 0))
      return {
        problem: {
          zh: `租赁年限须为正数：${form.leaseYears.trim() || '（空）'}`,
          en: `the lease must last a positive number of years: ${form.leaseYears.trim() || '(empty)'}`,
        },
      };
    entry.lease = { years: years.value };
  }
  return { entry };
}

/** How many of `plotIds` have each action in `scenario` (no entry = keep). */
export function countActions(scenario: Scenario, plotIds: readonly string[]): Record<PlotAction, number> {
  const counts = Object.fromEntries(PLOT_ACTIONS.map((action) => [action, 0])) as Record<PlotAction, number>;
  for (const plotId of plotIds) counts[actionOf(scenario, plotId)]++;
  return counts;
}
