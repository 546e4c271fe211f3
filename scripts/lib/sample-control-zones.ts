/**
 * The sample's industrial control zones (工业控制线): road-bounded blocks (rectangles, L shapes, cut
 * corners) inside each town's development boundary, cut to it where they reach it, so that their
 * edges follow the boundary; about one in ten is left across the boundary on purpose. Zones do not
 * overlap each other or another town's boundary.
 */

import polygonClipping, { type MultiPolygon as PcMultiPolygon } from 'polygon-clipping';
import { geometryAreaM2 } from '../../src/core/geometry/ellipsoidal-area.ts';
import { multiToLocal, multiToLonLat, roundLonLat } from './local-frame.ts';
import {
  type Bbox,
  bboxesIntersect,
  bboxOfMultiPolygon,
  type MultiPolygon,
  type Point,
  PointInAreaIndex,
  type Ring,
} from './planar.ts';
import type { Random } from './prng.ts';
import { geometryOf, isCleanGeometry, type SampleFeature, type Town } from './sample-model.ts';
import { closedRing, transform } from './sample-shapes.ts';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];

function areaOf(multiPolygon: MultiPolygon): number {
  return multiPolygon.length === 0 ? 0 : geometryAreaM2({ type: 'MultiPolygon', coordinates: multiPolygon });
}

/** A block outline around the origin: a rectangle, an L or a rectangle with a cut corner. */
function blockOutline(random: Random, length: number, width: number): Ring {
  const halfL = length / 2;
  const halfW = width / 2;
  const shape = random.next();
  let outline: Ring = [
    [-halfL, -halfW],
    [halfL, -halfW],
    [halfL, halfW],
    [-halfL, halfW],
  ];
  if (shape < 0.3) {
    const cutL = halfL * random.uniform(0.6, 1.2);
    const cutW = halfW * random.uniform(0.6, 1.2);
    outline = [
      [-halfL, -halfW],
      [halfL, -halfW],
      [halfL, halfW - cutW],
      [halfL - cutL, halfW - cutW],
      [halfL - cutL, halfW],
      [-halfL, halfW],
    ];
  } else if (shape < 0.6) {
    const cut = halfW * random.uniform(0.3, 0.8);
    outline = [
      [-halfL, -halfW],
      [halfL - cut, -halfW],
      [halfL, -halfW + cut],
      [halfL, halfW],
      [-halfL, halfW],
    ];
  }
  return outline.map(([x = 0, y = 0]) => [x + random.uniform(-25, 25), y + random.uniform(-25, 25)]);
}

/**
 * Makes the zones, fills each town's `zones` and returns the features.
 * @param regionLonLat land inside the county, lon/lat
 * @param zoneScale block size factor (1 for the 3,000-plot sample, larger for county-scale sets)
 */
export function makeControlZones(
  towns: Town[],
  random: Random,
  regionLonLat: MultiPolygon,
  zoneScale: number,
): SampleFeature[] {
  const features: SampleFeature[] = [];
  const placed: Array<{ lonLat: MultiPolygon; box: Bbox }> = [];
  const centres: Point[] = [];
  let serial = 0;
  for (const town of towns) {
    if (!town.boundary) continue;
    const count = town.isZone || town.weight > 1.2 ? random.int(4, 5) : random.int(2, 5);
    const gridAngle = random.uniform(-0.5, 0.5);
    // Small central streets get smaller blocks, so that they fit their boundary.
    const sizeFactor = zoneScale * Math.min(1, town.radiusM / 2000);
    const others = towns.filter((other) => other !== town && other.boundaryLonLat.length > 0);
    let made = 0;
    for (let attempt = 0; attempt < 60 * count && made < count; attempt++) {
      const [minX, minY, maxX, maxY] = town.boundary.bbox;
      const centre = [random.uniform(minX, maxX), random.uniform(minY, maxY)];
      if (!town.boundary.contains(centre[0] ?? 0, centre[1] ?? 0)) continue;
      const crossing = random.chance(0.1);
      const length = random.uniform(700, 1600) * sizeFactor;
      const width = random.uniform(400, 900) * sizeFactor;
      // Keep blocks apart: no two centres closer than the mean of the new block's sides.
      if (
        centres.some(
          (other) =>
            Math.hypot((other[0] ?? 0) - (centre[0] ?? 0), (other[1] ?? 0) - (centre[1] ?? 0)) <
            (length + width) / 2,
        )
      )
        continue;
      const local = [
        [
          closedRing(
            transform(blockOutline(random, length, width), centre, gridAngle + random.uniform(-0.08, 0.08)),
          ),
        ],
      ];
      const block = multiToLonLat(local);
      const blockM2 = areaOf(block);
      let cut = polygonClipping.intersection(
        block as PcMultiPolygon,
        (crossing ? regionLonLat : town.boundaryLonLat) as PcMultiPolygon,
      ) as MultiPolygon;
      const box = bboxOfMultiPolygon(block);
      const near = [
        ...placed.filter((zone) => bboxesIntersect(zone.box, box)).map((zone) => zone.lonLat),
        ...(crossing ? others.map((other) => other.boundaryLonLat) : []),
      ];
      if (near.length > 0 && cut.length > 0)
        cut = polygonClipping.difference(
          cut as PcMultiPolygon,
          ...(near as PcMultiPolygon[]),
        ) as MultiPolygon;
      cut = roundLonLat(cut);
      const cutM2 = areaOf(cut);
      if (cutM2 < 0.5 * blockM2 || !isCleanGeometry(cut)) continue;
      if (crossing) {
        const insideM2 = areaOf(
          polygonClipping.intersection(
            cut as PcMultiPolygon,
            town.boundaryLonLat as PcMultiPolygon,
          ) as MultiPolygon,
        );
        if (insideM2 < 0.45 * cutM2 || insideM2 > 0.88 * cutM2) continue;
      }
      serial++;
      made++;
      const id = `KZX-${String(serial).padStart(3, '0')}`;
      town.zones.push({ id, town, index: new PointInAreaIndex(multiToLocal(cut)), areaM2: cutM2 });
      placed.push({ lonLat: cut, box: bboxOfMultiPolygon(cut) });
      centres.push(centre);
      features.push({
        type: 'Feature',
        id,
        properties: { id, name: `${town.name}工业区块${NUMERALS[made - 1] ?? made}`, town: town.name },
        geometry: geometryOf(cut),
      });
    }
  }
  return features;
}
