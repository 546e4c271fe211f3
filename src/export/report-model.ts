/**
 * What the printable report shows, read from the store's state: the active scenario's 2026 figures
 * against their targets, the quota ledger per town and, per town, the baseline figures with the plots
 * and 亩 of each action. No geometry: areas and ledgers come from the analysis rows and the scenario
 * indicators; here they are only grouped by town.
 */

import type { PlotRow } from '../core/analysis/analyze-plan.ts';
import { PLOT_ACTIONS, type PlotAction } from '../core/catalogue/action-catalogue.ts';
import type { LedgerFigures, TargetCheck } from '../core/scenario/indicators/scenario-figures.ts';
import { isPlanYear, type Scenario } from '../core/scenario/scenario.ts';
import type { PlotStatus } from '../core/types.ts';
import type { PlannerState } from '../state/planner-state.ts';
import {
  selectActiveScenario,
  selectScenarioIndicators,
  selectZoneMeasures,
} from '../state/scenario-selectors.ts';
import { selectPlanCredits, selectSampleLabel } from '../state/select-sample-data.ts';

/** The actions that change a plot, in the order of the policy. */
export type ChangingAction = Exclude<PlotAction, 'keep'>;
export const CHANGING_ACTIONS: readonly ChangingAction[] = PLOT_ACTIONS.filter(
  (action): action is ChangingAction => action !== 'keep',
);

/** Plot statuses in the order of the legend. */
export const REPORT_STATUSES: readonly PlotStatus[] = ['control', 'boundary', 'crossing', 'outside'];

/** The targets of the report, in the order printed: R1, R7 (three), R3, R2. */
export type ReportTargetKey =
  | 'controlShare'
  | 'renovatedMu'
  | 'renovatedTaxPerMu'
  | 'newAboveScaleFirms'
  | 'ledger'
  | 'violations';
export const REPORT_TARGET_KEYS: readonly ReportTargetKey[] = [
  'controlShare',
  'renovatedMu',
  'renovatedTaxPerMu',
  'newAboveScaleFirms',
  'ledger',
  'violations',
];

/** One town (or the city) in the per-town table. */
export interface ReportTownRow {
  /** '' for plots without a town; null for the whole city. */
  town: string | null;
  plots: number;
  industrialMu: number;
  /** Area-weighted share of the town's industrial land inside control lines; null when unknown. */
  controlShare: number | null;
  statusCounts: Record<PlotStatus, number>;
  /** Plots and 亩 of each action of the scenario as a whole (2026). */
  actions: Record<ChangingAction, { plots: number; mu: number }>;
}

export interface ReportLedgerRow {
  /** '' for zones or quotas without a town. */
  town: string;
  ledger: LedgerFigures;
}

export interface ReportModel {
  planName: string;
  scenarioName: string | null;
  /** The sample label (selectSampleLabel) while any layer is sample data, else null. */
  label: string | null;
  /** Each layer's source (selectPlanCredits), or null when none is recorded. */
  credits: string | null;
  /** The 2026 figures against their targets. */
  targets: Record<ReportTargetKey, TargetCheck>;
  /** The city's quota balance in 2026, 亩. */
  cityBalanceMu: number;
  ledgerTowns: ReportLedgerRow[];
  ledgerCity: LedgerFigures;
  towns: ReportTownRow[];
  city: ReportTownRow;
}

/** Towns in zh-CN collation, the plots without a town last. */
export function compareTownNames(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  return a.localeCompare(b, 'zh-CN');
}

/** The plot's action in the scenario; entries with a year outside 2022–2026 count as keep, as in the indicators. */
function actionIn(scenario: Scenario | undefined, plotId: string): PlotAction {
  if (!scenario || !Object.hasOwn(scenario.actions, plotId)) return 'keep';
  const entry = scenario.actions[plotId];
  return entry && isPlanYear(entry.year) && PLOT_ACTIONS.includes(entry.action) ? entry.action : 'keep';
}

