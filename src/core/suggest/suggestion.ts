/**
 * What suggestScenario returns: the suggested scenario and the proof of its quality (objective,
 * lower bound, gap), the constraints that bind with their prices, the shortfalls when the targets
 * cannot all be met, and one plain-words explanation per suggested action. Plain data
 * (structured-clonable), so it crosses a worker boundary as it is.
 */

import type { PlotAction } from '../catalogue/action-catalogue.ts';
import type { PlanYear, Scenario } from '../scenario/scenario.ts';
import type { Message } from '../types.ts';

/**
 * `optimal`: proven best (gap ≤ 1e-6); `feasible`: meets every enabled target and constraint, with
 * the proven gap; `infeasible`: the targets cannot all be met — the scenario comes as close as it
 * can (see `shortfalls`) and `bound`/`gap` are null.
 */
export type SuggestStatus = 'optimal' | 'feasible' | 'infeasible';

/** The kinds of constraint rows of the model (docs/suggest.md "Constraints"). */
export type ConstraintKind =
  | 'controlShare'
  | 'renovatedMu'
  | 'renovatedTaxPerMu'
  | 'renovatedTaxBase'
  | 'newAboveScaleFirms'
  | 'quota'
  | 'capacity'
  | 'budget'
  | 'transferLimit'
  | 'violations'
  | 'rule';

/** A constraint that binds: relaxing it by one unit would lower the objective by `priceWan`. */
export interface BindingConstraint {
  kind: ConstraintKind;
  /** The year of the row (the last year for targets without milestones). */
  year: PlanYear;
  /** Town (quota) or zone id (capacity), when the row has one. */
  subject?: string;
  /** Unit of one step: 亩, 'm2', 万元, share (0.01 = one percentage point), firms. */
  unit: 'mu' | 'm2' | 'wan' | 'percentPoint' | 'firms' | 'wanPerMu';
  /** Objective saved per unit relaxed (the LP shadow price, objective units, 万元 for the cost objective). */
  priceWan: number;
  /** In plain words: "one more 亩 of receiving zone in 龙山镇 would save about 38 万元". */
  message: Message;
}

/** A target or constraint the suggestion could not meet. */
export interface Shortfall {
  kind: ConstraintKind;
  year: PlanYear;
  subject?: string;
  /** The value required and the best the suggestion reached (in the target's own unit). */
  required: number;
  reached: number;
  /** What holds it back, in the model's terms (zone capacity, quota, budget, rules). */
  limitedBy: ConstraintKind[];
  message: Message;
}

/** One plot whose action the suggestion sets (plots it leaves as in the base scenario are not listed). */
export interface SuggestedAction {
  plotId: string;
  action: PlotAction;
  year: PlanYear;
  zoneId?: string;
  lease?: { years: number };
  /** "搬迁入园 2024：开发边界外，亩均税收 2.1 万元/亩，迁入承接区块 3，剩余容量 1.2 万平方米". */
  explanation: Message;
}

/** Progress of a run, for a progress bar. */
export interface SuggestProgress {
  /** 0…1. */
  done: number;
  stage: 'model' | 'bound' | 'plan' | 'check';
  /** Best objective and bound so far (null until known). */
  objective: number | null;
  bound: number | null;
}

export interface Suggestion {
  status: SuggestStatus;
  /** The objective of the suggested scenario (docs/suggest.md), from its ordinary indicators. */
  objective: number;
  /** A proven lower bound of the objective over every plan meeting the targets; null when infeasible. */
  bound: number | null;
  /** (objective − bound) / max(|objective|, 1e-9); null when infeasible. */
  gap: number | null;
  binding: BindingConstraint[];
  shortfalls: Shortfall[];
  /** Actions of the unlocked plots that differ from keep, one per plot. */
  actions: SuggestedAction[];
  /** The base scenario with the suggested actions (and proposed transfers), under a new id and name. */
  scenario: Scenario;
  /** What the run did: seconds, the method that proved the bound, iterations. */
  stats: {
    seconds: number;
    method: 'exact-milp' | 'lagrangian';
    iterations: number;
    plots: number;
    options: number;
  };
}
