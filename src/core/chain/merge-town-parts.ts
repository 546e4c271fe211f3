/**
 * Town submissions (镇街上报), the merge: several town parts (town-part.ts) into the city plan. Per
 * town it lists what the part replaces — its own edits since the part was made, found by the
 * fingerprints of `derivedFrom.base` — and every conflict:
 * - `city-changed`: the city plan changed the same plot entry, plot, zone, transfer or quota too since;
 * - `outside-town`: an action on a plot that is not the town's in the city plan (or not in it at all);
 * - `zone-overlap`: a zone the town added or changed overlaps a zone of another town;
 * - `unmatched-transfer`: a transfer the town recorded (added, changed or removed) that the other town
 *   does not record the same way (its part when it submits one, else the city plan);
 * - `negative-balance`: a town's quota balance is negative after the merge in a year where it was
 *   not (or was less so), counted against the town itself when it submits, and against the towns
 *   whose zones use its quota or whose transfers touch it.
 * Each town is decided as a whole: `town` (its version wins every conflict), `city` (the city plan's
 * version stays wherever there is a conflict; when the town's part leaves a balance negative, the
 * part is not taken at all), `skip`, or undecided (previewed as `town`, its conflicts unresolved).
 * Edits without a conflict are taken as they are. Towns are applied in the order given.
 */

import type { PlotRow } from '../analysis/analyze-plan.ts';
import type { PlanFile } from '../plan/plan-file.ts';
import { fingerprintOf, planFingerprint } from '../plan/plan-fingerprint.ts';
import type { QuotaTransfer, ReceivingZone, Scenario } from '../scenario/scenario.ts';
import { createZoneMeasureCache, prepareZoneContext, zoneTown } from '../scenario/zone-measures.ts';
import type { Message } from '../types.ts';
import {
  applyChange,
  cityPlots,
  editableScenario,
  type MergeChange,
  scenarioChanges,
} from './merge-changes.ts';
import { type LedgerContext, negativeBalances, zoneOverlaps } from './merge-checks.ts';
import { conflictMessage, type MergeConflict, skippedScenarioMessage } from './merge-messages.ts';
import { planTowns } from './town-part.ts';

export type TownDecision = 'town' | 'city' | 'skip';

/** A town part to merge: the file it was read from and the plan (with `derivedFrom`). */
export interface TownSubmission {
  fileName: string;
  plan: PlanFile;
}

/** What merging one town's part does. */
export interface TownMergePreview {
  town: string;
  fileName: string;
  decision: TownDecision | null;
  /** True when the city plan changed (anywhere) since the part was made. */
  cityChangedSince: boolean;
  /** The town's edits the merge takes (or would take): the city's value and the town's. */
  changes: MergeChange[];
  conflicts: MergeConflict[];
  /** Scenarios of the part the merge leaves out (not in the city plan any more, or new in the part). */
  notes: Message[];
  /** True when its edits are in the merged plan (decided `town` or `city`, and not left out for a balance). */
  applied: boolean;
}

export interface MergeOutcome {
  plan: PlanFile;
  towns: TownMergePreview[];
  /** Conflicts of undecided towns. */
  unresolved: number;
}

/** The bad input that stops a merge before anything is compared (a message per file). */
export function checkSubmissions(submissions: readonly TownSubmission[]): Message[] {
  const problems: Message[] = [];
  const seen = new Map<string, string>();
  for (const { fileName, plan } of submissions) {
    const town = plan.derivedFrom?.town;
    if (town === undefined) {
      problems.push({
        zh: `文件 ${fileName} 不是镇街上报文件（没有 derivedFrom）：请用“导出镇街部分”（npm run split）生成的文件。`,
        en: `File ${fileName} is not a town's part (it has no derivedFrom): use a file made by "Export a town's part" (npm run split).`,
      });
      continue;
    }
    const other = seen.get(town);
    if (other !== undefined)
      problems.push({
        zh: `文件 ${fileName} 与 ${other} 都是“${town}”的上报：每个镇街只能合并一个文件。`,
        en: `Files ${other} and ${fileName} are both parts of ${town}: merge one file per town.`,
      });
    seen.set(town, fileName);
  }
  return problems;
}

interface TownState {
  submission: TownSubmission;
  town: string;
  decision: TownDecision | null;
  changes: MergeChange[];
  notes: Message[];
  conflicts: Map<string, MergeConflict>;
  /** Changes kept at the city's value (`city` decisions), by key. */
  reverted: Set<string>;
  /** Left out as a whole (`skip`, or `city` with a negative balance). */
  out: boolean;
}

/** Equal values, whatever the order of their members. */
const sameValue = (a: unknown, b: unknown) =>
  a === null || b === null ? a === b : fingerprintOf(a) === fingerprintOf(b);

const changeKey = (change: Pick<MergeChange, 'scenarioId' | 'item' | 'id'>) =>
  `${change.scenarioId}\n${change.item}\n${change.id}`;

