import { type KeyboardEvent, type PointerEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { loadCixiBasemap } from '../bundled/cixi-basemap.ts';
import type { Scenario } from '../core/scenario/scenario.ts';
import type { ExportableMap } from '../export/map-png.ts';
import { scenarioText } from '../i18n/scenario-messages.ts';
import { cameraOf, linkCameras, CompareMap as ScenarioMap } from '../map/compare-map.ts';
import { coverBoxes, watchCovers } from '../map/map-covers.ts';
import { coverPadding, dividerRange } from '../map/visible-area.ts';
import { exposeCompareMaps } from '../services/planner-internals.ts';
import { plannerStore, usePlanner } from '../state/store.ts';

/** The same file as MapView's labels: both maps must draw the same font. */
const FONT_PATH = 'fonts/noto-sans-sc-gb2312.woff2';

/** The value of the baseline (现状: no actions, no zones) among the sides' choices; no scenario id is empty. */
export const BASELINE = '';

/** The swipe as the comparison panel sets it: on or off, and each side's choice (null: the default). */
export interface SwipeChoice {
  on: boolean;
  left: string | null;
  right: string | null;
}

export const SWIPE_OFF: SwipeChoice = { on: false, left: null, right: null };

/**
 * The scenario id (or BASELINE) each side shows. Unchosen sides, and sides whose scenario has gone,
 * show the first two compared scenarios (all scenarios when none is chosen); with only one, the
 * baseline on the left and that scenario on the right (before and after).
 */
export function resolveSwipeSides(
  scenarios: readonly Scenario[],
  compareIds: readonly string[],
  choice: SwipeChoice,
): { left: string; right: string } {
  const wanted = new Set(compareIds);
  const picked = scenarios.filter((scenario) => wanted.has(scenario.id));
  const compared = picked.length > 0 ? picked : scenarios;
  const [first, second] = compared;
  const fallback =
    first && second ? { left: first.id, right: second.id } : { left: BASELINE, right: first?.id ?? BASELINE };
  const exists = (id: string | null): id is string =>
    id === BASELINE || scenarios.some((scenario) => scenario.id === id);
  return {
    left: exists(choice.left) ? choice.left : fallback.left,
    right: exists(choice.right) ? choice.right : fallback.right,
  };
}

/** Half the divider's round handle (compare.css), CSS pixels. */
const HANDLE_HALF_PX = 20;

/** Arrow keys move the divider by this share of the width (with Shift, five times as far). */
const KEY_STEP = 0.02;

/**
 * Two maps laid over the main map: the left scenario everywhere, the right one clipped to the right
 * of a divider that can be dragged or moved with the arrow keys. All three maps share one camera.
 */
export function CompareMap({ mainMap, choice }: { mainMap: ExportableMap; choice: SwipeChoice }) {
  const language = usePlanner((state) => state.language);
  const scenarios = usePlanner((state) => state.scenarioSet.scenarios);
  const compareIds = usePlanner((state) => state.compareIds);
  const sides = resolveSwipeSides(scenarios, compareIds, choice);
  const rootRef = useRef<HTMLDivElement>(null);
  const leftRef = useRef<HTMLDivElement>(null);
  const rightRef = useRef<HTMLDivElement>(null);
  const mapsRef = useRef<{ left: ScenarioMap; right: ScenarioMap } | null>(null);
  // The maps are made once per main map; they open on the sides chosen at that moment.
  const sidesRef = useRef(sides);
  sidesRef.current = sides;
  const [width, setWidth] = useState(0);
  const [share, setShare] = useState(0.5);
  // Where the divider may stand (never under the legend or a panel) and where its handle is grabbed.
  const [range, setRange] = useState<[number, number]>([0, Number.POSITIVE_INFINITY]);
  const [handleY, setHandleY] = useState<number | null>(null);
  const t = (key: Parameters<typeof scenarioText>[1]) => scenarioText(language, key);

  useEffect(() => {
    const leftContainer = leftRef.current;
    const rightContainer = rightRef.current;
    if (!leftContainer || !rightContainer) return;
    const basemap = loadCixiBasemap().data;
    const fontUrl = new URL(`${import.meta.env.BASE_URL}${FONT_PATH}`, document.baseURI).href;
    const camera = cameraOf(mainMap);
    const scenarioOf = (id: string) => (id === BASELINE ? null : id);
    const left = new ScenarioMap({
      container: leftContainer,
      store: plannerStore,
      basemap,
      fontUrl,
      camera,
      scenarioId: scenarioOf(sidesRef.current.left),
    });
    const right = new ScenarioMap({
      container: rightContainer,
      store: plannerStore,
      basemap,
      fontUrl,
      camera,
      scenarioId: scenarioOf(sidesRef.current.right),
    });
    mapsRef.current = { left, right };
    const unlink = linkCameras([mainMap, left.map, right.map]);
    const hideMaps = exposeCompareMaps({
      left: { map: left, scenarioId: () => sidesRef.current.left },
      right: { map: right, scenarioId: () => sidesRef.current.right },
    });
    return () => {
      hideMaps();
      unlink();
      mapsRef.current = null;
      left.destroy();
      right.destroy();
    };
  }, [mainMap]);

  useEffect(() => {
    mapsRef.current?.left.setScenario(sides.left === BASELINE ? null : sides.left);
  }, [sides.left]);
  useEffect(() => {
    mapsRef.current?.right.setScenario(sides.right === BASELINE ? null : sides.right);
  }, [sides.right]);

  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const measure = () => {
      const { left, top, right, bottom } = root.getBoundingClientRect();
      const box = { left, top, right, bottom };
      const covers = coverBoxes();
      const padding = coverPadding(box, covers);
      setWidth(root.clientWidth);
      // Clear of a panel by half the handle, so that all of the handle shows.
      const [least, most] = dividerRange(box, covers);
      const width = root.clientWidth;
      const from = least > 0 ? Math.min(width, least + HANDLE_HALF_PX) : least;
      setRange([from, Math.max(from, most < width ? most - HANDLE_HALF_PX : most)]);
      setHandleY((padding.top + root.clientHeight - padding.bottom) / 2);
    };
    measure();
    return watchCovers(root, measure);
  }, []);

  const within = (at: number) => Math.min(range[1], Math.max(range[0], at));
  const x = Math.round(within(share * width));
  /** The share of the width at `at` px, kept where the divider may stand. */
  const shareAt = (at: number) => (width > 0 ? within(at) / width : 0.5);
  const nameOf = (id: string) =>
    id === BASELINE ? t('scn.cmp.baseline') : (scenarios.find((scenario) => scenario.id === id)?.name ?? '');

  const moveTo = (clientX: number) => {
    const box = rootRef.current?.getBoundingClientRect();
    if (box && box.width > 0) setShare(shareAt(clientX - box.left));
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    event.preventDefault();
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) moveTo(event.clientX);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // From where the divider stands, which may be a clamped place.
    const step = (event.shiftKey ? KEY_STEP * 5 : KEY_STEP) * width;
    const next =
      event.key === 'ArrowLeft'
        ? x - step
        : event.key === 'ArrowRight'
          ? x + step
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? width
              : null;
    if (next === null) return;
    event.preventDefault();
    // Arrow keys must not also pan the map that had the focus before.
    event.stopPropagation();
    setShare(shareAt(next));
  };

  return (
    <div
      ref={rootRef}
      className="swipe"
      data-testid="swipe"
      data-left={sides.left}
      data-right={sides.right}
      data-divider-x={x}
    >
      <div ref={leftRef} className="swipe-map" data-testid="swipe-left-map" />
      <div
        ref={rightRef}
        className="swipe-map"
        data-testid="swipe-right-map"
        style={{ clipPath: `inset(0 0 0 ${x}px)` }}
      />
      <div
        className="swipe-label swipe-label-left"
        data-testid="swipe-label-left"
        style={{ right: Math.max(0, width - x) + 14 }}
      >
        {nameOf(sides.left)}
      </div>
      <div className="swipe-label swipe-label-right" data-testid="swipe-label-right" style={{ left: x + 14 }}>
        {nameOf(sides.right)}
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable, movable separator; <hr> cannot take focus or children. */}
      <div
        className="swipe-divider"
        data-testid="swipe-divider"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('scn.cmp.divider')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
        tabIndex={0}
        style={{ left: x }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onKeyDown={onKeyDown}
      >
        <span
          className="swipe-handle"
          aria-hidden="true"
          style={handleY === null ? undefined : { top: handleY }}
        />
      </div>
    </div>
  );
}
