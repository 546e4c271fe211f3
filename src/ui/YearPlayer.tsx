import './year-player.css';
import { useEffect } from 'react';
import { playbackText } from '../i18n/playback-messages.ts';
import { selectHorizonYears } from '../state/select-playback.ts';
import { plannerStore, usePlanner } from '../state/store.ts';

/** How long each year stays on screen while playing. */
const STEP_MS = 1600;

/**
 * 逐年推演: a year control over the map (the working map and briefing's). Off, one button; on, play or
 * pause and one button per year of the horizon; the map, the indicator bars and the quota ledger show
 * the plan as it stands at the end of the year chosen (state/select-playback.ts).
 */
export function YearPlayer({ className = '' }: { className?: string }) {
  const language = usePlanner((state) => state.language);
  const year = usePlanner((state) => state.playbackYear);
  const playing = usePlanner((state) => state.playing);
  const planning = usePlanner((state) => state.planning);
  const years = selectHorizonYears({ planning });
  const t = (key: Parameters<typeof playbackText>[1], values?: Record<string, number>) =>
    playbackText(language, key, values);

  // Each year in turn; the last one stays and playing stops there.
  useEffect(() => {
    if (!playing || year === null) return;
    const timer = setTimeout(() => {
      const next = years.find((candidate) => candidate > year);
      const state = plannerStore.getState();
      if (next === undefined) state.setPlaying(false);
      else state.setPlaybackYear(next);
    }, STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, year, years]);

  const { setPlaybackYear, setPlaying } = plannerStore.getState();
  if (year === null)
    return (
      <div className={`year-player year-player-off ${className}`} data-map-cover data-testid="year-player">
        <button
          type="button"
          className="year-player-start"
          data-testid="year-player-start"
          title={t('play.hint')}
          onClick={() => {
            setPlaybackYear(years[0] ?? null);
            setPlaying(true);
          }}
        >
          ▶ {t('play.start')}
        </button>
      </div>
    );
  const last = years[years.length - 1];
  return (
    <div
      className={`year-player ${className}`}
      data-map-cover
      data-testid="year-player"
      data-year={year}
      data-playing={playing}
      role="toolbar"
      aria-label={t('play.title')}
    >
      <button
        type="button"
        className="year-player-play"
        data-testid="year-player-play"
        aria-label={playing ? t('play.pause') : t('play.play')}
        onClick={() => {
          // Played to the end: again from the first year.
          if (!playing && year === last) setPlaybackYear(years[0] ?? year);
          setPlaying(!playing);
        }}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      {years.map((option) => (
        <button
          key={option}
          type="button"
          className="year-player-year"
          data-year={option}
          aria-pressed={option === year}
          onClick={() => {
            setPlaying(false);
            setPlaybackYear(option);
          }}
        >
          {option}
        </button>
      ))}
      <span className="year-player-label" data-testid="year-player-label">
        {t('play.year', { year })}
      </span>
      <button
        type="button"
        className="year-player-close"
        data-testid="year-player-close"
        aria-label={t('play.close')}
        title={t('play.close')}
        onClick={() => setPlaybackYear(null)}
      >
        ✕
      </button>
    </div>
  );
}
