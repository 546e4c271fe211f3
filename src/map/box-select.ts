/**
 * Box selection of plots: while enabled, a drag on the map draws a rectangle instead of panning,
 * and the plots drawn inside it are reported by their index in the plot layer.
 */

import type { Map as MapLibreMap, PointLike } from 'maplibre-gl';

export class BoxSelect {
  private start: { x: number; y: number } | null = null;
  private box: HTMLDivElement | null = null;
  private enabled = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly layerIds: readonly string[],
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
    const corners: [PointLike, PointLike] = [
      [Math.min(start.x, end.x), Math.min(start.y, end.y)],
      [Math.max(start.x, end.x), Math.max(start.y, end.y)],
    ];
    const indices = new Set<number>();
    const layers = this.layerIds.filter((id) => this.map.getLayer(id));
    for (const feature of this.map.queryRenderedFeatures(corners, { layers })) {
      const index = feature.properties.index;
      if (typeof index === 'number') indices.add(index);
    }
    this.onSelect(
      [...indices].sort((a, b) => a - b),
      event.shiftKey,
    );
  }
}
