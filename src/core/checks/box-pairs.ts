/**
 * The pairs of boxes whose interiors meet, for the overlap check: each box's later neighbours, in
 * ascending order. Plots are small against their layer and much alike in size, so a uniform grid
 * of cells about their size finds them with a few typed-array reads per plot, where an R-tree
 * search per plot made an array of results each time (on 100,000 plots the search and the tree
 * took about 60 of the command line's 2,000 ms). The few boxes much larger than the cells (a plot
 * drawn round a whole village, a mistake of scale) are not listed in the grid's cells but in an
 * R-tree of their own, so that no cell holds them all.
 */

import Flatbush from 'flatbush';
import { releaseBuffers } from '../release-buffers.ts';

/** A box spanning more cells than this goes through the R-tree instead of the grid. */
const MAX_CELLS_PER_BOX = 16;
/** Cells per box at most, and a few more (a layer of a few boxes far apart gets a coarse grid). */
const CELLS_PER_BOX = 4;
const EXTRA_CELLS = 1024;
/**
 * The grid gives way to an R-tree over all boxes when the boxes' counts per cell, squared and
 * summed, pass this many times the boxes (about 8 for plots as a county's layers hold them).
 */
const CROWDED = 64;
/** Boxes the cell size is estimated from. */
const SIZE_SAMPLE = 2048;

/**
 * Boxes `minX, minY, maxX, maxY` at 4·i of `boxes`, for the items listed in `items` (ascending);
 * {@link laterNeighbours} gives, for an item, the later items whose boxes overlap its own with a
 * positive area (boxes that only touch do not count).
 */
export class BoxPairs {
  private readonly boxes: Float64Array;
  private readonly minX: number;
  private readonly minY: number;
  private readonly cellWidth: number;
  private readonly cellHeight: number;
  private readonly columns: number;
  private readonly rows: number;
  /** Items of cell c at cellItems[cellStart[c] … cellStart[c + 1]), ascending. */
  private readonly cellStart: Int32Array;
  private readonly cellItems: Int32Array;
  /** The cells item i spans: first column, first row, last column, last row at 4·i. */
  private readonly spans: Int32Array;
  /** The large boxes' items, and an R-tree over them; null when there are none. */
  private readonly largeItems: Int32Array;
  private readonly largeIndex: Flatbush | null;
  /** An R-tree over every item, in place of the grid when it would be crowded; else null. */
  private readonly allIndex: Flatbush | null;
  private readonly items: Int32Array;

  /** Frees the grid's and the trees' arrays now (releaseBuffers): no pairs can be asked for after. */
  release(): void {
    const trees = [this.largeIndex, this.allIndex].flatMap((tree) =>
      tree ? [new Uint8Array(tree.data)] : [],
    );
    releaseBuffers(this.spans, this.cellStart, this.cellItems, this.largeItems, ...trees);
  }

  /** True when the grid gave way to the R-tree (see CROWDED). */
  get crowded(): boolean {
    return this.allIndex !== null;
  }

  constructor(boxes: Float64Array, items: Int32Array, plotCount: number) {
    this.boxes = boxes;
    this.items = items;
    const n = items.length;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let k = 0; k < n; k++) {
      const i = items[k] as number;
      minX = Math.min(minX, boxes[4 * i] as number);
      minY = Math.min(minY, boxes[4 * i + 1] as number);
      maxX = Math.max(maxX, boxes[4 * i + 2] as number);
      maxY = Math.max(maxY, boxes[4 * i + 3] as number);
    }
    // Cells about twice the median box (of a sample: the size only sets the speed, never the
    // pairs): most boxes fall in one to four of them.
    const step = Math.max(1, Math.floor(n / SIZE_SAMPLE));
    const widths = new Float64Array(Math.ceil(n / step));
    const heights = new Float64Array(widths.length);
    for (let k = 0, m = 0; k < n; k += step, m++) {
      const i = items[k] as number;
      widths[m] = (boxes[4 * i + 2] as number) - (boxes[4 * i] as number);
      heights[m] = (boxes[4 * i + 3] as number) - (boxes[4 * i + 1] as number);
    }
    const median = (values: Float64Array) => (n > 0 ? (values.sort()[values.length >> 1] as number) : 0);
    const extentX = Math.max(maxX - minX, 0);
    const extentY = Math.max(maxY - minY, 0);
    // Never more than about CELLS_PER_BOX cells a box, nor so small that rounding makes them vanish.
    const floor = Math.max(
      Math.sqrt((extentX * extentY) / (CELLS_PER_BOX * n + EXTRA_CELLS)),
      1e-9 * (1 + Math.abs(minX) + Math.abs(minY)),
    );
    this.cellWidth = Math.max(2 * median(widths), floor, extentX / 4096);
    this.cellHeight = Math.max(2 * median(heights), floor, extentY / 4096);
    this.minX = minX;
    this.minY = minY;
    this.columns = Math.max(1, Math.min(4096, Math.floor(extentX / this.cellWidth) + 1));
    this.rows = Math.max(1, Math.min(4096, Math.floor(extentY / this.cellHeight) + 1));

