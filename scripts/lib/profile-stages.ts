/**
 * Stage times of one command-line run, read from a V8 CPU profile (`node --cpu-prof`): every sample
 * is charged to the innermost stage function on its stack, and garbage collection to the stage that
 * was running when it happened. No timing code in the core: the functions that the CLI calls name
 * the stages, so the figures describe exactly the run that `npm run analyze` makes.
 */

import { readFileSync } from 'node:fs';

/** A stage, found by the name of a function on the stack. */
export interface StageRule {
  /** Function name as V8 reports it. */
  fn: string;
  stage: string;
  /** Only counts inside this function (e.g. areas inside the classification, not inside towns). */
  within?: string;
}

/** The stages of `scripts/analyze.ts`, in the order it runs them. */
export const ANALYZE_STAGES: readonly StageRule[] = [
  { fn: 'readInput', stage: 'read files' },
  // Large plot files are read in pieces, through a window of the file (feature-piece-reader.ts),
  // on one thread or in parts on several (plot-pieces.ts, plots-in-parts.ts, plot-part.ts).
  { fn: 'readFully', stage: 'read files' },
  { fn: 'decodePiece', stage: 'decode text' },
  { fn: 'parseGeoJsonPiece', stage: 'parse JSON' },
  { fn: 'decodeUtf8OrGb18030', stage: 'decode text' },
  // The command line decodes valid UTF-8 through Buffer (decodeTextFile's host decoder).
  { fn: 'decodeTextFile', stage: 'decode text' },
  { fn: 'parseGeoJsonText', stage: 'parse JSON' },
  // Files of 32 MB and more are decoded and parsed a few megabytes at a time.
  { fn: 'decode', stage: 'decode text', within: 'parseLargeFeatureCollection' },
  { fn: 'parseLargeFeatureCollection', stage: 'parse JSON' },
  { fn: 'applyColumnMapping', stage: 'map columns' },
  { fn: 'columnsOf', stage: 'map columns' },
  { fn: 'soundFeatures', stage: 'check coordinates' },
  { fn: 'detectCrs', stage: 'detect CRS' },
  { fn: 'detectLayerCrs', stage: 'detect CRS' },
  { fn: 'reprojectFeatureCollection', stage: 'reproject' },
  { fn: 'validateLayer', stage: 'validate' },
  { fn: 'repairFeature', stage: 'repair' },
  { fn: 'prepareZoneLayer', stage: 'dissolve zones' },
  { fn: 'geometryAreaM2', stage: 'plot areas', within: 'classifyWithZones' },
  { fn: 'classifyWithZones', stage: 'overlay and status' },
  { fn: 'assignTowns', stage: 'assign towns' },
  { fn: 'plotCsvRows', stage: 'properties, measures, CSV rows' },
  { fn: 'csvBytes', stage: 'properties, measures, CSV rows' },
  { fn: 'baselineIndicators', stage: 'baseline indicators' },
  { fn: 'checkPlausibility', stage: 'plausibility checks' },
  // Read in parts, each part checks its own plots and the overlaps are found among all parts' rings.
  { fn: 'findFeatureFindings', stage: 'plausibility checks' },
  { fn: 'packRings', stage: 'plausibility checks' },
  { fn: 'mergedPlots', stage: 'merge pieces' },
  { fn: 'mergedChecks', stage: 'plausibility checks' },
  { fn: 'writeCsvAtomically', stage: 'write CSV and summary' },
  { fn: 'writeAtomically', stage: 'write CSV and summary' },
];

/** Samples before the first stage: node and module loading. */
export const START_UP = 'start-up (node, modules)';
/** Samples in no stage after the first one (argument checks, messages, exit). */
export const OTHER = 'other';

export interface StageTime {
  stage: string;
  ms: number;
  /** Of `ms`, garbage collection while the stage ran. */
  gcMs: number;
}

export interface ProfileStages {
  totalMs: number;
  gcMs: number;
  stages: StageTime[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string };
  children?: number[];
}

/** The parts of a `.cpuprofile` that are read. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const GC = '(garbage collector)';
const IDLE = '(idle)';
const IDLE_OR_PROGRAM = new Set([IDLE, '(program)']);

/** Options of {@link stagesOfProfile}. */
export interface StageOptions {
  /**
   * The stage idle samples are charged to (a thread waiting for others); by default the stage that
   * ran before them.
   */
  idleStage?: string;
}

/** {@link stagesOfProfile} of a `.cpuprofile` file. */
export function profileStages(
  path: string,
  rules: readonly StageRule[] = ANALYZE_STAGES,
  options: StageOptions = {},
): ProfileStages {
  return stagesOfProfile(JSON.parse(readFileSync(path, 'utf8')) as CpuProfile, rules, options);
}

/**
 * Charges the samples of a CPU profile to stages.
 * @param rules the stages; the innermost matching function on a sample's stack wins
 * @returns time per stage, start-up first, then in `rules` order, then other, then the idle stage
 *   when there is one (stages without samples left out)
 */
export function stagesOfProfile(
  profile: CpuProfile,
  rules: readonly StageRule[] = ANALYZE_STAGES,
  { idleStage }: StageOptions = {},
): ProfileStages {
  const nodes = new Map<number, ProfileNode>();
  const parents = new Map<number, number>();
  for (const node of profile.nodes) {
    nodes.set(node.id, node);
    for (const child of node.children ?? []) parents.set(child, node.id);
  }
  const byFunction = new Map(rules.map((rule) => [rule.fn, rule]));
  const stageOfNode = new Map<number, string | null>();
  const stageOf = (leaf: number): string | null => {
    const known = stageOfNode.get(leaf);
    if (known !== undefined) return known;
    const names: string[] = [];
    for (let id: number | undefined = leaf; id !== undefined; id = parents.get(id)) {
      names.push(nodes.get(id)?.callFrame.functionName ?? '');
    }
    let stage: string | null = null;
    for (let i = 0; i < names.length && stage === null; i++) {
      // A bundler renames one of two functions of the same name with a number (writeAtomically2).
      const name = names[i] as string;
      const rule = byFunction.get(name) ?? byFunction.get(name.replace(/\d+$/, ''));
      if (rule && (rule.within === undefined || names.indexOf(rule.within, i + 1) > i)) stage = rule.stage;
    }
    stageOfNode.set(leaf, stage);
    return stage;
  };

  const times = new Map<string, { ms: number; gcMs: number }>();
  const charge = (stage: string, ms: number, gc: boolean) => {
    const time = times.get(stage) ?? { ms: 0, gcMs: 0 };
    time.ms += ms;
    if (gc) time.gcMs += ms;
    times.set(stage, time);
  };
  let current = START_UP;
  let started = false;
  let totalMs = 0;
  let gcMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const name = nodes.get(id)?.callFrame.functionName ?? '';
    if (name === IDLE && idleStage !== undefined) {
      charge(idleStage, ms, false);
      continue;
    }
    if (name === GC) {
      gcMs += ms;
      charge(current, ms, true);
      continue;
    }
    if (!IDLE_OR_PROGRAM.has(name)) {
      const stage = stageOf(id);
      if (stage !== null) started = true;
      current = stage ?? (started ? OTHER : START_UP);
    }
    charge(current, ms, false);
  }
  const order = [START_UP, ...rules.map((rule) => rule.stage), OTHER, ...(idleStage ? [idleStage] : [])];
  const stages = order
    .filter((stage, i) => order.indexOf(stage) === i && times.has(stage))
    .map((stage) => ({ stage, ...(times.get(stage) as { ms: number; gcMs: number }) }));
  return { totalMs, gcMs, stages };
}
