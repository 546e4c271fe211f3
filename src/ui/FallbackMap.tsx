import { useEffect, useRef } from 'react';
import { loadCixiBasemap } from '../bundled/cixi-basemap.ts';
import type { Message } from '../core/types.ts';
import { mapText } from '../i18n/map-messages.ts';
import { CanvasFallbackMap } from '../map/canvas-fallback-map.ts';
import { exposeFallbackMap } from '../services/planner-internals.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { MapUnavailable } from './MapUnavailable.tsx';

/**
 * The map's place without WebGL 2: the simple flat map of the plan (pan, zoom, click a plot) with
 * zoom buttons, under the message that says why the full map is missing and what to do.
 */
export function FallbackMap({ problem }: { problem: Message }) {
  const language = usePlanner((state) => state.language);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const mapRef = useRef<CanvasFallbackMap | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const basemap = loadCixiBasemap();
    const map = new CanvasFallbackMap({
      canvas,
      store: plannerStore,
      basemap: basemap.data,
      initialBounds: basemap.cixiBounds,
    });
    mapRef.current = map;
    const hideMap = exposeFallbackMap(map);
    return () => {
      hideMap();
      mapRef.current = null;
      map.destroy();
    };
  }, []);

  const t = (key: Parameters<typeof mapText>[1]) => mapText(language, key);
  return (
    <div className="map-unavailable-area" data-testid="map">
      <canvas
        ref={canvasRef}
        className="fallback-map"
        data-testid="fallback-map"
        role="img"
        aria-label={t('map.fallback.label')}
      />
      <div className="fallback-zoom">
        <button
          type="button"
          title={t('map.fallback.zoomIn')}
          aria-label={t('map.fallback.zoomIn')}
          onClick={() => mapRef.current?.zoomBy(2)}
        >
          +
        </button>
        <button
          type="button"
          title={t('map.fallback.zoomOut')}
          aria-label={t('map.fallback.zoomOut')}
          onClick={() => mapRef.current?.zoomBy(0.5)}
        >
          −
        </button>
        <button
          type="button"
          title={t('map.fallback.fit')}
          aria-label={t('map.fallback.fit')}
          data-testid="fallback-fit"
          onClick={() => mapRef.current?.fitToCixi()}
        >
          {t('map.fallback.fit')}
        </button>
      </div>
      <MapUnavailable problem={problem} foldable />
    </div>
  );
}
