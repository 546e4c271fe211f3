import { findRingIntersections } from '../../core/io/self-intersections.ts';
import type { AreaGeometry, Message } from '../../core/types.ts';
import type { MapModeSlice, SliceCreator } from '../planner-state.ts';

/** What a drag on the map does, and the editing of a receiving zone's shape (one undo step when done). */
export const createMapModeSlice: SliceCreator<MapModeSlice> = (set, get) => ({
  mapMode: 'browse',
  editingZoneId: null,
  zoneDraft: null,
  setMapMode: (mapMode) =>
    set(mapMode === 'edit-zone' ? { mapMode } : { mapMode, editingZoneId: null, zoneDraft: null }),
  startZoneEdit: (editingZoneId) => set({ mapMode: 'edit-zone', editingZoneId, zoneDraft: null }),
  setZoneDraft: (zoneDraft) => set({ zoneDraft }),
  finishZoneEdit: () => {
    const { scenarioSet, editingZoneId, zoneDraft, mapMode } = get();
    const scenario = scenarioSet.scenarios.find((s) => s.id === scenarioSet.activeScenarioId);
    const zone = scenario?.zones.find((z) => z.id === editingZoneId);
    if (mapMode !== 'edit-zone' || !scenario || !zone || !zoneDraft) {
      get().setMapMode('browse');
      return undefined;
    }
    const problem = shapeProblem(zoneDraft);
    if (problem) return problem;
    const refused = get().edit({
      type: 'batch',
      edits: [{ type: 'update-zone', scenarioId: scenario.id, zone: { ...zone, geometry: zoneDraft } }],
      label: { zh: `修改承接区块“${zone.name}”的形状`, en: `Reshape receiving zone "${zone.name}"` },
    });
    if (refused) return refused;
    get().setMapMode('browse');
    return undefined;
  },
});

/** Why an edited zone shape cannot be stored (its rings cut or touch themselves), or undefined. */
function shapeProblem(geometry: AreaGeometry): Message | undefined {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const crossing = findRingIntersections(polygons, { maxResults: 1 })[0];
  if (!crossing) return undefined;
  const at = `${crossing.point[0].toFixed(5)}, ${crossing.point[1].toFixed(5)}`;
  return {
    zh: `区块边界自相交（约在 ${at} 处），不能保存；请移动顶点后再点“完成”，或点“取消”。`,
    en: `The zone's outline crosses itself (near ${at}) and cannot be stored; move a vertex and press Done again, or Cancel.`,
  };
}
