/**
 * Peak memory of the page's renderer process (page and workers) while a large GeoJSON is imported:
 * the peak while the dialog previews it, the peak once it is loaded as the plots layer (the dialog
 * closed) and the peak once the jobs the new plan starts have ended and the map has drawn it, read
 * from /proc/<pid>/status (VmHWM, reset through clear_refs before each step), in all and above
 * what the renderer held before the import (the sample plan on its map: about 360 MB). Linux only. After each
 * step, what each JavaScript context holds after a garbage collection (the page's own thread, the
 * analysis worker, the plot tile worker, MapLibre's worker): its heap and its array buffers. With
 * BENCH_TIMELINE=1, the load step quarter second by quarter second (see sampleResident).
 * Run: `npx tsx scripts/bench-import-memory.ts <file.geojson>` (a ~300 MB file takes minutes; a
 * county-sized one: `npm run make:sample -- --plots 172000 --out /tmp/172k` writes 95 MB of plots).
 */

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { openPlanner } from '../test/support/planner-harness.ts';

const MB = 1024 * 1024;

/** The renderer processes of the browser, as its own CDP reports them. */
async function rendererPids(planner: Awaited<ReturnType<typeof openPlanner>>): Promise<number[]> {
  const session = await planner.browser.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  await session.detach();
  return processInfo.filter((info) => info.type === 'renderer').map((info) => info.id);
}

function status(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

/** Resets the peak resident size of `pid` to its current size. */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

interface ContextMemory {
  name: string;
  heapBytes: number;
  bufferBytes: number;
}

/**
 * The page and each of its workers, each attached in a session of its own through the browser's
 * protocol: `usage` gives their heaps and array buffers (after a garbage collection when `collect`).
 */
async function attachContexts(planner: Awaited<ReturnType<typeof openPlanner>>) {
  const session = await planner.browser.newBrowserCDPSession();
  const { targetInfos } = (await session.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const answers = new Map<number, (result: Record<string, number>) => void>();
  session.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const reply = JSON.parse(event.message) as { id?: number; result?: Record<string, number> };
    if (reply.id !== undefined) answers.get(reply.id)?.(reply.result ?? {});
  });
  let nextId = 1;
  const contexts: { name: string; call: (method: string) => Promise<Record<string, number>> }[] = [];
  for (const target of targetInfos.filter((info) => info.type === 'page' || info.type === 'worker')) {
    const { sessionId } = (await session.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    })) as { sessionId: string };
    const call = (method: string) =>
      new Promise<Record<string, number>>((resolve) => {
        const id = nextId++;
        answers.set(id, resolve);
        session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    const name =
      target.type === 'page' ? 'page' : (/([a-z-]+)-[\w-]+\.js$/.exec(target.url)?.[1] ?? target.url);
    contexts.push({ name, call });
  }
  contexts.sort((a, b) => a.name.localeCompare(b.name));
  return {
    names: contexts.map((context) => context.name),
    async usage(collect: boolean): Promise<ContextMemory[]> {
      return Promise.all(
        contexts.map(async ({ name, call }) => {
          if (collect) await call('HeapProfiler.collectGarbage');
          const usage = await call('Runtime.getHeapUsage');
          return {
            name,
            // Without a collection, what the heap has taken (live or not) is what counts.
            heapBytes: (collect ? usage.usedSize : usage.totalSize) ?? 0,
            bufferBytes: usage.backingStorageSize ?? 0,
          };
        }),
      );
    },
    detach: () => session.detach(),
  };
}

/** What each context holds after a garbage collection. */
async function contextMemory(planner: Awaited<ReturnType<typeof openPlanner>>): Promise<ContextMemory[]> {
  const contexts = await attachContexts(planner);
  try {
    return await contexts.usage(true);
  } finally {
    await contexts.detach();
  }
}

/** The stages of the job the page shows (and its end), with the time each came. */
const phases: { at: number; name: string }[] = [];

/**
 * Samples the resident size of `pids` every 20 ms and what each JavaScript context has taken (heap,
 * live or not, and array buffers) every quarter second; `print` shows, for each quarter second that
 * differs, the largest resident size above `idle`, each context's share and the job's stages.
 */