function townChanges(city: PlanFile, state: TownState, plots: ReturnType<typeof cityPlots>): void {
  const part = state.submission.plan;
  const derived = part.derivedFrom;
  if (!derived) return;
  const cityScenarios = new Map(city.scenarios.map((scenario) => [scenario.id, scenario]));
  const bases = new Map(derived.base.scenarios.map((base) => [base.id, base]));
  for (const scenario of part.scenarios) {
    const cityScenario = cityScenarios.get(scenario.id);
    const base = bases.get(scenario.id);
    if (!cityScenario || !base) {
      state.notes.push(skippedScenarioMessage(state.submission.fileName, scenario.name, !cityScenario));
      continue;
    }
    state.changes.push(
      ...scenarioChanges(scenario, base, cityScenario, state.town, derived.base.plots, plots),
    );
  }
}

function addConflict(state: TownState, conflict: MergeConflict): void {
  const key = `${conflict.kind}\n${conflict.scenarioId}\n${conflict.item}\n${conflict.id}\n${conflict.otherTown ?? ''}\n${conflict.otherId ?? ''}`;
  if (!state.conflicts.has(key)) state.conflicts.set(key, conflict);
}

/** The merged scenarios with every town's changes as far as decided (undecided: as `town`). */
function applyTowns(city: PlanFile, states: readonly TownState[]): Scenario[] {
  const scenarios = new Map(city.scenarios.map((scenario) => [scenario.id, editableScenario(scenario)]));
  for (const state of states) {
    if (state.out) continue;
    for (const change of state.changes) {
      if (state.reverted.has(changeKey(change)) || change.plotInCity === false) continue;
      const scenario = scenarios.get(change.scenarioId);
      if (scenario) applyChange(scenario, change);
    }
  }
  return city.scenarios.map((scenario) => scenarios.get(scenario.id) as Scenario);
}

/** Conflicts `city` decides by keeping the city's value: the change is not taken. */
function revert(state: TownState, change: MergeChange): boolean {
  if (state.decision !== 'city') return false;
  const key = changeKey(change);
  if (state.reverted.has(key)) return false;
  state.reverted.add(key);
  // A relocation into a zone no longer added goes with it.
  if (change.item === 'zone' && change.city === null)
    for (const other of state.changes)
      if (
        other.item === 'plot' &&
        other.scenarioId === change.scenarioId &&
        (other.town as { zoneId?: string } | null)?.zoneId === change.id
      )
        state.reverted.add(changeKey(other));
  return true;
}

function counterpartRecord(
  transfer: QuotaTransfer,
  town: string,
  scenarioId: string,
  states: readonly TownState[],
  city: Scenario,
): QuotaTransfer | null | undefined {
  const other = transfer.from === town ? transfer.to : transfer.from;
  if (other === town) return undefined;
  const submitted = states.find((state) => state.town === other && !state.out);
  const list = submitted
    ? (submitted.submission.plan.scenarios.find((scenario) => scenario.id === scenarioId)?.transfers ?? [])
    : city.transfers;
  return list.find((item) => item.id === transfer.id) ?? null;
}

/** One round of the cross-town checks; returns true when a `city` decision changed what is taken. */
function crossCheck(city: PlanFile, states: TownState[], merged: Scenario[], ledger: LedgerContext): boolean {
  let changed = false;
  const cityById = new Map(city.scenarios.map((scenario) => [scenario.id, scenario]));
  merged.forEach((scenario) => {
    const before = cityById.get(scenario.id) as Scenario;
    const townOf = (zone: ReceivingZone) => zoneTown(zone, city.layers.boundary).town;
    for (const state of states) {
      if (state.out) continue;
      const taken = state.changes.filter(
        (change) => change.scenarioId === scenario.id && !state.reverted.has(changeKey(change)),
      );
      for (const change of taken.filter((c) => c.item === 'transfer')) {
        const record = (change.town ?? change.city) as QuotaTransfer;
        const counterpart = counterpartRecord(record, state.town, scenario.id, states, before);
        if (counterpart === undefined || sameValue(counterpart, change.town)) continue;
        addConflict(state, conflictOf(state, scenario, 'unmatched-transfer', change, { counterpart }));
        changed = revert(state, change) || changed;
      }
      const zones = taken.filter((c) => c.item === 'zone' && c.town).map((c) => c.town as ReceivingZone);
      for (const overlap of zoneOverlaps(zones, scenario.zones, townOf)) {
        const change = taken.find((c) => c.item === 'zone' && c.id === overlap.zone.id) as MergeChange;
        addConflict(state, conflictOf(state, scenario, 'zone-overlap', change, { overlap }));
        changed = revert(state, change) || changed;
      }
    }
    for (const negative of negativeBalances(before, scenario, ledger)) {
      for (const state of states) {
        if (state.out) continue;
        const touches = state.changes.some(
          (c) =>
            c.scenarioId === scenario.id &&
            ((c.item === 'zone' && c.town && townOf(c.town as ReceivingZone) === negative.town) ||
              (c.item === 'transfer' &&
                [c.town, c.city].some(
                  (t) => t && [(t as QuotaTransfer).from, (t as QuotaTransfer).to].includes(negative.town),
                ))),
        );
        if (state.town !== negative.town && !touches) continue;
        addConflict(state, conflictOf(state, scenario, 'negative-balance', null, { negative }));
        if (state.decision === 'city') {
          state.out = true;
          changed = true;
        }
      }
    }
  });
  return changed;
}

