/**
 * Checks an imported layer feature by feature and says, in Chinese and English, what is wrong and
 * what to do. Never throws, whatever the input; features without `error` problems are usable after
 * `repairFeature` has applied the repairs that the warnings announce.
 */
import gjv from 'geojson-validation';
import type { FeatureCollection, LayerKind, Message, PlotProperties, Problem } from '../types.ts';
import { capProblems, DEFAULT_MAX_PROBLEMS_PER_CODE } from './cap-problems.ts';
import { checkFeatureGeometry } from './check-feature-geometry/check-feature-geometry.ts';
import { featureLabel, formatCount, isRecord, layerLabel } from './describe-feature.ts';
import { normalizePlotProperties } from './normalize-plot-properties.ts';
import { idKey, resolveFeatureId } from './resolve-feature-id.ts';

/** Options of {@link validateLayer}. */
export interface ValidateLayerOptions {
  /** The file's name, used in file-level messages. */
  fileName?: string;
  /** Problems listed per code before a `too-many-problems` summary (default 1,000). */
  maxProblemsPerCode?: number;
  /** Check longitude/latitude ranges (default true); turn off for data not yet reprojected. */
  checkCoordinateRange?: boolean;
  /** Plots: give each feature's canonical properties as the checks read them (`plotProperties`). */
  plotProperties?: boolean;
}

/** Result of {@link validateLayer}. */
export interface ValidateLayerResult {
  /** 0-based indices of the features without errors, ascending. */
  valid: number[];
  /** Problems sorted by feature index (file-level, index -1, first), capped per code. */
  problems: Problem[];
  /**
   * Plots, with the option `plotProperties`: each feature's canonical properties as the checks read them (`normalizePlotProperties`
   * with the feature's index and id), by feature index; undefined where the properties are not an object.
   */
  plotProperties?: (PlotProperties | undefined)[];
}

/** Coordinates whose largest absolute value reaches this are taken for projected metres. */
export const PROJECTED_MAGNITUDE = 1000;

/** geojson-validation messages about the Feature object itself, translated; others are dropped. */
const FEATURE_MESSAGES: readonly [RegExp, Message][] = [
  [/^type must be "Feature"$/, { zh: '「type」应为 "Feature"', en: '"type" must be "Feature"' }],
  [/^must have a member with the name "type"$/, { zh: '缺少「type」成员', en: 'no "type" member' }],
  [
    /^must have a member with the name "properties"$/,
    { zh: '缺少「properties」成员（按无属性处理）', en: 'no "properties" member (read as no attributes)' },
  ],
  [/bbox/, { zh: '「bbox」格式不正确（已忽略）', en: '"bbox" is malformed (ignored)' }],
];

/** Geometry messages that our own checks already report under a specific code. */
const COVERED_GEOMETRY_MESSAGE = /first and last positions must be equivalent|at least four positions/;

function safeTrace(run: () => unknown): string[] {
  try {
    const trace = run();
    return Array.isArray(trace) ? trace.filter((m): m is string => typeof m === 'string') : [];
  } catch {
    // geojson-validation throws on some malformed input (e.g. an empty ring); our checks cover it.
    return [];
  }
}

/**
 * Structural findings of geojson-validation that no specific check reports, in both languages.
 * @param geometryToCheck whether to run its geometry checks too (needless for a plain geometry, see
 *   GeometryCheck.isPlain)
 */
