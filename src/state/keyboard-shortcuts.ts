/**
 * What a key press means: undo and redo anywhere on the page, stepping through briefing mode, and
 * when a key belongs to a text field instead. Pure functions of the event's fields.
 */

/** true when keys typed at `target` go into a text field, so that shortcuts must leave them alone. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean } | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Ctrl+Z (⌘Z) undoes; Ctrl+Shift+Z and Ctrl+Y redo; anything else is not ours. */
export function undoShortcut(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

/** What a key does in briefing mode. */
export type BriefingCommand = 'next' | 'previous' | 'first' | 'last' | 'exit';

/**
 * The briefing command of a key: → ↓ PageDown Space next (Shift+Space back), ← ↑ PageUp back (what
 * presentation clickers send), Home and End the first and last slide, Escape leaves. Keys with Ctrl,
 * Alt or ⌘ and keys typed into a field (but Escape) are not ours.
 */
export function briefingKeyCommand(event: {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  target: EventTarget | null;
}): BriefingCommand | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (event.key === 'Escape') return 'exit';
  if (isTypingTarget(event.target as { tagName?: string; isContentEditable?: boolean } | null)) return null;
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 'next';
    case ' ':
      return event.shiftKey ? 'previous' : 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}
