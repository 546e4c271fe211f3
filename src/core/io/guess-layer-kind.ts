/**
 * Guesses which of the three input layers an imported source is, so that the import dialog can
 * preselect it: from the file name first, then from the columns, then from feature sizes. Says why,
 * and says nothing (null) when the evidence is weak; the user always confirms.
 */
import type { LayerKind, Message, PlotProperties } from '../types.ts';
import { columnsOf } from './column-mapping.ts';
import { isRecord } from './describe-feature.ts';
import { plotFieldForColumn } from './normalize-plot-properties.ts';

/** Result of {@link guessLayerKind}. */
export interface LayerKindGuess {
  kind: LayerKind | null;
  reason: Message;
}

/** Words in file names with their layer, strongest first (工业用地控制线 is a control layer). */
const NAME_WORDS: readonly [word: string, kind: LayerKind][] = [
  ['工业控制线', 'control'],
  ['控制线', 'control'],
  ['control', 'control'],
  ['城镇开发边界', 'boundary'],
  ['开发边界', 'boundary'],
  ['边界', 'boundary'],
  ['boundary', 'boundary'],
  ['ubg', 'boundary'],
  ['工业用地', 'plots'],
  ['地块', 'plots'],
  ['用地', 'plots'],
  ['plot', 'plots'],
  ['parcel', 'plots'],
];

const LAYER_NAMES: Record<LayerKind, Message> = {
  boundary: { zh: '城镇开发边界', en: 'town development boundary' },
  control: { zh: '工业控制线', en: 'industrial control line' },
  plots: { zh: '工业用地地块', en: 'industrial land plots' },
};

/** Plot attributes that neither boundaries nor control zones carry. */
const PLOT_ONLY_FIELDS = new Set<keyof PlotProperties>([
  'village',
  'firms',
  'aboveScaleFirms',
  'employees',
  'taxWan',
  'outputWan',
  'investmentWan',
  'floorAreaM2',
  'footprintM2',
  'rentWan',
  'safetyRisk',
  'pollution',
  'industry',
]);

/** Column names that only plot layers use, beyond the aliases of the plot-only fields. */
const PLOT_ID_COLUMNS = new Set(['地块编号', '地块号', '地块代码', 'plotid', 'plot_id']);

/** Boundaries are a few per town; Cixi has 24 towns and streets. */
const MAX_BOUNDARY_FEATURES = 60;
/** A town's development boundary spans kilometres; a plot rarely more than a few hundred metres. */
const MIN_BOUNDARY_EXTENT_M = 1500;
const METRES_PER_DEGREE = 111_320;

/** The base name without folders, archive prefix or extension, lower case. */
function nameParts(fileName: string): string[] {
  return fileName
    .split('›')
    .map((part) =>
      part
        .trim()
        .replace(/^.*[\\/]/, '')
        .replace(/\.[^.]*$/, '')
        .toLowerCase(),
    )
    .reverse();
}

function fromName(fileName: string): LayerKindGuess | null {
  // The innermost name (the shapefile inside a zip) speaks first.
  for (const part of nameParts(fileName)) {
    const best = NAME_WORDS.find(([word]) => part.includes(word));
    if (best) {
      const [word, kind] = best;
      return {
        kind,
        reason: {
          zh: `文件名含「${word}」，判断为${LAYER_NAMES[kind].zh}`,
          en: `the file name contains "${word}", so it looks like the ${LAYER_NAMES[kind].en} layer`,
        },
      };
    }
  }
  return null;
}

/** Largest side of each feature's bounding box, in metres (degrees converted at the feature's latitude). */
function featureExtentsM(collection: unknown): number[] {
  if (!isRecord(collection) || !Array.isArray(collection.features)) return [];
  const extents: number[] = [];
  for (const feature of collection.features) {
    const geometry = isRecord(feature) ? feature.geometry : undefined;
    if (!isRecord(geometry) || !Array.isArray(geometry.coordinates)) continue;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    const stack: unknown[] = [geometry.coordinates];
    while (stack.length > 0) {
      const item = stack.pop();
      if (!Array.isArray(item)) continue;
      if (typeof item[0] === 'number' && typeof item[1] === 'number') {
        [minX, maxX] = [Math.min(minX, item[0]), Math.max(maxX, item[0])];
        [minY, maxY] = [Math.min(minY, item[1]), Math.max(maxY, item[1])];
      } else for (const child of item) stack.push(child);
    }
    if (!Number.isFinite(minX) || !Number.isFinite(minY)) continue;
    const degrees =
      Math.max(Math.abs(minX), Math.abs(maxX)) <= 180 && Math.max(Math.abs(minY), Math.abs(maxY)) <= 90;
    const scaleX = degrees ? METRES_PER_DEGREE * Math.cos((((minY + maxY) / 2) * Math.PI) / 180) : 1;
    const scaleY = degrees ? METRES_PER_DEGREE : 1;
    extents.push(Math.max((maxX - minX) * scaleX, (maxY - minY) * scaleY));
  }
  return extents;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function fromAttributes(collection: unknown): LayerKindGuess | null {
  const columns = columnsOf(collection);
  const plotColumns = columns.filter((column) => {
    const field = plotFieldForColumn(column);
    return (
      (field !== undefined && PLOT_ONLY_FIELDS.has(field)) || PLOT_ID_COLUMNS.has(column.trim().toLowerCase())
    );
  });
  if (plotColumns.length > 0) {
    const shown = plotColumns.slice(0, 3).join('、');
    return {
      kind: 'plots',
      reason: {
        zh: `含有地块属性列（${shown}），判断为工业用地地块`,
        en: `it has plot attribute columns (${plotColumns.slice(0, 3).join(', ')}), so it looks like the plot layer`,
      },
    };
  }
  const hasTown = columns.some((column) => plotFieldForColumn(column) === 'town');
  const extents = featureExtentsM(collection);
  if (hasTown && extents.length > 0 && extents.length <= MAX_BOUNDARY_FEATURES) {
    const typical = median(extents);
    if (typical >= MIN_BOUNDARY_EXTENT_M) {
      const km = (typical / 1000).toFixed(1);
      return {
        kind: 'boundary',
        reason: {
          zh: `有镇街列，要素少（${extents.length} 个）且大（典型跨度约 ${km} 公里），判断为城镇开发边界`,
          en: `it has a town column and few (${extents.length}), large features (typically about ${km} km across), so it looks like the boundary layer`,
        },
      };
    }
  }
  return null;
}

/**
 * Guesses the layer kind of an imported source.
 *
 * Names (the innermost file name first, then the archive's): 城镇开发边界/开发边界/边界/boundary/ubg →
 * boundary; 工业控制线/控制线/control → control; 工业用地/地块/用地/plot/parcel → plots. Control
 * words outrank boundary words, which outrank plot words (工业用地控制线 → control). Then columns: any plot-only attribute (地块编号,
 * 税收, 企业数, 行业, …) → plots; a town column on at most 60 features typically 1.5 km or more across →
 * boundary. Otherwise null.
 * @param fileName as shown to the user, e.g. `plots.zip › 地块.shp`
 * @param collection the source's FeatureCollection-like object, in any CRS
 * @returns the kind or null, and the reason in both languages
 */
export function guessLayerKind(fileName: string, collection: unknown): LayerKindGuess {
  return (
    fromName(fileName) ??
    fromAttributes(collection) ?? {
      kind: null,
      reason: {
        zh: '无法从文件名或属性判断图层类型，请选择',
        en: 'the layer kind cannot be told from the file name or the attributes; please choose it',
      },
    }
  );
}
