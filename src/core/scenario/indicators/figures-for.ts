/**
 * The figures of one year from the cumulative sums, one function per group: receiving zones and
 * their capacity, control share, renovation, quota ledger, money, plots per action, target checks.
 */

import { actionRecord, PLOT_ACTIONS, type PlotAction } from '../../catalogue/action-catalogue.ts';
import { m2ToMu } from '../../geometry/ellipsoidal-area.ts';
import { PLAN_YEARS, type PlanYear, type Scenario } from '../scenario.ts';
import type { ZoneMeasures } from '../zone-measures.ts';
import { ACTION_INDEX, ACTIONS, Field } from './accumulate.ts';
import type { Cumulated } from './cumulate.ts';
import { readExact } from './exact-sums.ts';
import { type PlotTable, Total } from './plot-table.ts';
import {
  BALANCE_EPSILON_MU,
  type LedgerFigures,
  type MoneyFigures,
  type ScenarioFigures,
  type ZoneCapacity,
} from './scenario-figures.ts';
import type { ScenarioTargets } from './scenario-targets.ts';

/** What every figure of one year is computed from. */
interface YearContext {
  /** Index of the year in PLAN_YEARS. */
  y: number;
  year: PlanYear;
  table: PlotTable;
  acc: Cumulated;
  scenario: Scenario;
  zoneMeasures: Readonly<Record<string, ZoneMeasures>>;
  /** The cumulative value of one field through the year. */
  field: (f: Field) => number;
}

function at(array: Float64Array, index: number): number {
  return array[index] as number;
}

export function emptyLedger(): LedgerFigures {
  return { released: 0, directQuotaMu: 0, transfersIn: 0, transfersOut: 0, used: 0, balance: 0 };
}

function isActive(item: { year: number }, year: PlanYear): boolean {
  return item.year <= year;
}

interface ZoneFigures {
  zonesNewLandM2: number;
  zonesNewLandInControlM2: number;
  zonesNewLandMu: number;
  /** 亩 of new land per town the zones are credited to. */
  usedByTown: Map<string, number>;
  violationZoneIds: string[];
  warningZoneIds: string[];
  unmeasuredZoneIds: string[];
  capacity: Record<string, ZoneCapacity>;
  /** Relocated plots whose zone is not one of the scenario's. */
  unassignedRelocations: number;
}

/** Zones counted this year, and the capacity of every zone. */
function zoneFigures({ y, year, acc, scenario, zoneMeasures }: YearContext): ZoneFigures {
  const { relocationFloorFactor } = scenario.assumptions;
  let zonesNewLandM2 = 0;
  let zonesNewLandInControlM2 = 0;
  let zonesNewLandMu = 0;
  const usedByTown = new Map<string, number>();
  const violationZoneIds: string[] = [];
  const warningZoneIds: string[] = [];
  const unmeasuredZoneIds: string[] = [];
  const capacity: Record<string, ZoneCapacity> = {};
  const zoneIds = new Set<string>();
  for (const zone of scenario.zones) {
    zoneIds.add(zone.id);
    const measures = zoneMeasures[zone.id];
    const active = isActive(zone, year);
    const usable = measures !== undefined && measures.problem === undefined;
    if (!usable) unmeasuredZoneIds.push(zone.id);
    const moving = acc.byZone.get(zone.id);
    const demandM2 = moving ? at(moving, y * 2) * relocationFloorFactor : 0;
    const supplyM2 = active && usable ? measures.newLandM2 * zone.far : 0;
    const shortfallM2 = Math.max(0, demandM2 - supplyM2);
    capacity[zone.id] = {
      demandM2,
      supplyM2,
      shortfallM2,
      isShort: shortfallM2 > 0,
      relocatedPlots: moving ? at(moving, y * 2 + 1) : 0,
    };
    if (!active || !usable) continue;
    zonesNewLandM2 += measures.newLandM2;
    zonesNewLandInControlM2 += measures.newLandInControlM2;
    zonesNewLandMu += measures.newLandMu;
    usedByTown.set(measures.town, (usedByTown.get(measures.town) ?? 0) + measures.newLandMu);
    if (measures.r2 === 'violation') violationZoneIds.push(zone.id);
    else if (measures.r2 === 'warning') warningZoneIds.push(zone.id);
  }
  let unassignedRelocations = 0;
  for (const [zoneId, moving] of acc.byZone)
    if (!zoneIds.has(zoneId)) unassignedRelocations += at(moving, y * 2 + 1);
  return {
    zonesNewLandM2,
    zonesNewLandInControlM2,
    zonesNewLandMu,
    usedByTown,
    violationZoneIds,
    warningZoneIds,
    unmeasuredZoneIds,
    capacity,
    unassignedRelocations,
  };
}

