/**
 * Convex rings told apart cheaply and surely, for the checks that can skip their full work on them:
 * a ring that turns the same way, clearly, at every vertex and goes round once.
 */

import type { Position } from '../types.ts';

/**
 * The sine of the smallest turn at a vertex: far above the rounding of the cross product of two
 * edges of lon/lat coordinates (about 1e-10 of it), far below any corner that is drawn. A vertex on a
 * straight stretch, or a spike, turns less and is left to the full check.
 */
const CLEAR_TURN = 1e-6;

/**
 * 1 when the closed ring turns left (counter-clockwise), clearly, at every vertex and goes round once
 * (its edges run east and west in one stretch each), -1 when it does so turning right, else 0. Such
 * a ring is convex: no edge of its own crosses or touches another.
 */
export function clearTurn(ring: readonly Position[]): number {
  const edges = ring.length - 1;
  const first = ring[0];
  const last = ring[edges];
  if (edges < 3 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) return 0;
  let turn = 0;
  let eastWestChanges = 0;
  let lastEastWest = 0;
  for (let k = 0; k < edges; k++) {
    const a = ring[k] as Position;
    const b = ring[k + 1] as Position;
    // The edge after b: from the ring's last vertex, the first edge again.
    const c = ring[k + 2 > edges ? 1 : k + 2] as Position;
    const abX = (b[0] as number) - (a[0] as number);
    const abY = (b[1] as number) - (a[1] as number);
    const bcX = (c[0] as number) - (b[0] as number);
    const bcY = (c[1] as number) - (b[1] as number);
    const cross = abX * bcY - abY * bcX;
    if (!(cross * cross > CLEAR_TURN * CLEAR_TURN * (abX * abX + abY * abY) * (bcX * bcX + bcY * bcY)))
      return 0;
    const side = cross > 0 ? 1 : -1;
    if (turn !== 0 && side !== turn) return 0;
    turn = side;
    const eastWest = Math.sign(abX);
    if (eastWest !== 0) {
      if (lastEastWest !== 0 && eastWest !== lastEastWest) eastWestChanges++;
      lastEastWest = eastWest;
    }
  }
  // Counted around the ring: the change from the last edge back to the first one (≤ 2 in all).
  let firstEastWest = 0;
  for (let k = 0; k < edges && firstEastWest === 0; k++)
    firstEastWest = Math.sign((ring[k + 1]?.[0] as number) - (ring[k]?.[0] as number));
  if (firstEastWest !== 0 && firstEastWest !== lastEastWest) eastWestChanges++;
  return eastWestChanges <= 2 ? turn : 0;
}

/**
 * True when some edge line of one clearly convex ring has all of the other ring on its outer side or
 * on it, exactly (no tolerance): the two share no area, not even a sliver.
 * @param turnA ring a's {@link clearTurn} (not 0), and likewise turnB
 */
export function convexRingsApart(
  a: readonly Position[],
  turnA: number,
  b: readonly Position[],
  turnB: number,
): boolean {
  return hasSeparatingEdge(a, turnA, b) || hasSeparatingEdge(b, turnB, a);
}

function hasSeparatingEdge(ring: readonly Position[], turn: number, other: readonly Position[]): boolean {
  for (let k = 0; k + 1 < ring.length; k++) {
    const ax = ring[k]?.[0] as number;
    const ay = ring[k]?.[1] as number;
    const ex = (ring[k + 1]?.[0] as number) - ax;
    const ey = (ring[k + 1]?.[1] as number) - ay;
    let apart = true;
    for (const position of other) {
      // The inside of the ring is on the left of each edge when it turns left.
      if (turn * (ex * ((position[1] as number) - ay) - ey * ((position[0] as number) - ax)) > 0) {
        apart = false;
        break;
      }
    }
    if (apart) return true;
  }
  return false;
}
