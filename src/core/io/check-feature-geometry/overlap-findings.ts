/**
 * The messages for what `findOverlaps` finds in a feature: a hole outside its shell is dropped and
 * overlapping holes or parts are merged (warnings: `repairFeature` does it); a hole across its shell
 * is refused (an error).
 */
import type { Message, Position } from '../../types.ts';
import { formatCount, ringLabel } from '../describe-feature.ts';
import { findOverlaps } from '../overlaps.ts';
import { type GeometryFinding, NO_FINDINGS } from './geometry-finding.ts';

function more(count: number, zhUnit: string, enUnit: string): Message {
  return count <= 1
    ? { zh: '', en: '' }
    : { zh: `（共 ${formatCount(count)} ${zhUnit}）`, en: ` (${formatCount(count)} ${enUnit} in all)` };
}

/**
 * Findings about rings that would count land wrongly without crossing anything.
 * @param polygons numeric rings without proper crossings
 * @param isMulti whether messages number the polygons
 */
export function overlapFindings(polygons: Position[][][], isMulti: boolean): readonly GeometryFinding[] {
  if (polygons.length === 1 && (polygons[0]?.length ?? 0) < 2) return NO_FINDINGS;
  const found = findOverlaps(polygons);
  const findings: GeometryFinding[] = [];
  const at = (polygon: number, ring: number) => ringLabel(ring, isMulti ? polygon : undefined);
  const holeFinding = (
    holes: readonly { polygon: number; ring: number }[],
    severity: 'error' | 'warning',
    what: (where: Message, count: Message) => Message,
  ): void => {
    const [first] = holes;
    if (first)
      findings.push([
        'hole-outside-shell',
        severity,
        what(at(first.polygon, first.ring), more(holes.length, '个', 'holes')),
      ]);
  };
  holeFinding(found.holesAcross, 'error', (where, count) => ({
    zh: `的${where.zh}一部分在外环之外${count.zh}，无法判断哪部分土地应扣除；请在 GIS 软件中修复（如 QGIS「修复几何图形」）`,
    en: `: ${where.en} lies partly outside the outer ring${count.en}, so it is unclear which land it removes; repair it in GIS software (e.g. QGIS "Fix Geometries").`,
  }));
  holeFinding(found.holesOutside, 'warning', (where, count) => ({
    zh: `的${where.zh}不在外环之内${count.zh}，不扣除任何土地，已删除该内环`,
    en: `: ${where.en} does not lie inside the outer ring${count.en}; it removes no land and was dropped.`,
  }));
  const [holes] = found.overlappingHoles;
  if (holes) {
    const a = at(holes.polygon, holes.rings[0]);
    const b = at(holes.polygon, holes.rings[1]);
    const count = more(found.overlappingHoles.length, '处', 'pairs');
    findings.push([
      'overlapping-rings',
      'warning',
      {
        zh: `的${a.zh}与${b.zh}互相重叠${count.zh}，已合并，重叠部分只扣除一次`,
        en: `: ${a.en} overlaps ${b.en}${count.en}; they were merged so the overlap is removed once.`,
      },
    ]);
  }
  const [parts] = found.overlappingParts;
  if (parts) {
    const count = more(found.overlappingParts.length, '处', 'pairs');
    findings.push([
      'overlapping-rings',
      'warning',
      {
        zh: `的第 ${parts[0] + 1} 个面与第 ${parts[1] + 1} 个面互相重叠${count.zh}，已合并（如 ST_Union），重叠的土地只计一次`,
        en: `: polygon ${parts[0] + 1} overlaps polygon ${parts[1] + 1}${count.en}; the polygons were merged (as ST_Union does) so the overlapping land is counted once.`,
      },
    ]);
  }
  return findings;
}
