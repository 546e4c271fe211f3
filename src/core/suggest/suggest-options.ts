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

/** Growable typed storage of the options; each option is written to a scratch first (see `begin`). */
class Packer {
  count = 0;
  entries = 0;
  variant = new Uint16Array(1024);
  year = new Uint8Array(1024);
  cost = new Float64Array(1024);
  spend = new Float64Array(1024);
  entStart = new Int32Array(1025);
  entGroup = new Int32Array(4096);
  entCoef = new Float64Array(4096);
  /** The option being written. */
  scratchVariant = 0;
  scratchKLo = 0;
  scratchCost = 0;
  scratchSpend = 0;
  scratchSize = 0;
  scratchGroup = new Int32Array(64);
  scratchCoef = new Float64Array(64);

  begin(variant: number, kLo: number, cost: number, spend: number): void {
    this.scratchVariant = variant;
    this.scratchKLo = kLo;
    this.scratchCost = cost;
    this.scratchSpend = spend;
    this.scratchSize = 0;
  }

  /** A coefficient of the option being written (none for a missing group or a zero). */
  coef(group: number, value: number): void {
    if (group < 0 || value === 0) return;
    if (this.scratchSize === this.scratchGroup.length) {
      this.scratchGroup = grow(this.scratchGroup, this.scratchSize * 2);
      this.scratchCoef = grow(this.scratchCoef, this.scratchSize * 2);
    }
    this.scratchGroup[this.scratchSize] = group;
    this.scratchCoef[this.scratchSize] = value;
    this.scratchSize++;
  }

  /** Packs the option being written once per year it needs (see the module header). */
  end(index: GroupIndex, K: number): void {
    if (index.budget >= 0 && this.scratchSpend !== 0) this.coef(index.budget, -this.scratchSpend);
    let positive = false;
    let negative = false;
    let everyYear = false;
    for (let e = 0; e < this.scratchSize; e++) {
      const group = this.scratchGroup[e] as number;
      if (!index.yearSensitive[group]) continue;
      if (group === index.budget) everyYear = true;
      else if ((this.scratchCoef[e] as number) > 0) positive = true;
      else if ((this.scratchCoef[e] as number) < 0) negative = true;
    }
    const kHi = K - 1;
    if (everyYear || (positive && negative)) for (let k = this.scratchKLo; k <= kHi; k++) this.push(k);
    else this.push(negative ? kHi : this.scratchKLo);
  }

  private push(k: number): void {
    if (this.count === this.variant.length) {
      const size = this.count * 2;
      this.variant = grow(this.variant, size);
      this.year = grow(this.year, size);
      this.cost = grow(this.cost, size);
      this.spend = grow(this.spend, size);
      this.entStart = grow(this.entStart, size + 1);
    }
    if (this.entries + this.scratchSize > this.entGroup.length) {
      const size = Math.max(this.entGroup.length * 2, this.entries + this.scratchSize);
      this.entGroup = grow(this.entGroup, size);
      this.entCoef = grow(this.entCoef, size);
    }
    const o = this.count++;
    this.variant[o] = this.scratchVariant;
    this.year[o] = k;
    this.cost[o] = this.scratchCost;
    this.spend[o] = this.scratchSpend;
    for (let e = 0; e < this.scratchSize; e++) {
      this.entGroup[this.entries + e] = this.scratchGroup[e] as number;
      this.entCoef[this.entries + e] = this.scratchCoef[e] as number;
    }
    this.entries += this.scratchSize;
    this.entStart[o + 1] = this.entries;
  }
}

function grow<T extends Int32Array | Uint16Array | Uint8Array | Float64Array>(array: T, size: number): T {
  const next = new (array.constructor as new (size: number) => T)(size);
  next.set(array);
  return next;
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
    const rentLost = Number.isNaN(rent) ? 0 : rent;
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
    const quotaGroup = index.quotaOfTown[table.townOf[i] as number] ?? -1;
    // objective = costWan × spend + firms × firms disturbed (every action but keep) + incomeWan × income lost
    const disturbed = weights.firms * firms;
    const begin = (variant: number, spend: number, incomeLost: number, kLo = 0) =>
      packer.begin(variant, kLo, weights.costWan * spend + disturbed + weights.incomeWan * incomeLost, spend);
    const first = packer.count;
    if (mayKeep) {
      packer.begin(Variant.Keep, 0, 0, 0);
      packer.end(index, K);
    }
    if (mayRenew) {
      const leaseWan = mu * a.leaseWanPerMuYear;
      for (let variant = Variant.Upgrade; variant <= Variant.Lease; variant++) {
        if (variant === Variant.Upgrade) begin(variant, mu * a.upgradeSubsidyWanPerMu, 0);
        else if (variant === Variant.Purchase)
          begin(variant, mu * (a.purchaseWanPerMu + a.rewardWanPerMu), rentLost);
        else if (settings.leaseYears !== null)
          begin(variant, leaseWan * settings.leaseYears + mu * a.rewardWanPerMu, rentLost - leaseWan);
        else break;
        packer.coef(index.renovatedMu, mu);
        if (hasTax) {
          packer.coef(index.renovatedTaxPerMu, tax * a.upliftFactor - inputs.taxPerMuTarget * mu);
          packer.coef(index.renovatedTaxBase, mu);
        }
        packer.coef(index.newAboveScaleFirms, (mu * a.upgradeFirmsPer100Mu) / 100);
        packer.end(index, K);
      }
    }
    const controlCoef =
      table.isClassified[i] === 1 ? inputs.controlShareTarget * areaM2 - (table.inControlM2[i] as number) : 0;
    const removal = () => {
      packer.coef(index.renovatedMu, mu);
      packer.coef(index.controlShare, controlCoef);
      packer.coef(quotaGroup, mu);
    };
    if (mayVacate) {
      begin(Variant.Vacate, demolition, rentLost);
      removal();
      packer.end(index, K);
    }
    if (mayRemove) {
      const spend = demolition + mu * a.relocationSubsidyWanPerMu;
      const capacityCoef = Number.isNaN(floor) ? 0 : -floor * a.relocationFloorFactor;
      for (let z = 0; z < zones.length; z++) {
        begin(Variant.Relocate + z, spend, rentLost, (zones[z] as { kLo: number }).kLo);
        removal();
        packer.coef(index.capacityOfZone[z] ?? -1, capacityCoef);
        packer.end(index, K);
      }
    }
    if (packer.count === first) {
      ruleConflicts.push(row.id);
      packer.begin(Variant.Keep, 0, 0, 0);
      packer.end(index, K);
    }
    rowOf.push(i);
    plotIds.push(row.id);
    optStart.push(packer.count);
  }
  const { count, entries } = packer;
  return {
    n: rowOf.length,
    rowOf: Int32Array.from(rowOf),
    plotIds,
    optStart: Int32Array.from(optStart),
    variant: packer.variant.slice(0, count),
    year: packer.year.slice(0, count),
    cost: packer.cost.slice(0, count),
    spend: packer.spend.slice(0, count),
    entStart: packer.entStart.slice(0, count + 1),
    entGroup: packer.entGroup.slice(0, entries),
    entCoef: packer.entCoef.slice(0, entries),
    zones: zones.map((zone) => zone.id),
    ruleConflicts,
  };
}
