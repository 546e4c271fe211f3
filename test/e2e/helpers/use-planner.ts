/**
 * The planner harness (test/support/planner-harness.ts) in Vitest: `describeInBrowser` declares a
 * suite that needs the browser (skipped where there is none, failing under CI or REQUIRE_BROWSER=1),
 * `usePlanner` opens one planner for the suite and closes it after, and `expectNoPageProblems` is
 * the suites' one check that the page logged nothing wrong.
 */

import { afterAll, beforeAll, describe, expect } from 'vitest';
import { isBrowserRequired, missingBrowserReason, type PageProblems } from '../../support/browser.ts';
import { openPlanner, type Planner, type PlannerOptions } from '../../support/planner-harness.ts';

export interface BrowserSuiteOptions {
  /** What else the suite needs, each as the reason it is missing here or null (e.g. poppler-utils). */
  requires?: (string | null)[];
}

/**
 * `describe` for a suite that needs Chromium and whatever else `requires` names: skipped with a
 * warning where something is missing, unless the run requires the browser, where the suite fails
 * with the reason.
 */
export function describeInBrowser(name: string, body: () => void): void;
export function describeInBrowser(name: string, options: BrowserSuiteOptions, body: () => void): void;
export function describeInBrowser(
  name: string,
  ...args: [() => void] | [BrowserSuiteOptions, () => void]
): void {
  const [{ requires = [] }, body] = args.length === 1 ? [{}, args[0]] : args;
  const missing = [missingBrowserReason(), ...requires].find((reason) => reason) ?? null;
  const skip = missing !== null && !isBrowserRequired();
  if (skip) console.warn(`Skipping "${name}": ${missing} (set REQUIRE_BROWSER=1 to make this an error)`);
  describe.skipIf(skip)(name, () => {
    beforeAll(() => {
      if (missing)
        throw new Error(`${missing} The end-to-end tests are required here (CI or REQUIRE_BROWSER=1).`);
    });
    body();
  });
}

/**
 * Opens a planner before the suite's tests (after the hooks declared before this call) and closes
 * it after them. The returned planner is usable from the suite's later hooks and its tests on;
 * `options` may be a function, called then, for options that need work (a temp folder).
 */
export function usePlanner(options: PlannerOptions | (() => PlannerOptions) = {}): Planner {
  let opened: Planner | undefined;
  beforeAll(async () => {
    opened = await openPlanner(typeof options === 'function' ? options() : options);
  }, 180_000);
  afterAll(async () => {
    await opened?.close();
  });
  return new Proxy({} as Planner, {
    get(_target, key) {
      if (!opened)
        throw new Error(`The planner is not open yet (read .${String(key)} in a test or a later hook).`);
      return Reflect.get(opened, key);
    },
  });
}

/**
 * The page logged no error (but those matching `ignore`, caused by the test on purpose) and, with
 * `warnings`, no warning but SwiftShader's GL driver notes.
 */
export function expectNoPageProblems(
  problems: PageProblems,
  { warnings = false, ignore }: { warnings?: boolean; ignore?: RegExp } = {},
): void {
  expect(problems.errors.filter((error) => !ignore?.test(error))).toEqual([]);
  if (warnings)
    expect(problems.warnings.filter((warning) => !warning.includes('GL Driver Message'))).toEqual([]);
}
