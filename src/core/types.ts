/**
 * Shared types of the analysis core. Coordinates are [longitude, latitude] in degrees on
 * WGS84/CGCS2000 (RFC 7946) unless a type says otherwise.
 */

export type Position = number[];
export type Ring = Position[];
export type PolygonCoords = Ring[];
export type MultiPolygonCoords = PolygonCoords[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: PolygonCoords;
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: MultiPolygonCoords;
}

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface Feature<G = AreaGeometry, P = Record<string, unknown>> {
  type: 'Feature';
  id?: string | number;
  geometry: G | null;
  properties: P | null;
}

export interface FeatureCollection<G = AreaGeometry, P = Record<string, unknown>> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}

/** The three input layers of DESIGN.md. */
export type LayerKind = 'boundary' | 'control' | 'plots';

/** A message in both UI languages. */
export interface Message {
  zh: string;
  en: string;
}

/**
 * One problem found in user data. Problems are values: the core reports them and never throws
 * on user data.
 */
export interface Problem {
  /** Machine-readable kind, e.g. `self-intersection`, `unclosed-ring`. */
  code: string;
  /** `error` features cannot be used; `warning` features can. */
  severity: 'error' | 'warning';
  /** Index of the feature in its file, or -1 for a problem of the whole file. */
  featureIndex: number;
  /** The feature's id if it has one. */
  featureId?: string | number;
  message: Message;
}

/** Canonical plot properties (DESIGN.md). Missing numbers stay undefined, never 0. */
export interface PlotProperties {
  id: string;
  name?: string;
  town?: string;
  village?: string;
  firms?: number;
  aboveScaleFirms?: number;
  employees?: number;
  taxWan?: number;
  outputWan?: number;
  investmentWan?: number;
  floorAreaM2?: number;
  footprintM2?: number;
  rentWan?: number;
  safetyRisk?: boolean;
  pollution?: boolean;
  industry?: string;
}

export type PlotStatus = 'control' | 'boundary' | 'crossing' | 'outside';