/** R1 after the scenario: the land that remains plus the zones' new land. */
function controlShareFigures({ table, field }: YearContext, zones: ZoneFigures) {
  const remainingM2 = readExact(table.totals, Total.ClassifiedM2) - field(Field.RemovedM2);
  const remainingInControlM2 =
    readExact(table.totals, Total.ClassifiedInControlM2) - field(Field.RemovedInControlM2);
  const landM2 = remainingM2 + zones.zonesNewLandM2;
  const controlShare = landM2 > 0 ? (remainingInControlM2 + zones.zonesNewLandInControlM2) / landM2 : null;
  return { controlShare, remainingM2, remainingInControlM2 };
}

/** R7: land renovated, its tax per 亩 and the new firms above designated size. */
function renovationFigures({ scenario, field }: YearContext, zones: ZoneFigures) {
  const assumptions = scenario.assumptions;
  const { zonesNewLandMu } = zones;
  const renovatedMu = m2ToMu(field(Field.RenovatedM2));
  const improvedMu = m2ToMu(field(Field.ImprovedM2));
  const improvedTaxWan = field(Field.ImprovedTaxWan);
  const improvedTaxMu = m2ToMu(field(Field.ImprovedTaxM2));
  const taxDenominator = improvedTaxMu + zonesNewLandMu;
  const renovatedTaxPerMu =
    taxDenominator > 0
      ? (improvedTaxWan * assumptions.upliftFactor + zonesNewLandMu * assumptions.zoneTaxPerMu) /
        taxDenominator
      : null;
  const newAboveScaleFirms =
    (improvedMu * assumptions.upgradeFirmsPer100Mu) / 100 +
    (zonesNewLandMu * assumptions.zoneFirmsPer100Mu) / 100;
  return { renovatedMu, improvedMu, improvedTaxWan, improvedTaxMu, renovatedTaxPerMu, newAboveScaleFirms };
}

