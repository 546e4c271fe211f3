/**
 * Every problem code that reading and checking a layer can report, with its severity and a short
 * title for grouping in the UI and the command line. Messages themselves come with each problem.
 */
import type { Message, Problem } from '../types.ts';

/** Description of one problem code. `severity` is what the code always has, or `depends`. */
export interface ProblemCodeInfo {
  severity: Problem['severity'] | 'depends';
  title: Message;
}

/** The problem codes of `parseGeoJsonText`, `validateLayer` and `normalizePlotProperties`. */
export const IO_PROBLEM_CODES = {
  'empty-file': { severity: 'error', title: { zh: '空文件', en: 'empty file' } },
  'invalid-json': { severity: 'error', title: { zh: '不是有效的 JSON', en: 'not valid JSON' } },
  'not-an-object': { severity: 'error', title: { zh: '不是 GeoJSON 对象', en: 'not a GeoJSON object' } },
  'unsupported-type': { severity: 'error', title: { zh: '不支持的类型', en: 'unsupported type' } },
  'features-not-array': { severity: 'error', title: { zh: '要素列表无效', en: 'features not an array' } },
  'wrapped-feature': { severity: 'warning', title: { zh: '单个要素', en: 'single feature' } },
  'wrapped-geometry': { severity: 'warning', title: { zh: '单个几何对象', en: 'bare geometry' } },
  'not-a-feature-collection': {
    severity: 'error',
    title: { zh: '不是要素集合', en: 'not a FeatureCollection' },
  },
  'no-features': { severity: 'warning', title: { zh: '没有要素', en: 'no features' } },
  'invalid-feature': { severity: 'error', title: { zh: '不是要素', en: 'not a feature' } },
  'invalid-geojson': {
    severity: 'warning',
    title: { zh: '不符合 GeoJSON 规范', en: 'not strictly GeoJSON' },
  },
  'invalid-properties': { severity: 'warning', title: { zh: '属性无效', en: 'invalid properties' } },
  'empty-geometry': { severity: 'error', title: { zh: '几何为空', en: 'empty geometry' } },
  'invalid-geometry': { severity: 'error', title: { zh: '几何对象无效', en: 'invalid geometry' } },
  'wrong-geometry-type': { severity: 'error', title: { zh: '几何类型不对', en: 'wrong geometry type' } },
  'geometry-collection': { severity: 'warning', title: { zh: '几何集合', en: 'geometry collection' } },
  'empty-part': { severity: 'warning', title: { zh: '空的面', en: 'empty part' } },
  'invalid-coordinates': { severity: 'error', title: { zh: '坐标无效', en: 'invalid coordinates' } },
  'unclosed-ring': { severity: 'warning', title: { zh: '环未闭合', en: 'unclosed ring' } },
  'degenerate-ring': { severity: 'error', title: { zh: '环的点太少', en: 'degenerate ring' } },
  'self-intersection': { severity: 'error', title: { zh: '自相交', en: 'self-intersection' } },
  'hole-outside-shell': {
    severity: 'depends',
    title: { zh: '内环在外环之外', en: 'hole outside its shell' },
  },
  'overlapping-rings': {
    severity: 'warning',
    title: { zh: '面或内环重叠', en: 'overlapping parts or holes' },
  },
  'zero-area': { severity: 'error', title: { zh: '面积为零', en: 'zero area' } },
  'coordinate-out-of-range': {
    severity: 'error',
    title: { zh: '坐标超出范围', en: 'coordinates out of range' },
  },
  'crs-outlier': {
    severity: 'error',
    title: { zh: '坐标与其余要素不符', en: 'coordinates unlike the rest' },
  },
  'projected-coordinates': { severity: 'error', title: { zh: '投影坐标', en: 'projected coordinates' } },
  'missing-id': { severity: 'depends', title: { zh: '缺少编号', en: 'missing id' } },
  'duplicate-id': { severity: 'depends', title: { zh: '编号重复', en: 'duplicate id' } },
  'invalid-number': { severity: 'warning', title: { zh: '不是数字', en: 'not a number' } },
  'negative-value': { severity: 'warning', title: { zh: '负数', en: 'negative value' } },
  'invalid-boolean': { severity: 'warning', title: { zh: '不是“是/否”', en: 'not yes/no' } },
  'invalid-text': { severity: 'warning', title: { zh: '不是文字', en: 'not text' } },
  'too-many-problems': {
    severity: 'depends',
    title: { zh: '问题过多未列出', en: 'more problems not listed' },
  },
  'internal-error': { severity: 'error', title: { zh: '内部错误', en: 'internal error' } },
} as const satisfies Record<string, ProblemCodeInfo>;

/** A problem code of the import. */
export type IoProblemCode = keyof typeof IO_PROBLEM_CODES;
