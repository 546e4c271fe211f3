/**
 * What the plan suggestion (方案建议) is asked for, stored with the plan (plan file version 2):
 * the horizon and the targets (settings of the plan), and the suggestion's own settings — rules the
 * planner can switch, the quota transfers it may propose, a yearly budget, the objective and the
 * plots the planner has locked. The defaults are the policy's (R1, R7) and examples elsewhere.
 */

import { FIRST_PLAN_YEAR, LAST_PLAN_YEAR, type PlanYear } from '../scenario/scenario.ts';

/** One target: whether the suggestion must meet it, and its value. */
export interface TargetSetting {
  enabled: boolean;
  value: number;
}

/** The four targets of the policy (R1, R7), each switchable, by the last year of the horizon. */
export interface PlanTargets {
  /** R1: share of industrial land inside control lines (0…1), 0.80. */
  controlShare: TargetSetting;
  /** R7: 亩 renovated, 10,000. */
  renovatedMu: TargetSetting;
  /** R7: tax per 亩 of renovated land, 万元/亩, 15. */
  renovatedTaxPerMu: TargetSetting;
  /** R7: new firms above designated size, 200. */
  newAboveScaleFirms: TargetSetting;
  /**
   * Milestones for the earlier years: `none` (the targets bind only in the last year) or `linear`
   * (a straight line from the baseline value in the year before the first year to the target in the
   * last year, for renovatedMu and newAboveScaleFirms; the ratios controlShare and renovatedTaxPerMu
   * bind in the last year only).
   */
  milestones: 'none' | 'linear';
}

/** Keys of the targets, in the order the policy lists them. */
export type TargetKey = 'controlShare' | 'renovatedMu' | 'renovatedTaxPerMu' | 'newAboveScaleFirms';
export const TARGET_KEYS: readonly TargetKey[] = Object.freeze([
  'controlShare',
  'renovatedMu',
  'renovatedTaxPerMu',
  'newAboveScaleFirms',
]);

/** The years of the action plan: actions, zones and targets count in firstYear…lastYear. */
export interface PlanHorizon {
  firstYear: PlanYear;
  lastYear: PlanYear;
}

export const DEFAULT_HORIZON: Readonly<PlanHorizon> = Object.freeze({
  firstYear: FIRST_PLAN_YEAR,
  lastYear: LAST_PLAN_YEAR,
});

export const DEFAULT_TARGETS: Readonly<PlanTargets> = Object.freeze({
  controlShare: Object.freeze({ enabled: true, value: 0.8 }),
  renovatedMu: Object.freeze({ enabled: true, value: 10_000 }),
  renovatedTaxPerMu: Object.freeze({ enabled: true, value: 15 }),
  newAboveScaleFirms: Object.freeze({ enabled: true, value: 200 }),
  milestones: 'none',
});

/** Rules the planner can switch. */
export interface SuggestRules {
  /** R2: no upgrade or acquisition of plots wholly outside the boundary (status `outside`). On by default. */
  noRenewalOutsideBoundary: boolean;
  /** Plots flagged `safetyRisk` or `pollution` may not be kept. */
  noKeepRiskOrPollution: boolean;
  /** Plots inside the control lines (status `control`) are not vacated or relocated. */
  keepControlLand: boolean;
  /** The firms of a plot that has any (firms, above-scale firms or tax > 0) move into a zone: such a plot is relocated, never vacated. */
  firmsMoveToZones: boolean;
  /** A plot may be kept only with at least this tax per 亩 (万元/亩); null: no minimum. Plots without a tax figure may be kept. */
  minKeepTaxPerMu: number | null;
}

/** Weights of the objective (minimised): a documented sum of figures that indicators.json shows. */
export interface ObjectiveWeights {
  /** Public cost, 万元: money.acquisitionWan + demolitionWan + rewardWan + upgradeSubsidyWan + relocationSubsidyWan. */
  costWan: number;
  /** Firms disturbed: parts.disturbedFirms (firms of plots whose action is not keep). */
  firms: number;
  /** Village collective income lost, 万元 per year: money.villageIncomeBeforeWan − villageIncomeAfterWan. */
  incomeWan: number;
}

/** The objectives the command line and the panel offer by name. */
export type ObjectiveName = 'cost' | 'firms' | 'income';
export const OBJECTIVE_PRESETS: Readonly<Record<ObjectiveName, Readonly<ObjectiveWeights>>> = Object.freeze({
  cost: Object.freeze({ costWan: 1, firms: 0, incomeWan: 0 }),
  firms: Object.freeze({ costWan: 0, firms: 1, incomeWan: 0 }),
  income: Object.freeze({ costWan: 0, firms: 0, incomeWan: 1 }),
});

export interface SuggestSettings {
  rules: SuggestRules;
  /** Total quota (亩) the suggestion may move between towns over the horizon; 0: none. */
  transferLimitMu: number;
  /** Most the suggested actions of one year may cost (万元, the cost figures of the objective); null: no budget. */
  yearlyBudgetWan: number | null;
  objective: ObjectiveWeights;
  /** Length of a lease when the suggestion proposes one (years); null: acquisitions are purchases only. */
  leaseYears: number | null;
  /** Plots (by id) whose action and year in the base scenario are kept as they are (no entry: keep). */
  lockedPlotIds: string[];
}

export const DEFAULT_RULES: Readonly<SuggestRules> = Object.freeze({
  noRenewalOutsideBoundary: true,
  noKeepRiskOrPollution: true,
  keepControlLand: true,
  firmsMoveToZones: true,
  minKeepTaxPerMu: null,
});

export const DEFAULT_SUGGEST_SETTINGS: Readonly<SuggestSettings> = Object.freeze({
  rules: DEFAULT_RULES,
  transferLimitMu: 0,
  yearlyBudgetWan: null,
  objective: OBJECTIVE_PRESETS.cost,
  leaseYears: 20,
  lockedPlotIds: Object.freeze([]) as unknown as string[],
});

/** A fresh, mutable copy of the default settings. */
export function defaultSuggestSettings(): SuggestSettings {
  return {
    rules: { ...DEFAULT_RULES },
    transferLimitMu: 0,
    yearlyBudgetWan: null,
    objective: { ...OBJECTIVE_PRESETS.cost },
    leaseYears: 20,
    lockedPlotIds: [],
  };
}

/** A fresh, mutable copy of the default targets. */
export function defaultTargets(): PlanTargets {
  return {
    controlShare: { ...DEFAULT_TARGETS.controlShare },
    renovatedMu: { ...DEFAULT_TARGETS.renovatedMu },
    renovatedTaxPerMu: { ...DEFAULT_TARGETS.renovatedTaxPerMu },
    newAboveScaleFirms: { ...DEFAULT_TARGETS.newAboveScaleFirms },
    milestones: 'none',
  };
}

/** The settings of a plan the suggestion reads (plan file version 2, `settings.horizon`, `.targets`, `.suggestion`). */
export interface PlanningSettings {
  horizon: PlanHorizon;
  targets: PlanTargets;
  suggestion: SuggestSettings;
}

/** Fresh, mutable default planning settings: 2022–2026, the four targets of the policy, the default rules. */
export function defaultPlanningSettings(): PlanningSettings {
  return { horizon: { ...DEFAULT_HORIZON }, targets: defaultTargets(), suggestion: defaultSuggestSettings() };
}
