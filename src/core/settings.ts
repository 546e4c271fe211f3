/**
 * Analysis settings with the defaults of DESIGN.md. The screening thresholds and class limits are
 * example values, to be set to the local rules; the UI labels them as such.
 */

export interface ScreeningThresholds {
  /** 投资强度, 万元/亩. */
  investmentPerMu: number;
  /** 容积率. */
  far: number;
  /** 建筑密度. */
  coverage: number;
  /** 亩均税收, 万元/亩. */
  taxPerMu: number;
}

/** Lower limits of taxPerMu (万元/亩) for the efficiency classes A, B and C; below C is D. */
export interface ClassLimits {
  A: number;
  B: number;
  C: number;
}

export interface AnalysisSettings {
  /** Sliver tolerance τ, fraction of a plot's area. */
  tolerance: number;
  screening: ScreeningThresholds;
  classLimits: ClassLimits;
}

export const DEFAULT_SETTINGS: Readonly<AnalysisSettings> = Object.freeze({
  tolerance: 0.01,
  screening: Object.freeze({ investmentPerMu: 300, far: 1.0, coverage: 0.3, taxPerMu: 15 }),
  classLimits: Object.freeze({ A: 30, B: 15, C: 5 }),
});

/** The area method (计算口径) printed beside every table and export. */
export const AREA_METHOD = Object.freeze({
  zh: '面积口径：WGS84/CGCS2000 椭球面积（GeoJSON 经纬度直线边，等积纬度法），1 亩 = 10000/15 平方米',
  en: 'Area method: ellipsoidal area on WGS84/CGCS2000 (GeoJSON edges straight in lon/lat, authalic latitude), 1 mu = 10000/15 m²',
});
