import { useEffect, useMemo, useState } from 'react';
import { actionName, DRAWN_ACTIONS } from '../core/catalogue/action-catalogue.ts';
import type { ExportableMap } from '../export/map-png.ts';
import { type BriefingMessageKey, briefingText } from '../i18n/briefing-messages.ts';
import { mapText } from '../i18n/map-messages.ts';
import { type Language, translate } from '../i18n/messages.ts';
import { ACTION_COLORS, HIGHLIGHT_COLORS, PLAN_COLORS, STATUS_COLORS, STATUS_ORDER } from '../map/palette.ts';
import { briefingKeyCommand } from '../state/keyboard-shortcuts.ts';
import { selectActiveScenario } from '../state/scenario-selectors.ts';
import { selectSampleLabel } from '../state/select-sample-data.ts';
import { selectCurrentSlide, steppedSlide } from '../state/slide-list.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { BriefingTargets } from './BriefingTargets.tsx';
import { BASELINE, CompareMap } from './CompareMap.tsx';
import { pick } from './format.ts';
import { PaneToggle } from './PaneToggle.tsx';
import { YearPlayer } from './YearPlayer.tsx';

type Text = (key: BriefingMessageKey, values?: Record<string, string | number>) => string;

/**
 * Enters briefing mode at the first slide, full screen where the browser allows it (a refusal, as in
 * a headless browser or an iframe, leaves the page as large as it is).
 */
export function enterBriefing(): void {
  const state = plannerStore.getState();
  state.setBriefing(true);
  const first = state.slides[0];
  if (first) state.goToSlide(first.id);
  if (document.fullscreenEnabled && !document.fullscreenElement) {
    document.documentElement.requestFullscreen().catch(() => {
      // Refused (no user gesture, a policy): briefing mode works in the window as it is.
    });
  }
}

/** Leaves briefing mode and full screen. */
export function leaveBriefing(): void {
  plannerStore.getState().setBriefing(false);
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
}

/** The header's button that starts briefing mode. */
export function BriefingButton() {
  const language = usePlanner((state) => state.language);
  const ready = usePlanner((state) => state.analysis !== null);
  return (
    <button
      type="button"
      className="header-button briefing-enter"
      data-testid="briefing-enter"
      disabled={!ready}
      title={briefingText(language, 'brief.enterTitle')}
      onClick={enterBriefing}
    >
      {briefingText(language, 'brief.enter')}
    </button>
  );
}

/**
 * Briefing mode (汇报模式) over the map: the slide's caption, the legend, four indicators against
 * the 2026 targets, and the slide controls; optionally the before/after swipe (CompareMap). The
 * keys of a presentation clicker step through the slides; Esc (or leaving full screen) ends it.
 */
