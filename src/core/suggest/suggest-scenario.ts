/**
 * The plan suggestion (方案建议): the scenario that meets the plan's targets and constraints at the
 * least objective, with a proven lower bound and the gap between them (docs/suggest.md). Pure
 * TypeScript over the analysed plan; runs in Node and in a Web Worker (HiGHS as WebAssembly). The
 * inputs are never changed: a cancelled run leaves nothing behind.
 */

import type { PlotRow } from '../analysis/analyze-plan.ts';
import type { ScenarioFigures } from '../scenario/indicators/scenario-figures.ts';
import { scenarioIndicators } from '../scenario/indicators/scenario-indicators.ts';
import type { ActionEntry, PlanYear, QuotaTransfer, Scenario } from '../scenario/scenario.ts';
import type { ZoneMeasures } from '../scenario/zone-measures.ts';
import { bindingConstraints, explainAction } from './explain-suggestion.ts';
import { type HighsInit, loadHighs } from './load-highs.ts';
import { solveSuggestModel } from './solve-suggest-model.ts';
import { buildSuggestModel, type SuggestModel } from './suggest-model.ts';
import { Variant } from './suggest-options.ts';
import type { ObjectiveWeights, PlanningSettings } from './suggest-settings.ts';
import type { SuggestedAction, Suggestion, SuggestProgress } from './suggestion.ts';
import { suggestionShortfalls } from './suggestion-shortfalls.ts';

export interface SuggestInput {
  /** The analysed plan's rows (analyzePlan(...).rows). */
  rows: readonly PlotRow[];
  /** Measures of the base scenario's zones (measureZones). */
  zoneMeasures: Readonly<Record<string, ZoneMeasures>>;
  /** The scenario the suggestion starts from: its zones, transfers, direct quota, assumptions and locked plots are kept. */
  base: Scenario;
  /** The plan's horizon, targets and suggestion settings (plan file version 2). */
  planning: PlanningSettings;
  /** Id and name of the new scenario (default `${base.id}-suggested`, `${base.name}（建议）`). */
  id?: string;
  name?: string;
}

export interface SuggestOptions {
  onProgress?: (progress: SuggestProgress) => void;
  /** Cancels the run: the promise rejects with the signal's reason and nothing is changed. */
  signal?: AbortSignal;
  /** Seconds the run may take (default 60); the best plan found by then is returned with its gap. */
  timeLimitS?: number;
  /** How HiGHS finds its WebAssembly (in a Vite bundle: `locateFile` to the bundled wasm). */
  highs?: HighsInit;
  /** `auto` (default): the exact MILP for small models, else the Lagrangian; the others force one (tests, bench). */
  method?: 'auto' | 'exact' | 'lagrangian';
  /**
   * A large model's run returns as soon as its proven gap is below this (default 0.01); the exact
   * MILP of a small one always runs to its optimum (or the time limit).
   */
  relGap?: number;
}

/**
 * The objective of a scenario from its ordinary figures (docs/suggest.md "Objective"):
 * costWan × (acquisitionWan + demolitionWan + rewardWan + upgradeSubsidyWan + relocationSubsidyWan)
 * + firms × parts.disturbedFirms + incomeWan × (villageIncomeBeforeWan − villageIncomeAfterWan).
 */
export function objectiveOf(figures: ScenarioFigures, weights: ObjectiveWeights): number {
  const m = figures.money;
  const cost =
    m.acquisitionWan + m.demolitionWan + m.rewardWan + m.upgradeSubsidyWan + m.relocationSubsidyWan;
  return (
    weights.costWan * cost +
    weights.firms * figures.parts.disturbedFirms +
    weights.incomeWan * (m.villageIncomeBeforeWan - m.villageIncomeAfterWan)
  );
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('The suggestion was cancelled.', 'AbortError');
}

/** The action entry of option o. */
function entryOf(model: SuggestModel, o: number, leaseYears: number | null): ActionEntry | null {
  const { options } = model;
  const variant = options.variant[o] as number;
  const year = model.years[options.year[o] as number] as PlanYear;
  switch (variant) {
    case Variant.Keep:
      return null;
    case Variant.Upgrade:
      return { action: 'upgrade', year };
    case Variant.Purchase:
      return { action: 'acquire', year };
    case Variant.Lease:
      return { action: 'acquire', year, lease: { years: leaseYears ?? 1 } };
    case Variant.Vacate:
      return { action: 'vacate', year };
    default:
      return { action: 'relocate', year, zoneId: options.zones[variant - Variant.Relocate] as string };
  }
}

