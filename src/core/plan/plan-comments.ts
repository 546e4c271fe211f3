/**
 * Comments (批注) pinned to a plot, a zone, a town or a scenario (plan file version 3, docs/plan-file.md):
 * a reviewer writes them, the planner imports them into the plan and marks them resolved. They are
 * the reviewers' and the planner's own words, so a damaged comment stops the file from opening (as a
 * damaged slide does) instead of being dropped and lost at the next save.
 */

import type { Message } from '../types.ts';
import { childPath } from './plan-problems.ts';
import { isIsoDateTime, type PlanReader, readList } from './plan-reader.ts';

/** What a comment can be pinned to. */
export const COMMENT_TARGET_KINDS = Object.freeze(['plot', 'zone', 'town', 'scenario'] as const);
export type CommentTargetKind = (typeof COMMENT_TARGET_KINDS)[number];

export const COMMENT_STATUSES = Object.freeze(['open', 'resolved'] as const);
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** The thing a comment is about. */
export interface CommentTarget {
  kind: CommentTargetKind;
  /** The plot's id (as `actions` name it), the zone's id, the town's name or the scenario's id. */
  id: string;
  /** For a plot or zone comment: the id of the scenario it was written in (a zone's id is per scenario). */
  scenario?: string;
}

export interface PlanComment {
  /** Unique among the plan's comments. */
  id: string;
  target: CommentTarget;
  /** Who wrote it (the name the reviewer gave; may be empty). */
  author: string;
  /** When it was written, ISO 8601 date-time. */
  at: string;
  text: string;
  status: CommentStatus;
  /** When it was marked resolved, ISO 8601 date-time. */
  resolvedAt?: string;
  /** Who marked it resolved. */
  resolvedBy?: string;
}

/** The members of a comment in the order they are written. */
export const COMMENT_KEYS = [
  'id',
  'target',
  'author',
  'at',
  'text',
  'status',
  'resolvedAt',
  'resolvedBy',
] as const;

const EXPECT_KIND: Message = {
  zh: `以下之一：${COMMENT_TARGET_KINDS.join('、')}`,
  en: `one of ${COMMENT_TARGET_KINDS.join(', ')}`,
};
const EXPECT_STATUS: Message = { zh: 'open（未处理）或 resolved（已处理）', en: 'open or resolved' };
const EXPECT_TIME: Message = {
  zh: 'ISO 8601 日期时间（如 2026-12-05T08:00:00.000Z）',
  en: 'an ISO 8601 date-time (such as 2026-12-05T08:00:00.000Z)',
};

function readTime(reader: PlanReader, record: Record<string, unknown>, key: string, path: string) {
  const value = reader.string(record, key, path);
  if (value === undefined) return undefined;
  return isIsoDateTime(value) ? value : reader.wrong(childPath(path, key), EXPECT_TIME, value);
}

function readOptionalString(
  reader: PlanReader,
  record: Record<string, unknown>,
  key: string,
  path: string,
): string | undefined | null {
  if (record[key] === undefined) return undefined;
  return reader.string(record, key, path) ?? null;
}

function readTarget(reader: PlanReader, value: unknown, path: string): CommentTarget | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ['kind', 'id', 'scenario'], path);
  const kind = reader.required(record, 'kind', path);
  if (kind === undefined) return undefined;
  if (!COMMENT_TARGET_KINDS.includes(kind as CommentTargetKind))
    return reader.wrong(childPath(path, 'kind'), EXPECT_KIND, kind);
  const id = reader.string(record, 'id', path, true);
  const scenario = readOptionalString(reader, record, 'scenario', path);
  if (id === undefined || scenario === null) return undefined;
  const target: CommentTarget = { kind: kind as CommentTargetKind, id };
  if (scenario !== undefined) target.scenario = scenario;
  return target;
}

/**
 * Reads one comment, naming the part that is missing or wrong (`comments[2].target.kind`).
 * @returns the comment, or undefined when it is damaged (the reader holds the problem)
 */
export function readComment(reader: PlanReader, value: unknown, path: string): PlanComment | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, COMMENT_KEYS, path);
  const id = reader.string(record, 'id', path, true);
  const targetValue = reader.required(record, 'target', path);
  const target =
    targetValue === undefined ? undefined : readTarget(reader, targetValue, childPath(path, 'target'));
  const author = reader.string(record, 'author', path);
  const at = readTime(reader, record, 'at', path);
  const text = reader.string(record, 'text', path);
  const statusValue = reader.required(record, 'status', path);
  const status =
    statusValue === undefined || COMMENT_STATUSES.includes(statusValue as CommentStatus)
      ? (statusValue as CommentStatus | undefined)
      : reader.wrong(childPath(path, 'status'), EXPECT_STATUS, statusValue);
  const resolvedAt =
    record.resolvedAt === undefined ? undefined : (readTime(reader, record, 'resolvedAt', path) ?? null);
  const resolvedBy = readOptionalString(reader, record, 'resolvedBy', path);
  if (
    id === undefined ||
    !target ||
    author === undefined ||
    at === undefined ||
    text === undefined ||
    status === undefined ||
    resolvedAt === null ||
    resolvedBy === null
  )
    return undefined;
  const comment: PlanComment = { id, target, author, at, text, status };
  if (resolvedAt !== undefined) comment.resolvedAt = resolvedAt;
  if (resolvedBy !== undefined) comment.resolvedBy = resolvedBy;
  return comment;
}

/**
 * Reads the plan's `comments`: an array of comments with unique ids.
 * @returns the comments, or undefined when one is damaged or two share an id (the reader holds the problems)
 */
export function readComments(reader: PlanReader, value: unknown): PlanComment[] | undefined {
  return readList(reader, { comments: value }, 'comments', '', readComment);
}

/** A comment's members in the order they are written (what serializePlan writes). */
export function orderedComment(comment: PlanComment): PlanComment {
  const ordered: Record<string, unknown> = {};
  for (const key of COMMENT_KEYS) if (comment[key] !== undefined) ordered[key] = comment[key];
  return ordered as unknown as PlanComment;
}
