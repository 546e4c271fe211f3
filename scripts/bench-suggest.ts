/**
 * Benchmark of the plan suggestion (issue 13): seeded county-like plans (test/support/suggest-plan.ts)
 * with reachable targets, and the first size again with unreachable ones; per run the time, status,
 * objective, proven bound and gap, against a greedy baseline measured in the same run (best target
 * gain per 万元 first, greedy-plan.ts) and, up to `--exact` plots, the optimum of the plain MILP
 * (HiGHS, every plot decided at once). Targets on a 2-core machine: 3,000 plots under 3 s, 20,000
 * under 15 s, 100,000 under 60 s, each with a gap under 1 % and cheaper than the greedy baseline.
 *   npm run bench:suggest [-- --sizes 3000,20000,100000 --exact 2000 --time-limit 60 --exact-limit 120]
 *   npm run bench:suggest -- --sizes 3000 --exact 0     (a quick run)
 * Prints one line per run as it finishes, then the whole table (Markdown).
 */

import { parseArgs } from 'node:util';
import { cheapestChoice, greedyPlan, plainCost } from '../src/core/suggest/greedy-plan.ts';
import { choiceActivity } from '../src/core/suggest/lagrangian.ts';
import { loadHighs } from '../src/core/suggest/load-highs.ts';
import { buildSuggestModel } from '../src/core/suggest/suggest-model.ts';
import { suggestScenario } from '../src/core/suggest/suggest-scenario.ts';
import type { Suggestion } from '../src/core/suggest/suggestion.ts';
import { suggestPlan } from '../test/support/suggest-plan.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    exact: { type: 'string' },
    'time-limit': { type: 'string' },
    'exact-limit': { type: 'string' },
    unreachable: { type: 'string' },
  },
});
const sizes = (values.sizes ?? '3000,20000,100000').split(',').map(Number);
const exactSizes = (values.exact ?? '2000')
  .split(',')
  .map(Number)
  .filter((size) => size > 0);
const timeLimitS = Number(values['time-limit'] ?? 60);
const exactLimitS = Number(values['exact-limit'] ?? 120);
const unreachableSize = Number(values.unreachable ?? sizes[0] ?? 3000);
if ([...sizes, ...exactSizes, timeLimitS, exactLimitS].some((value) => !(value > 0))) {
  console.error('--sizes, --exact, --time-limit and --exact-limit take positive numbers');
  process.exit(2);
}
/** The time targets (seconds) by size. */
const TARGET_S: Record<number, number> = { 3000: 3, 20000: 15, 100000: 60 };

/** The greedy baseline: from every plot's cheapest option, the best target gain per 万元 first. */
function greedyBaseline(input: ReturnType<typeof suggestPlan>): { objective: number; feasible: boolean } {
  const model = buildSuggestModel(input.rows, input.zoneMeasures, input.base, input.planning);
  const cost = plainCost(model);
  const plan = greedyPlan(model, cheapestChoice(model, cost), cost);
  // The locked plots' part (none in these plans) would be the same for both.
  return { objective: choiceActivity(model, plan.choice).cost, feasible: plan.feasible };
}

interface Row {
  plots: number;
  variant: string;
  seconds: number;
  target: string;
  ours: Suggestion;
  greedy: { objective: number; feasible: boolean };
  exact?: Suggestion;
}

const money = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : value.toFixed(1);
const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(3)} %`);

function cells(row: Row): string[] {
  const { ours, greedy, exact } = row;
  return [
    String(row.plots),
    row.variant,
    row.seconds.toFixed(2),
    row.target,
    ours.status,
    money(ours.objective),
    money(ours.bound),
    percent(ours.gap),
    `${money(greedy.objective)}${greedy.feasible ? '' : ' (misses targets)'}`,
    greedy.feasible && ours.status !== 'infeasible' ? (greedy.objective / ours.objective).toFixed(4) : '—',
    exact
      ? `${money(exact.objective)} (${exact.status}, gap ${percent(exact.gap)}, ${exact.stats.seconds.toFixed(1)} s)`
      : '',
    exact ? (ours.objective / exact.objective).toFixed(5) : '',
  ];
}

const HEADER = [
  'plots',
  'targets',
  'seconds',
  'target s',
  'status',
  'objective 万元',
  'bound',
  'gap',
  'greedy 万元',
  'greedy/ours',
  'plain MILP 万元',
  'ours/MILP',
];

await loadHighs();
const runs = [
  ...exactSizes.map((plots) => ({ plots, reachable: true, exact: true })),
  ...sizes.map((plots) => ({ plots, reachable: true, exact: false })),
  { plots: unreachableSize, reachable: false, exact: false },
];
const rows: Row[] = [];
console.log(HEADER.join('\t'));
for (const run of runs) {
  const input = suggestPlan({ plots: run.plots, seed: 7, reachable: run.reachable });
  const started = performance.now();
  const ours = await suggestScenario(input, { timeLimitS, method: 'lagrangian' });
  const seconds = (performance.now() - started) / 1000;
  const row: Row = {
    plots: run.plots,
    variant: run.reachable ? 'reachable' : 'unreachable',
    seconds,
    target: String(TARGET_S[run.plots] ?? '—'),
    ours,
    greedy: greedyBaseline(input),
  };
  if (run.exact) row.exact = await suggestScenario(input, { timeLimitS: exactLimitS, method: 'exact' });
  rows.push(row);
  console.log(cells(row).join('\t'));
  if (!run.reachable) for (const s of ours.shortfalls) console.log(`  ${s.message.en}`);
}
console.log('');
console.log(`| ${HEADER.join(' | ')} |`);
console.log(`|${HEADER.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${cells(row).join(' | ')} |`);
process.exit(0);
