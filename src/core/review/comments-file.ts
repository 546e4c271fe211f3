/**
 * The comments file (`*.comments.json`, docs/review-bundle.md): what a reviewer sends back from a
 * review bundle, the comments read by the same reader as the plan file's `comments` member.
 *   { "format": "industrial-land-plan-comments", "version": 1,
 *     "plan": { "name": "…", "key": "…" }, "exportedAt": "2026-12-05T08:00:00.000Z",
 *     "comments": [ { "id", "target": { "kind", "id", "scenario"? }, "author", "at", "text", "status", … } ] }
 * A damaged file gives problems naming the part, never an exception.
 */

import { orderedComment, type PlanComment, readComments } from '../plan/plan-comments.ts';
import { isRecord, PlanReader } from '../plan/plan-reader.ts';
import type { Message } from '../types.ts';

export const COMMENTS_FORMAT = 'industrial-land-plan-comments';
export const COMMENTS_VERSION = 1;
/** The suffix of comments files. */
export const COMMENTS_FILE_SUFFIX = '.comments.json';

export interface CommentsFile {
  format: typeof COMMENTS_FORMAT;
  version: typeof COMMENTS_VERSION;
  /** The plan the comments were written on: its name, and its review key (review-bundle.ts reviewPlanKey). */
  plan: { name: string; key: string };
  /** When the file was written, ISO 8601 date-time. */
  exportedAt: string;
  comments: PlanComment[];
}

export type ParseCommentsResult = { ok: true; file: CommentsFile } | { ok: false; problems: Message[] };

/** Writes a comments file (indented JSON ending in a newline; each comment's members in the plan file's order). */
export function serializeCommentsFile(file: CommentsFile): string {
  return `${JSON.stringify({ ...file, comments: file.comments.map(orderedComment) }, null, 2)}\n`;
}

function notCommentsFile(fileName: string): Message {
  return {
    zh: `文件 ${fileName} 不是批注文件（应含 "format": "${COMMENTS_FORMAT}"），请选择审阅包导出的 .comments.json 文件。`,
    en: `${fileName} is not a comments file (it needs "format": "${COMMENTS_FORMAT}"); choose the .comments.json file exported from a review bundle.`,
  };
}

/**
 * Reads a comments file.
 * @param fileName named in the messages
 * @example parseCommentsFile('{}', 'a.comments.json').ok // false
 */
export function parseCommentsFile(text: string, fileName: string): ParseCommentsResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          zh: `文件 ${fileName} 不是有效的 JSON（${(error as Error).message}）。`,
          en: `${fileName} is not valid JSON (${(error as Error).message}).`,
        },
      ],
    };
  }
  if (!isRecord(value) || value.format !== COMMENTS_FORMAT)
    return { ok: false, problems: [notCommentsFile(fileName)] };
  if (typeof value.version !== 'number' || value.version > COMMENTS_VERSION)
    return {
      ok: false,
      problems: [
        {
          zh: `批注文件 ${fileName} 的版本（${String(value.version)}）比本程序新，请更新程序后再导入。`,
          en: `The comments file ${fileName} has version ${String(value.version)}, newer than this app reads; update the app first.`,
        },
      ],
    };
  const reader = new PlanReader(fileName);
  const plan = reader.object(reader.required(value, 'plan', ''), 'plan');
  const name = plan ? reader.string(plan, 'name', 'plan') : undefined;
  const key = plan ? reader.string(plan, 'key', 'plan') : undefined;
  const exportedAt = reader.string(value, 'exportedAt', '');
  const comments = readComments(reader, value.comments);
  if (name === undefined || key === undefined || exportedAt === undefined || !comments)
    return { ok: false, problems: reader.problems.map((problem) => problem.message) };
  return {
    ok: true,
    file: { format: COMMENTS_FORMAT, version: COMMENTS_VERSION, plan: { name, key }, exportedAt, comments },
  };
}
