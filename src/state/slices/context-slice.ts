import type { ContextLayer } from '../../core/plan/read-context-layers.ts';
import type { ContextSlice, SliceCreator } from '../planner-state.ts';

let nextContextId = 1;

/** Gives each context layer an id for the page's lists and the map's sources (not saved). */
function withIds(layers: readonly ContextLayer[]): ContextSlice['contextLayers'] {
  return layers.map((layer) => ({ ...layer, id: `context-${nextContextId++}` }));
}

/**
 * Context layers (参考图层), drawn under the plan and never analysed, and the base map in effect on
 * this page. A change of context layers is saved with the plan, not an undo step (like the layer switches).
 */
export const createContextSlice: SliceCreator<ContextSlice> = (set) => ({
  contextLayers: [],
  baseMap: null,
  addContextLayers: (layers) =>
    set((state) => ({ contextLayers: [...state.contextLayers, ...withIds(layers)] })),
  setContextLayers: (layers) => set({ contextLayers: withIds(layers) }),
  setContextLayerVisible: (id, visible) =>
    set((state) => ({
      contextLayers: state.contextLayers.map((layer) => (layer.id === id ? { ...layer, visible } : layer)),
    })),
  removeContextLayer: (id) =>
    set((state) => ({ contextLayers: state.contextLayers.filter((layer) => layer.id !== id) })),
  setBaseMap: (baseMap) => set({ baseMap }),
});