/** R3: the quota ledger of every town the scenario or the plots mention, and of the city. */
function ledgerFigures(
  { y, year, table, acc, scenario, zoneMeasures }: YearContext,
  zones: ZoneFigures,
): ScenarioFigures['ledger'] {
  const ledgers = new Map<string, LedgerFigures>();
  const ledgerOf = (town: string) => {
    let ledger = ledgers.get(town);
    if (!ledger) {
      ledger = emptyLedger();
      ledgers.set(town, ledger);
    }
    return ledger;
  };
  // Every town the scenario mentions has a line in every year, zeros included.
  for (const zone of scenario.zones) {
    const town = zoneMeasures[zone.id]?.town;
    if (town !== undefined) ledgerOf(town);
  }
  for (const transfer of scenario.transfers) {
    ledgerOf(transfer.from);
    ledgerOf(transfer.to);
  }
  for (const quota of scenario.directQuota) ledgerOf(quota.town);
  const towns = table.towns.length;
  for (let t = 0; t < towns; t++)
    ledgerOf(table.towns[t] as string).released = m2ToMu(at(acc.releasedByTown, y * towns + t));
  for (const [town, used] of zones.usedByTown) ledgerOf(town).used += used;
  const city = emptyLedger();
  for (const quota of scenario.directQuota) {
    if (!isActive(quota, year)) continue;
    ledgerOf(quota.town).directQuotaMu += quota.mu;
    city.directQuotaMu += quota.mu;
  }
  for (const transfer of scenario.transfers) {
    if (!isActive(transfer, year)) continue;
    ledgerOf(transfer.from).transfersOut += transfer.mu;
    ledgerOf(transfer.to).transfersIn += transfer.mu;
    city.transfersIn += transfer.mu;
    city.transfersOut += transfer.mu;
  }
  const negativeTowns: string[] = [];
  const sortedTowns = [...ledgers.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const byTown: Record<string, LedgerFigures> = {};
  for (const town of sortedTowns) {
    const ledger = ledgers.get(town) as LedgerFigures;
    ledger.balance =
      ledger.released + ledger.directQuotaMu + ledger.transfersIn - ledger.transfersOut - ledger.used;
    if (ledger.balance < -BALANCE_EPSILON_MU) negativeTowns.push(town);
    city.released += ledger.released;
    city.used += ledger.used;
    byTown[town] = ledger;
  }
  city.balance = city.released + city.directQuotaMu - city.used;
  return { city, byTown, negativeTowns };
}

/** Acquisition, demolition, reward and the village collective's income (see scenario-indicators.ts). */
function moneyFigures({ table, scenario, field }: YearContext) {
  const assumptions = scenario.assumptions;
  const purchasedMu = m2ToMu(field(Field.PurchasedM2));
  const leasedMu = m2ToMu(field(Field.LeasedM2));
  const leasedMuYears = m2ToMu(field(Field.LeasedM2Years));
  const purchaseWan = purchasedMu * assumptions.purchaseWanPerMu;
  const leaseWan = leasedMuYears * assumptions.leaseWanPerMuYear;
  const demolishedFloorM2 = field(Field.DemolishedFloorM2);
  const rentBeforeWan = readExact(table.totals, Total.RentWan);
  const rentEndedWan =
    field(Field.RentLostWan) + field(Field.PurchasedRentLostWan) + field(Field.RentReplacedWan);
  const money: MoneyFigures = {
    purchaseWan,
    leaseWan,
    acquisitionWan: purchaseWan + leaseWan,
    demolitionWan: (demolishedFloorM2 * assumptions.demolitionYuanPerM2) / 10000,
    rewardWan: (purchasedMu + leasedMu) * assumptions.rewardWanPerMu,
    villageIncomeBeforeWan: rentBeforeWan,
    villageIncomeAfterWan: rentBeforeWan - rentEndedWan + leasedMu * assumptions.leaseWanPerMuYear,
    villageOneOffWan: purchaseWan,
    upgradeSubsidyWan: m2ToMu(field(Field.UpgradedM2)) * assumptions.upgradeSubsidyWanPerMu,
    relocationSubsidyWan: m2ToMu(field(Field.RelocatedM2)) * assumptions.relocationSubsidyWanPerMu,
  };
  return { money, purchasedMu, leasedMu, leasedMuYears, demolishedFloorM2 };
}

/** Plots and 亩 per action; plots without an entry (or not yet at their year) are kept. */
function actionCounts({ y, table, acc }: YearContext): ScenarioFigures['actions'] {
  const actions = {} as Record<PlotAction, { plots: number; mu: number }>;
  let changedPlots = 0;
  let changedM2 = 0;
  for (const action of PLOT_ACTIONS) {
    const k = y * ACTIONS + ACTION_INDEX[action];
    actions[action] = { plots: at(acc.actionPlots, k), mu: m2ToMu(at(acc.actionM2, k)) };
    if (actionRecord(action).isRenovation) {
      changedPlots += at(acc.actionPlots, k);
      changedM2 += at(acc.actionM2, k);
    }
  }
  actions.keep = {
    plots: table.n - changedPlots,
    mu: m2ToMu(readExact(table.totals, Total.AreaM2) - changedM2),
  };
  return actions;
}

/** The figures the targets are checked on. */
type Checked = Pick<
  ScenarioFigures,
  'controlShare' | 'renovatedMu' | 'renovatedTaxPerMu' | 'newAboveScaleFirms'
> & { negativeTowns: number; violations: number };

/** R1, R7 against the targets; R3 and R2 against zero. */
function targetChecks(figures: Checked, targets: ScenarioTargets): ScenarioFigures['targets'] {
  const { controlShare, renovatedMu, renovatedTaxPerMu, newAboveScaleFirms } = figures;
  return {
    controlShare: {
      value: controlShare,
      target: targets.controlShare,
      met: controlShare !== null && controlShare >= targets.controlShare,
    },
    renovatedMu: {
      value: renovatedMu,
      target: targets.renovatedMu,
      met: renovatedMu >= targets.renovatedMu,
    },
    renovatedTaxPerMu: {
      value: renovatedTaxPerMu,
      target: targets.renovatedTaxPerMu,
      met: renovatedTaxPerMu !== null && renovatedTaxPerMu >= targets.renovatedTaxPerMu,
    },
    newAboveScaleFirms: {
      value: newAboveScaleFirms,
      target: targets.newAboveScaleFirms,
      met: newAboveScaleFirms >= targets.newAboveScaleFirms,
    },
    ledger: { value: figures.negativeTowns, target: 0, met: figures.negativeTowns === 0 },
    violations: { value: figures.violations, target: 0, met: figures.violations === 0 },
  };
}

/**
 * Every figure cumulative through the year at index `y` of PLAN_YEARS.
 * @param acc the scenario's cumulative action sums (cumulate)
 */
export function figuresFor(
  y: number,
  table: PlotTable,
  acc: Cumulated,
  scenario: Scenario,
  zoneMeasures: Readonly<Record<string, ZoneMeasures>>,
  targets: ScenarioTargets,
): ScenarioFigures {
  const context: YearContext = {
    y,
    year: PLAN_YEARS[y] as PlanYear,
    table,
    acc,
    scenario,
    zoneMeasures,
    field: (f: Field) => at(acc.fields, y * Field.Count + f),
  };
  const { field } = context;
  const zones = zoneFigures(context);
  const { controlShare, remainingM2, remainingInControlM2 } = controlShareFigures(context, zones);
  const renovation = renovationFigures(context, zones);
  const { renovatedMu, renovatedTaxPerMu, newAboveScaleFirms } = renovation;
  const ledger = ledgerFigures(context, zones);
  const { money, purchasedMu, leasedMu, leasedMuYears, demolishedFloorM2 } = moneyFigures(context);
  const violationCount = zones.violationZoneIds.length;
  return {
    year: context.year,
    controlShare,
    renovatedMu,
    renovatedTaxPerMu,
    newAboveScaleFirms,
    ledger,
    violations: {
      count: violationCount,
      zoneIds: zones.violationZoneIds,
      warningPlotCount: field(Field.OutsideWarnings),
      warningZoneIds: zones.warningZoneIds,
    },
    capacity: zones.capacity,
    money,
    actions: actionCounts(context),
    parts: {
      remainingInControlM2,
      remainingM2,
      zonesNewLandInControlM2: zones.zonesNewLandInControlM2,
      zonesNewLandM2: zones.zonesNewLandM2,
      zonesNewLandMu: zones.zonesNewLandMu,
      improvedMu: renovation.improvedMu,
      improvedTaxWan: renovation.improvedTaxWan,
      improvedTaxMu: renovation.improvedTaxMu,
      purchasedMu,
      leasedMu,
      leasedMuYears,
      demolishedFloorM2,
      disturbedFirms: field(Field.DisturbedFirms),
    },
    data: {
      unknownPlotIds: acc.unknownPlotIds,
      unknownPlotCount: acc.unknownPlotCount,
      invalidEntries: acc.invalidEntries,
      missingTaxPlots: field(Field.MissingTax),
      missingFloorAreaPlots: field(Field.MissingFloorArea),
      missingRentPlots: field(Field.MissingRent),
      unassignedRelocations: zones.unassignedRelocations,
      unmeasuredZoneIds: zones.unmeasuredZoneIds,
      unclassifiedPlots: table.unclassified,
    },
    targets: targetChecks(
      {
        controlShare,
        renovatedMu,
        renovatedTaxPerMu,
        newAboveScaleFirms,
        negativeTowns: ledger.negativeTowns.length,
        violations: violationCount,
      },
      targets,
    ),
  };
}
