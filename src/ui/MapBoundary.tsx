import { Component, type ReactNode } from 'react';
import type { Message } from '../core/types.ts';
import { mapStartProblem } from '../i18n/map-messages.ts';
import { MapUnavailable } from './MapUnavailable.tsx';

/**
 * Keeps a map that fails (the comparison's maps, a map whose start throws inside React) from taking
 * the page down with it: its place says what failed and what to do; the rest of the app goes on.
 */
export class MapBoundary extends Component<{ children: ReactNode }, { problem: Message | null }> {
  override state: { problem: Message | null } = { problem: null };

  static getDerivedStateFromError(error: unknown): { problem: Message } {
    return { problem: mapStartProblem(error) };
  }

  override render() {
    const { problem } = this.state;
    if (!problem) return this.props.children;
    return (
      <div className="map-unavailable-area" data-testid="map-failed">
        <MapUnavailable problem={problem} />
      </div>
    );
  }
}
