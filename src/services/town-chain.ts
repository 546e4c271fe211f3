/**
 * Town submissions (镇街上报) on the page: a town's part of the current plan as a plan file download,
 * town files read and previewed against the current plan (src/core/chain), and the accepted towns
 * merged as ONE undo step (a batch edit); the comments the towns brought are added to the plan's.
 */

import { mergeEdit } from '../core/chain/merge-edit.ts';
import {
  checkSubmissions,
  type MergeOutcome,
  mergeTownParts,
  type TownDecision,
  type TownSubmission,
} from '../core/chain/merge-town-parts.ts';
import { planTowns, townPart } from '../core/chain/town-part.ts';
import { parsePlanFile } from '../core/plan/parse-plan-file.ts';
import { type PlanFile, serializePlan } from '../core/plan/plan-file.ts';
import type { Message } from '../core/types.ts';
import { download, fileNameFor } from '../export/download.ts';
import { chainMessage } from '../i18n/chain-messages.ts';
import type { PlannerStore } from '../state/store.ts';
import { currentPlanFile } from './plan-files.ts';

/** Offers `town`'s part of the current plan as a *.plan.json download, and says so. */
export async function exportTownPart(store: PlannerStore, town: string): Promise<boolean> {
  const plan = await currentPlanFile(store);
  if (!plan) return false;
  const part = townPart(plan, town, planTowns(plan), new Date().toISOString());
  const fileName = fileNameFor(part.name, '.plan.json');
  download(new Blob([serializePlan(part)], { type: 'application/json' }), fileName);
  const plots = part.layers.plots.features.length;
  store.getState().setNotice({
    kind: 'done',
    message: chainMessage('chain.done.export', () => ({ town, file: fileName, plots })),
  });
  return true;
}

/** Town files read: the parts, or the problems that stop the merge (a file per message). */
export async function readTownFiles(
  files: readonly File[],
): Promise<{ submissions: TownSubmission[]; problems: Message[] }> {
  const submissions: TownSubmission[] = [];
  const problems: Message[] = [];
  for (const file of files) {
    const parsed = parsePlanFile(await file.text(), file.name);
    if (parsed.ok) submissions.push({ fileName: file.name, plan: parsed.plan });
    else problems.push(...parsed.problems.slice(0, 3).map((problem) => problem.message));
  }
  return { submissions, problems: [...problems, ...checkSubmissions(submissions)] };
}

/** What merging `submissions` into `city` with `decisions` does (nothing changes yet). */
export function previewMerge(
  store: PlannerStore,
  city: PlanFile,
  submissions: readonly TownSubmission[],
  decisions: Readonly<Record<string, TownDecision>>,
): MergeOutcome {
  return mergeTownParts(city, store.getState().analysis?.rows ?? [], submissions, decisions);
}

/**
 * Merges the accepted towns (decided `town` or `city`; undecided ones are left out) as one undo step.
 * @returns the problem when the edit could not be applied
 */
export function applyMerge(
  store: PlannerStore,
  city: PlanFile,
  submissions: readonly TownSubmission[],
  decisions: Readonly<Record<string, TownDecision>>,
): Message | undefined {
  const accepted = Object.fromEntries(
    submissions.map((s) => {
      const town = s.plan.derivedFrom?.town ?? '';
      return [town, decisions[town] ?? 'skip'] as const;
    }),
  );
  const outcome = previewMerge(store, city, submissions, accepted);
  const towns = outcome.towns.filter((town) => town.applied).map((town) => town.town);
  const changes = outcome.towns
    .filter((town) => town.applied)
    .reduce((sum, town) => sum + town.changes.length, 0);
  const state = store.getState();
  const edit = mergeEdit(
    state.scenarioSet.scenarios,
    outcome.plan.scenarios,
    chainMessage('chain.label', (language) => ({ towns: towns.join(language === 'en' ? ', ' : '、') })),
  );
  if (edit) {
    const problem = state.edit(edit);
    if (problem) return problem;
  }
  if (outcome.plan.comments.length !== state.comments.length) state.setComments(outcome.plan.comments);
  state.setNotice({
    kind: 'done',
    message: edit
      ? chainMessage('chain.done.merge', (language) => ({
          towns: towns.join(language === 'en' ? ', ' : '、'),
          changes,
        }))
      : chainMessage('chain.done.nothing'),
  });
  return undefined;
}
