import { useEffect, useRef } from 'react';
import { loadCixiBasemap } from '../bundled/cixi-basemap.ts';
import type { ExportableMap } from '../export/map-png.ts';
import { MapController } from '../map/map-controller.ts';
import { exposeMainMap } from '../services/planner-internals.ts';
import { plannerStore } from '../state/store.ts';

const FONT_PATH = 'fonts/noto-sans-sc-gb2312.woff2';

/** The map's container. The controller is created once and owns the map from then on. */
export function MapView({ onMap }: { onMap?: (map: ExportableMap | null) => void }) {
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const basemap = loadCixiBasemap();
    const controller = new MapController({
      container,
      store: plannerStore,
      basemap: basemap.data,
      fontUrl: new URL(`${import.meta.env.BASE_URL}${FONT_PATH}`, document.baseURI).href,
      initialBounds: basemap.cixiBounds,
    });
    const hideMap = exposeMainMap(controller);
    onMap?.(controller.map);
    return () => {
      onMap?.(null);
      hideMap();
      controller.destroy();
    };
  }, [onMap]);

  return <div ref={containerRef} className="map" data-testid="map" />;
}
