import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { ExportableMap } from '../export/map-png.ts';
import { translate } from '../i18n/messages.ts';
import { importFiles } from '../services/import-files.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { Briefing } from './Briefing.tsx';
import { CommentsPanel } from './CommentsPanel.tsx';
import { CompareMap, SWIPE_OFF, type SwipeChoice } from './CompareMap.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { Dashboard } from './Dashboard.tsx';
import { Header } from './Header.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { JobBar } from './JobBar.tsx';
import { Legend } from './Legend.tsx';
import { MapBoundary } from './MapBoundary.tsx';
import { MapView } from './MapView.tsx';
import { Notice } from './Notice.tsx';
import { PaneToggle } from './PaneToggle.tsx';
import { PlotPanel } from './PlotPanel.tsx';
import { PlotTable } from './PlotTable.tsx';
import { ScenarioPanel } from './ScenarioPanel.tsx';
import { SlideList } from './SlideList.tsx';
import { YearPlayer } from './YearPlayer.tsx';

// The suggestion panel and its worker (HiGHS) load when the panel is first opened.
const SuggestPanel = lazy(() =>
  import('./SuggestPanel.tsx').then((module) => ({ default: module.SuggestPanel })),
);

/** The page: a header bar, the map with the legend, a side panel, the plot card and the dialogs. */
export function App() {
  const panel = usePlanner((state) => state.panel);
  const language = usePlanner((state) => state.language);
  // Briefing mode: the map and the briefing's own overlay, nothing else.
  const briefing = usePlanner((state) => state.briefing);
  const review = usePlanner((state) => state.review !== null);
  const compareMode = usePlanner((state) => state.compareMode);
  const [dragging, setDragging] = useState(false);
  const [map, setMap] = useState<ExportableMap | null>(null);
  // The swipe is set in the comparison panel and drawn over the map while that panel is open.
  const [swipe, setSwipe] = useState<SwipeChoice>(SWIPE_OFF);
  // The side panel folds away and comes back as it was.
  const lastPanel = useRef(panel ?? 'dashboard');
  if (panel) lastPanel.current = panel;

  useEffect(() => {
    // Files dropped anywhere on the page open the import dialog.
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      // A review bundle's plan takes no layers.
      if (plannerStore.getState().review) return;
      importFiles(plannerStore, [...(event.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <div
      className="app"
      lang={language}
      data-briefing={briefing ? 'on' : undefined}
      data-review={review || undefined}
    >
      {!briefing && <Header map={map} />}
      <main className="app-main">
        <div className="map-area">
          <MapBoundary>
            <MapView onMap={setMap} />
          </MapBoundary>
          {!briefing && panel === 'compare' && compareMode === 'scenarios' && swipe.on && map && (
            <MapBoundary>
              <CompareMap mainMap={map} choice={swipe} />
            </MapBoundary>
          )}
          {/* Without a map (no WebGL 2) briefing mode still shows its slides and figures, and Esc ends it. */}
          {briefing && <Briefing map={map} />}
          {!briefing && (
            <>
              <Legend />
              <YearPlayer />
              <PlotPanel />
              <JobBar />
              <Notice />
              <PaneToggle
                pane="side"
                expanded={panel !== null}
                short={false}
                className="side-toggle"
                onToggle={() => plannerStore.getState().setPanel(panel ? null : lastPanel.current)}
              />
            </>
          )}
        </div>
        {panel && !briefing && (
          <aside className="side-panel" data-panel={panel}>
            {panel === 'dashboard' && <Dashboard />}
            {panel === 'table' && <PlotTable />}
            {panel === 'scenario' && <ScenarioPanel />}
            {panel === 'compare' && <ComparePanel swipe={swipe} onSwipeChange={setSwipe} />}
            {panel === 'slides' && <SlideList map={map} />}
            {panel === 'suggest' && (
              <Suspense fallback={null}>
                <SuggestPanel />
              </Suspense>
            )}
            {panel === 'comments' && <CommentsPanel />}
          </aside>
        )}
      </main>
      <ImportDialog />
      {dragging && <div className="drop-overlay">{translate(language, 'import.dropHint')}</div>}
    </div>
  );
}
