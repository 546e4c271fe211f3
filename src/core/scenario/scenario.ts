/**
 * A consolidation scenario as plain, serialisable data (DESIGN.md "Scenarios"): per-plot actions,
 * receiving zones, quota transfers between towns, direct quota for key projects and the assumptions.
 * Nothing here is computed; the maths lives in `indicators/` and `zone-measures.ts`.
 */

import type { PlotAction } from '../catalogue/action-catalogue.ts';
import type { AreaGeometry } from '../types.ts';

/** The years of the 2022–2026 action plan; figures are cumulative up to each of them. */
export const PLAN_YEARS = Object.freeze([2022, 2023, 2024, 2025, 2026] as const);
export type PlanYear = (typeof PLAN_YEARS)[number];
export const FIRST_PLAN_YEAR: PlanYear = 2022;
export const LAST_PLAN_YEAR: PlanYear = 2026;

/** True for a whole year of the action plan, 2022…2026. */
export function isPlanYear(value: unknown): value is PlanYear {
  return typeof value === 'number' && (PLAN_YEARS as readonly number[]).includes(value);
}

/** The action chosen for one plot. */
export interface ActionEntry {
  action: PlotAction;
  /** The year from which the action counts, 2022…2026. */
  year: PlanYear;
  /** `relocate` only: id of the receiving zone the firms move to. */
  zoneId?: string;
  /** `acquire` only: lease for this many years instead of buying. */
  lease?: { years: number };
}

/** A receiving zone (承接区块) drawn or imported by the planner. */
export interface ReceivingZone {
  id: string;
  name: string;
  /** Planned floor area ratio (容积率); 2.0 by default. */
  far: number;
  /** The year from which the zone counts, 2022…2026. */
  year: PlanYear;
  /** The town whose quota it uses; when absent, the town whose boundary holds most of it. */
  town?: string;
  /** WGS84 lon/lat. */
  geometry: AreaGeometry;
}

/** Planned floor area ratio of a new zone unless the planner sets one. */
export const DEFAULT_ZONE_FAR = 2.0;

/** Quota moved from one town to another (调剂), in 亩. */
export interface QuotaTransfer {
  id: string;
  from: string;
  to: string;
  mu: number;
  year: PlanYear;
}

/** Quota granted directly to a town for a listed key project (R3's exception), in 亩. */
export interface DirectQuota {
  id: string;
  town: string;
  mu: number;
  year: PlanYear;
  /** Which project, e.g. 宁波市级重点项目名称. */
  note: string;
}

/**
 * Assumptions of the scenario maths. The defaults are EXAMPLE values, to be replaced by local
 * figures; the UI labels them as examples.
 */
export interface Assumptions {
  /** Tax of a plot after upgrade or acquisition = taxWan × upliftFactor. */
  upliftFactor: number;
  /** Tax per 亩 of new land in receiving zones, 万元/亩. */
  zoneTaxPerMu: number;
  /** New above-scale firms per 100 亩 upgraded or acquired. */
  upgradeFirmsPer100Mu: number;
  /** New above-scale firms per 100 亩 of new land in receiving zones. */
  zoneFirmsPer100Mu: number;
  /** Floor area a relocated firm needs in the zone per m² of floor area it leaves. */
  relocationFloorFactor: number;
  /** Purchase price, 万元/亩. */
  purchaseWanPerMu: number;
  /** Lease, 万元 per 亩 per year. */
  leaseWanPerMuYear: number;
  /** Demolition, 元 per m² of floor area. */
  demolitionYuanPerM2: number;
  /** The city's reward for an acquisition, 万元/亩. */
  rewardWanPerMu: number;
  /** The city's subsidy for an upgrade in place, 万元 per 亩 upgraded (plan file version 2). */
  upgradeSubsidyWanPerMu: number;
  /** The city's subsidy for a relocation into a zone, 万元 per 亩 vacated (plan file version 2). */
  relocationSubsidyWanPerMu: number;
}

/** Example values of DESIGN.md, to be set to local figures (labelled as examples in the UI). */
export const DEFAULT_ASSUMPTIONS: Readonly<Assumptions> = Object.freeze({
  upliftFactor: 1.8,
  zoneTaxPerMu: 20,
  upgradeFirmsPer100Mu: 1,
  zoneFirmsPer100Mu: 4,
  relocationFloorFactor: 1.0,
  purchaseWanPerMu: 60,
  leaseWanPerMuYear: 1.5,
  demolitionYuanPerM2: 150,
  rewardWanPerMu: 5,
  upgradeSubsidyWanPerMu: 10,
  relocationSubsidyWanPerMu: 20,
});

export const ASSUMPTION_KEYS = Object.freeze(Object.keys(DEFAULT_ASSUMPTIONS) as (keyof Assumptions)[]);

/** One option the planner sketches. */
export interface Scenario {
  id: string;
  name: string;
  /** Keyed by plot id; plots without an entry are `keep`. */
  actions: Record<string, ActionEntry>;
  zones: ReceivingZone[];
  transfers: QuotaTransfer[];
  directQuota: DirectQuota[];
  assumptions: Assumptions;
}

/** All scenarios of a plan and the one being edited. */
export interface ScenarioSet {
  scenarios: Scenario[];
  /** '' only when there are no scenarios. */
  activeScenarioId: string;
}

/** An empty scenario (every plot kept) with the example assumptions. */
export function createScenario(id: string, name: string): Scenario {
  return {
    id,
    name,
    actions: {},
    zones: [],
    transfers: [],
    directQuota: [],
    assumptions: { ...DEFAULT_ASSUMPTIONS },
  };
}

/** The action of a plot in a scenario, `keep` when it has no entry. */
export function actionOf(scenario: Scenario, plotId: string): PlotAction {
  return Object.hasOwn(scenario.actions, plotId) ? (scenario.actions[plotId]?.action ?? 'keep') : 'keep';
}
