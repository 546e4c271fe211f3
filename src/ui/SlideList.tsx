import { useRef, useState } from 'react';
import type { Slide } from '../core/plan/slides.ts';
import type { ExportableMap } from '../export/map-png.ts';
import { type BriefingMessageKey, briefingText } from '../i18n/briefing-messages.ts';
import type { Language } from '../i18n/messages.ts';
import { cameraOf } from '../map/compare-map.ts';
import { visibleBoundsOf } from '../map/map-covers.ts';
import { newId } from '../state/new-id.ts';
import {
  createSlide,
  insertSlide,
  moveSlide,
  removeSlide,
  renameSlide,
  SLIDE_LABELS,
  slideSourceOf,
} from '../state/slide-list.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { enterBriefing } from './Briefing.tsx';
import { formatList, pick } from './format.ts';
import { useUndoShortcuts } from './ScenarioPanel.tsx';

type Text = (key: BriefingMessageKey, values?: Record<string, string | number>) => string;

/** The header tab that opens the slide list. */
export function SlidesTab() {
  const language = usePlanner((state) => state.language);
  const open = usePlanner((state) => state.panel === 'slides');
  return (
    <button
      type="button"
      className="header-button"
      aria-pressed={open}
      data-testid="tab-slides"
      onClick={() => plannerStore.getState().setPanel(open ? null : 'slides')}
    >
      {briefingText(language, 'slides.tab')}
    </button>
  );
}

/**
 * Records the map's current view as a new slide at the end of the list (one undo step). Without the
 * real map (no WebGL 2) the flat map's view, which it keeps in the store, north up.
 */
function recordSlide(map: ExportableMap | null, language: Language): void {
  const state = plannerStore.getState();
  // The extent the planner sees, without what the legend and the plot card cover.
  const camera = map
    ? { ...cameraOf(map), bounds: visibleBoundsOf(map) }
    : state.view && { ...state.view, bearing: 0, pitch: 0 };
  if (!camera) return;
  const source = slideSourceOf(state, camera);
  const scenario = state.scenarioSet.scenarios.find((s) => s.id === source.scenarioId);
  const caption = briefingText(language, 'slides.defaultCaption', {
    town: source.town ?? briefingText(language, 'slides.city'),
    scenario: scenario?.name ?? '—',
  });
  const slide = createSlide(
    source,
    newId(
      'slide',
      state.slides.map((s) => s.id),
    ),
    caption,
  );
  state.editSlides(insertSlide(state.slides, slide), SLIDE_LABELS.record(caption));
}

/** A caption field: the edit is stored (one undo step) on Enter or when the field is left; Esc drops it. */
function CaptionInput({ slide, number, t }: { slide: Slide; number: number; t: Text }) {
  const [draft, setDraft] = useState(slide.caption);
  const review = usePlanner((state) => state.review !== null);
  const dropped = useRef(false);
  const commit = () => {
    const caption = draft.trim();
    if (dropped.current || caption === '') {
      dropped.current = false;
      setDraft(slide.caption);
      return;
    }
    const state = plannerStore.getState();
    state.editSlides(renameSlide(state.slides, slide.id, caption), SLIDE_LABELS.rename(caption));
  };
  return (
    <input
      className="slide-caption"
      data-testid="slide-caption"
      readOnly={review}
      aria-label={t('slides.caption', { number })}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
        else if (event.key === 'Escape') {
          dropped.current = true;
          event.currentTarget.blur();
        }
      }}
    />
  );
}

/**
 * The slides of the plan in the working view: record the current view, rename, reorder, delete,
 * go to a slide, start the briefing. Every edit is one named step of the undo history.
 */