    // Each small box counted in its cells, then listed there (in item order, so ascending).
    const spans = new Int32Array(4 * plotCount);
    const large = new Uint8Array(plotCount);
    const columns = this.columns;
    const cellCount = columns * this.rows;
    const cellStart = new Int32Array(cellCount + 1);
    let largeCount = 0;
    for (let k = 0; k < n; k++) {
      const i = items[k] as number;
      const c0 = this.column(boxes[4 * i] as number);
      const r0 = this.row(boxes[4 * i + 1] as number);
      const c1 = this.column(boxes[4 * i + 2] as number);
      const r1 = this.row(boxes[4 * i + 3] as number);
      spans[4 * i] = c0;
      spans[4 * i + 1] = r0;
      spans[4 * i + 2] = c1;
      spans[4 * i + 3] = r1;
      if ((c1 - c0 + 1) * (r1 - r0 + 1) > MAX_CELLS_PER_BOX) {
        large[i] = 1;
        largeCount++;
        continue;
      }
      for (let r = r0; r <= r1; r++)
        for (let c = c0; c <= c1; c++) {
          const next = r * columns + c + 1;
          cellStart[next] = (cellStart[next] as number) + 1;
        }
    }
    // The boxes crowd into a few cells when a few lie far from the rest (a plot at 0°, 0°, or in
    // another zone's coordinates): the cells are then far larger than the plots, and the R-tree
    // answers instead.
    let pairsToTest = 0;
    for (let c = 1; c <= cellCount; c++) pairsToTest += (cellStart[c] as number) ** 2;
    this.allIndex = pairsToTest > CROWDED * n ? indexOf(boxes, items) : null;
    this.spans = spans;
    if (this.allIndex) {
      // The R-tree answers every search: no cell is listed.
      this.cellStart = cellStart;
      this.cellItems = this.largeItems = new Int32Array(0);
      this.largeIndex = null;
      return;
    }
    for (let c = 0; c < cellCount; c++)
      cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number);
    const fill = cellStart.slice(0, cellCount);
    const cellItems = new Int32Array(cellStart[cellCount] as number);
    const largeItems = new Int32Array(largeCount);
    let l = 0;
    for (let k = 0; k < n; k++) {
      const i = items[k] as number;
      if (large[i]) {
        largeItems[l++] = i;
        continue;
      }
      for (let r = spans[4 * i + 1] as number; r <= (spans[4 * i + 3] as number); r++)
        for (let c = spans[4 * i] as number; c <= (spans[4 * i + 2] as number); c++) {
          const at = r * columns + c;
          cellItems[fill[at] as number] = i;
          fill[at] = (fill[at] as number) + 1;
        }
    }
    this.cellStart = cellStart;
    this.cellItems = cellItems;
    this.largeItems = largeItems;
    this.largeIndex = largeCount > 0 ? indexOf(boxes, largeItems) : null;
  }

  private column(x: number): number {
    return Math.min(Math.max(Math.floor((x - this.minX) / this.cellWidth), 0), this.columns - 1);
  }

  private row(y: number): number {
    return Math.min(Math.max(Math.floor((y - this.minY) / this.cellHeight), 0), this.rows - 1);
  }

  /** True when the boxes of i and j overlap with a positive area. */
  private overlap(i: number, j: number): boolean {
    const b = this.boxes;
    return (
      (b[4 * j] as number) < (b[4 * i + 2] as number) &&
      (b[4 * j + 2] as number) > (b[4 * i] as number) &&
      (b[4 * j + 1] as number) < (b[4 * i + 3] as number) &&
      (b[4 * j + 3] as number) > (b[4 * i + 1] as number)
    );
  }

  /**
   * The items after `i` whose boxes overlap box i with a positive area, ascending, into `out`
   * (emptied first).
   */
  laterNeighbours(i: number, out: number[]): void {
    out.length = 0;
    if (this.allIndex) {
      this.fromTree(this.allIndex, this.items, i, out);
      if (out.length > 1) out.sort((x, y) => x - y);
      return;
    }
    // The small boxes, from the cells box i spans (all of them, for a large box too).
    const spans = this.spans;
    const c0 = spans[4 * i] as number;
    const r0 = spans[4 * i + 1] as number;
    const c1 = spans[4 * i + 2] as number;
    const r1 = spans[4 * i + 3] as number;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * this.columns + c;
        const from = this.cellStart[cell] as number;
        for (let at = this.cellStart[cell + 1] as number; at-- > from; ) {
          const j = this.cellItems[at] as number;
          // Ascending in each cell: the rest of this cell comes before i.
          if (j <= i) break;
          if (!this.overlap(i, j)) continue;
          // Found once, in the first cell both boxes span.
          if (c === Math.max(c0, spans[4 * j] as number) && r === Math.max(r0, spans[4 * j + 1] as number))
            out.push(j);
        }
      }
    }
    // The large boxes, from their own R-tree.
    if (this.largeIndex) this.fromTree(this.largeIndex, this.largeItems, i, out);
    if (out.length > 1) out.sort((x, y) => x - y);
  }

  /** Adds to `out` the items after `i` of an R-tree over `listed` whose boxes overlap box i. */
  private fromTree(index: Flatbush, listed: Int32Array, i: number, out: number[]): void {
    const b = this.boxes;
    const found = index.search(
      b[4 * i] as number,
      b[4 * i + 1] as number,
      b[4 * i + 2] as number,
      b[4 * i + 3] as number,
    );
    for (const k of found) {
      const j = listed[k] as number;
      if (j > i && this.overlap(i, j)) out.push(j);
    }
  }
}

/** A packed R-tree over the boxes of `items`; item k of the tree is items[k]. */
function indexOf(boxes: Float64Array, items: Int32Array): Flatbush {
  const index = new Flatbush(items.length);
  for (const i of items)
    index.add(
      boxes[4 * i] as number,
      boxes[4 * i + 1] as number,
      boxes[4 * i + 2] as number,
      boxes[4 * i + 3] as number,
    );
  index.finish();
  return index;
}