function sampleResident(pids: number[], idle: number, contexts: Awaited<ReturnType<typeof attachContexts>>) {
  const samples: { at: number; bytes: number }[] = [];
  const timer = setInterval(() => {
    samples.push({ at: Date.now(), bytes: Math.max(...pids.map((pid) => status(pid, 'VmRSS'))) });
  }, 20);
  const heaps: { at: number; usage: ContextMemory[] }[] = [];
  let sampling = true;
  void (async () => {
    while (sampling) {
      const at = Date.now();
      heaps.push({ at, usage: await contexts.usage(false) });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    stop: () => {
      clearInterval(timer);
      sampling = false;
    },
    print(fileBytes: number) {
      const start = samples[0]?.at ?? Date.now();
      const step = 250;
      let shown = 0;
      for (let from = start; from <= (samples.at(-1)?.at ?? start); from += step) {
        const inStep = samples.filter((sample) => sample.at >= from && sample.at < from + step);
        const marks = phases.filter((phase) => phase.at >= from && phase.at < from + step);
        if (inStep.length === 0 && marks.length === 0) continue;
        const top = Math.max(...inStep.map((sample) => sample.bytes));
        if (marks.length === 0 && Math.abs(top - shown) < 8 * MB) continue;
        shown = top;
        const heap = heaps.findLast((sample) => sample.at < from + step);
        const each = (heap?.usage ?? [])
          .map(
            (usage) =>
              `${(usage.heapBytes / MB).toFixed(0).padStart(4)}+${(usage.bufferBytes / MB).toFixed(0).padEnd(3)}`,
          )
          .join(' ');
        console.log(
          `  ${((from - start) / 1000).toFixed(2).padStart(6)} s ${((top - idle) / MB).toFixed(0).padStart(5)} MB` +
            ` (${((top - idle) / fileBytes).toFixed(2)}×) [${each}] ${marks.map((mark) => mark.name).join(', ')}`,
        );
      }
    },
  };
}

async function main(): Promise<void> {
  const path = process.argv[2];
  if (!path) throw new Error('usage: npx tsx scripts/bench-import-memory.ts <file.geojson>');
  const fileBytes = statSync(path).size;
  const planner = await openPlanner({ waitFor: 'legend', recordNetwork: false, legendTimeoutMs: 300_000 });
  try {
    const { page } = planner;
    const pids = await rendererPids(planner);
    const peak = () => Math.max(...pids.map((pid) => status(pid, 'VmHWM')));
    const resident = () => Math.max(...pids.map((pid) => status(pid, 'VmRSS')));
    let idle = 0;
    const report = (stage: string, bytes: number, started: number) =>
      console.log(
        `${stage.padEnd(26)} peak ${(bytes / MB).toFixed(0).padStart(5)} MB = ${(bytes / fileBytes).toFixed(2)}× the file,` +
          ` ${((bytes - idle) / MB).toFixed(0)} MB = ${((bytes - idle) / fileBytes).toFixed(2)}× above the page before` +
          `  (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    const held = async (stage: string) => {
      for (const { name, heapBytes, bufferBytes } of await contextMemory(planner)) {
        const bytes = heapBytes + bufferBytes;
        console.log(
          `  ${stage} ${name.padEnd(18)} ${(bytes / MB).toFixed(0).padStart(5)} MB = ${(bytes / fileBytes).toFixed(2)}× the file` +
            ` (heap ${(heapBytes / MB).toFixed(0)} MB, buffers ${(bufferBytes / MB).toFixed(0)} MB)`,
        );
      }
    };
    // The sample plan's plausibility check runs after the legend shows: an import meanwhile would be refused.
    await page.waitForFunction(() => !window.__plannerInternals?.store.getState().job, null, {
      timeout: 300_000,
      polling: 500,
    });
    // What the worker warns about (a failed autosave of the layers) is part of the figures.
    for (const worker of page.workers())
      worker.on('console', (message) => {
        if (message.type() === 'warning' || message.type() === 'error')
          console.log(`worker: ${message.text()}`);
      });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 2000)));
    idle = resident();
    console.log(
      `file ${(fileBytes / MB).toFixed(0)} MB; renderer(s) ${pids.join(', ')} at ${(idle / MB).toFixed(0)} MB before`,
    );
    for (const pid of pids) resetPeak(pid);
    let started = performance.now();
    await page.setInputFiles('[data-testid="import-input"]', [path]);
    const dialog = page.locator('[data-testid="import-dialog"]');
    const accept = dialog.locator('[data-testid="import-accept"]');
    await accept.waitFor({ timeout: 1_800_000 });
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="import-accept"]')?.hasAttribute('disabled'),
      null,
      {
        timeout: 1_800_000,
      },
    );
    report('preview (read + check)', peak(), started);
    await held('previewed:');
    await page.exposeFunction('benchPhase', (name: string) => phases.push({ at: Date.now(), name }));
    await page.evaluate(() => {
      const store = window.__plannerInternals?.store;
      const note = (window as unknown as { benchPhase: (name: string) => void }).benchPhase;
      store?.subscribe((state, before) => {
        const [now, then] = [state.job?.label.en, before.job?.label.en];
        if (now !== then) note(now ?? (state.analysis !== before.analysis ? 'committed' : 'job ended'));
        else if (state.analysis !== before.analysis) note('committed');
      });
    });
    for (const pid of pids) resetPeak(pid);
    started = performance.now();
    const contexts = await attachContexts(planner);
    const timeline = sampleResident(pids, idle, contexts);
    await accept.click();
    // The dialog closes once its only source is loaded; a failure shows a notice instead.
    await page.waitForFunction(
      () =>
        !document.querySelector('[data-testid="import-dialog"]') ||
        document.querySelector('.import-accepted'),
      null,
      { timeout: 1_800_000, polling: 1000 },
    );
    report('load + classify', peak(), started);
    // The jobs the new plan starts (its receiving zones measured, its plausibility checked) and the
    // map drawing the plots follow the load; two quiet seconds without a job end them here.
    await page.waitForFunction(
      () => {
        const quiet = window as unknown as { quietSince?: number };
        if (window.__plannerInternals?.store.getState().job) quiet.quietSince = undefined;
        else quiet.quietSince ??= Date.now();
        return quiet.quietSince !== undefined && Date.now() - quiet.quietSince > 2000;
      },
      null,
      { timeout: 1_800_000, polling: 250 },
    );
    report('… and the jobs after it', peak(), started);
    if (process.env.BENCH_TIMELINE) {
      console.log(`  resident above the page before; [heap taken+buffers, MB: ${contexts.names.join(', ')}]`);
      timeline.print(fileBytes);
    }
    timeline.stop();
    await contexts.detach();
    console.log(`plan: ${JSON.stringify(await page.evaluate(() => window.__planner?.layerCounts()))}`);
    console.log(
      `notice: ${await page
        .locator('[data-testid="notice"]')
        .textContent()
        .catch(() => 'none')}`,
    );
    console.log(
      `resident after loading: ${(resident() / MB).toFixed(0)} MB (${((resident() - idle) / MB).toFixed(0)} MB above the page before)`,
    );
    await held('loaded:');
  } finally {
    await planner.close();
  }
}

await main();