function emptyActions(): Record<ChangingAction, { plots: number; mu: number }> {
  return {
    upgrade: { plots: 0, mu: 0 },
    acquire: { plots: 0, mu: 0 },
    vacate: { plots: 0, mu: 0 },
    relocate: { plots: 0, mu: 0 },
  };
}

function actionsByTown(
  rows: readonly PlotRow[],
  scenario: Scenario | undefined,
): { byTown: Map<string, ReturnType<typeof emptyActions>>; city: ReturnType<typeof emptyActions> } {
  const byTown = new Map<string, ReturnType<typeof emptyActions>>();
  const city = emptyActions();
  for (const row of rows) {
    const action = actionIn(scenario, row.id);
    if (action === 'keep') continue;
    let town = byTown.get(row.town);
    if (!town) {
      town = emptyActions();
      byTown.set(row.town, town);
    }
    town[action].plots++;
    town[action].mu += row.areaMu;
    city[action].plots++;
    city[action].mu += row.areaMu;
  }
  return { byTown, city };
}

const NO_STATUS: Readonly<Record<PlotStatus, number>> = Object.freeze({
  control: 0,
  boundary: 0,
  crossing: 0,
  outside: 0,
});

/** The report's figures for the active scenario, or null before a plan is open. */
export function reportModel(state: PlannerState): ReportModel | null {
  const scenario = selectActiveScenario(state);
  const analysis = state.analysis;
  if (!scenario || !analysis) return null;
  const overall = selectScenarioIndicators(state, scenario).overall;
  const baseline = analysis.baseline;
  const actions = actionsByTown(analysis.rows, scenario);
  const townNames = [...new Set([...Object.keys(baseline.byTown), ...actions.byTown.keys()])].sort(
    compareTownNames,
  );
  const towns = townNames.map((town): ReportTownRow => {
    const figures = baseline.byTown[town];
    return {
      town,
      plots: figures?.plots ?? 0,
      industrialMu: figures?.industrialMu ?? 0,
      controlShare: figures?.controlShare ?? null,
      statusCounts: { ...(figures?.statusCounts ?? NO_STATUS) },
      actions: actions.byTown.get(town) ?? emptyActions(),
    };
  });
  return {
    planName: state.planName,
    scenarioName: scenario.name,
    label: selectSampleLabel(state),
    credits: selectPlanCredits(state),
    targets: {
      controlShare: overall.targets.controlShare,
      renovatedMu: overall.targets.renovatedMu,
      renovatedTaxPerMu: overall.targets.renovatedTaxPerMu,
      newAboveScaleFirms: overall.targets.newAboveScaleFirms,
      ledger: overall.targets.ledger,
      violations: overall.targets.violations,
    },
    cityBalanceMu: overall.ledger.city.balance,
    ledgerTowns: Object.entries(overall.ledger.byTown)
      .sort(([a], [b]) => compareTownNames(a, b))
      .map(([town, ledger]) => ({ town, ledger })),
    ledgerCity: overall.ledger.city,
    towns,
    city: {
      town: null,
      plots: baseline.plots,
      industrialMu: baseline.industrialMu,
      controlShare: baseline.controlShare,
      statusCounts: { ...baseline.statusCounts },
      actions: actions.city,
    },
  };
}

let cached: { inputs: readonly unknown[]; model: ReportModel | null } | null = null;

/**
 * `reportModel` as a store selector: the same object until the analysis, the active scenario, its
 * zones' measures, the plan's name, its sample label or its credits change.
 */
export function selectReportModel(state: PlannerState): ReportModel | null {
  const scenario = selectActiveScenario(state);
  const inputs = [
    state.analysis,
    scenario,
    scenario ? selectZoneMeasures(state, scenario.id) : null,
    state.planName,
    selectSampleLabel(state),
    selectPlanCredits(state),
  ];
  if (cached?.inputs.every((input, i) => input === inputs[i])) return cached.model;
  cached = { inputs, model: reportModel(state) };
  return cached.model;
}
