/**
 * Point transforms between a supported CRS and WGS84/CGCS2000 longitude-latitude, built once per CRS
 * and cheap per call. They never throw: a point that cannot be transformed becomes [NaN, NaN].
 */
import proj4 from 'proj4';
import type { Crs } from './crs.ts';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02.ts';

/** (x, y) in the CRS's units → [longitude, latitude] in degrees, or the reverse. */
export type PointTransform = (x: number, y: number) => [number, number];

/**
 * The proj4 definition of a projected CRS, or null for the longitude-latitude ones.
 * Gauss-Krüger: transverse Mercator on GRS80, scale 1, false northing 0 (EPSG 4491–4554). CGCS2000
 * longitude-latitude is taken as WGS84: the two frames agree to well under a metre, far below what a
 * plot boundary needs.
 */
export function proj4Definition(crs: Crs): string | null {
  switch (crs.kind) {
    case 'gauss-kruger':
      return `+proj=tmerc +lat_0=0 +lon_0=${crs.centralMeridian} +k=1 +x_0=${crs.falseEasting} +y_0=0 +ellps=GRS80 +towgs84=0,0,0 +units=m +no_defs`;
    case 'web-mercator':
      // Spherical Mercator on the WGS84 semi-major axis; `@null` grids keep proj4 from shifting datums.
      return '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs';
    default:
      return null;
  }
}

type Projection = InstanceType<typeof proj4.Proj>;

const projections = new Map<string, Projection>();

function projectionFor(definition: string): Projection {
  let projection = projections.get(definition);
  if (!projection) {
    projection = new proj4.Proj(definition);
    projections.set(definition, projection);
  }
  return projection;
}

const DEGREES_PER_RADIAN = 180 / Math.PI;
const failed = (): [number, number] => [Number.NaN, Number.NaN];

/**
 * Calls a projection's own forward or inverse (radians on the geographic side), skipping
 * `proj4.transform`: its datum, unit and axis steps are identities here (GRS80 to GRS80 with zero
 * shift, metres, east-north) and cost more than the projection itself.
 */
function viaProjection(projection: Projection, direction: 'forward' | 'inverse'): PointTransform {
  // One scratch point per transform: the projections read and overwrite it in place.
  const scratch = { x: 0, y: 0 };
  const inScale = direction === 'forward' ? 1 / DEGREES_PER_RADIAN : 1;
  const outScale = direction === 'forward' ? 1 : DEGREES_PER_RADIAN;
  return (x, y) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return failed();
    scratch.x = x * inScale;
    scratch.y = y * inScale;
    let result: { x: number; y: number } | null;
    try {
      result = projection[direction](scratch);
    } catch {
      return failed();
    }
    const a = (result?.x ?? Number.NaN) * outScale;
    const b = (result?.y ?? Number.NaN) * outScale;
    return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : failed();
  };
}

/**
 * A function from coordinates in `crs` to WGS84/CGCS2000 [longitude, latitude] in degrees.
 * Create it once per file and call it per vertex (about 0.3 µs per point for Gauss-Krüger).
 * Gauss-Krüger and Web Mercator go through proj4 (Krüger series, accurate to well under 1 mm);
 * GCJ-02 is inverted iteratively (`gcj02ToWgs84`); WGS84 and CGCS2000 longitude-latitude pass through
 * (unless `swapXY` is set: then every CRS reads (y, x)).
 * @param crs the CRS of the input coordinates; x is easting or longitude, y is northing or latitude
 */
export function makeTransform(crs: Crs): PointTransform {
  if (crs.swapXY) {
    const { swapXY: _, ...unswapped } = crs;
    const transform = makeTransform(unswapped as Crs);
    return (x, y) => transform(y, x);
  }
  if (crs.kind === 'gcj02') return (x, y) => gcj02ToWgs84(x, y);
  const definition = proj4Definition(crs);
  if (definition === null) return (x, y) => [x, y];
  return viaProjection(projectionFor(definition), 'inverse');
}

/**
 * The inverse of `makeTransform`: WGS84/CGCS2000 [longitude, latitude] in degrees to coordinates
 * in `crs` (metres for the projected ones), e.g. for exporting back to Gauss-Krüger.
 * @param crs the target CRS
 */
export function makeInverseTransform(crs: Crs): PointTransform {
  if (crs.swapXY) {
    const { swapXY: _, ...unswapped } = crs;
    const transform = makeInverseTransform(unswapped as Crs);
    return (lon, lat) => {
      const [x, y] = transform(lon, lat);
      return [y, x];
    };
  }
  if (crs.kind === 'gcj02') return (lon, lat) => wgs84ToGcj02(lon, lat);
  const definition = proj4Definition(crs);
  if (definition === null) return (lon, lat) => [lon, lat];
  return viaProjection(projectionFor(definition), 'forward');
}