function conflictOf(
  state: TownState,
  scenario: Scenario,
  kind: MergeConflict['kind'],
  change: MergeChange | null,
  detail: Parameters<typeof conflictMessage>[1],
): MergeConflict {
  const conflict: MergeConflict = {
    kind,
    town: state.town,
    scenarioId: scenario.id,
    scenarioName: scenario.name,
    item: change?.item ?? 'town',
    id: change?.id ?? detail.negative?.town ?? state.town,
    city: change?.city ?? null,
    townValue: change?.town ?? null,
    resolution: state.decision === 'skip' ? null : state.decision,
    message: { zh: '', en: '' },
  };
  if (detail.overlap)
    Object.assign(conflict, {
      otherTown: detail.overlap.otherTown,
      otherId: detail.overlap.other.id,
      areaM2: detail.overlap.areaM2,
    });
  if (detail.negative)
    Object.assign(conflict, {
      otherTown: detail.negative.town,
      year: detail.negative.year,
      balanceBefore: detail.negative.before,
      balanceAfter: detail.negative.after,
    });
  conflict.message = conflictMessage(conflict, detail, state.submission.fileName);
  return conflict;
}

/**
 * Merges town parts into the city plan.
 * @param city the city plan as it is now
 * @param rows analyzePlan(city.layers, city.settings).rows (the merge changes no layer)
 * @param submissions the town parts, applied in this order (checkSubmissions first)
 * @param decisions per town name; a town not named is undecided (previewed as `town`, conflicts unresolved)
 * @returns the merged plan (the city plan's name, dates, layers, settings, slides; its scenarios with the
 *   taken edits; the comments of taken towns added), a preview per town and the number of unresolved conflicts
 */
export function mergeTownParts(
  city: PlanFile,
  rows: readonly PlotRow[],
  submissions: readonly TownSubmission[],
  decisions: Readonly<Record<string, TownDecision>> = {},
): MergeOutcome {
  const towns = planTowns(city);
  const plots = cityPlots(city, towns.plots);
  const fingerprint = planFingerprint(city);
  const states: TownState[] = submissions.map((submission) => {
    const town = submission.plan.derivedFrom?.town ?? '';
    const decision = decisions[town] ?? null;
    const state: TownState = {
      submission,
      town,
      decision,
      changes: [],
      notes: [],
      conflicts: new Map(),
      reverted: new Set(),
      out: decision === 'skip',
    };
    townChanges(city, state, plots);
    const scenarios = new Map(city.scenarios.map((scenario) => [scenario.id, scenario]));
    for (const change of state.changes) {
      if (!change.conflict) continue;
      const scenario = scenarios.get(change.scenarioId) as Scenario;
      addConflict(state, conflictOf(state, scenario, change.conflict, change, {}));
      revert(state, change);
    }
    return state;
  });
  const ledger: LedgerContext = {
    rows,
    zones: prepareZoneContext(city.layers, city.settings.tolerance),
    cache: createZoneMeasureCache(),
  };
  let merged = applyTowns(city, states);
  // A `city` decision can leave a change or a whole town out, which changes what the checks see.
  for (let round = 0; round <= states.length * 4 && crossCheck(city, states, merged, ledger); round++)
    merged = applyTowns(city, states);
  const taken = states.filter((state) => !state.out && state.decision !== null);
  const commentIds = new Set(city.comments.map((comment) => comment.id));
  const comments = [...city.comments];
  for (const state of taken)
    for (const comment of state.submission.plan.comments)
      if (!commentIds.has(comment.id)) {
        commentIds.add(comment.id);
        comments.push(comment);
      }
  const decided = new Set(taken);
  const undecidedMerged = applyTowns(
    city,
    states.map((state) => (decided.has(state) ? state : { ...state, out: true })),
  );
  const plan: PlanFile = { ...city, scenarios: undecidedMerged, comments };
  let unresolved = 0;
  const previews = states.map((state): TownMergePreview => {
    const conflicts = [...state.conflicts.values()];
    if (state.decision === null) unresolved += conflicts.length;
    return {
      town: state.town,
      fileName: state.submission.fileName,
      decision: state.decision,
      cityChangedSince: state.submission.plan.derivedFrom?.cityPlan.fingerprint !== fingerprint,
      changes: state.changes.filter(
        (change) => !state.reverted.has(changeKey(change)) && change.plotInCity !== false,
      ),
      conflicts,
      notes: state.notes,
      applied: decided.has(state),
    };
  });
  return { plan, towns: previews, unresolved };
}
