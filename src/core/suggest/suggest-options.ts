/**
 * The options of every unlocked plot, packed into typed arrays: each option is an action variant
 * (keep, upgrade, purchase, lease, vacate, relocate into zone z) and a year of the horizon, with its
 * objective, its spending and its coefficients on the row groups. Years that cannot matter are left
 * out: an option whose coefficients on the rows that change from year to year all have one sign
 * keeps only its earliest (or latest) year — no plan is worse for it (docs/suggest.md "Years").
 */

import type { PlotRow } from '../analysis/analyze-plan.ts';
import { m2ToMu } from '../geometry/ellipsoidal-area.ts';
import type { PlotTable } from '../scenario/indicators/plot-table.ts';
import type { Assumptions } from '../scenario/scenario.ts';
import type { SuggestSettings } from './suggest-settings.ts';

/** Action variants; relocation into zone z is RELOCATE + z. */
export const Variant = { Keep: 0, Upgrade: 1, Purchase: 2, Lease: 3, Vacate: 4, Relocate: 5 } as const;

/** Which group each coefficient goes to (−1: no such group in the model). */
export interface GroupIndex {
  controlShare: number;
  renovatedMu: number;
  renovatedTaxPerMu: number;
  renovatedTaxBase: number;
  newAboveScaleFirms: number;
  /** By town index of the plot table. */
  quotaOfTown: Int32Array;
  /** By usable zone index. */
  capacityOfZone: Int32Array;
  budget: number;
  /** Per group: its rows change from year to year (more than one row on, or per year). */
  yearSensitive: boolean[];
}

export interface PlotOptions {
  /** Unlocked plots. */
  n: number;
  /** Position of each unlocked plot in the rows (and the plot table). */
  rowOf: Int32Array;
  plotIds: string[];
  /** Options of plot i: optStart[i] … optStart[i + 1] − 1. */
  optStart: Int32Array;
  variant: Uint16Array;
  /** Index of the year in the horizon. */
  year: Uint8Array;
  /** Objective (weighted), per option. */
  cost: Float64Array;
  /** Public cost in 万元 (what the budget counts), per option. */
  spend: Float64Array;
  /** Coefficients of option o: entStart[o] … entStart[o + 1] − 1, raw (unscaled) until scaled. */
  entStart: Int32Array;
  entGroup: Int32Array;
  entCoef: Float64Array;
  /** Usable receiving zones (measured, counting by the last year), by variant index − RELOCATE. */
  zones: string[];
  /** Plots no option fits under the rules: kept, and reported. */
  ruleConflicts: string[];
}

/** What one option does, before packing. */
interface OptionFacts {
  variant: number;
  kLo: number;
  kHi: number;
  cost: number;
  spend: number;
  groups: number[];
  coefs: number[];
}

/** Growable typed storage. */
class Packer {
  variant: number[] = [];
  year: number[] = [];
  cost: number[] = [];
  spend: number[] = [];
  entStart: number[] = [0];
  entGroup: number[] = [];
  entCoef: number[] = [];

  add(facts: OptionFacts, k: number): void {
    this.variant.push(facts.variant);
    this.year.push(k);
    this.cost.push(facts.cost);
    this.spend.push(facts.spend);
    for (let e = 0; e < facts.groups.length; e++) {
      this.entGroup.push(facts.groups[e] as number);
      this.entCoef.push(facts.coefs[e] as number);
    }
    this.entStart.push(this.entGroup.length);
  }
}

/** The years an option needs (see the module header). */
function yearsOf(facts: OptionFacts, index: GroupIndex): number[] {
  let positive = false;
  let negative = false;
  for (let e = 0; e < facts.groups.length; e++) {
    const group = facts.groups[e] as number;
    if (!index.yearSensitive[group]) continue;
    if (group === index.budget) return range(facts.kLo, facts.kHi);
    if ((facts.coefs[e] as number) > 0) positive = true;
    else if ((facts.coefs[e] as number) < 0) negative = true;
  }
  if (positive && negative) return range(facts.kLo, facts.kHi);
  return [negative ? facts.kHi : facts.kLo];
}

