/**
 * Writes the synthetic sample plan (示例数据（虚构）) as three GeoJSON files and a README.
 *
 * Usage: npm run make:sample [-- --plots N --seed S --out DIR]
 *   defaults: --plots 3000 --seed 20220225 --out data/sample
 *   county-scale benchmark set: npm run make:sample -- --plots 100000 --out bench-data/100k
 */

import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSamplePlan } from './lib/generate-sample.ts';
import { sampleCollectionText } from './lib/sample-collection-text.ts';
import { SAMPLE_LABEL } from './lib/sample-model.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The date of 慈经信建〔2022〕25号 as a number, so that the default is easy to remember. */
const DEFAULT_SEED = 20220225;
const DEFAULT_PLOTS = 3000;

function parseInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`--${name} must be a non-negative integer, got "${value}".`);
  return parsed;
}

function main(): void {
  const { values } = parseArgs({
    options: { plots: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
  });
  const plots = parseInteger(values.plots, DEFAULT_PLOTS, 'plots');
  const seed = parseInteger(values.seed, DEFAULT_SEED, 'seed');
  const outDir = resolve(ROOT, values.out ?? join('data', 'sample'));

  const started = performance.now();
  const plan = generateSamplePlan({ seed, plots });
  const generatedMs = performance.now() - started;

  mkdirSync(outDir, { recursive: true });
  const sizes: string[] = [];
  for (const [file, collection] of [
    ['boundary.geojson', plan.boundary],
    ['control.geojson', plan.control],
    ['plots.geojson', plan.plots],
  ] as const) {
    const path = join(outDir, file);
    writeFileSync(path, sampleCollectionText(collection));
    sizes.push(
      `${file} ${collection.features.length} features, ${(statSync(path).size / 1024).toFixed(0)} KiB`,
    );
  }
  const command =
    plots === DEFAULT_PLOTS && seed === DEFAULT_SEED && values.out === undefined
      ? 'npm run make:sample'
      : `npm run make:sample -- --plots ${plots} --seed ${seed} --out ${relative(ROOT, outDir)}`;
  const { stats } = plan;
  writeFileSync(
    join(outDir, 'README.md'),
    `# ${SAMPLE_LABEL}

Sample plan for 慈溪市. **${SAMPLE_LABEL}: the boundaries, control zones, plots, firm names and every
figure here are invented.** Only the county outline, the coast and the town and village names and codes
are real (see \`data/CREDITS.md\`).

| file | content | features |
|---|---|---|
| \`boundary.geojson\` | 城镇开发边界, one per town, property \`town\` | ${plan.boundary.features.length} |
| \`control.geojson\` | 工业控制线, properties \`id\`, \`name\`, \`town\` | ${plan.control.features.length} |
| \`plots.geojson\` | 工业用地地块 with all plot attributes of DESIGN.md | ${plan.plots.features.length} |

- Seed ${seed}, ${plots} plots requested. Placed: ${stats.park} in control zones (parks; ${stats.crossingZone} of them
  across a zone's edge), ${stats.village} in villages inside a boundary, ${stats.edge} across a boundary's edge,
  ${stats.outside} outside every boundary; ${stats.pilot} are pilot plots (\`pilot\`: 东山头村工业集聚点（一期）, 五里村工业集聚点,
  in 观海卫镇); ${stats.missing} lack some numeric attributes on purpose (the key is absent).
- Boundaries: contours of an invented built-up field (a stretched core round each town seat, ribbons along
  roads between neighbouring seats, outlying clusters, fractal noise), cut to each town's invented territory
  and to the land inside the county; **they are not the real 城镇开发边界 of 慈溪市**. Control zones are
  blocks inside them, a few left across a boundary.
- Coordinates: WGS84 longitude/latitude, 7 decimals. Plots do not overlap; every vertex lies inside the
  慈溪市 outline and on land.
- Regenerate: \`${command}\` (\`scripts/make-sample.ts\`, generator \`scripts/lib/generate-sample.ts\`).
  The output depends only on the seed, the count and \`data/basemap/\`.
`,
  );
  console.log(`${relative(ROOT, outDir) || '.'}: ${sizes.join('; ')}`);
  console.log(
    `seed ${seed}: ${plan.plots.features.length} plots (park ${stats.park}, village ${stats.village}, edge ${stats.edge}, ` +
      `outside ${stats.outside}, across a zone edge ${stats.crossingZone}, pilot ${stats.pilot}, missing ${stats.missing}); generated in ${(generatedMs / 1000).toFixed(1)} s`,
  );
}

main();
