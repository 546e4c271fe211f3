/**
 * Problem codes of reading files before the GeoJSON checks: zip archives, shapefiles, dBASE tables,
 * KML. Kept apart from `problem-codes.ts` (the GeoJSON and feature checks); the UI groups by both.
 */
import type { ProblemCodeInfo } from './problem-codes.ts';

/** The problem codes of `readLayerFiles`, `readShp`, `readDbf` and `readKml`. */
export const IMPORT_PROBLEM_CODES = {
  'unknown-file-type': { severity: 'error', title: { zh: '不支持的文件类型', en: 'unsupported file type' } },
  'file-too-large': { severity: 'error', title: { zh: '文件过大', en: 'file too large' } },
  'unreadable-file': { severity: 'error', title: { zh: '无法读取文件', en: 'file cannot be read' } },
  'zip-too-large': {
    severity: 'error',
    title: { zh: '压缩包解压后过大', en: 'archive unpacks to too much' },
  },
  'not-a-zip': { severity: 'error', title: { zh: '不是有效的压缩包', en: 'not a valid zip archive' } },
  'empty-zip': { severity: 'error', title: { zh: '压缩包是空的', en: 'empty zip archive' } },
  'no-layer-in-zip': { severity: 'error', title: { zh: '压缩包中没有图层', en: 'no layer in the archive' } },
  'missing-dbf': { severity: 'error', title: { zh: '缺少 .dbf 文件', en: 'missing .dbf' } },
  'missing-shp': { severity: 'error', title: { zh: '缺少 .shp 文件', en: 'missing .shp' } },
  'not-a-shapefile': { severity: 'error', title: { zh: '不是有效的 .shp 文件', en: 'not a valid .shp' } },
  'not-a-polygon-layer': { severity: 'error', title: { zh: '不是面图层', en: 'not a polygon layer' } },
  'truncated-shapefile': {
    severity: 'error',
    title: { zh: '.shp 文件不完整或已损坏', en: 'truncated or damaged .shp' },
  },
  'record-count-mismatch': {
    severity: 'warning',
    title: { zh: '图形与属性记录数不一致', en: 'shape and record counts differ' },
  },
  'not-a-dbf': { severity: 'error', title: { zh: '不是有效的 .dbf 文件', en: 'not a valid .dbf' } },
  'truncated-dbf': { severity: 'error', title: { zh: '.dbf 文件不完整', en: 'truncated .dbf' } },
  'unsupported-dbf-field': {
    severity: 'warning',
    title: { zh: '不支持的字段类型', en: 'unsupported field type' },
  },
  'unknown-encoding': { severity: 'warning', title: { zh: '无法识别的编码', en: 'unknown encoding' } },
  'not-utf8': { severity: 'warning', title: { zh: '不是 UTF-8 编码', en: 'not UTF-8' } },
  'invalid-kml': { severity: 'error', title: { zh: '不是有效的 KML', en: 'not valid KML' } },
  'no-kml-in-kmz': { severity: 'error', title: { zh: 'KMZ 中没有 KML', en: 'no KML in the KMZ' } },
  'skipped-placemark': {
    severity: 'warning',
    title: { zh: '跳过非面要素', en: 'non-polygon placemarks skipped' },
  },
} as const satisfies Record<string, ProblemCodeInfo>;

/** A problem code of reading files. */
export type ImportProblemCode = keyof typeof IMPORT_PROBLEM_CODES;
