/**
 * Pure helpers of the scenario panels: new ids and names, the plots an action applies to, the
 * action entry a form describes, progress against a target, chart scales and the rows of the
 * scenario comparison. No React and no geometry: everything here reads figures already computed.
 */

import { PLOT_ACTIONS, type PlotAction } from '../core/catalogue/action-catalogue.ts';
import {
  type Better,
  FIGURE_CATALOGUE,
  type FigureUnit,
  INDICATOR_CATALOGUE,
  type TargetKey,
} from '../core/catalogue/indicator-catalogue.ts';
import { BALANCE_EPSILON_MU, type ScenarioFigures } from '../core/scenario/indicators/scenario-figures.ts';
import { type ActionEntry, actionOf, type PlanYear, type Scenario } from '../core/scenario/scenario.ts';
import type { Message } from '../core/types.ts';
import type { PlannerState } from './planner-state.ts';

/**
 * An id `${prefix}-${time in base 36}` that none of `existing` has (a suffix -2, -3, … when two
 * are made in the same millisecond).
 */
export function newId(prefix: string, existing: Iterable<string>, now: number = Date.now()): string {
  const taken = new Set(existing);
  const base = `${prefix}-${Math.max(0, Math.floor(now)).toString(36)}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** `name` itself when no scenario has it, else `name 2`, `name 3`, … */
export function uniqueName(name: string, existing: Iterable<string>): string {
  const taken = new Set(existing);
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} ${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const FULL_WIDTH = /[\uff10-\uff19\uff0e\uff0c\uff0d\uff0b]/g;

/**
 * A number typed by the planner: thousands separators and full-width digits (a Chinese input method)
 * accepted. null for an empty text, undefined for a text that is not a number.
 */
export function parseNumberText(text: string): number | null | undefined {
  const halfWidth = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const trimmed = halfWidth.trim().replace(/,/g, '');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** true when keys typed at `target` go into a text field, so that shortcuts must leave them alone. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean } | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Ctrl+Z (⌘Z) undoes; Ctrl+Shift+Z and Ctrl+Y redo; anything else is not ours. */
export function undoShortcut(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

/** Where the plots of an action come from. */
export type ActionSource = 'picked' | 'selected' | 'filter';

const SOURCE_ORDER: readonly ActionSource[] = ['picked', 'selected', 'filter'];

/** The source chosen when it has plots, else the first of picked → selected → filter that has some. */
export function resolveActionSource(
  chosen: ActionSource | null,
  counts: Readonly<Record<ActionSource, number>>,
): ActionSource {
  if (chosen !== null && counts[chosen] > 0) return chosen;
  return SOURCE_ORDER.find((source) => counts[source] > 0) ?? chosen ?? 'picked';
}

/** What the action form holds. */
export interface ActionForm {
  action: PlotAction;
  year: PlanYear;
  /** relocate: the receiving zone; '' = none named. */
  zoneId: string;
  /** acquire: lease instead of buying. */
  isLease: boolean;
  /** acquire with lease: the years as typed. */
  leaseYears: string;
}

/**
 * The entry the form describes (null = keep, i.e. no entry), or why it cannot be made. A zone only
 * goes with relocate and a lease only with acquire, whatever the form still holds.
 */
export function buildActionEntry(
  form: ActionForm,
): { entry: ActionEntry | null; problem?: undefined } | { entry?: undefined; problem: Message } {
  if (form.action === 'keep') return { entry: null };
  const entry: ActionEntry = { action: form.action, year: form.year };
  if (form.action === 'relocate' && form.zoneId !== '') entry.zoneId = form.zoneId;
  if (form.action === 'acquire' && form.isLease) {
    const years = parseNumberText(form.leaseYears);
    if (typeof years !== 'number' || !(years > 0))
      return {
        problem: {
          zh: `租赁年限须为正数：${form.leaseYears.trim() || '（空）'}`,
          en: `the lease must last a positive number of years: ${form.leaseYears.trim() || '(empty)'}`,
        },
      };
    entry.lease = { years };
  }
  return { entry };
}

/** How many of `plotIds` have each action in `scenario` (no entry = keep). */
export function countActions(scenario: Scenario, plotIds: readonly string[]): Record<PlotAction, number> {
  const counts = Object.fromEntries(PLOT_ACTIONS.map((action) => [action, 0])) as Record<PlotAction, number>;
  for (const plotId of plotIds) counts[actionOf(scenario, plotId)]++;
  return counts;
}

/**
 * Where a value and its target sit on a progress bar, both 0…1 of its width. A share runs from 0 to
 * 100 %; any other figure runs from 0 to target ÷ 0.8, so that every target mark sits at 80 % and a
 * value past the target still shows its surplus up to the end of the bar.
 */
export function progressOf(
  value: number | null,
  target: number,
  kind: 'share' | 'amount',
): { fill: number; marker: number } {
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  if (kind === 'share') return { fill: clamp(value ?? 0), marker: clamp(target) };
  const end = target > 0 ? target / 0.8 : 1;
  return { fill: clamp((value ?? 0) / end), marker: target > 0 ? 0.8 : 0 };
}

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ that is ≥ value (value > 0). */
export function niceCeil(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const nice = step * power;
    // A relative tolerance: 0.3 / 0.1 must not come out as 3.0000000000000004 → 5.
    if (nice >= value * (1 - 1e-12)) return nice;
  }
  return 10 * power;
}

/**
 * The y scale of a year chart: from 0 to a round number above the values and the target (a share
 * always runs 0…100 %), with the ticks 0, max/2, max.
 */
export function chartScale(
  values: readonly (number | null)[],
  target: number,
  kind: 'share' | 'amount',
): { max: number; ticks: number[] } {
  if (kind === 'share') return { max: 1, ticks: [0, 0.5, 1] };
  const highest = Math.max(target, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const max = niceCeil(highest * 1.1);
  return { max, ticks: [0, max / 2, max] };
}

/** true when a quota balance is negative (beyond the rounding of area sums). */
export function isNegativeBalance(balanceMu: number): boolean {
  return balanceMu < -BALANCE_EPSILON_MU;
}

/** How a comparison row is judged: higher or lower is better, or neither. */
export type CompareDirection = Better;

/** One row of the scenario comparison: a figure of the catalogue for each scenario. */
export interface CompareRow {
  key: string;
  label: Message;
  unit: FigureUnit;
  direction: CompareDirection;
  /** Target the row is measured against, if any (R1, R7). */
  target?: number;
  /** Per scenario, in the order given; null = not available. */
  values: (number | null)[];
  /** value − the first scenario's value; null for the first and where either is missing. */
  differences: (number | null)[];
  /** Indices of the scenarios with the best value (empty when all are equal or the row has no direction). */
  best: number[];
}

/** The compared rows: the catalogue's compared figures in its order, targets from the figures' own checks. */
export function compareRows(figures: readonly ScenarioFigures[]): CompareRow[] {
  return FIGURE_CATALOGUE.filter((figure) => figure.compared).map((figure) => {
    const values = figures.map((f) => {
      const value = figure.read(f);
      return value === null || !Number.isFinite(value) ? null : value;
    });
    const first = values[0] ?? null;
    const differences = values.map((value, i) =>
      i === 0 || value === null || first === null ? null : value - first,
    );
    const target = targetOf(figure.key, figures[0]);
    return {
      key: figure.key,
      label: figure.name,
      unit: figure.unit,
      direction: figure.better,
      ...(target === undefined ? {} : { target }),
      values,
      differences,
      best: bestIndices(values, figure.better),
    };
  });
}

/** The 2026 target of a headline figure with an at-least target (R1, R7). */
function targetOf(key: string, figures: ScenarioFigures | undefined): number | undefined {
  if (!figures) return undefined;
  const indicator = INDICATOR_CATALOGUE.find((record) => record.headline === key);
  if (indicator?.target?.kind !== 'atLeast') return undefined;
  return figures.targets[indicator.key as TargetKey].target;
}

/** Relative tolerance under which two compared values count as equal (sums in different orders). */
const EQUAL_TOLERANCE = 1e-9;

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EQUAL_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Indices holding the best value; none when there is one value or fewer, or all are equal. */
export function bestIndices(values: readonly (number | null)[], direction: CompareDirection): number[] {
  if (direction === 'none') return [];
  const present = values.filter((v): v is number => v !== null);
  if (present.length < 2) return [];
  const best = direction === 'higher' ? Math.max(...present) : Math.min(...present);
  if (present.every((v) => nearlyEqual(v, best))) return [];
  return values.flatMap((v, i) => (v !== null && nearlyEqual(v, best) ? [i] : []));
}

const collator = new Intl.Collator('zh-CN', { numeric: true });
const NO_TOWNS: readonly string[] = Object.freeze([]);
let townsCache: {
  analysis: PlannerState['analysis'];
  layers: PlannerState['layers'];
  towns: readonly string[];
} | null = null;

/**
 * Every town of the plan, for choosing the town of a zone, a direct quota or a transfer: the towns
 * of the plots and those named by the development boundaries, distinct, in zh-CN collation; the
 * same array until the plan changes.
 */
export function selectPlanTowns(state: Pick<PlannerState, 'analysis' | 'layers'>): readonly string[] {
  const { analysis, layers } = state;
  if (!analysis && !layers) return NO_TOWNS;
  if (townsCache && townsCache.analysis === analysis && townsCache.layers === layers) return townsCache.towns;
  const towns = new Set<string>();
  for (const town of Object.keys(analysis?.baseline.byTown ?? {})) if (town !== '') towns.add(town);
  for (const feature of layers?.boundary.features ?? []) {
    const town = feature.properties?.town;
    if (typeof town === 'string' && town.trim() !== '') towns.add(town.trim());
  }
  townsCache = { analysis, layers, towns: [...towns].sort(collator.compare) };
  return townsCache.towns;
}
