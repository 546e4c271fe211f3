/**
 * 版本对比 as tables: the figures before and after (overall and per year), the plots whose action
 * changed, the zones, the quota items, the assumptions, settings and town balances. The panel shows
 * these rows and the XLSX export writes them, one sheet each, so both say the same. Names of
 * figures, actions and assumptions come from the catalogues.
 */

import { actionRecord } from '../core/catalogue/action-catalogue.ts';
import { UNIT_DIGITS } from '../core/catalogue/figure-catalogue.ts';
import type { PlanDiff } from '../core/diff/diff-plans.ts';
import type { ItemChange, PlotChange, ZoneChange } from '../core/diff/diff-scenarios.ts';
import type { ActionEntry, DirectQuota, QuotaTransfer } from '../core/scenario/scenario.ts';
import { PLAN_YEARS } from '../core/scenario/scenario.ts';
import { AREA_METHOD } from '../core/settings.ts';
import type { Message } from '../core/types.ts';
import { type DiffMessageKey, diffText } from '../i18n/diff-messages.ts';
import type { Language } from '../i18n/messages.ts';
import type { PlannerStore } from '../state/store.ts';
import { download, fileNameFor } from './download.ts';
import { dayOf } from './export-text.ts';
import { type Cell, roundTo, type Table } from './table.ts';
import { tablesToXlsx } from './tables.ts';

/** The two versions as the notes name them. */
export interface DiffNames {
  /** The saved file's name. */
  before: string;
  /** The current plan's name. */
  after: string;
}

function pickIn(language: Language, message: Message): string {
  return language === 'en' ? message.en : message.zh;
}

/** A plot's entry in words: 腾退 2024 · 迁入 zone-1 · 租期 15; 保留 without one. */
function entryText(language: Language, entry: ActionEntry | null): string {
  if (!entry || entry.action === 'keep') return pickIn(language, actionRecord('keep').shortName);
  const parts = [
    diffText(language, 'diff.entry', {
      action: pickIn(language, actionRecord(entry.action).shortName),
      year: entry.year,
    }),
  ];
  if (entry.zoneId !== undefined) parts.push(`${diffText(language, 'diff.field.zone')} ${entry.zoneId}`);
  if (entry.lease) parts.push(`${diffText(language, 'diff.field.lease')} ${entry.lease.years}`);
  return parts.join(' · ');
}

function fields(language: Language, changed: readonly string[]): string {
  return changed
    .map((field) => diffText(language, `diff.field.${field}` as DiffMessageKey))
    .join(language === 'en' ? ', ' : '、');
}

function kindText(language: Language, kind: ZoneChange['kind']): string {
  return diffText(language, `diff.kind.${kind}`);
}

/** Plots: id, before, after, what changed. */
function plotRows(language: Language, plots: readonly PlotChange[]): Cell[][] {
  return plots.map((change) => [
    change.plotId,
    entryText(language, change.before),
    entryText(language, change.after),
    fields(language, change.changed),
  ]);
}

const mu = (value: number | null | undefined) => roundTo(value ?? null, 2);

/** Zones: id, name, kind, what changed, areas before and after and the difference (亩). */
function zoneRows(language: Language, zones: readonly ZoneChange[]): Cell[][] {
  return zones.map((change) => [
    change.zoneId,
    (change.after ?? change.before)?.name ?? '',
    kindText(language, change.kind),
    fields(language, change.changed),
    mu(change.before?.areaMu),
    mu(change.after?.areaMu),
    mu(change.areaDifferenceMu),
  ]);
}

function transferText(language: Language, transfer: QuotaTransfer | null): string {
  return transfer ? diffText(language, 'diff.transfer', { ...transfer }) : '—';
}

function quotaText(language: Language, quota: DirectQuota | null): string {
  return quota ? diffText(language, 'diff.quota', { ...quota }) : '—';
}

/** Transfers and direct quota: id, kind, before, after, what changed. */
function quotaRows(
  language: Language,
  transfers: readonly ItemChange<QuotaTransfer>[],
  directQuota: readonly ItemChange<DirectQuota>[],
): Cell[][] {
  return [
    ...transfers.map((c) => [
      c.id,
      kindText(language, c.kind),
      transferText(language, c.before),
      transferText(language, c.after),
      fields(language, c.changed),
    ]),
    ...directQuota.map((c) => [
      c.id,
      kindText(language, c.kind),
      quotaText(language, c.before),
      quotaText(language, c.after),
      fields(language, c.changed),
    ]),
  ];
}

