/**
 * Ellipsoidal area on WGS84 of polygons as GeoJSON defines them: edges are straight lines in
 * longitude/latitude (RFC 7946 §3.1.1), so the pieces of a clipped polygon add up to the whole.
 *
 * Method: the area element on the ellipsoid is M(φ)·N(φ)·cos φ dφ dλ. Its integral in latitude is
 * S(φ) = a²·q(φ)/2, with q the authalic function (Snyder, Map Projections — A Working Manual, USGS
 * PP 1395, 1987, eq. 3-12). By Green's theorem a ring encloses A = |∮ S(φ) dλ|. Along an edge φ
 * and λ are linear in one parameter, so the line integral is a one-dimensional integral of the
 * smooth function S, done by Simpson's rule; edges longer than 0.05° in latitude are split, which
 * keeps the error below 1e-12 of the area. Rings spanning under 0.01° of latitude (every plot) use
 * the cubic Taylor polynomial of S about their first vertex instead, which Simpson's rule integrates
 * exactly: no transcendental per vertex, within 1e-14 of the integral evaluated to 40 digits.
 */

import type { AreaGeometry, PolygonCoords, Ring } from '../types.ts';

/** WGS84 semi-major axis, metres. CGCS2000 (GRS80) differs from it by 0.1 mm in the flattening. */
export const WGS84_A = 6378137;
/** WGS84 flattening. */
export const WGS84_F = 1 / 298.257223563;

const E2 = WGS84_F * (2 - WGS84_F);
const E = Math.sqrt(E2);
const HALF_A2_1ME2 = (WGS84_A * WGS84_A * (1 - E2)) / 2;
const RAD = Math.PI / 180;
/** Longest latitude step, radians, integrated by one Simpson panel. */
const MAX_PANEL_DLAT = 0.05 * RAD;
/**
 * Edges shorter than this in latitude (about 1 km) take the Taylor form of Simpson's rule; the terms
 * it leaves out are below 1e-12 of a plot's area.
 */
const SHORT_EDGE_DLAT = 0.01 * RAD;
/**
 * Rings that span at most this many degrees of latitude (about 1 km), every plot, take
 * {@link smallRingSignedArea}.
 */
const SMALL_RING_DLAT_DEGREES = 0.01;

/** 1 亩 = 10000/15 m². */
export const M2_PER_MU = 10000 / 15;

/**
 * Area, in m², of the zone between the equator and latitude φ per radian of longitude on WGS84.
 * @param sinPhi sine of the geodetic latitude
 */
function zoneArea(sinPhi: number): number {
  const es = E * sinPhi;
  return HALF_A2_1ME2 * (sinPhi / (1 - es * es) + Math.atanh(es) / E);
}

/**
 * d²S/dφ², m² per radian², where dS/dφ = a²(1−e²)·cos φ / (1 − e² sin² φ)² is the area element.
 */
function zoneAreaSecondDerivative(phi: number): number {
  const sinPhi = Math.sin(phi);
  const cosPhi = Math.cos(phi);
  const w = 1 - E2 * sinPhi * sinPhi;
  return (2 * HALF_A2_1ME2 * sinPhi * (-w + 4 * E2 * cosPhi * cosPhi)) / (w * w * w);
}

/**
 * Signed ellipsoidal area of one ring, m²: positive when the ring runs clockwise in lon/lat
 * (x east, y north), negative when counter-clockwise. The ring may or may not repeat its first
 * position at the end.
 * @param ring positions [longitude, latitude] in degrees, WGS84
 */
export function ringSignedArea(ring: Ring): number {
  const n = ring.length;
  if (n < 3) return 0;
  const first = ring[0] as number[];
  const last = ring[n - 1] as number[];
  const count = first[0] === last[0] && first[1] === last[1] ? n - 1 : n;
  if (count < 3) return 0;
  return smallRingSignedArea(ring, count) ?? simpsonRingSignedArea(ring, count);
}

/**
 * Signed area of a ring that spans at most SMALL_RING_DLAT_DEGREES of latitude, or undefined when it
 * spans more (a test on the span, so that the method does not depend on where the ring starts).
 * With φ0 the first vertex's latitude, S(φ) − S(φ0) is then, to 1e-12 of the ring's area, the cubic
 * P(δ) = c1·δ + c2·δ² + c3·δ³ in δ = φ − φ0 (Taylor), and Simpson's rule integrates a cubic exactly;
 * in the form (Pa + Pb)/2 − Δδ²·P″(δmid)/12 it needs P at the vertices only. No transcendental per
 * vertex and no large constant subtracted: faster than evaluating S, and without its rounding.
 * @param count positions to use (the closing position, if repeated, left out)
 */
