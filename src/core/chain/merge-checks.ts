/**
 * The checks of a merge that look across towns (merge-town-parts.ts): receiving zones of two towns
 * that overlap (ellipsoidal area of the intersection, as every area of the app), and towns whose
 * quota balance (R3, the scenario ledger) goes negative with the merge in some year.
 */

import polygonClipping, { type Geom } from 'polygon-clipping';
import type { PlotRow } from '../analysis/analyze-plan.ts';
import { geometryBox } from '../analysis/classify-plots.ts';
import { geometryAreaM2 } from '../geometry/ellipsoidal-area.ts';
import { BALANCE_EPSILON_MU } from '../scenario/indicators/scenario-figures.ts';
import { scenarioIndicators } from '../scenario/indicators/scenario-indicators.ts';
import { PLAN_YEARS, type PlanYear, type ReceivingZone, type Scenario } from '../scenario/scenario.ts';
import { measureZones, type ZoneMeasureCache, type ZoneMeasureContext } from '../scenario/zone-measures.ts';
import type { AreaGeometry } from '../types.ts';

/** Overlaps under this many m² are the rounding of shared edges, not an overlap. */
export const OVERLAP_EPSILON_M2 = 0.01;

function toClip(geometry: AreaGeometry): Geom {
  return geometry.coordinates as unknown as Geom;
}

/** The ellipsoidal area (m²) two zones share; 0 when they only touch or are far apart. */
export function zoneOverlapM2(a: ReceivingZone, b: ReceivingZone): number {
  const [aw, as, ae, an] = geometryBox(a.geometry);
  const [bw, bs, be, bn] = geometryBox(b.geometry);
  if (aw > be || bw > ae || as > bn || bs > an) return 0;
  try {
    const shared = polygonClipping.intersection(toClip(a.geometry), toClip(b.geometry));
    return geometryAreaM2({ type: 'MultiPolygon', coordinates: shared });
  } catch {
    return 0;
  }
}

/** One pair of zones of different towns that overlap. */
export interface ZoneOverlap {
  zone: ReceivingZone;
  zoneTown: string;
  other: ReceivingZone;
  otherTown: string;
  areaM2: number;
}

/**
 * The zones of other towns each of `zones` overlaps.
 * @param zones the zones to check (a town's new or changed zones)
 * @param all every zone of the merged scenario
 * @param townOf the town whose quota a zone uses
 */
export function zoneOverlaps(
  zones: readonly ReceivingZone[],
  all: readonly ReceivingZone[],
  townOf: (zone: ReceivingZone) => string,
): ZoneOverlap[] {
  const overlaps: ZoneOverlap[] = [];
  for (const zone of zones) {
    const zoneTown = townOf(zone);
    for (const other of all) {
      if (other.id === zone.id) continue;
      const otherTown = townOf(other);
      if (otherTown === zoneTown) continue;
      const areaM2 = zoneOverlapM2(zone, other);
      if (areaM2 > OVERLAP_EPSILON_M2) overlaps.push({ zone, zoneTown, other, otherTown, areaM2 });
    }
  }
  return overlaps;
}

/** A town whose balance is negative after the merge where it was not (or was less so) before. */
export interface NegativeBalance {
  town: string;
  /** The first year it is so. */
  year: PlanYear;
  /** 亩, cumulative to that year. */
  before: number;
  after: number;
}

/** What the ledger needs: the plots' figures and the zones' measures. */
export interface LedgerContext {
  rows: readonly PlotRow[];
  zones: ZoneMeasureContext;
  cache: ZoneMeasureCache;
}

/** Each town's balance per year (cumulative, 亩) of a scenario. */
export function townBalances(scenario: Scenario, context: LedgerContext): Map<string, number[]> {
  const measures = measureZones(scenario.zones, context.zones, context.cache);
  const indicators = scenarioIndicators(context.rows, measures, scenario);
  const balances = new Map<string, number[]>();
  PLAN_YEARS.forEach((year, y) => {
    for (const [town, ledger] of Object.entries(indicators.byYear[year].ledger.byTown)) {
      const list = balances.get(town) ?? PLAN_YEARS.map(() => 0);
      list[y] = ledger.balance;
      balances.set(town, list);
    }
  });
  return balances;
}

/** The towns whose balance the merge makes negative, or more negative, in some year. */
export function negativeBalances(
  before: Scenario,
  after: Scenario,
  context: LedgerContext,
): NegativeBalance[] {
  const was = townBalances(before, context);
  const found: NegativeBalance[] = [];
  for (const [town, balances] of townBalances(after, context)) {
    const previous = was.get(town);
    const y = balances.findIndex((balance, i) => {
      const old = previous?.[i] ?? 0;
      return (
        balance < -BALANCE_EPSILON_MU && (old >= -BALANCE_EPSILON_MU || balance < old - BALANCE_EPSILON_MU)
      );
    });
    if (y >= 0)
      found.push({
        town,
        year: PLAN_YEARS[y] as PlanYear,
        before: previous?.[y] ?? 0,
        after: balances[y] as number,
      });
  }
  return found;
}
