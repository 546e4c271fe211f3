import { mapText } from '../i18n/map-messages.ts';
import { usePlanner } from '../state/store.ts';

/** The panels over or beside the map that fold away: the legend, the side panel, the plot card, briefing's targets. */
export type Pane = 'legend' | 'side' | 'card' | 'targets';

/**
 * The button that folds a panel away to show the map under it, and brings it back. Open, it says
 * 收起 (or, with `short` false, what it hides); folded, what it brings back.
 */
export function PaneToggle({
  pane,
  expanded,
  onToggle,
  className,
  short = true,
}: {
  pane: Pane;
  expanded: boolean;
  onToggle: () => void;
  className?: string;
  short?: boolean;
}) {
  const language = usePlanner((state) => state.language);
  const title = mapText(language, `map.pane.${pane}.${expanded ? 'hide' : 'show'}`);
  return (
    <button
      type="button"
      className={`pane-toggle${className ? ` ${className}` : ''}`}
      data-testid={`${pane}-toggle`}
      // The side panel's toggle stands on the map's edge: fits leave it room (map-covers.ts).
      data-map-cover={pane === 'side' ? '' : undefined}
      aria-expanded={expanded}
      title={title}
      onClick={(event) => {
        onToggle();
        // Briefing's clicker keys step slides again, not this button.
        event.currentTarget.blur();
      }}
    >
      {expanded && short ? mapText(language, 'map.pane.hide') : title}
    </button>
  );
}