/** Figures: name, before, after, change; rounded as the figure's unit is shown. */
export function indicatorRows(
  diff: PlanDiff,
  language: Language,
  onlyChanged: boolean,
  year?: number,
): Cell[][] {
  return diff.indicators
    .filter((indicator) => !onlyChanged || indicator.changed)
    .map((indicator) => {
      const figures =
        year === undefined
          ? indicator
          : (indicator.byYear[year as keyof typeof indicator.byYear] ?? indicator);
      // Shares as percentages, as every surface shows them.
      const scale = indicator.unit === 'share' ? 100 : 1;
      const digits = (UNIT_DIGITS[indicator.unit] ?? [2, 2])[1];
      const value = (v: number | null) => roundTo(v === null ? null : v * scale, digits);
      const unit = indicator.unit === 'share' ? ' (%)' : '';
      return [
        `${pickIn(language, indicator.name)}${unit}`,
        value(figures.before),
        value(figures.after),
        value(figures.difference),
      ];
    });
}

function other(diff: PlanDiff, language: Language): Cell[][] {
  const text = (value: unknown): Cell =>
    typeof value === 'number' || typeof value === 'string' ? value : JSON.stringify(value ?? null);
  return [
    ...diff.scenario.assumptions.map((c) => [
      pickIn(language, c.name),
      c.before,
      c.after,
      roundTo(c.difference, 6),
    ]),
    ...diff.settings.map((c) => [c.path, text(c.before), text(c.after), null]),
    ...diff.balances.map((c) => [
      diffText(language, 'diff.balanceOf', { town: c.town }),
      mu(c.before),
      mu(c.after),
      mu(c.difference),
    ]),
  ];
}

/** The comparison as tables, one per sheet of the export. */
export function versionDiffTables(
  diff: PlanDiff,
  language: Language,
  names: DiffNames,
  now = new Date(),
): Table[] {
  const t = (key: DiffMessageKey) => diffText(language, key);
  const notes = [
    language === 'en' ? AREA_METHOD.en : AREA_METHOD.zh,
    diffText(language, 'diff.note.versions', {
      before: names.before,
      beforeScenario: diff.before.scenario.name,
      after: names.after,
      afterScenario: diff.after.scenario.name,
      date: dayOf(now),
    }),
  ];
  const years = [...PLAN_YEARS];
  const lastYear = years[years.length - 1] as number;
  const figureRows: Cell[][] = [];
  for (const year of years) {
    for (const row of indicatorRows(diff, language, false, year))
      figureRows.push([year === lastYear ? diffText(language, 'diff.overall', { year }) : year, ...row]);
  }
  return [
    {
      name: t('diff.sheet.indicators'),
      header: [
        t('diff.col.year'),
        t('diff.col.figure'),
        t('diff.col.before'),
        t('diff.col.after'),
        t('diff.col.difference'),
      ],
      rows: figureRows,
      notes,
    },
    {
      name: t('diff.sheet.plots'),
      header: [t('diff.col.plot'), t('diff.col.before'), t('diff.col.after'), t('diff.col.what')],
      rows: plotRows(language, diff.scenario.plots),
      notes,
    },
    {
      name: t('diff.sheet.zones'),
      header: [
        t('diff.col.zone'),
        t('diff.field.name'),
        t('diff.col.kind'),
        t('diff.col.what'),
        t('diff.col.areaBefore'),
        t('diff.col.areaAfter'),
        t('diff.col.areaDifference'),
      ],
      rows: zoneRows(language, diff.scenario.zones),
      notes,
    },
    {
      name: t('diff.sheet.quota'),
      header: [
        t('diff.col.item'),
        t('diff.col.kind'),
        t('diff.col.before'),
        t('diff.col.after'),
        t('diff.col.what'),
      ],
      rows: quotaRows(language, diff.scenario.transfers, diff.scenario.directQuota),
      notes,
    },
    {
      name: t('diff.sheet.other'),
      header: [t('diff.col.item'), t('diff.col.before'), t('diff.col.after'), t('diff.col.difference')],
      rows: other(diff, language),
      notes,
    },
  ];
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Downloads the last comparison as an XLSX workbook; false when there is none. */
export async function exportVersionDiff(store: PlannerStore, now = new Date()): Promise<boolean> {
  const state = store.getState();
  const compared = state.versionDiff;
  if (!compared || !state.savedPlan) return false;
  const tables = versionDiffTables(
    compared.diff,
    state.language,
    { before: state.savedPlan.fileName, after: state.planName },
    now,
  );
  const name = fileNameFor(
    state.planName,
    `-${diffText(state.language, 'diff.file.name')}.xlsx`,
    compared.diff.after.scenario.name,
    now,
  );
  download(new Blob([(await tablesToXlsx(tables)) as BlobPart], { type: XLSX_TYPE }), name);
  return true;
}
