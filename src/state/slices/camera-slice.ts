import type { CameraSlice, SliceCreator } from '../planner-state.ts';

/**
 * Where the map looks (written by the map controller) and requests to look elsewhere; a request's
 * `serial` grows so that asking twice for the same view is a new value the map follows.
 */
export const createCameraSlice: SliceCreator<CameraSlice> = (set) => ({
  view: null,
  viewRequest: null,
  zoomRequest: null,
  setView: (view) => set({ view }),
  requestView: (view) =>
    set((state) => ({ viewRequest: { ...view, serial: (state.viewRequest?.serial ?? 0) + 1 } })),
  requestZoom: (target) =>
    set((state) => ({ zoomRequest: { target, serial: (state.zoomRequest?.serial ?? 0) + 1 } })),
});
