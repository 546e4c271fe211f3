/**
 * Comments (批注) between the page and files: the reviewer's own comments kept in this browser under
 * the bundle's plan key (localStorage; they survive closing the bundle and opening it again), the
 * reviewer's name asked once and remembered, the comments file exported from a review bundle and
 * imported by the planner (docs/review-bundle.md).
 */

import type { PlanComment } from '../core/plan/plan-comments.ts';
import {
  COMMENTS_FILE_SUFFIX,
  COMMENTS_FORMAT,
  COMMENTS_VERSION,
  parseCommentsFile,
  serializeCommentsFile,
} from '../core/review/comments-file.ts';
import { download, fileNameFor } from '../export/download.ts';
import { reviewMessage, reviewText } from '../i18n/review-messages.ts';
import type { PlannerState } from '../state/planner-state.ts';
import type { PlannerStore } from '../state/store.ts';
import { pageStorage } from './unload-journal.ts';

const NAME_ITEM = 'industrial-land-planner.reviewer-name';
const COMMENTS_ITEM_PREFIX = 'industrial-land-planner.review-comments.';

/** The name the reviewer (or planner) gave once in this browser; '' before. */
export function storedAuthorName(): string {
  return pageStorage()?.getItem(NAME_ITEM) ?? '';
}

export function storeAuthorName(name: string): void {
  try {
    pageStorage()?.setItem(NAME_ITEM, name);
  } catch {
    // No room or no storage: the name is asked again next time.
  }
}

/** A new comment's id: unique across reviewers (time and a random part), never reused. */
export function newCommentId(now = Date.now()): string {
  return `comment-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The reviewer's own comments: those the bundle's plan did not hold already. */
export function ownComments(state: Pick<PlannerState, 'review' | 'comments'>): PlanComment[] {
  const inPlan = new Set(state.review?.planCommentIds ?? []);
  return state.comments.filter((comment) => !inPlan.has(comment.id));
}

/**
 * In review mode: adds the comments kept in this browser for the bundle's plan, then keeps them there
 * after every change. Returns a function that stops keeping them.
 */
export function keepReviewComments(store: PlannerStore): () => void {
  const review = store.getState().review;
  const storage = pageStorage();
  if (!review || !storage) return () => {};
  const item = `${COMMENTS_ITEM_PREFIX}${review.key}`;
  const kept = parseCommentsFile(storage.getItem(item) ?? '', item);
  if (kept.ok) {
    const known = new Set(store.getState().comments.map((comment) => comment.id));
    for (const comment of kept.file.comments)
      if (!known.has(comment.id)) store.getState().addComment(comment);
  }
  return store.subscribe((state, previous) => {
    if (state.comments === previous.comments) return;
    try {
      storage.setItem(item, commentsFileText(state));
    } catch {
      state.setNotice({
        kind: 'error',
        message: reviewMessage('comments.keepFailed'),
      });
    }
  });
}

function commentsFileText(state: PlannerState): string {
  return serializeCommentsFile({
    format: COMMENTS_FORMAT,
    version: COMMENTS_VERSION,
    plan: { name: state.planName, key: state.review?.key ?? '' },
    exportedAt: new Date().toISOString(),
    comments: ownComments(state),
  });
}

/** Offers the reviewer's own comments as a `*.comments.json` download, and says so. */
export function exportComments(store: PlannerStore): void {
  const state = store.getState();
  const count = ownComments(state).length;
  if (count === 0) {
    state.setNotice({ kind: 'info', message: reviewMessage('comments.exportNone') });
    return;
  }
  const file = fileNameFor(state.planName, COMMENTS_FILE_SUFFIX, storedAuthorName() || undefined);
  download(new Blob([commentsFileText(state)], { type: 'application/json' }), file);
  state.setNotice({ kind: 'done', message: reviewMessage('comments.exportDone', { count, file }) });
}

/** Imports a comments file into the plan (comments already in it, by id, are skipped), and says so. */
export async function importCommentsFile(store: PlannerStore, file: File): Promise<boolean> {
  const parsed = parseCommentsFile(await file.text(), file.name);
  const state = store.getState();
  if (!parsed.ok) {
    const shown = parsed.problems.slice(0, 5);
    state.setNotice({
      kind: 'error',
      message: {
        zh: reviewText('zh-CN', 'comments.importFailed', {
          file: file.name,
          problems: shown.map((m) => m.zh).join('\n'),
        }),
        en: reviewText('en', 'comments.importFailed', {
          file: file.name,
          problems: shown.map((m) => m.en).join('\n'),
        }),
      },
    });
    return false;
  }
  const { comments, plan } = parsed.file;
  const added = state.importComments(comments);
  const done = reviewMessage('comments.imported', { file: file.name, added, known: comments.length - added });
  const differs =
    plan.name !== state.planName ? reviewMessage('comments.importedPlanDiffers', { plan: plan.name }) : null;
  state.setNotice({
    kind: differs ? 'info' : 'done',
    message: differs ? { zh: `${done.zh}\n${differs.zh}`, en: `${done.en}\n${differs.en}` } : done,
  });
  if (added > 0) state.setPanel('comments');
  return true;
}
