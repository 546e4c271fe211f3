/** The text of a sample layer as `npm run make:sample` writes it. */

import type { SampleCollection } from './sample-model.ts';

/** GeoJSON with one feature per line: readable diffs, and small enough to commit. */
export function sampleCollectionText(collection: SampleCollection): string {
  const head = JSON.stringify({ type: collection.type, name: collection.name, label: collection.label });
  return `${head.slice(0, -1)},"features":[\n${collection.features.map((feature) => JSON.stringify(feature)).join(',\n')}\n]}\n`;
}
