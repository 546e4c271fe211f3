import { useState } from 'react';
import { figureRecord } from '../core/catalogue/figure-catalogue.ts';
import { indicatorRecord, TARGET_KEYS, type TargetKey } from '../core/catalogue/indicator-catalogue.ts';
import { type BriefingMessageKey, briefingText } from '../i18n/briefing-messages.ts';
import type { Language } from '../i18n/messages.ts';
import { progressOf } from '../state/progress-of.ts';
import { selectActiveIndicators } from '../state/scenario-selectors.ts';
import { selectPlaybackPlanYear } from '../state/select-playback.ts';
import { usePlanner } from '../state/store.ts';
import { formatNumber, pick } from './format.ts';
import { PaneToggle } from './PaneToggle.tsx';
import { formatFirms } from './scenario-format.ts';

type Text = (key: BriefingMessageKey, values?: Record<string, string | number>) => string;

/**
 * A figure rounded for a projector: a share to 0.1 %, 亩 and firms whole, 万元/亩 to 0.1; firms
 * marked 约 unless `isTarget` (the target is a set number, not an estimate).
 */
function formatTarget(language: Language, key: TargetKey, value: number | null, isTarget = false): string {
  const t = (k: BriefingMessageKey, text: string) => briefingText(language, k, { value: text });
  if (value === null || !Number.isFinite(value)) return '—';
  const { unit } = figureRecord(indicatorRecord(key).headline);
  switch (unit) {
    case 'share':
      return `${formatNumber(language, value * 100, 1)}%`;
    case 'mu':
      return t('brief.unit.mu', formatNumber(language, value, 0));
    case 'wanPerMu':
      return t('brief.unit.wanPerMu', formatNumber(language, value, 1));
    case 'firms':
      return formatFirms(language, value, !isTarget);
    default:
      return formatNumber(language, value, 0);
  }
}

/**
 * The four indicators of the shown scenario against the 2026 targets, with progress bars; it folds
 * away to one button, and the slide's extent is fitted to the map it leaves (map-covers.ts).
 */
export function BriefingTargets({ language }: { language: Language }) {
  const indicators = usePlanner(selectActiveIndicators);
  const [expanded, setExpanded] = useState(true);
  const t: Text = (key, values) => briefingText(language, key, values);
  // In 逐年推演 the bars of the year played.
  const playbackYear = usePlanner(selectPlaybackPlanYear);
  const targets = (playbackYear === null ? indicators?.overall : indicators?.byYear[playbackYear])?.targets;
  if (!expanded)
    return (
      <aside
        className="briefing-panel briefing-targets briefing-folded"
        data-map-cover
        data-testid="briefing-targets"
      >
        <PaneToggle pane="targets" expanded={false} onToggle={() => setExpanded(true)} />
      </aside>
    );
  return (
    <aside className="briefing-panel briefing-targets" data-map-cover data-testid="briefing-targets">
      <h2 className="briefing-panel-title">
        {t('brief.targets')}
        <PaneToggle pane="targets" expanded onToggle={() => setExpanded(false)} />
      </h2>
      {TARGET_KEYS.map((key) => {
        const check = targets?.[key];
        const kind = figureRecord(indicatorRecord(key).headline).unit === 'share' ? 'share' : 'amount';
        const { fill, marker } = progressOf(check?.value ?? null, check?.target ?? 0, kind);
        return (
          <div
            key={key}
            className="briefing-target"
            data-key={key}
            data-value={check?.value ?? ''}
            data-met={check?.met ?? false}
          >
            <div className="briefing-target-label" data-indicator-name={key}>
              {pick(language, indicatorRecord(key).name)}
            </div>
            <div className="briefing-target-figures">
              <span className="briefing-target-value">
                {formatTarget(language, key, check?.value ?? null)}
              </span>
              <span className={`briefing-badge ${check?.met ? 'briefing-badge-met' : ''}`}>
                {check?.met ? t('brief.met') : t('brief.notMet')}
              </span>
            </div>
            <div className="briefing-bar" aria-hidden="true">
              <div
                className={`briefing-bar-fill ${check?.met ? 'briefing-bar-met' : ''}`}
                style={{ width: `${fill * 100}%` }}
              />
              <div className="briefing-bar-target" style={{ left: `${marker * 100}%` }} />
            </div>
            <div className="briefing-target-goal">
              {t('brief.target', { value: formatTarget(language, key, check?.target ?? null, true) })}
            </div>
          </div>
        );
      })}
    </aside>
  );
}