/**
 * Suggests the scenario that meets every enabled target and constraint at the least objective.
 * @returns the suggestion: status, objective (from the new scenario's ordinary indicators), a proven
 *   lower bound and the gap, binding constraints with prices, shortfalls, explained actions, the scenario
 * @example
 *   const analysis = analyzePlan(plan.layers, plan.settings);
 *   const zoneMeasures = measureZones(base.zones, prepareZoneContext(plan.layers, plan.settings.tolerance));
 *   const s = await suggestScenario({ rows: analysis.rows, zoneMeasures, base, planning: plan.settings });
 *   s.status; // 'optimal'
 */
export async function suggestScenario(
  input: SuggestInput,
  options: SuggestOptions = {},
): Promise<Suggestion> {
  const started = performance.now();
  const { signal, onProgress } = options;
  const timeLimitS = options.timeLimitS ?? 60;
  throwIfAborted(signal);
  const highs = await loadHighs(options.highs);
  throwIfAborted(signal);
  const { rows, zoneMeasures, base, planning } = input;
  onProgress?.({ done: 0, stage: 'model', objective: null, bound: null });
  const model = buildSuggestModel(rows, zoneMeasures, base, planning);
  const weights = planning.suggestion.objective;
  const lockedObjective = objectiveOf(model.lockedFigures[model.K - 1] as ScenarioFigures, weights);
  const solved = await solveSuggestModel(highs, model, {
    timeLimitS,
    started,
    method: options.method ?? 'auto',
    ...(options.relGap !== undefined ? { relGap: options.relGap } : {}),
    ...(signal ? { signal } : {}),
    onProgress: (done, stage, objective, bound) =>
      onProgress?.({
        done,
        stage,
        objective: objective === null ? null : objective + lockedObjective,
        bound: bound === null ? null : bound + lockedObjective,
      }),
  });
  throwIfAborted(signal);
  onProgress?.({ done: 0.95, stage: 'check', objective: null, bound: null });

  // The new scenario: the base with the suggested actions of the unlocked plots and the transfers.
  const actions: Record<string, ActionEntry> = { ...model.lockedActions };
  const { options: plots } = model;
  for (let i = 0; i < plots.n; i++) {
    const entry = entryOf(model, solved.choice[i] as number, planning.suggestion.leaseYears);
    if (entry) actions[plots.plotIds[i] as string] = entry;
  }
  const transfers: QuotaTransfer[] = [
    ...base.transfers,
    ...solved.transfers.map((t, j) => ({
      id: `suggested-transfer-${j + 1}`,
      from: t.from,
      to: t.to,
      mu: t.amount * model.quotaScale,
      year: model.years[t.k] as PlanYear,
    })),
  ];
  const scenario: Scenario = {
    ...structuredClone(base),
    id: input.id ?? `${base.id}-suggested`,
    name: input.name ?? `${base.name}（建议）`,
    actions,
    transfers,
  };
  const indicators = scenarioIndicators(rows, zoneMeasures, scenario);
  const figures = model.years.map((year) => indicators.byYear[year]);
  const last = figures[model.K - 1] as ScenarioFigures;
  const objective = objectiveOf(last, weights);
  const shortfalls = suggestionShortfalls(model, planning, scenario, figures, solved.prices);
  const feasible = shortfalls.length === 0;
  const bound = feasible ? Math.min(objective, solved.bound + lockedObjective) : null;
  const gap = bound === null ? null : (objective - bound) / Math.max(Math.abs(objective), 1e-9);
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const suggested: SuggestedAction[] = [];
  for (let i = 0; i < plots.n; i++) {
    const plotId = plots.plotIds[i] as string;
    const entry = actions[plotId];
    const row = rowById.get(plotId);
    if (!entry || !row) continue;
    suggested.push({ plotId, ...entry, explanation: explainAction(row, entry, scenario, last) });
  }
  onProgress?.({ done: 1, stage: 'check', objective, bound });
  return {
    status: !feasible ? 'infeasible' : (gap ?? 1) <= 1e-6 ? 'optimal' : 'feasible',
    objective,
    bound,
    gap,
    binding: bindingConstraints(model, solved.prices, scenario, last, weights),
    shortfalls,
    actions: suggested,
    scenario,
    stats: {
      seconds: (performance.now() - started) / 1000,
      method: solved.method,
      iterations: solved.iterations,
      plots: plots.n,
      options: plots.variant.length,
    },
  };
}
