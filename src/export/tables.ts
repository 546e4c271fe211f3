/**
 * The plan's tables for Excel, from the store's state: (a) every plot with its figures and the
 * active scenario's action, year and receiving zone; (b) the baseline and scenario indicators per
 * town; (c) per town, its plots with their actions and years (for the town's 实施方案). Figures
 * come from the analysis rows and the scenario indicators; here they are only rounded and laid out.
 * CSV is written here; the XLSX writer is loaded with a dynamic import when first used.
 */

import type { PlotRow } from '../core/analysis/analyze-plan.ts';
import { actionName, PLOT_ACTIONS, type PlotAction } from '../core/catalogue/action-catalogue.ts';
import { figureRecord } from '../core/catalogue/figure-catalogue.ts';
import type { LedgerFigures } from '../core/scenario/indicators/scenario-figures.ts';
import { type ActionEntry, isPlanYear, type Scenario } from '../core/scenario/scenario.ts';
import { AREA_METHOD } from '../core/settings.ts';
import type { PlotStatus } from '../core/types.ts';
import { type Language, translate } from '../i18n/messages.ts';
import type { PlannerState } from '../state/planner-state.ts';
import { selectActiveScenario, selectScenarioIndicators } from '../state/scenario-selectors.ts';
import { selectSampleLabel } from '../state/select-sample-data.ts';
import type { PlannerStore } from '../state/store.ts';
import { csvBytes } from './csv.ts';
import { download, fileNameFor } from './download.ts';
import { dayOf, type ExportMessageKey, exportText } from './export-text.ts';
import { CHANGING_ACTIONS } from './report-model.ts';
import { type Cell, roundTo, type Table, tableRows } from './table.ts';

const STATUSES: readonly PlotStatus[] = ['control', 'boundary', 'crossing', 'outside'];

/** The quota ledger's figures (catalogue keys), in the order of the columns, and their field in a town's ledger. */
const LEDGER_FIGURES = [
  'released',
  'directQuotaMu',
  'transfersIn',
  'transfersOut',
  'used',
  'ledgerBalance',
] as const;
const LEDGER_FIELD: Readonly<Record<(typeof LEDGER_FIGURES)[number], keyof LedgerFigures>> = {
  released: 'released',
  directQuotaMu: 'directQuotaMu',
  transfersIn: 'transfersIn',
  transfersOut: 'transfersOut',
  used: 'used',
  ledgerBalance: 'balance',
};

export interface TableOptions {
  /** The export's date (notes); now by default. */
  now?: Date;
}

/** What the tables need of the state, resolved once. */
interface Context {
  state: PlannerState;
  language: Language;
  rows: readonly PlotRow[];
  scenario: Scenario | undefined;
  text: (key: ExportMessageKey, values?: Readonly<Record<string, string | number>>) => string;
  notes: string[];
}

function contextOf(state: PlannerState, options: TableOptions): Context {
  const language = state.language;
  const scenario = selectActiveScenario(state);
  const text = (key: ExportMessageKey, values?: Readonly<Record<string, string | number>>) =>
    exportText(language, key, values);
  const notes = [
    language === 'en' ? AREA_METHOD.en : AREA_METHOD.zh,
    text('export.note.plan', {
      plan: state.planName,
      scenario: scenario?.name ?? '—',
      date: dayOf(options.now ?? new Date()),
    }),
  ];
  const sampleLabel = selectSampleLabel(state);
  if (sampleLabel) notes.push(sampleLabel);
  return { state, language, rows: state.analysis?.rows ?? [], scenario, text, notes };
}

function messageIn(language: Language, message: { zh: string; en: string }): string {
  return language === 'en' ? message.en : message.zh;
}

function statusLabel(context: Context, status: PlotStatus | null): string {
  return status === null
    ? translate(context.language, 'legend.unclassified')
    : translate(context.language, `status.${status}`);
}

function townLabel(context: Context, town: string): string {
  return town === '' ? context.text('export.town.none') : town;
}