function smallRingSignedArea(ring: Ring, count: number): number | undefined {
  const first = ring[0] as number[];
  const lon0 = first[0] as number;
  const lat0 = first[1] as number;
  // Derivatives of S at φ0, with w = 1 − e² sin² φ, k = a²(1 − e²), g = sin φ·(4e² cos² φ − w):
  // S′ = k·cos φ / w², S″ = k·g / w³, S‴ = k·(g′ + 6e²·sin φ·cos φ·g / w) / w³.
  const sin = Math.sin(lat0 * RAD);
  const cos = Math.cos(lat0 * RAD);
  const w = 1 - E2 * sin * sin;
  const k = 2 * HALF_A2_1ME2;
  const g = sin * (4 * E2 * cos * cos - w);
  const dg = cos * (4 * E2 * cos * cos - w) - 6 * E2 * sin * sin * cos;
  const c1 = (k * cos) / (w * w);
  const c2 = (k * g) / (w * w * w) / 2;
  const c3 = (k * (dg + (6 * E2 * sin * cos * g) / w)) / (w * w * w) / 6;

  let sum = 0;
  let prevLon = 0;
  let prevDelta = 0;
  let prevP = 0;
  let south = 0;
  let north = 0;
  for (let i = 1; i <= count; i++) {
    const position = (i === count ? first : ring[i]) as number[];
    const lon = (position[0] as number) - lon0;
    const lat = (position[1] as number) - lat0;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
    if (!(north - south <= SMALL_RING_DLAT_DEGREES)) return undefined;
    const delta = lat * RAD;
    const p = delta * (c1 + delta * (c2 + delta * c3));
    const dDelta = delta - prevDelta;
    const midCurvature = 2 * c2 + 3 * c3 * (delta + prevDelta);
    sum += (lon - prevLon) * ((prevP + p) / 2 - (dDelta * dDelta * midCurvature) / 12);
    prevLon = lon;
    prevDelta = delta;
    prevP = p;
  }
  return sum * RAD;
}

/** Signed area of any ring, S evaluated at every vertex (see the module header). */
function simpsonRingSignedArea(ring: Ring, count: number): number {
  const first = ring[0] as number[];
  // Subtract the value at the first vertex: the constant integrates to zero around a closed ring
  // and the differences stay small, which keeps the sum accurate.
  let prevLat = (first[1] as number) * RAD;
  let prevLon = (first[0] as number) * RAD;
  const s0 = zoneArea(Math.sin(prevLat));
  // At the ring's mean latitude, so that the result does not depend on where the ring starts.
  let latitudeSum = 0;
  for (let i = 0; i < count; i++) latitudeSum += (ring[i] as number[])[1] as number;
  const curvature = zoneAreaSecondDerivative((latitudeSum / count) * RAD);
  let prevS = 0;
  let sum = 0;
  for (let i = 1; i <= count; i++) {
    const position = (i === count ? first : ring[i]) as number[];
    const lon = (position[0] as number) * RAD;
    const lat = (position[1] as number) * RAD;
    const s = i === count ? 0 : zoneArea(Math.sin(lat)) - s0;
    const dLon = lon - prevLon;
    if (dLon !== 0) {
      const dLat = lat - prevLat;
      const panels = Math.abs(dLat) > MAX_PANEL_DLAT ? Math.ceil(Math.abs(dLat) / MAX_PANEL_DLAT) : 1;
      if (Math.abs(dLat) < SHORT_EDGE_DLAT) {
        // Simpson's rule with S(mid) from its Taylor expansion: (Sa + Sb)/2 − Δφ²·S''/12. S'' barely
        // changes across a ring this short, so its value at the ring's mean latitude serves every edge.
        sum += dLon * ((prevS + s) / 2 - (dLat * dLat * curvature) / 12);
      } else if (panels === 1) {
        const mid = zoneArea(Math.sin(prevLat + dLat / 2)) - s0;
        sum += (dLon * (prevS + 4 * mid + s)) / 6;
      } else {
        const step = dLat / panels;
        let a = prevS;
        for (let k = 1; k <= panels; k++) {
          const b = k === panels ? s : zoneArea(Math.sin(prevLat + step * k)) - s0;
          const mid = zoneArea(Math.sin(prevLat + step * (k - 0.5))) - s0;
          sum += (dLon / panels) * ((a + 4 * mid + b) / 6);
          a = b;
        }
      }
    }
    prevLat = lat;
    prevLon = lon;
    prevS = s;
  }
  return sum;
}

/**
 * Ellipsoidal area of a polygon, m²: the outer ring minus its holes, whatever their winding.
 * @param polygon rings of [longitude, latitude] in degrees, WGS84; the first ring is the outer one
 */
export function polygonArea(polygon: PolygonCoords): number {
  let area = 0;
  for (let i = 0; i < polygon.length; i++) {
    const ringArea = Math.abs(ringSignedArea(polygon[i] as Ring));
    area += i === 0 ? ringArea : -ringArea;
  }
  return area;
}

/**
 * Ellipsoidal area, m², of a GeoJSON Polygon or MultiPolygon on WGS84 with edges straight in
 * longitude/latitude. Overlapping parts of a MultiPolygon are counted as often as they occur, as
 * the GeoJSON geometry says; a null geometry has area 0.
 * @example geometryAreaM2({ type: 'Polygon', coordinates: [[[121, 30], [121.001, 30], [121.001, 30.001], [121, 30]]] })
 */
export function geometryAreaM2(geometry: AreaGeometry | null | undefined): number {
  if (!geometry) return 0;
  if (geometry.type === 'Polygon') return polygonArea(geometry.coordinates);
  let area = 0;
  for (const polygon of geometry.coordinates) area += polygonArea(polygon);
  return area;
}

/** m² to 亩 (mu): 1 亩 = 10000/15 m². */
export function m2ToMu(areaM2: number): number {
  return (areaM2 * 15) / 10000;
}

/** m² to hectares. */
export function m2ToHa(areaM2: number): number {
  return areaM2 / 10000;
}
