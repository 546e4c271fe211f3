/**
 * Where each comment (批注) stands on the map: a plot's at the centre of its box, a zone's at the
 * centre of its outline's box (in the scenario it was written in, else any that has it), a town's
 * at the centre of its plots' box centres. A scenario's comment, or one whose plot, zone or town is
 * not in the plan, has no pin. Memoised per comments, rows and scenarios, so the map sees one object.
 */

import type { PlotRow } from '../core/analysis/analyze-plan.ts';
import type { CommentTarget, PlanComment } from '../core/plan/plan-comments.ts';
import type { Scenario } from '../core/scenario/scenario.ts';
import type { AreaGeometry, FeatureCollection } from '../core/types.ts';
import type { PlannerState } from './planner-state.ts';

/** A pin's properties: the comment's id, its number in the list (from 1) and its status. */
export interface CommentPinProperties {
  commentId: string;
  number: number;
  status: PlanComment['status'];
}

export type CommentPins = FeatureCollection<
  { type: 'Point'; coordinates: [number, number] },
  CommentPinProperties
>;

function boxCentre([west, south, east, north]: readonly number[]): [number, number] {
  return [((west as number) + (east as number)) / 2, ((south as number) + (north as number)) / 2];
}

function geometryCentre(geometry: AreaGeometry): [number, number] | null {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons)
    for (const [lon, lat] of polygon[0] ?? []) {
      box[0] = Math.min(box[0] as number, lon as number);
      box[1] = Math.min(box[1] as number, lat as number);
      box[2] = Math.max(box[2] as number, lon as number);
      box[3] = Math.max(box[3] as number, lat as number);
    }
  return Number.isFinite(box[0]) ? boxCentre(box) : null;
}

/** Where the comment's target stands (WGS84 lon/lat), or null when it has no place on the map. */
export function commentTargetPosition(
  target: CommentTarget,
  rows: readonly Pick<PlotRow, 'id' | 'town' | 'box'>[],
  scenarios: readonly Scenario[],
): [number, number] | null {
  if (target.kind === 'plot') {
    const box = rows.find((row) => row.id === target.id)?.box;
    return box ? boxCentre(box) : null;
  }
  if (target.kind === 'zone') {
    const preferred = scenarios.filter((scenario) => scenario.id === target.scenario);
    for (const scenario of [...preferred, ...scenarios]) {
      const zone = scenario.zones.find((candidate) => candidate.id === target.id);
      if (zone) return geometryCentre(zone.geometry);
    }
    return null;
  }
  if (target.kind === 'town') {
    let [sumLon, sumLat, count] = [0, 0, 0];
    for (const row of rows) {
      if (row.town !== target.id || !row.box) continue;
      const [lon, lat] = boxCentre(row.box);
      sumLon += lon;
      sumLat += lat;
      count++;
    }
    return count > 0 ? [sumLon / count, sumLat / count] : null;
  }
  return null;
}

let last: { comments: unknown; rows: unknown; scenarios: unknown; pins: CommentPins } | null = null;

/** The comments' pins as points, numbered as the comment list numbers them. */
export function selectCommentPins(
  state: Pick<PlannerState, 'comments' | 'analysis' | 'scenarioSet'>,
): CommentPins {
  const rows = state.analysis?.rows ?? [];
  const { comments } = state;
  const { scenarios } = state.scenarioSet;
  if (last && last.comments === comments && last.rows === rows && last.scenarios === scenarios)
    return last.pins;
  const pins: CommentPins = { type: 'FeatureCollection', features: [] };
  comments.forEach((comment, index) => {
    const position = commentTargetPosition(comment.target, rows, scenarios);
    if (!position) return;
    pins.features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: position },
      properties: { commentId: comment.id, number: index + 1, status: comment.status },
    });
  });
  last = { comments, rows, scenarios, pins };
  return pins;
}
