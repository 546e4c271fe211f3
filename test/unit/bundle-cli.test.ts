import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../../src/core/plan/parse-plan-file.ts';
import { REVIEW_PLAN_ELEMENT_ID, reviewPlanKey } from '../../src/core/review/review-bundle.ts';

const root = new URL('../../', import.meta.url).pathname;
const FIXTURE = join(root, 'test/fixtures/plans/small-v2.plan.json');

/** A page shaped like the single-file app (scripts/build-single.ts), standing in for the minute-long build. */
const APP = `<!doctype html>
<html lang="zh-CN"><head><script type="module">document.title = 'x';</script><style>body{}</style></head>
<body><div id="root"></div></body></html>
`;

function bundle(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/bundle.ts'), ...args], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: run.status, stderr: run.stderr };
}

describe('npm run bundle', () => {
  it('writes the app with the plan inside, named by its key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-cli-'));
    const app = join(dir, 'app.html');
    writeFileSync(app, APP);
    const out = join(dir, 'review.html');
    const { code, stderr } = bundle(['--plan', FIXTURE, '--out', out, '--app', app]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('review.html');
    const page = readFileSync(out, 'utf8');
    const match = new RegExp(`id="${REVIEW_PLAN_ELEMENT_ID}" data-plan-key="(\\w+)">([^<]*)</script>`).exec(
      page,
    );
    const parsed = parsePlanFile(match?.[2] ?? '', 'block');
    const source = parsePlanFile(readFileSync(FIXTURE, 'utf8'), 'fixture');
    expect(parsed.ok && source.ok).toBe(true);
    if (!parsed.ok || !source.ok) return;
    expect(parsed.plan.name).toBe(source.plan.name);
    expect(parsed.plan.scenarios.map((s) => s.name)).toEqual(['示例方案', '空方案']);
    expect(match?.[1]).toBe(reviewPlanKey(parsed.plan));
    expect(page.startsWith(APP.slice(0, APP.indexOf('</body>')))).toBe(true);
  });

  it('refuses bad input with a message, exit code 2 and nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-cli-'));
    const app = join(dir, 'app.html');
    writeFileSync(app, APP);
    const served = join(dir, 'served.html');
    writeFileSync(served, APP.replace('<script type="module">', '<script type="module" src="./a.js">'));
    const damaged = join(dir, 'damaged.plan.json');
    writeFileSync(damaged, readFileSync(FIXTURE, 'utf8').replace('"scenarios"', '"scenarioz"'));
    const out = join(dir, 'review.html');
    for (const [args, words] of [
      [['--plan', join(dir, 'missing.plan.json'), '--out', out, '--app', app], 'Cannot read plan file'],
      [['--plan', damaged, '--out', out, '--app', app], 'no bundle was written'],
      [['--plan', FIXTURE, '--out', out, '--app', served], 'is not the single-file app'],
      [['--plan', FIXTURE, '--out', out, '--app', join(dir, 'none.html')], 'Cannot read the single-file app'],
      [['--plan', FIXTURE, '--out', FIXTURE], '--out must differ from --plan'],
      [['--plan', FIXTURE], 'missing --plan or --out'],
      [['--plan', FIXTURE, '--out', out, '--colour', 'red'], "Unknown option '--colour'"],
    ] as const) {
      const { code, stderr } = bundle([...args]);
      expect(code, stderr).toBe(2);
      expect(stderr).toContain(words);
      expect(existsSync(out)).toBe(false);
    }
  });
});