export function SlideList({ map }: { map: ExportableMap | null }) {
  const language = usePlanner((state) => state.language);
  const slides = usePlanner((state) => state.slides);
  const currentSlideId = usePlanner((state) => state.currentSlideId);
  const scenarios = usePlanner((state) => state.scenarioSet.scenarios);
  const lastStep = usePlanner((state) => state.history.past.at(-1));
  const ready = usePlanner((state) => state.analysis !== null);
  const hasView = usePlanner((state) => map !== null || (state.mapProblem !== null && state.view !== null));
  const t: Text = (key, values) => briefingText(language, key, values);
  useUndoShortcuts();

  const edit = (
    next: (slides: Slide[]) => Slide[],
    label: Parameters<typeof SLIDE_LABELS.remove>[0],
    kind: 'remove' | 'up' | 'down',
  ) => {
    const state = plannerStore.getState();
    const changed = next(state.slides);
    const message =
      kind === 'remove' ? SLIDE_LABELS.remove(label) : SLIDE_LABELS.move(label, kind === 'up' ? -1 : 1);
    state.editSlides(changed, message);
  };

  const describe = (slide: Slide): string => {
    const scenario = scenarios.find((s) => s.id === slide.scenarioId);
    const layers = (['plots', 'boundary', 'control'] as const)
      .filter((kind) => slide.layers[kind])
      .map((kind) => t(`slides.layer.${kind}`));
    const parts = [
      scenario?.name ?? t('slides.unknownScenario'),
      slide.town ?? t('slides.city'),
      `z${slide.camera.zoom.toFixed(1)}`,
      t('slides.layers', {
        layers: layers.length > 0 ? formatList(language, layers) : t('slides.layersNone'),
      }),
    ];
    if (slide.plotIds?.length) parts.push(t('slides.plots', { count: slide.plotIds.length }));
    if (slide.year !== undefined) parts.push(t('slides.year', { year: String(slide.year) }));
    return parts.join(' · ');
  };

  return (
    <section className="slide-list" data-testid="slide-list" data-count={slides.length}>
      <h2 className="slide-list-title">{t('slides.title')}</h2>
      <p className="slide-list-hint">{t('slides.hint')}</p>
      <div className="slide-list-tools">
        <button
          type="button"
          className="scn-button"
          data-edit
          data-testid="slide-record"
          disabled={!hasView || !ready}
          onClick={() => recordSlide(map, language)}
        >
          {t('slides.record')}
        </button>
        <button
          type="button"
          className="scn-button"
          data-testid="slide-present"
          disabled={!ready}
          onClick={enterBriefing}
        >
          {t('slides.present')}
        </button>
        {currentSlideId !== null && (
          <button
            type="button"
            className="scn-button"
            data-testid="slide-clear"
            onClick={() => plannerStore.getState().goToSlide(null)}
          >
            {t('slides.clear')}
          </button>
        )}
      </div>
      {lastStep && (
        <button
          type="button"
          className="scn-button slide-undo"
          data-edit
          data-testid="slide-undo"
          onClick={() => plannerStore.getState().undo()}
        >
          {t('slides.undo', { label: pick(language, lastStep.label) })}
        </button>
      )}
      {slides.length === 0 ? (
        <p className="slide-list-empty">{t('slides.empty')}</p>
      ) : (
        <ol className="slide-items">
          {slides.map((slide, index) => (
            <li
              key={slide.id}
              className="slide-item"
              data-testid="slide-item"
              data-slide-id={slide.id}
              aria-current={slide.id === currentSlideId ? 'true' : undefined}
            >
              <span className="slide-number">{index + 1}</span>
              <div className="slide-body">
                <CaptionInput key={`${slide.id}:${slide.caption}`} slide={slide} number={index + 1} t={t} />
                <div className="slide-summary">{describe(slide)}</div>
                <div className="slide-buttons">
                  <button
                    type="button"
                    className="scn-button"
                    data-testid="slide-go"
                    title={t('slides.goToTitle')}
                    onClick={() => plannerStore.getState().goToSlide(slide.id)}
                  >
                    {t('slides.goTo')}
                  </button>
                  <button
                    type="button"
                    className="scn-button"
                    data-edit
                    data-testid="slide-up"
                    aria-label={t('slides.up')}
                    title={t('slides.up')}
                    disabled={index === 0}
                    onClick={() => edit((list) => moveSlide(list, slide.id, -1), slide.caption, 'up')}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="scn-button"
                    data-edit
                    data-testid="slide-down"
                    aria-label={t('slides.down')}
                    title={t('slides.down')}
                    disabled={index === slides.length - 1}
                    onClick={() => edit((list) => moveSlide(list, slide.id, 1), slide.caption, 'down')}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="scn-button slide-delete"
                    data-edit
                    data-testid="slide-delete"
                    onClick={() => edit((list) => removeSlide(list, slide.id), slide.caption, 'remove')}
                  >
                    {t('slides.delete')}
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
