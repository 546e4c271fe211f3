import { useEffect, useRef, useState } from 'react';
import { loadCixiBasemap } from '../bundled/cixi-basemap.ts';
import type { Message } from '../core/types.ts';
import type { ExportableMap } from '../export/map-png.ts';
import { mapMessage, mapStartProblem, mapText } from '../i18n/map-messages.ts';
import { MapController } from '../map/map-controller.ts';
import { supportsWebGl2 } from '../map/webgl-support.ts';
import { exposeMainMap } from '../services/planner-internals.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { BaseMapNote } from './BaseMapNote.tsx';
import { FallbackMap } from './FallbackMap.tsx';

const FONT_PATH = 'fonts/noto-sans-sc-gb2312.woff2';

/** How long a lost WebGL context may take to come back before the flat map takes the map's place. */
const CONTEXT_RESTORE_WAIT_MS = 10_000;

/**
 * The map's container. The controller is created once and owns the map from then on. Without WebGL 2,
 * or when MapLibre fails to start, the map's place says why and what to do, and the store knows
 * (mapProblem), so that the rest of the app goes on without a map.
 */
export function MapView({ onMap }: { onMap?: (map: ExportableMap | null) => void }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [startProblem, setStartProblem] = useState<Message | null>(() =>
    supportsWebGl2() ? null : mapMessage('map.none.title'),
  );
  const problem = usePlanner((state) => state.mapProblem);
  const language = usePlanner((state) => state.language);
  // While the WebGL context is lost (sleep, a driver reset) the map is blank until it comes back.
  const [isContextLost, setContextLost] = useState(false);

  useEffect(() => {
    plannerStore.getState().setMapProblem(startProblem);
  }, [startProblem]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || startProblem) return;
    const basemap = loadCixiBasemap();
    let controller: MapController;
    try {
      controller = new MapController({
        container,
        store: plannerStore,
        basemap: basemap.data,
        fontUrl: new URL(`${import.meta.env.BASE_URL}${FONT_PATH}`, document.baseURI).href,
        initialBounds: basemap.cixiBounds,
      });
    } catch (error) {
      setStartProblem(mapStartProblem(error));
      return;
    }
    // A context that does not come back (the browser gave up on the graphics card): the flat map.
    let giveUp: number | undefined;
    controller.map.on('webglcontextlost', () => {
      setContextLost(true);
      giveUp = window.setTimeout(() => setStartProblem(mapMessage('map.lost.gone')), CONTEXT_RESTORE_WAIT_MS);
    });
    controller.map.on('webglcontextrestored', () => {
      window.clearTimeout(giveUp);
      setContextLost(false);
    });
    const hideMap = exposeMainMap(controller);
    onMap?.(controller.map);
    return () => {
      window.clearTimeout(giveUp);
      onMap?.(null);
      hideMap();
      controller.destroy();
    };
  }, [onMap, startProblem]);

  if (startProblem) return <FallbackMap problem={problem ?? startProblem} />;
  return (
    <>
      <div ref={containerRef} className="map" data-testid="map" />
      <BaseMapNote />
      {isContextLost && (
        <p className="map-lost" role="status" data-testid="map-lost">
          {mapText(language, 'map.lost')}
        </p>
      )}
    </>
  );
}
