import { describe, expect, it } from 'vitest';
import type { PlanComment } from '../plan/plan-comments.ts';
import {
  COMMENTS_FORMAT,
  COMMENTS_VERSION,
  type CommentsFile,
  parseCommentsFile,
  serializeCommentsFile,
} from './comments-file.ts';

const COMMENTS: PlanComment[] = [
  {
    id: 'comment-1',
    target: { kind: 'plot', id: 'P-0001', scenario: 'scenario-1' },
    author: '王审阅',
    at: '2026-12-05T08:00:00.000Z',
    text: '这块地的拆除年份请再核实。',
    status: 'open',
  },
  {
    id: 'comment-2',
    target: { kind: 'town', id: '观海卫镇' },
    author: '王审阅',
    at: '2026-12-05T08:05:00.000Z',
    text: 'Quota looks tight.',
    status: 'resolved',
    resolvedAt: '2026-12-06T01:00:00.000Z',
    resolvedBy: '李规划',
  },
];

const FILE: CommentsFile = Object.freeze({
  format: COMMENTS_FORMAT,
  version: COMMENTS_VERSION,
  plan: { name: '慈溪市工业用地整合规划', key: '0123456789abcd' },
  exportedAt: '2026-12-05T09:00:00.000Z',
  comments: COMMENTS,
});

describe('the comments file', () => {
  it('reads back what it wrote', () => {
    const parsed = parseCommentsFile(serializeCommentsFile(FILE), 'a.comments.json');
    expect(parsed).toEqual({ ok: true, file: FILE });
  });

  it('names the file and the damaged part, in both languages', () => {
    const damaged = JSON.parse(serializeCommentsFile(FILE));
    damaged.comments[1].target.kind = 'village';
    const parsed = parseCommentsFile(JSON.stringify(damaged), 'b.comments.json');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]?.zh).toContain('b.comments.json');
    expect(parsed.problems[0]?.en).toContain('comments[1].target.kind');
  });

  it('refuses what is not a comments file, a newer version, two comments with one id, and text that is not JSON', () => {
    const plan = parseCommentsFile('{"format":"industrial-land-plan","version":3}', 'p.plan.json');
    expect(plan.ok || plan.problems[0]?.en).toMatch(/not a comments file/);
    const newer = parseCommentsFile(JSON.stringify({ ...FILE, version: 2 }), 'n.comments.json');
    expect(newer.ok || newer.problems[0]?.en).toMatch(/newer than this app reads/);
    const twice = parseCommentsFile(
      JSON.stringify({ ...FILE, comments: [COMMENTS[0], COMMENTS[0]] }),
      't.comments.json',
    );
    expect(twice.ok || twice.problems[0]?.en).toMatch(/comment-1 occurs twice/);
    const broken = parseCommentsFile('{"format":', 'x.comments.json');
    expect(broken.ok || broken.problems[0]?.zh).toMatch(/x\.comments\.json 不是有效的 JSON/);
  });
});