function range(lo: number, hi: number): number[] {
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

export interface OptionInputs {
  rows: readonly PlotRow[];
  table: PlotTable;
  assumptions: Assumptions;
  settings: SuggestSettings;
  /** Target values of the ratio rows (control share, tax per 亩). */
  controlShareTarget: number;
  taxPerMuTarget: number;
  /** Usable zones: id and the index in the horizon of its first year. */
  zones: { id: string; kLo: number }[];
  locked: ReadonlySet<string>;
  K: number;
}

/** Every option of every unlocked plot, with raw coefficients. */
export function optionsOfPlots(inputs: OptionInputs, index: GroupIndex): PlotOptions {
  const { rows, table, assumptions: a, settings, zones, locked, K } = inputs;
  const { rules } = settings;
  const packer = new Packer();
  const rowOf: number[] = [];
  const plotIds: string[] = [];
  const optStart: number[] = [0];
  const ruleConflicts: string[] = [];
  const weights = settings.objective;
  const demolitionWanPerM2 = a.demolitionYuanPerM2 / 10000;
  const seen = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as PlotRow;
    // Two rows with one id: the first takes the action (plot-table.ts); the second stays kept.
    if (locked.has(row.id) || seen.has(row.id)) continue;
    seen.add(row.id);
    const areaM2 = table.areaM2[i] as number;
    const mu = m2ToMu(areaM2);
    const tax = table.taxWan[i] as number;
    const floor = table.floorAreaM2[i] as number;
    const rent = table.rentWan[i] as number;
    const firms = table.firms[i] as number;
    const hasRent = !Number.isNaN(rent);
    const hasTax = !Number.isNaN(tax);
    const demolition = Number.isNaN(floor) ? 0 : floor * demolitionWanPerM2;
    const props = row.properties;
    const hasFirms = (props.firms ?? 0) > 0 || (props.aboveScaleFirms ?? 0) > 0 || (hasTax && tax > 0);
    const mayKeep = !(
      (rules.noKeepRiskOrPollution && (props.safetyRisk === true || props.pollution === true)) ||
      (rules.minKeepTaxPerMu !== null && hasTax && mu > 0 && tax / mu < rules.minKeepTaxPerMu)
    );
    const mayRenew = !(rules.noRenewalOutsideBoundary && row.status === 'outside');
    const mayRemove = !(rules.keepControlLand && row.status === 'control');
    const mayVacate = mayRemove && !(rules.firmsMoveToZones && hasFirms);
    const town = table.townOf[i] as number;
    const objective = (spend: number, firmsHit: number, incomeLost: number) =>
      weights.costWan * spend + weights.firms * firmsHit + weights.incomeWan * incomeLost;
    const facts: OptionFacts[] = [];
    const base = (variant: number, spend: number, incomeLost: number, kLo = 0): OptionFacts => ({
      variant,
      kLo,
      kHi: K - 1,
      spend,
      cost: objective(spend, variant === 0 ? 0 : firms, incomeLost),
      groups: [],
      coefs: [],
    });
    const add = (option: OptionFacts, group: number, coef: number) => {
      if (group < 0 || coef === 0) return;
      option.groups.push(group);
      option.coefs.push(coef);
    };
    const renovation = (option: OptionFacts) => add(option, index.renovatedMu, mu);
    const improvement = (option: OptionFacts) => {
      renovation(option);
      if (hasTax) {
        add(option, index.renovatedTaxPerMu, tax * a.upliftFactor - inputs.taxPerMuTarget * mu);
        add(option, index.renovatedTaxBase, mu);
      }
      add(option, index.newAboveScaleFirms, (mu * a.upgradeFirmsPer100Mu) / 100);
    };
    const removal = (option: OptionFacts) => {
      renovation(option);
      if (table.isClassified[i] === 1)
        add(
          option,
          index.controlShare,
          inputs.controlShareTarget * areaM2 - (table.inControlM2[i] as number),
        );
      add(option, index.quotaOfTown[town] ?? -1, mu);
    };
    if (mayKeep) facts.push(base(0, 0, 0));
    if (mayRenew) {
      const upgrade = base(1, mu * a.upgradeSubsidyWanPerMu, 0);
      improvement(upgrade);
      facts.push(upgrade);
      const purchase = base(2, mu * (a.purchaseWanPerMu + a.rewardWanPerMu), hasRent ? rent : 0);
      improvement(purchase);
      facts.push(purchase);
      if (settings.leaseYears !== null) {
        const leaseWan = mu * a.leaseWanPerMuYear;
        const lease = base(
          3,
          leaseWan * settings.leaseYears + mu * a.rewardWanPerMu,
          (hasRent ? rent : 0) - leaseWan,
        );
        improvement(lease);
        facts.push(lease);
      }
    }
    if (mayVacate) {
      const vacate = base(4, demolition, hasRent ? rent : 0);
      removal(vacate);
      facts.push(vacate);
    }
    if (mayRemove)
      zones.forEach((zone, z) => {
        const relocate = base(
          5 + z,
          demolition + mu * a.relocationSubsidyWanPerMu,
          hasRent ? rent : 0,
          zone.kLo,
        );
        removal(relocate);
        if (!Number.isNaN(floor))
          add(relocate, index.capacityOfZone[z] ?? -1, -floor * a.relocationFloorFactor);
        facts.push(relocate);
      });
    if (facts.length === 0) {
      ruleConflicts.push(row.id);
      facts.push(base(0, 0, 0));
    }
    for (const option of facts) {
      if (index.budget >= 0 && option.spend !== 0) add(option, index.budget, -option.spend);
      for (const k of yearsOf(option, index)) packer.add(option, k);
    }
    rowOf.push(i);
    plotIds.push(row.id);
    optStart.push(packer.variant.length);
  }
  return {
    n: rowOf.length,
    rowOf: Int32Array.from(rowOf),
    plotIds,
    optStart: Int32Array.from(optStart),
    variant: Uint16Array.from(packer.variant),
    year: Uint8Array.from(packer.year),
    cost: Float64Array.from(packer.cost),
    spend: Float64Array.from(packer.spend),
    entStart: Int32Array.from(packer.entStart),
    entGroup: Int32Array.from(packer.entGroup),
    entCoef: Float64Array.from(packer.entCoef),
    zones: zones.map((zone) => zone.id),
    ruleConflicts,
  };
}
