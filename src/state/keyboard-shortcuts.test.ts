import { describe, expect, it } from 'vitest';
import { briefingKeyCommand, isTypingTarget, undoShortcut } from './keyboard-shortcuts.ts';

describe('keyboard shortcuts', () => {
  const key = (
    k: string,
    mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
  ) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });

  it('map Ctrl+Z to undo, Ctrl+Shift+Z and Ctrl+Y to redo', () => {
    expect(undoShortcut(key('z', { ctrlKey: true }))).toBe('undo');
    expect(undoShortcut(key('z', { metaKey: true }))).toBe('undo');
    expect(undoShortcut(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(undoShortcut(key('y', { ctrlKey: true }))).toBe('redo');
    expect(undoShortcut(key('z'))).toBeNull();
    expect(undoShortcut(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(undoShortcut(key('c', { ctrlKey: true }))).toBeNull();
  });

  it('leave keys typed into fields alone', () => {
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'textarea' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('maps the keys of a presentation clicker and leaves other keys alone', () => {
    const key = (k: string, extra: Partial<Parameters<typeof briefingKeyCommand>[0]> = {}) =>
      briefingKeyCommand({
        key: k,
        shiftKey: false,
        ctrlKey: false,
        altKey: false,
        metaKey: false,
        target: null,
        ...extra,
      });
    expect(['ArrowRight', 'PageDown', ' ', 'ArrowDown'].map((k) => key(k))).toEqual([
      'next',
      'next',
      'next',
      'next',
    ]);
    expect(['ArrowLeft', 'PageUp', 'ArrowUp'].map((k) => key(k))).toEqual([
      'previous',
      'previous',
      'previous',
    ]);
    expect(key(' ', { shiftKey: true })).toBe('previous');
    expect(key('Home')).toBe('first');
    expect(key('End')).toBe('last');
    expect(key('Escape')).toBe('exit');
    expect(key('a')).toBeNull();
    expect(key('ArrowRight', { ctrlKey: true })).toBeNull();
    // A text field keeps its arrow keys; Escape still leaves.
    const field = { tagName: 'INPUT' } as unknown as EventTarget;
    expect(key('ArrowRight', { target: field })).toBeNull();
    expect(key('Escape', { target: field })).toBe('exit');
  });
});
