/**
 * A map's lost WebGL context (the computer slept, the graphics driver was reset) and its return.
 * MapLibre 6 rebuilds the style from a snapshot when the context comes back; what the app wrote to
 * the map besides the style (feature state, the syncs' memory of what they wrote) must be written
 * again, and nothing may write to the map while it has no style.
 */

import type { Map as MapLibreMap } from 'maplibre-gl';

export interface ContextHandlers {
  /** The context is gone: the map has no style until it comes back. */
  lost: () => void;
  /** The context is back and the rebuilt style has loaded: write everything again. */
  restored: () => void;
}

/** Calls `handlers` when `map` loses its WebGL context and once its style is rebuilt after it comes back. */
export function followContext(map: MapLibreMap, handlers: ContextHandlers): void {
  map.on('webglcontextlost', () => handlers.lost());
  map.on('webglcontextrestored', () => {
    // MapLibre sets the snapshot style before it fires this; the style loads a frame later.
    if (map.style?.loaded()) handlers.restored();
    else map.once('style.load', () => handlers.restored());
  });
}