function screeningLabel(context: Context, passes: boolean | undefined): string {
  if (passes === undefined) return context.text('export.screening.unknown');
  return context.text(passes ? 'export.screening.pass' : 'export.screening.fail');
}

/** The plot's action entry in the scenario; entries with a year outside 2022–2026 count as keep, as in the indicators. */
function entryOf(scenario: Scenario | undefined, plotId: string): ActionEntry | null {
  if (!scenario || !Object.hasOwn(scenario.actions, plotId)) return null;
  const entry = scenario.actions[plotId];
  return entry && entry.action !== 'keep' && isPlanYear(entry.year) && PLOT_ACTIONS.includes(entry.action)
    ? entry
    : null;
}

function actionCells(context: Context, entry: ActionEntry | null): Cell[] {
  const action: PlotAction = entry?.action ?? 'keep';
  const zone =
    entry?.action === 'relocate' && entry.zoneId !== undefined
      ? (context.scenario?.zones.find((z) => z.id === entry.zoneId)?.name ?? entry.zoneId)
      : null;
  return [messageIn(context.language, actionName(action)), entry?.year ?? null, zone];
}

/** (a) Every plot: id, name, town, village, status, areas, tax per 亩, class, screening, action, year, zone. */
export function plotTable(state: PlannerState, options: TableOptions = {}): Table {
  const context = contextOf(state, options);
  const { text } = context;
  return {
    name: text('export.sheet.plots'),
    header: [
      text('export.col.id'),
      text('export.col.name'),
      text('export.col.town'),
      text('export.col.village'),
      text('export.col.status'),
      text('export.col.areaMu'),
      text('export.col.areaHa'),
      text('export.col.areaM2'),
      text('export.col.inBoundaryMu'),
      text('export.col.inControlMu'),
      text('export.col.taxPerMu'),
      text('export.col.class'),
      text('export.col.screening'),
      text('export.col.action'),
      text('export.col.year'),
      text('export.col.zone'),
    ],
    rows: context.rows.map((row) => [
      row.id,
      row.name ?? null,
      townLabel(context, row.town),
      row.village ?? null,
      statusLabel(context, row.status),
      roundTo(row.areaMu, 4),
      roundTo(row.areaM2 / 10_000, 4),
      roundTo(row.areaM2, 2),
      roundTo((row.inBoundaryM2 * 15) / 10_000, 4),
      roundTo((row.inControlM2 * 15) / 10_000, 4),
      roundTo(row.measures.taxPerMu, 2),
      row.measures.efficiencyClass ?? null,
      screeningLabel(context, row.measures.passesScreening),
      ...actionCells(context, entryOf(context.scenario, row.id)),
    ]),
    notes: context.notes,
  };
}

function compareTowns(a: string, b: string): number {
  // Plots without a town last.
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  return a.localeCompare(b, 'zh-CN');
}

