/**
 * What the simple flat map (canvas-fallback-map.ts) paints, in the real map's colours (palette.ts):
 * the base map, the development boundary, the control zones with their hatch, the plots filled by
 * status and ringed by the active scenario's action (a dot each when too small to see), the receiving
 * zones, the picked and selected plots, the town names. Layers are projected once per layer object;
 * each colour is one path, so 100,000 plots are a few fills.
 */

import { PLOT_ACTIONS } from '../core/catalogue/action-catalogue.ts';
import type { PlotOutlines } from '../core/plot-outlines.ts';
import type { ActionEntry } from '../core/scenario/scenario.ts';
import type { FeatureCollection } from '../core/types.ts';
import type { PlannerState } from '../state/planner-state.ts';
import type { BasemapData } from './build-style.ts';
import { hatchPattern } from './control-hatch.ts';
import {
  type FlatView,
  mercatorX,
  mercatorY,
  metresPerPixelAt,
  projectOutlines,
  projectShapes,
  type ShapeSet,
  toScreen,
  toWorld,
} from './fallback-geometry.ts';
import {
  ACTION_COLORS,
  BASEMAP_COLORS,
  CONTROL_HATCH_ALPHA,
  hexToRgb,
  LABEL_COLORS,
  PLAN_COLORS,
  SELECTION_COLORS,
  STATUS_COLORS,
  UNCLASSIFIED_COLOR,
  ZONE_COLORS,
} from './palette.ts';
import { actionCodes } from './plot-raster-source.ts';
import { activeScenario, zoneFeatures } from './scenario-layers.ts';

/** A plot smaller than this on screen (CSS pixels) is drawn as a dot of DOT_PX. */
const DOT_BELOW_PX = 3;
const DOT_PX = 3;
const FONT = '13px "Planner Noto Sans SC", system-ui, "Microsoft YaHei", sans-serif';
const NO_ACTIONS: Readonly<Record<string, ActionEntry>> = Object.freeze({});

interface Town {
  x: number;
  y: number;
  name: string;
}

export class FallbackPainter {
  private readonly land: ShapeSet;
  private readonly counties: ShapeSet;
  private readonly isCixi: boolean[];
  private readonly towns: Town[];
  /** Projected layers, per layer object (a new import is a new object). */
  private readonly shapes = new WeakMap<object, ShapeSet>();
  private hatch: CanvasPattern | null | undefined;
  private codes: { actions: object; rows: object; codes: Uint8Array | null } | null = null;
  /** The view of the paint under way. */
  private view: FlatView = { x: 0, y: 0, metresPerPixel: 1, width: 1, height: 1 };

  constructor(basemap: BasemapData) {
    const asCollection = (data: unknown) => data as FeatureCollection<unknown, Record<string, unknown>>;
    this.land = projectShapes(asCollection(basemap.land));
    const counties = asCollection(basemap.counties);
    this.counties = projectShapes(counties);
    this.isCixi = counties.features.map((feature) => feature.properties?.isCixi === true);
    this.towns = asCollection(basemap.towns).features.flatMap((feature) => {
      const geometry = feature.geometry as { type?: string; coordinates?: number[] } | null;
      const [longitude, latitude] = geometry?.type === 'Point' ? (geometry.coordinates ?? []) : [];
      const name = feature.properties?.name;
      if (!Number.isFinite(longitude) || !Number.isFinite(latitude) || typeof name !== 'string') return [];
      return [{ x: mercatorX(longitude as number), y: mercatorY(latitude as number), name }];
    });
  }

  /** `collection` (a layer's features, or the plots' outlines) in Web Mercator, projected once per object. */
  shapesOf(collection: FeatureCollection<unknown, unknown> | PlotOutlines): ShapeSet {
    let shapes = this.shapes.get(collection);
    if (!shapes) {
      shapes = 'coords' in collection ? projectOutlines(collection) : projectShapes(collection);
      this.shapes.set(collection, shapes);
    }
    return shapes;
  }

  /** Adds the rings of `rings` (Web Mercator) to `path` in screen pixels. */
  private addRings(path: Path2D, rings: readonly Float64Array[]): void {
    const { x: cx, y: cy, metresPerPixel: m } = this.view;
    const halfWidth = this.view.width / 2;
    const halfHeight = this.view.height / 2;
    for (const ring of rings) {
      path.moveTo(((ring[0] as number) - cx) / m + halfWidth, (cy - (ring[1] as number)) / m + halfHeight);
      for (let i = 2; i < ring.length; i += 2) {
        path.lineTo(
          ((ring[i] as number) - cx) / m + halfWidth,
          (cy - (ring[i + 1] as number)) / m + halfHeight,
        );
      }
      path.closePath();
    }
  }

