/**
 * What every indicator card shares: the met / not-met badge, the ⓘ toggle of an explanation, the
 * progress bar against a target, and the props through which a card opens its explanation.
 */

import type { ReactNode } from 'react';
import type { IndicatorKey } from '../../core/scenario/indicators/indicator-keys.ts';
import type { ScenarioFigures, TargetCheck } from '../../core/scenario/indicators/scenario-figures.ts';
import type { Language } from '../../i18n/messages.ts';
import { progressOf } from '../../state/progress-of.ts';

/** Which explanation is open: an indicator, for the ledger optionally one town. */
export interface OpenExplanation {
  key: IndicatorKey;
  town?: string;
}

export function sameExplanation(a: OpenExplanation | null, b: OpenExplanation): boolean {
  return a !== null && a.key === b.key && a.town === b.town;
}

/** What a card gets: the figures of the year, and how to show and open its explanation. */
export interface CardProps {
  figures: ScenarioFigures;
  language: Language;
  info: (key: IndicatorKey, title: string) => ReactNode;
  explainFor: (key: IndicatorKey, title: string, town?: string) => ReactNode;
}

export function Badge({ met, children }: { met: boolean; children: ReactNode }) {
  return (
    <span className={`scn-badge ${met ? 'scn-badge-met' : 'scn-badge-not-met'}`} data-met={met}>
      {children}
    </span>
  );
}

export function InfoToggle({ open, what, onClick }: { open: boolean; what: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="explain-button"
      aria-label={what}
      title={what}
      aria-expanded={open}
      onClick={onClick}
    >
      {/* Drawn as a letter in a CSS circle, as in Explain.tsx. */}
      <span aria-hidden="true">i</span>
    </button>
  );
}

export function ProgressBar({
  check,
  kind,
  label,
}: {
  check: TargetCheck;
  kind: 'share' | 'amount';
  label: string;
}) {
  const { fill, marker } = progressOf(check.value, check.target, kind);
  return (
    <div className="scn-progress">
      {/* The value and the target are written out beside the bar: it is decoration for screen readers. */}
      <div className="scn-bar" aria-hidden="true">
        <div
          className={`scn-bar-fill ${check.met ? 'scn-bar-met' : 'scn-bar-not-met'}`}
          style={{ width: `${fill * 100}%` }}
        />
        <div className="scn-bar-target" style={{ left: `${marker * 100}%` }} />
      </div>
      <div className="scn-bar-legend">
        <span className="scn-bar-target-label" style={{ left: `${marker * 100}%` }}>
          {label}
        </span>
      </div>
    </div>
  );
}