/** (b) Per town and citywide: baseline figures, 亩 per action of the scenario and the quota ledger (2026). */
export function townIndicatorTable(state: PlannerState, options: TableOptions = {}): Table {
  const context = contextOf(state, options);
  const { text, language, scenario } = context;
  const baseline = state.analysis?.baseline;
  const overall = scenario && state.analysis ? selectScenarioIndicators(state, scenario).overall : null;
  const actionMu = new Map<string, Record<PlotAction, number>>();
  const emptyMu = () =>
    Object.fromEntries(PLOT_ACTIONS.map((action) => [action, 0])) as Record<PlotAction, number>;
  const cityMu = emptyMu();
  const figureHeader = (key: string, unit: string) =>
    text('export.col.figure', { name: messageIn(language, figureRecord(key).name), unit });
  for (const row of context.rows) {
    const action = entryOf(scenario, row.id)?.action ?? 'keep';
    let mu = actionMu.get(row.town);
    if (!mu) {
      mu = emptyMu();
      actionMu.set(row.town, mu);
    }
    mu[action] += row.areaMu;
    cityMu[action] += row.areaMu;
  }
  const towns = [
    ...new Set([
      ...Object.keys(baseline?.byTown ?? {}),
      ...actionMu.keys(),
      ...Object.keys(overall?.ledger.byTown ?? {}),
    ]),
  ].sort(compareTowns);
  const line = (label: string, town: string | null): Cell[] => {
    const figures = town === null ? baseline : baseline?.byTown[town];
    const mu = town === null ? cityMu : (actionMu.get(town) ?? emptyMu());
    const ledger = town === null ? overall?.ledger.city : overall?.ledger.byTown[town];
    const renovated = CHANGING_ACTIONS.reduce((sum, action) => sum + mu[action], 0);
    return [
      label,
      figures?.plots ?? null,
      roundTo(figures?.industrialMu, 4),
      roundTo(figures?.inControlMu, 4),
      roundTo(figures?.controlShare === null || figures === undefined ? null : figures.controlShare * 100, 2),
      roundTo(figures?.outsideBoundaryMu, 4),
      ...STATUSES.map((status) => figures?.statusCounts[status] ?? null),
      ...CHANGING_ACTIONS.map((action) => roundTo(mu[action], 4)),
      roundTo(renovated, 4),
      ...LEDGER_FIGURES.map((key) => roundTo(ledger?.[LEDGER_FIELD[key]], 4)),
    ];
  };
  return {
    name: text('export.sheet.indicators'),
    header: [
      text('export.col.town'),
      text('export.col.plots'),
      text('export.col.industrialMu'),
      text('export.col.inControlMu'),
      figureHeader('controlShare', '%'),
      text('export.col.outsideBoundaryMu'),
      ...STATUSES.map((status) => text('export.col.statusCount', { status: statusLabel(context, status) })),
      ...CHANGING_ACTIONS.map((action) =>
        text('export.col.actionMu', { action: messageIn(language, actionName(action)) }),
      ),
      ...['renovatedMu', ...LEDGER_FIGURES].map((key) => figureHeader(key, text('export.unit.mu'))),
    ],
    rows: [
      line(text('export.town.city'), null),
      ...towns.map((town) => line(townLabel(context, town), town)),
    ],
    notes: [...context.notes, text('export.note.assumptions')],
  };
}

const TOWN_PLAN_COLUMNS: readonly ExportMessageKey[] = [
  'export.col.index',
  'export.col.id',
  'export.col.name',
  'export.col.village',
  'export.col.status',
  'export.col.areaMu',
  'export.col.action',
  'export.col.year',
  'export.col.zone',
  'export.col.taxPerMu',
  'export.col.class',
  'export.col.firms',
  'export.col.aboveScaleFirms',
  'export.col.employees',
];

/** A town's plots in the order of its action list: changed plots by year and action, then the kept ones. */
function townPlanRows(context: Context, rows: readonly PlotRow[]): Cell[][] {
  const ranked = rows.map((row) => ({ row, entry: entryOf(context.scenario, row.id) }));
  ranked.sort((a, b) => {
    if ((a.entry === null) !== (b.entry === null)) return a.entry === null ? 1 : -1;
    if (a.entry && b.entry) {
      if (a.entry.year !== b.entry.year) return a.entry.year - b.entry.year;
      const byAction = PLOT_ACTIONS.indexOf(a.entry.action) - PLOT_ACTIONS.indexOf(b.entry.action);
      if (byAction !== 0) return byAction;
    }
    return (
      (a.row.village ?? '').localeCompare(b.row.village ?? '', 'zh-CN') ||
      a.row.id.localeCompare(b.row.id, 'zh-CN', { numeric: true })
    );
  });
  return ranked.map(({ row, entry }, i) => [
    i + 1,
    row.id,
    row.name ?? null,
    row.village ?? null,
    statusLabel(context, row.status),
    roundTo(row.areaMu, 4),
    ...actionCells(context, entry),
    roundTo(row.measures.taxPerMu, 2),
    row.measures.efficiencyClass ?? null,
    row.properties.firms ?? null,
    row.properties.aboveScaleFirms ?? null,
    row.properties.employees ?? null,
  ]);
}