export function Briefing({ map }: { map: ExportableMap | null }) {
  const language = usePlanner((state) => state.language);
  const slides = usePlanner((state) => state.slides);
  const slide = usePlanner(selectCurrentSlide);
  const scenario = usePlanner(selectActiveScenario);
  const scenarios = usePlanner((state) => state.scenarioSet.scenarios);
  const planName = usePlanner((state) => state.planName);
  const sampleLabel = usePlanner(selectSampleLabel);
  const [swipe, setSwipe] = useState(false);
  const [left, setLeft] = useState(BASELINE);
  const t: Text = (key, values) => briefingText(language, key, values);
  const index = slide ? slides.indexOf(slide) : -1;

  useEffect(() => {
    const step = (offset: number | 'first' | 'last') => {
      const state = plannerStore.getState();
      const target =
        offset === 'first'
          ? state.slides[0]
          : offset === 'last'
            ? state.slides.at(-1)
            : steppedSlide(state.slides, state.currentSlideId, offset);
      if (target) state.goToSlide(target.id);
    };
    // Capture, and stopped here: the arrow keys must not also pan the map or move the divider.
    const onKey = (event: KeyboardEvent) => {
      const command = briefingKeyCommand(event);
      if (!command) return;
      event.preventDefault();
      event.stopPropagation();
      if (command === 'exit') leaveBriefing();
      else step(command === 'next' ? 1 : command === 'previous' ? -1 : command);
    };
    // Esc in full screen is the browser's: it leaves full screen without a key event, so that ends briefing too.
    const onFullscreen = () => {
      if (!document.fullscreenElement) leaveBriefing();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, []);

  const go = (offset: number) => {
    const state = plannerStore.getState();
    const target = steppedSlide(state.slides, state.currentSlideId, offset);
    if (target) state.goToSlide(target.id);
  };

  const caption = slide?.caption || planName;
  return (
    <>
      {swipe && scenario && map && (
        <CompareMap mainMap={map} choice={{ on: true, left, right: scenario.id }} />
      )}
      <div
        className="briefing"
        data-testid="briefing"
        data-slide-id={slide?.id ?? ''}
        data-slide-index={index}
        data-scenario-id={scenario?.id ?? ''}
      >
        <YearPlayer className="briefing-year-player" />
        <header className="briefing-top" data-map-cover>
          <div className="briefing-heading">
            <h1 className="briefing-caption" data-testid="briefing-caption" title={caption}>
              {slide ? caption : `${planName} · ${t('brief.noSlides')}`}
            </h1>
            <p className="briefing-subtitle">
              <span>{planName}</span>
              <span data-testid="briefing-scenario">
                {t('brief.scenario', { name: scenario?.name ?? '—' })}
              </span>
              {sampleLabel !== null && (
                <span className="briefing-sample" data-testid="briefing-sample">
                  {sampleLabel}
                </span>
              )}
            </p>
          </div>
          <div className="briefing-tools">
            <button
              type="button"
              className="briefing-button"
              data-testid="briefing-swipe"
              aria-pressed={swipe}
              disabled={!map}
              title={map ? t('brief.swipeTitle') : mapText(language, 'map.needsMap')}
              onClick={(event) => {
                setSwipe(!swipe);
                event.currentTarget.blur();
              }}
            >
              {t('brief.swipe')}
            </button>
            {swipe && (
              <label className="briefing-left">
                <span>{t('brief.swipeLeft')}</span>
                <select
                  value={left}
                  data-testid="briefing-swipe-left"
                  onChange={(event) => {
                    setLeft(event.target.value);
                    // The clicker's keys step slides again, not this list.
                    event.target.blur();
                  }}
                >
                  <option value={BASELINE}>{t('brief.baselineScenario')}</option>
                  {scenarios
                    .filter((candidate) => candidate.id !== scenario?.id)
                    .map((candidate) => (
                      <option key={candidate.id} value={candidate.id}>
                        {candidate.name}
                      </option>
                    ))}
                </select>
              </label>
            )}
            <button
              type="button"
              className="briefing-button briefing-exit"
              data-testid="briefing-exit"
              title={t('brief.exitTitle')}
              onClick={leaveBriefing}
            >
              × {t('brief.exit')}
            </button>
          </div>
        </header>
        <BriefingLegend language={language} highlighted={Boolean(slide?.town || slide?.plotIds?.length)} />
        <BriefingTargets language={language} />
        <nav className="briefing-nav" data-map-cover aria-label={t('brief.keys')} title={t('brief.keys')}>
          <button
            type="button"
            className="briefing-button briefing-step"
            data-testid="briefing-prev"
            disabled={index <= 0}
            onClick={(event) => {
              go(-1);
              event.currentTarget.blur();
            }}
          >
            ← {t('brief.prev')}
          </button>
          <span className="briefing-position" data-testid="briefing-position">
            {t('brief.position', { index: index + 1, count: slides.length })}
          </span>
          <button
            type="button"
            className="briefing-button briefing-step"
            data-testid="briefing-next"
            disabled={index >= slides.length - 1}
            onClick={(event) => {
              go(1);
              event.currentTarget.blur();
            }}
          >
            {t('brief.next')} →
          </button>
        </nav>
      </div>
    </>
  );
}

/** The working map's legend, large: status colours, the two zone lines, actions, the highlight; it folds away. */
function BriefingLegend({ language, highlighted }: { language: Language; highlighted: boolean }) {
  const [expanded, setExpanded] = useState(true);
  const actions = usePlanner((state) => selectActiveScenario(state)?.actions);
  const hasActions = useMemo(
    () => Object.values(actions ?? {}).some((entry) => entry.action !== 'keep'),
    [actions],
  );
  const t: Text = (key) => briefingText(language, key);
  if (!expanded)
    return (
      <aside
        className="briefing-panel briefing-legend briefing-folded"
        data-map-cover
        data-testid="briefing-legend"
        aria-label={t('brief.legend')}
      >
        <PaneToggle pane="legend" expanded={false} onToggle={() => setExpanded(true)} />
      </aside>
    );
  return (
    <aside
      className="briefing-panel briefing-legend"
      data-map-cover
      data-testid="briefing-legend"
      aria-label={t('brief.legend')}
    >
      <PaneToggle pane="legend" expanded onToggle={() => setExpanded(false)} className="briefing-fold" />
      <ul>
        {STATUS_ORDER.map((status) => (
          <li key={status} data-status={status}>
            <span className="briefing-swatch" style={{ background: STATUS_COLORS[status] }} />
            {translate(language, `status.${status}`)}
          </li>
        ))}
        <li>
          <span
            className="briefing-line briefing-line-dashed"
            style={{ borderColor: PLAN_COLORS.boundaryLine }}
          />
          {t('brief.boundary')}
        </li>
        <li>
          <span className="briefing-line" style={{ borderColor: PLAN_COLORS.controlLine }} />
          {t('brief.control')}
        </li>
        {hasActions &&
          DRAWN_ACTIONS.map((action) => (
            <li key={action} data-action={action}>
              <span
                className="briefing-swatch briefing-outline"
                style={{ borderColor: ACTION_COLORS[action] }}
              />
              {pick(language, actionName(action))}
            </li>
          ))}
        {highlighted && (
          <li data-testid="briefing-legend-highlight">
            <span
              className="briefing-line briefing-line-highlight"
              style={{ borderColor: HIGHLIGHT_COLORS.line, outlineColor: HIGHLIGHT_COLORS.casing }}
            />
            {t('brief.highlight')}
          </li>
        )}
      </ul>
    </aside>
  );
}
