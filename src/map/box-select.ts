/**
 * Box selection of plots: while enabled, a drag on the map draws a rectangle instead of panning,
 * and the plots drawn inside it (as `pick` finds them) are reported by their index in the plot layer.
 */

import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ScreenPoint } from './plot-hit.ts';

export class BoxSelect {
  private start: { x: number; y: number } | null = null;
  private box: HTMLDivElement | null = null;
  private enabled = false;

  constructor(
    private readonly map: MapLibreMap,
    /** The plots drawn in the screen box from `min` to `max`, by index. */
    private readonly pick: (min: ScreenPoint, max: ScreenPoint) => number[],
    private readonly onSelect: (indices: number[], add: boolean) => void,
  ) {}

  enable(): void {
    if (this.enabled) return;
    this.enabled = true;
    this.map.dragPan.disable();
    this.map.getCanvasContainer().addEventListener('mousedown', this.down);
    this.map.getCanvas().style.cursor = 'crosshair';
  }

  disable(): void {
    if (!this.enabled) return;
    this.enabled = false;
    this.map.dragPan.enable();
    this.map.getCanvasContainer().removeEventListener('mousedown', this.down);
    this.map.getCanvas().style.cursor = '';
    this.finish(null);
  }

  private point(event: MouseEvent): { x: number; y: number } {
    const rect = this.map.getCanvasContainer().getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }

  private readonly down = (event: MouseEvent) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    this.start = this.point(event);
    window.addEventListener('mousemove', this.move);
    window.addEventListener('mouseup', this.up);
  };

  private readonly move = (event: MouseEvent) => {
    if (!this.start) return;
    const now = this.point(event);
    if (!this.box) {
      this.box = document.createElement('div');
      this.box.className = 'box-select-rect';
      this.map.getCanvasContainer().appendChild(this.box);
    }
    const left = Math.min(this.start.x, now.x);
    const top = Math.min(this.start.y, now.y);
    this.box.style.transform = `translate(${left}px, ${top}px)`;
    this.box.style.width = `${Math.abs(now.x - this.start.x)}px`;
    this.box.style.height = `${Math.abs(now.y - this.start.y)}px`;
  };

  private readonly up = (event: MouseEvent) => {
    this.finish(event);
  };

  private finish(event: MouseEvent | null): void {
    window.removeEventListener('mousemove', this.move);
    window.removeEventListener('mouseup', this.up);
    this.box?.remove();
    this.box = null;
    const start = this.start;
    this.start = null;
    if (!start || !event) return;
    const end = this.point(event);
    if (Math.abs(end.x - start.x) < 4 && Math.abs(end.y - start.y) < 4) return;
    const indices = this.pick(
      { x: Math.min(start.x, end.x), y: Math.min(start.y, end.y) },
      { x: Math.max(start.x, end.x), y: Math.max(start.y, end.y) },
    );
    this.onSelect(
      [...new Set(indices)].sort((a, b) => a - b),
      event.shiftKey,
    );
  }
}