function rowsByTown(rows: readonly PlotRow[]): [string, PlotRow[]][] {
  const byTown = new Map<string, PlotRow[]>();
  for (const row of rows) {
    const list = byTown.get(row.town);
    if (list) list.push(row);
    else byTown.set(row.town, [row]);
  }
  return [...byTown.entries()].sort(([a], [b]) => compareTowns(a, b));
}

/** (c) One table per town (a sheet each in XLSX): its plots with their actions and years. */
export function townPlanTables(state: PlannerState, options: TableOptions = {}): Table[] {
  const context = contextOf(state, options);
  const notes = [...context.notes, context.text('export.note.townPlan')];
  return rowsByTown(context.rows).map(([town, rows]) => ({
    name: townLabel(context, town),
    header: TOWN_PLAN_COLUMNS.map((key) => context.text(key)),
    rows: townPlanRows(context, rows),
    notes,
  }));
}

/** (c) as one table with a town column first (for CSV). */
export function townPlanTable(state: PlannerState, options: TableOptions = {}): Table {
  const context = contextOf(state, options);
  const rows: Cell[][] = [];
  for (const [town, townRows] of rowsByTown(context.rows)) {
    for (const cells of townPlanRows(context, townRows)) rows.push([townLabel(context, town), ...cells]);
  }
  return {
    name: context.text('export.file.towns'),
    header: [context.text('export.col.town'), ...TOWN_PLAN_COLUMNS.map((key) => context.text(key))],
    rows,
    notes: [...context.notes, context.text('export.note.townPlan')],
  };
}

/** Column widths (characters) for a sheet: wide enough for the header and the first rows. */
function columnWidths(table: Table): number[] {
  const sample = [table.header, ...table.rows.slice(0, 200)];
  const widthOf = (cell: Cell | undefined) =>
    cell === null || cell === undefined
      ? 0
      : [...String(cell)].reduce((sum, char) => sum + (char.charCodeAt(0) > 0xff ? 2 : 1), 0);
  return table.header.map((_, c) => Math.min(40, Math.max(6, ...sample.map((row) => widthOf(row[c]) + 2))));
}

/** The tables as the bytes of an XLSX workbook, one sheet each (the writer is loaded on first use). */
export async function tablesToXlsx(tables: readonly Table[]): Promise<Uint8Array> {
  const { writeXlsx } = await import('./xlsx.ts');
  return writeXlsx(
    tables.map((table) => ({
      name: table.name,
      rows: tableRows(table),
      headerRows: 1,
      widths: columnWidths(table),
    })),
  );
}

export type TableExport = 'plots-csv' | 'plots-xlsx' | 'towns-csv' | 'towns-xlsx' | 'indicators-csv';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Writes one of the tables of the current plan as a download named after the plan, the scenario
 * and the date. Returns false when no plan is open.
 */
export async function exportTable(
  store: PlannerStore,
  kind: TableExport,
  options: TableOptions = {},
): Promise<boolean> {
  const state = store.getState();
  if (!state.analysis) return false;
  const name = (key: ExportMessageKey, extension: string) =>
    fileNameFor(
      state.planName,
      `-${exportText(state.language, key)}${extension}`,
      selectActiveScenario(state)?.name,
      options.now,
    );
  const csv = (table: Table, key: ExportMessageKey) =>
    download(
      new Blob([csvBytes(tableRows(table)) as BlobPart], { type: 'text/csv;charset=utf-8' }),
      name(key, '.csv'),
    );
  const xlsx = async (tables: Table[], key: ExportMessageKey) =>
    download(new Blob([(await tablesToXlsx(tables)) as BlobPart], { type: XLSX_TYPE }), name(key, '.xlsx'));
  switch (kind) {
    case 'plots-csv':
      csv(plotTable(state, options), 'export.file.plots');
      break;
    case 'plots-xlsx':
      await xlsx([plotTable(state, options)], 'export.file.plots');
      break;
    case 'towns-csv':
      csv(townPlanTable(state, options), 'export.file.towns');
      break;
    case 'towns-xlsx':
      await xlsx(townPlanTables(state, options), 'export.file.towns');
      break;
    case 'indicators-csv':
      csv(townIndicatorTable(state, options), 'export.file.indicators');
      break;
  }
  return true;
}
