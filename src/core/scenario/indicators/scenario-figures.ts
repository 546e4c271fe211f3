/**
 * The figures scenarioIndicators returns, cumulative through one year: what each indicator holds,
 * its units, and the sums and data gaps behind it.
 */

import type { PlotAction } from '../../catalogue/action-catalogue.ts';
import type { PlanYear } from '../scenario.ts';
import type { ScenarioTargets } from './scenario-targets.ts';

/** A balance below minus this many 亩 is negative; above it, rounding. */
export const BALANCE_EPSILON_MU = 1e-6;

/** Quota ledger of one town or the city (R3), all in 亩. */
export interface LedgerFigures {
  /** areaMu of vacated and relocated plots. */
  released: number;
  /** Direct quota for listed key projects. */
  directQuotaMu: number;
  transfersIn: number;
  transfersOut: number;
  /** newLandMu of the zones credited to the town. */
  used: number;
  /** released + directQuotaMu + transfersIn − transfersOut − used. */
  balance: number;
}

export interface ZoneCapacity {
  /** Σ floorAreaM2 of plots relocated into the zone × relocationFloorFactor, m². */
  demandM2: number;
  /** newLandM2 × far, m²; 0 before the zone's year. */
  supplyM2: number;
  /** max(0, demand − supply), m². */
  shortfallM2: number;
  isShort: boolean;
  relocatedPlots: number;
}

export interface MoneyFigures {
  /** areaMu purchased × purchaseWanPerMu, 万元. */
  purchaseWan: number;
  /** Σ areaMu leased × leaseWanPerMuYear × lease years, 万元. */
  leaseWan: number;
  /** purchaseWan + leaseWan. */
  acquisitionWan: number;
  /** floorAreaM2 of vacated/relocated plots × demolitionYuanPerM2 / 10000, 万元. */
  demolitionWan: number;
  /** acquired areaMu × rewardWanPerMu, 万元. */
  rewardWan: number;
  /** Σ rentWan of all plots, 万元 per year. */
  villageIncomeBeforeWan: number;
  /** After the scenario, 万元 per year (see the module header). */
  villageIncomeAfterWan: number;
  /** Purchase payments, once, 万元. */
  villageOneOffWan: number;
  /** areaMu upgraded in place × upgradeSubsidyWanPerMu, 万元 (plan file version 2). */
  upgradeSubsidyWan: number;
  /** areaMu relocated into zones × relocationSubsidyWanPerMu, 万元 (plan file version 2). */
  relocationSubsidyWan: number;
}

export interface TargetCheck {
  value: number | null;
  /** The threshold; for ledger and violations the value must be ≥ / = this. */
  target: number;
  met: boolean;
}

/** The sums behind the ratios, kept so that each indicator can explain itself. */
export interface IndicatorParts {
  remainingInControlM2: number;
  remainingM2: number;
  zonesNewLandInControlM2: number;
  zonesNewLandM2: number;
  zonesNewLandMu: number;
  /** upgrade + acquire. */
  improvedMu: number;
  /** improved plots whose taxWan is known. */
  improvedTaxWan: number;
  improvedTaxMu: number;
  purchasedMu: number;
  leasedMu: number;
  /** Σ areaMu × lease years. */
  leasedMuYears: number;
  demolishedFloorM2: number;
  /** Σ firms of the plots whose action is not keep (missing: 0); the suggestion's "firms disturbed". */
  disturbedFirms: number;
}

export interface DataGaps {
  /** Action entries whose plot id is not in the plot layer (first 20 ids). */
  unknownPlotIds: string[];
  unknownPlotCount: number;
  /** Entries with an unknown action or a year outside 2022…2026 (left out). */
  invalidEntries: number;
  /** Upgraded or acquired plots without taxWan. */
  missingTaxPlots: number;
  /** Vacated or relocated plots without floorAreaM2. */
  missingFloorAreaPlots: number;
  /** Plots with an action other than keep/upgrade and no rentWan. */
  missingRentPlots: number;
  /** Relocations without a known zone. */
  unassignedRelocations: number;
  /** Zones whose geometry could not be measured. */
  unmeasuredZoneIds: string[];
  /** Plots of the layer that could not be classified. */
  unclassifiedPlots: number;
}

/** Every indicator, cumulative through one year. */
export interface ScenarioFigures {
  year: PlanYear;
  /** R1 after the scenario; null when no land is left. */
  controlShare: number | null;
  renovatedMu: number;
  /** 万元/亩; null when there is nothing renovated with a known tax and no zone. */
  renovatedTaxPerMu: number | null;
  newAboveScaleFirms: number;
  ledger: { city: LedgerFigures; byTown: Record<string, LedgerFigures>; negativeTowns: string[] };
  violations: {
    /** R2 violations: zones whose new land outside the boundary exceeds τ of their area. */
    count: number;
    zoneIds: string[];
    /** upgrade/acquire on plots whose status is outside. */
    warningPlotCount: number;
    /** Zones with new land outside the control lines. */
    warningZoneIds: string[];
  };
  capacity: Record<string, ZoneCapacity>;
  money: MoneyFigures;
  /** Plots and 亩 per action (keep counts plots without an entry too). */
  actions: Record<PlotAction, { plots: number; mu: number }>;
  parts: IndicatorParts;
  data: DataGaps;
  targets: Record<
    'controlShare' | 'renovatedMu' | 'renovatedTaxPerMu' | 'newAboveScaleFirms' | 'ledger' | 'violations',
    TargetCheck
  >;
}

export interface ScenarioIndicators {
  /** The plan as a whole: the cumulative figures of 2026. */
  overall: ScenarioFigures;
  byYear: Record<PlanYear, ScenarioFigures>;
}

export interface ScenarioIndicatorOptions {
  targets?: Partial<ScenarioTargets>;
}