function structuralFindings(feature: Record<string, unknown>, geometryToCheck: boolean): Message[] {
  const findings: Message[] = [];
  // Check the Feature shell without its geometry, so geometry messages cannot be mistaken for it.
  // It finds nothing in the usual shell (type "Feature", a properties member, no bbox): only the
  // others are copied and asked.
  const plain = feature.type === 'Feature' && 'properties' in feature && !('bbox' in feature);
  for (const text of plain ? [] : safeTrace(() => gjv.isFeature({ ...feature, geometry: null }, true))) {
    const known = FEATURE_MESSAGES.find(([pattern]) => pattern.test(text));
    if (known && !findings.includes(known[1])) findings.push(known[1]);
  }
  // A safety net: geometry defects that our checks do not name (e.g. a non-numeric third coordinate).
  if (geometryToCheck && isRecord(feature.geometry)) {
    const geometryMessages = safeTrace(() => gjv.isGeometryObject(feature.geometry, true)).filter(
      (text) => !COVERED_GEOMETRY_MESSAGE.test(text),
    );
    if (geometryMessages.length > 0) {
      const shown = geometryMessages.slice(0, 3).join('; ');
      const more = geometryMessages.length > 3 ? ` …（共 ${geometryMessages.length} 条）` : '';
      findings.push({
        zh: `几何结构不规范：${shown}${more}`,
        en: `geometry: ${shown}${more ? ` … (${geometryMessages.length} in all)` : ''}`,
      });
    }
  }
  return findings;
}

interface ProjectedFeature {
  featureIndex: number;
  featureId: string | number | undefined;
  sample: [number, number];
}

function formatMetres(point: [number, number]): string {
  return `${point[0].toFixed(2)}, ${point[1].toFixed(2)}`;
}

/**
 * Checks every feature of a layer and lists the usable ones.
 *
 * Per feature: structure (geojson-validation, summarised as `invalid-geojson` warnings),
 * Polygon/MultiPolygon geometry (`empty-geometry`, `invalid-geometry`, `wrong-geometry-type`,
 * `invalid-coordinates`, `geometry-collection`, `empty-part`, `unclosed-ring`, `degenerate-ring`,
 * `self-intersection`, `zero-area`), longitude/latitude ranges (`coordinate-out-of-range`,
 * `projected-coordinates`; one file-level problem when every feature looks projected), ids
 * (`missing-id`, `duplicate-id`: errors for plots, warnings for control lines; boundaries need
 * none) and, for plots, attribute values (`invalid-number`, `negative-value`, `invalid-boolean`,
 * `invalid-text`). File-level problems (`not-a-feature-collection`, `no-features`) have
 * featureIndex -1. Each code lists at most `maxProblemsPerCode` problems (default 1,000), then one
 * `too-many-problems` summary; `valid` is computed from all problems, listed or not.
 *
 * @param collection the parsed layer, any value (coordinates in degrees, WGS84/CGCS2000)
 * @param layer which of the three input layers this is
 * @param options file name for messages, problem cap, range check switch
 * @returns indices of usable features and the problems found
 */
export function validateLayer(
  collection: FeatureCollection,
  layer: LayerKind,
  options: ValidateLayerOptions = {},
): ValidateLayerResult {
  try {
    return validateUnsafe(collection, layer, options);
  } catch {
    // Unreachable by design (the property tests look for it); a last guard so imports never crash.
    return {
      valid: [],
      problems: [
        {
          code: 'internal-error',
          severity: 'error',
          featureIndex: -1,
          message: {
            zh: '检查数据时发生内部错误；请将文件发给维护人员',
            en: 'An internal error occurred while checking the data; please send the file to the maintainers.',
          },
        },
      ],
    };
  }
}

