/**
 * Reads a plan file's optional `layerOrigins` (layer-origins.ts). It is never a reason not to open a
 * plan: a wrong entry is left out with a warning naming it, and that layer's origin is then unknown.
 */

import type { LayerKind, Message } from '../types.ts';
import { LAYER_KINDS, type LayerFileFormat, type LayerOrigin, type LayerOrigins } from './layer-origins.ts';
import { childPath } from './plan-problems.ts';
import { isIsoDateTime, isRecord, type PlanReader } from './plan-reader.ts';

const FORMATS: readonly LayerFileFormat[] = ['geojson', 'shapefile', 'kml'];

const EXPECTED_ORIGIN: Message = {
  zh: '{ "source": "sample" } 或 { "source": "file", "files": [文件名…], "format": "geojson"|"shapefile"|"kml", "crs": 坐标系代码或 null, "featureCount": 要素数, "importedAt": 导入时间 }',
  en: '{ "source": "sample" } or { "source": "file", "files": [names…], "format": "geojson"|"shapefile"|"kml", "crs": a CRS code or null, "featureCount": count, "importedAt": date-time }',
};

/** One layer's origin, or undefined when it is not one (the caller warns). */
function readOrigin(value: unknown): LayerOrigin | undefined {
  if (!isRecord(value)) return undefined;
  if (value.source === 'sample') return Object.keys(value).length === 1 ? { source: 'sample' } : undefined;
  if (value.source !== 'file') return undefined;
  const { files, format, crs, featureCount, importedAt } = value;
  const known = ['source', 'files', 'format', 'crs', 'featureCount', 'importedAt'];
  if (
    Object.keys(value).some((key) => !known.includes(key)) ||
    !Array.isArray(files) ||
    files.length === 0 ||
    !files.every((file) => typeof file === 'string' && file !== '') ||
    !FORMATS.includes(format as LayerFileFormat) ||
    !(crs === null || (typeof crs === 'string' && crs !== '')) ||
    typeof featureCount !== 'number' ||
    !Number.isInteger(featureCount) ||
    featureCount < 0 ||
    !isIsoDateTime(importedAt)
  )
    return undefined;
  return {
    source: 'file',
    files: [...(files as string[])],
    format: format as LayerFileFormat,
    crs: crs as string | null,
    featureCount,
    importedAt,
  };
}

/**
 * Reads `layerOrigins`: `{ plots?, boundary?, control? }`, each a layer origin.
 * @returns the origins read (possibly none), or undefined when the member is not an object at all
 */
export function readLayerOrigins(reader: PlanReader, value: unknown, path: string): LayerOrigins | undefined {
  if (!isRecord(value)) {
    reader.warn('dropped-part', path, {
      zh: `方案文件 ${reader.fileName} 的 ${path} 应为 { plots, boundary, control } 各图层的来源，已忽略：各图层来源未知。`,
      en: `Plan file ${reader.fileName}: ${path} must be { plots, boundary, control }, each layer's origin; it was ignored, so the layers' origins are unknown.`,
    });
    return undefined;
  }
  reader.extraKeys(value, LAYER_KINDS, path);
  const origins: LayerOrigins = {};
  for (const kind of LAYER_KINDS as LayerKind[]) {
    if (value[kind] === undefined) continue;
    const origin = readOrigin(value[kind]);
    const entryPath = childPath(path, kind);
    if (origin) origins[kind] = origin;
    else
      reader.warn('dropped-part', entryPath, {
        zh: `方案文件 ${reader.fileName} 的 ${entryPath} 应为${EXPECTED_ORIGIN.zh}，已忽略：该图层来源未知。`,
        en: `Plan file ${reader.fileName}: ${entryPath} must be ${EXPECTED_ORIGIN.en}; it was ignored, so that layer's origin is unknown.`,
      });
  }
  return origins;
}