  /** One path of every feature of `shapes` in view that `include` accepts. */
  private pathOf(shapes: ShapeSet, include: (index: number) => boolean = () => true): Path2D {
    const path = new Path2D();
    const view = this.viewBox();
    for (let index = 0; index < shapes.rings.length; index++) {
      if (this.isOutside(shapes.boxes, index, view) || !include(index)) continue;
      this.addRings(path, shapes.rings[index] ?? []);
    }
    return path;
  }

  private viewBox(): [number, number, number, number] {
    const topLeft = toWorld(this.view, 0, 0);
    const bottomRight = toWorld(this.view, this.view.width, this.view.height);
    return [topLeft.x, bottomRight.y, bottomRight.x, topLeft.y];
  }

  private isOutside(boxes: Float64Array, index: number, view: readonly number[]): boolean {
    const b = index * 4;
    const minX = boxes[b] as number;
    return (
      Number.isNaN(minX) ||
      minX > (view[2] as number) ||
      (boxes[b + 2] as number) < (view[0] as number) ||
      (boxes[b + 1] as number) > (view[3] as number) ||
      (boxes[b + 3] as number) < (view[1] as number)
    );
  }

  private controlHatch(context: CanvasRenderingContext2D): CanvasPattern | null {
    if (this.hatch !== undefined) return this.hatch;
    const { width, height, data } = hatchPattern(
      16,
      [...hexToRgb(PLAN_COLORS.controlLine), CONTROL_HATCH_ALPHA],
      2,
    );
    const tile = document.createElement('canvas');
    tile.width = width;
    tile.height = height;
    tile.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(data), width, height), 0, 0);
    this.hatch = context.createPattern(tile, 'repeat');
    return this.hatch;
  }

  /** The action code of every plot (PLOT_ACTIONS; 0 keep), computed again only when the actions change. */
  private actionCodesOf(
    actions: Readonly<Record<string, ActionEntry>>,
    rows: PlannerState['analysis'],
  ): Uint8Array | null {
    if (!rows) return null;
    if (this.codes?.actions !== actions || this.codes.rows !== rows.rows) {
      this.codes = { actions, rows: rows.rows, codes: actionCodes(actions, rows.rows) };
    }
    return this.codes.codes;
  }

  /**
   * Paints the base map and what `state` has of the plan on `context` (its pixels `ratio` times
   * the view's CSS pixels), as `view` looks; returns how many plots were drawn.
   */
  paint(context: CanvasRenderingContext2D, view: FlatView, ratio: number, state: PlannerState): number {
    this.view = view;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.lineJoin = 'round';
    context.fillStyle = BASEMAP_COLORS.sea;
    context.fillRect(0, 0, this.view.width, this.view.height);
    context.fillStyle = BASEMAP_COLORS.land;
    context.fill(this.pathOf(this.land), 'evenodd');
    context.fillStyle = BASEMAP_COLORS.neighbourCounty;
    context.fill(
      this.pathOf(this.counties, (i) => !this.isCixi[i]),
      'evenodd',
    );
    const cixi = this.pathOf(this.counties, (i) => this.isCixi[i] === true);
    context.fillStyle = BASEMAP_COLORS.cixi;
    context.fill(cixi, 'evenodd');
    context.strokeStyle = BASEMAP_COLORS.countyLine;
    context.lineWidth = 1;
    context.setLineDash([3, 2]);
    context.stroke(this.pathOf(this.counties, (i) => !this.isCixi[i]));
    context.setLineDash([]);

    const layers = state.layers;
    if (layers && state.visible.boundary) {
      const boundary = this.pathOf(this.shapesOf(layers.boundary));
      context.globalAlpha = 0.35;
      context.fillStyle = PLAN_COLORS.boundaryFill;
      context.fill(boundary, 'evenodd');
      context.globalAlpha = 1;
      context.strokeStyle = PLAN_COLORS.boundaryLine;
      context.lineWidth = 1.5;
      context.setLineDash([6, 3]);
      context.stroke(boundary);
      context.setLineDash([]);
    }
    if (layers && state.visible.control) {
      const control = this.pathOf(this.shapesOf(layers.control));
      context.fillStyle = this.controlHatch(context) ?? PLAN_COLORS.controlLine;
      context.fill(control, 'evenodd');
      context.strokeStyle = PLAN_COLORS.controlLine;
      context.lineWidth = 1.5;
      context.stroke(control);
    }
    const drawn = layers && state.visible.plots ? this.drawPlots(context, state) : 0;
    this.drawZones(context, state);
    this.drawSelection(context, state);
    context.strokeStyle = BASEMAP_COLORS.cixiLine;
    context.lineWidth = 2;
    context.stroke(cixi);
    this.drawTowns(context);
    return drawn;
  }

  /** The plots in view, filled by status and ringed by action; returns how many were drawn. */
  private drawPlots(context: CanvasRenderingContext2D, state: PlannerState): number {
    const plots = state.layers?.plots;
    const rows = state.analysis?.rows;
    if (!plots || !rows) return 0;
    const shapes = this.shapesOf(plots);
    const codes = this.actionCodesOf(
      activeScenario(state.scenarioSet)?.actions ?? NO_ACTIONS,
      state.analysis,
    );
    const fills = new Map<string, Path2D>();
    const rings = PLOT_ACTIONS.map(() => new Path2D());
    const outlines = new Path2D();
    const view = this.viewBox();
    const m = this.view.metresPerPixel;
    const showOutlines = m < metresPerPixelAt(15);
    let drawn = 0;
    for (let index = 0; index < shapes.rings.length; index++) {
      const row = rows[index];
      if (!row || this.isOutside(shapes.boxes, index, view)) continue;
      if (state.town !== null && row.town !== state.town) continue;
      const colour = row.status ? STATUS_COLORS[row.status] : UNCLASSIFIED_COLOR;
      let fill = fills.get(colour);
      if (!fill) {
        fill = new Path2D();
        fills.set(colour, fill);
      }
      const b = index * 4;
      const minX = shapes.boxes[b] as number;
      const minY = shapes.boxes[b + 1] as number;
      const maxX = shapes.boxes[b + 2] as number;
      const maxY = shapes.boxes[b + 3] as number;
      const code = codes?.[index] ?? 0;
      if (Math.max(maxX - minX, maxY - minY) / m < DOT_BELOW_PX) {
        const centre = toScreen(this.view, (minX + maxX) / 2, (minY + maxY) / 2);
        fill.rect(centre.x - DOT_PX / 2, centre.y - DOT_PX / 2, DOT_PX, DOT_PX);
        if (code > 0) rings[code]?.rect(centre.x - DOT_PX, centre.y - DOT_PX, DOT_PX * 2, DOT_PX * 2);
      } else {
        const own = shapes.rings[index] ?? [];
        this.addRings(fill, own);
        if (code > 0) this.addRings(rings[code] as Path2D, own);
        if (showOutlines) this.addRings(outlines, own);
      }
      drawn++;
    }
    context.globalAlpha = 0.9;
    for (const [colour, path] of fills) {
      context.fillStyle = colour;
      context.fill(path, 'evenodd');
    }
    context.globalAlpha = 1;
    if (showOutlines) {
      context.strokeStyle = PLAN_COLORS.plotOutline;
      context.lineWidth = 0.5;
      context.stroke(outlines);
    }
    context.lineWidth = 2;
    PLOT_ACTIONS.forEach((action, code) => {
      if (action === 'keep') return;
      context.strokeStyle = ACTION_COLORS[action];
      context.stroke(rings[code] as Path2D);
    });
    return drawn;
  }

  private drawZones(context: CanvasRenderingContext2D, state: PlannerState): void {
    const scenario = activeScenario(state.scenarioSet);
    if (!scenario || scenario.zones.length === 0) return;
    const zones = zoneFeatures(scenario, state.zoneMeasures[scenario.id]);
    const shapes = this.shapesOf(zones);
    zones.features.forEach((feature, index) => {
      const path = this.pathOf(shapes, (i) => i === index);
      const colour = ZONE_COLORS[feature.properties?.r2 as keyof typeof ZONE_COLORS] ?? ZONE_COLORS.ok;
      context.globalAlpha = 0.25;
      context.fillStyle = colour;
      context.fill(path, 'evenodd');
      context.globalAlpha = 1;
      context.strokeStyle = colour;
      context.lineWidth = 3;
      context.setLineDash([6, 3]);
      context.stroke(path);
      context.setLineDash([]);
    });
  }

  private drawSelection(context: CanvasRenderingContext2D, state: PlannerState): void {
    const plots = state.layers?.plots;
    if (!plots || !state.visible.plots) return;
    const shapes = this.shapesOf(plots);
    if (state.pickedPlots.length > 0) {
      const picked = new Set(state.pickedPlots);
      context.strokeStyle = SELECTION_COLORS.line;
      context.lineWidth = 2;
      context.stroke(this.pathOf(shapes, (i) => picked.has(i)));
    }
    const selected = state.selectedPlot;
    if (selected === null) return;
    const path = this.pathOf(shapes, (i) => i === selected);
    context.strokeStyle = SELECTION_COLORS.halo;
    context.lineWidth = 6;
    context.stroke(path);
    context.strokeStyle = SELECTION_COLORS.line;
    context.lineWidth = 3;
    context.stroke(path);
  }

  private drawTowns(context: CanvasRenderingContext2D): void {
    if (this.view.metresPerPixel > metresPerPixelAt(9.5)) return;
    context.font = FONT;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.lineWidth = 3;
    context.strokeStyle = LABEL_COLORS.halo;
    context.fillStyle = LABEL_COLORS.townText;
    for (const town of this.towns) {
      const at = toScreen(this.view, town.x, town.y);
      if (at.x < -50 || at.y < -20 || at.x > this.view.width + 50 || at.y > this.view.height + 20) continue;
      context.strokeText(town.name, at.x, at.y);
      context.fillText(town.name, at.x, at.y);
    }
  }
}