function validateUnsafe(
  collection: unknown,
  layer: LayerKind,
  options: ValidateLayerOptions,
): ValidateLayerResult {
  const layerName = layerLabel(layer);
  const fileName =
    typeof options.fileName === 'string' && options.fileName !== '' ? options.fileName : undefined;
  const source: Message = fileName
    ? { zh: `文件 ${fileName}（${layerName.zh}）`, en: `File ${fileName} (${layerName.en})` }
    : { zh: layerName.zh, en: `The ${layerName.en}` };
  const problems: Problem[] = [];
  const fileLevel = (code: string, severity: Problem['severity'], zh: string, en: string): void => {
    problems.push({ code, severity, featureIndex: -1, message: { zh: source.zh + zh, en: source.en + en } });
  };

  if (!isRecord(collection) || !Array.isArray(collection.features)) {
    fileLevel(
      'not-a-feature-collection',
      'error',
      '不是要素集合（FeatureCollection），无法读取；请导出为 GeoJSON 要素集合',
      ' is not a FeatureCollection and cannot be read; export it as a GeoJSON FeatureCollection.',
    );
    return { valid: [], problems };
  }
  const features: unknown[] = collection.features;
  if (features.length === 0) fileLevel('no-features', 'warning', '中没有任何要素', ' contains no features.');

  const hasError = new Uint8Array(features.length);
  const seenIds = new Map<string, number>();
  const plotProperties: (PlotProperties | undefined)[] | undefined =
    layer === 'plots' && options.plotProperties ? new Array(features.length) : undefined;
  const projected: ProjectedFeature[] = [];
  let withCoordinates = 0;
  const checkRanges = options.checkCoordinateRange !== false;

  // The feature being checked, for add and say (made once, not per feature: see the note above
  // addFindings in check-feature-geometry.ts for why that matters).
  let featureIndex = 0;
  let featureId: string | number | undefined;
  const add = (problem: Omit<Problem, 'featureIndex' | 'featureId'>): void => {
    const full: Problem = { ...problem, featureIndex };
    if (featureId !== undefined) full.featureId = featureId;
    problems.push(full);
    if (problem.severity === 'error') hasError[featureIndex] = 1;
  };
  const say = (code: string, severity: Problem['severity'], zh: string, en: string): void => {
    const label = featureLabel(featureIndex, featureId);
    add({ code, severity, message: { zh: label.zh + zh, en: label.en + en } });
  };

  for (featureIndex = 0; featureIndex < features.length; featureIndex++) {
    const feature = features[featureIndex];
    featureId = resolveFeatureId(feature);

    try {
      if (!isRecord(feature)) {
        say(
          'invalid-feature',
          'error',
          '不是 GeoJSON 要素（Feature）对象，已跳过',
          ' is not a GeoJSON Feature object and was skipped.',
        );
        continue;
      }

      const geometryCheck = checkFeatureGeometry(feature.geometry, layer, featureIndex, featureId);

      const findings = structuralFindings(feature, geometryCheck.usable && !geometryCheck.isPlain);
      if (findings.length > 0)
        say(
          'invalid-geojson',
          'warning',
          `不完全符合 GeoJSON 规范：${findings.map((f) => f.zh).join('；')}`,
          ` is not strictly valid GeoJSON: ${findings.map((f) => f.en).join('; ')}.`,
        );
      if (feature.properties !== null && feature.properties !== undefined && !isRecord(feature.properties))
        say(
          'invalid-properties',
          'warning',
          '的属性（properties）不是对象，按无属性处理',
          '’s properties are not an object and are read as no attributes.',
        );

      for (const problem of geometryCheck.problems) add(problem);

      if (checkRanges && geometryCheck.bbox) {
        withCoordinates++;
        const outside = geometryCheck.firstOutOfRange;
        if (outside) {
          const [minX, minY, maxX, maxY] = geometryCheck.bbox;
          const magnitude = Math.max(Math.abs(minX), Math.abs(minY), Math.abs(maxX), Math.abs(maxY));
          if (magnitude >= PROJECTED_MAGNITUDE) {
            projected.push({ featureIndex, featureId, sample: outside });
            hasError[featureIndex] = 1;
          } else {
            const where = `${outside[0].toFixed(6)}, ${outside[1].toFixed(6)}`;
            say(
              'coordinate-out-of-range',
              'error',
              `的坐标超出经纬度范围（例如 ${where}）；经度应在 -180 到 180 之间，纬度应在 -90 到 90 之间，请检查坐标系和数据`,
              `’s coordinates are outside the longitude/latitude range (e.g. ${where}); longitude must lie in -180…180 and latitude in -90…90. Check the coordinate system and the data.`,
            );
          }
        }
      }

      if (layer !== 'boundary') {
        const severity: Problem['severity'] = layer === 'plots' ? 'error' : 'warning';
        if (featureId === undefined) {
          if (layer === 'plots')
            say(
              'missing-id',
              severity,
              '没有编号（id）；每个地块都需要唯一编号，请在属性表中填写「id」或「地块编号」',
              ' has no id; every plot needs a unique id. Fill in "id" (or 地块编号) in the attribute table.',
            );
          else
            say(
              'missing-id',
              severity,
              '没有编号（id），将自动生成编号',
              ' has no id; one will be generated.',
            );
        } else {
          const key = idKey(featureId);
          const firstIndex = seenIds.get(key);
          if (firstIndex === undefined) seenIds.set(key, featureIndex);
          else {
            const then =
              layer === 'plots'
                ? {
                    zh: '每个地块的编号必须唯一，请修改其中一个',
                    en: 'every plot needs a unique id; change one of them',
                  }
                : { zh: '将为重复者自动生成新编号', en: 'a new id will be generated for the duplicate' };
            say(
              'duplicate-id',
              severity,
              `的编号与第 ${firstIndex + 1} 个要素相同（均为 ${key}）；${then.zh}`,
              ` has the same id as feature ${firstIndex + 1} (both ${key}); ${then.en}.`,
            );
          }
        }
      }

      if (layer === 'plots' && isRecord(feature.properties)) {
        const normalized = normalizePlotProperties(
          feature.properties,
          featureId === undefined ? { featureIndex } : { featureIndex, featureId },
        );
        for (const problem of normalized.problems) add(problem);
        if (plotProperties) plotProperties[featureIndex] = normalized.properties;
      }
    } catch {
      say(
        'internal-error',
        'error',
        '检查时发生内部错误，已跳过；请将文件发给维护人员',
        ' could not be checked because of an internal error and was skipped; please send the file to the maintainers.',
      );
    }
  }

  const firstProjected = projected[0];
  if (firstProjected) {
    const advice = {
      zh: '坐标值看起来是投影坐标（米），请提供 .prj 或选择坐标系',
      en: 'the coordinate values look like projected coordinates (metres); provide the .prj file or choose the coordinate system',
    };
    if (projected.length === withCoordinates) {
      const all = formatCount(projected.length);
      fileLevel(
        'projected-coordinates',
        'error',
        `的全部 ${all} 个要素不是经纬度（例如 ${formatMetres(firstProjected.sample)}）：${advice.zh}`,
        `: none of the ${all} features is in longitude/latitude (e.g. ${formatMetres(firstProjected.sample)}): ${advice.en}.`,
      );
    } else {
      for (const { featureIndex, featureId, sample } of projected) {
        const label = featureLabel(featureIndex, featureId);
        const problem: Problem = {
          code: 'projected-coordinates',
          severity: 'error',
          featureIndex,
          message: {
            zh: `${label.zh}的坐标不是经纬度（例如 ${formatMetres(sample)}）：${advice.zh}`,
            en: `${label.en} is not in longitude/latitude (e.g. ${formatMetres(sample)}): ${advice.en}.`,
          },
        };
        if (featureId !== undefined) problem.featureId = featureId;
        problems.push(problem);
      }
    }
  }

  // Stable sort: file-level problems first, then by feature, each feature's problems in check order.
  const ordered = problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => a.problem.featureIndex - b.problem.featureIndex || a.order - b.order)
    .map(({ problem }) => problem);

  const valid: number[] = [];
  for (let featureIndex = 0; featureIndex < features.length; featureIndex++) {
    if (!hasError[featureIndex]) valid.push(featureIndex);
  }
  return {
    valid,
    problems: capProblems(ordered, options.maxProblemsPerCode ?? DEFAULT_MAX_PROBLEMS_PER_CODE),
    ...(plotProperties ? { plotProperties } : {}),
  };
}
