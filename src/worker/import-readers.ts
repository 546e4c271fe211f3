/**
 * What the analysis worker needs only when the user imports files: the readers of GeoJSON,
 * shapefiles and KML/KMZ, coordinate reference systems (proj4), checks and column mapping. The
 * worker loads this module on the first import (a chunk of its own), so that opening a plan does not
 * download it.
 */

export { crsCode, parseCrsCode } from '../core/crs/crs-codes.ts';
export { columnSamples, columnsOf, suggestColumnMapping } from '../core/io/column-mapping.ts';
export { guessLayerKind } from '../core/io/guess-layer-kind.ts';
export { loadContextLayer } from '../core/io/load-context-layer.ts';
export { loadLayerFromSource } from '../core/io/load-layer.ts';
export { readLayerFiles, unreadableFile } from '../core/io/read-layer-files.ts';
export { readFeatureCollectionInPieces, readPickedFiles } from './read-picked-files.ts';
export { streamPlotSource } from './stream-plot-source.ts';
