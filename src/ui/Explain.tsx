import { type CSSProperties, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { type Language, translate } from '../i18n/messages.ts';
import type { Explanation } from '../state/explain.ts';
import { usePlanner } from '../state/store.ts';
import { formatExplainValue, labelColon, pick } from './format.ts';

interface ExplainProps {
  explanation: Explanation;
  language: Language;
  onClose: () => void;
  style?: CSSProperties;
}

/** How one number is computed: title, formula, inputs, result and the area method, as a small dialog. */
export function Explain({ explanation, language, onClose, style }: ExplainProps) {
  const title = pick(language, explanation.title);
  return (
    <div
      className="explain"
      role="dialog"
      aria-modal="false"
      aria-label={translate(language, 'explain.dialog', { title })}
      data-testid="explain"
      tabIndex={-1}
      style={style}
    >
      <div className="explain-head">
        <h3 className="explain-title">{title}</h3>
        <button
          type="button"
          className="explain-close"
          aria-label={translate(language, 'explain.close')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <div className="explain-section">
        <div className="explain-label">{translate(language, 'explain.formula')}</div>
        <div className="explain-formula">{pick(language, explanation.formula)}</div>
        {explanation.technical && (
          <div className="explain-technical" data-testid="explain-technical">
            {translate(language, 'explain.technical')}
            {labelColon(language)}
            <code>{explanation.technical}</code>
          </div>
        )}
      </div>
      {explanation.inputs.length > 0 && (
        <div className="explain-section">
          <div className="explain-label">{translate(language, 'explain.inputs')}</div>
          <table className="explain-inputs">
            <tbody>
              {explanation.inputs.map((input) => (
                <tr key={input.label.zh}>
                  <th scope="row">{pick(language, input.label)}</th>
                  <td className={input.value.kind === 'text' ? 'explain-text' : 'explain-number'}>
                    {formatExplainValue(language, input.value)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="explain-section explain-result-row">
        <div className="explain-label">{translate(language, 'explain.result')}</div>
        <div className="explain-result" data-testid="explain-result">
          {formatExplainValue(language, explanation.result)}
        </div>
      </div>
      {explanation.note && <p className="explain-note">{pick(language, explanation.note)}</p>}
      <p className="explain-method">{pick(language, explanation.method)}</p>
    </div>
  );
}

const POPOVER_WIDTH = 360;
const MARGIN = 8;

interface InfoButtonProps {
  /** Builds the explanation when the popover opens (cheap: precomputed figures only). */
  explain: () => Explanation;
  /** What the number is, for the button's accessible name. */
  what: string;
}

/**
 * A small (i) button that opens the explanation of one number beside it. Escape, a click outside or
 * scrolling the page closes it; focus returns to the button.
 */
export function InfoButton({ explain, what }: InfoButtonProps) {
  const language = usePlanner((state) => state.language);
  const [anchor, setAnchor] = useState<DOMRect | null>(null);
  const [position, setPosition] = useState<CSSProperties>({ visibility: 'hidden' });
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  const open = anchor !== null;

  const close = useCallback((refocus: boolean) => {
    setAnchor(null);
    if (refocus) buttonRef.current?.focus();
  }, []);

  // Place the popover below the button, or above it when there is no room, inside the window.
  useLayoutEffect(() => {
    if (!anchor) return;
    const height = popoverRef.current?.firstElementChild?.getBoundingClientRect().height ?? 0;
    const width = Math.min(POPOVER_WIDTH, window.innerWidth - 2 * MARGIN);
    const left = Math.max(MARGIN, Math.min(anchor.left, window.innerWidth - width - MARGIN));
    const below = anchor.bottom + 4;
    const top =
      below + height + MARGIN <= window.innerHeight ? below : Math.max(MARGIN, anchor.top - 4 - height);
    setPosition({ top, left, width, maxHeight: window.innerHeight - 2 * MARGIN });
    (popoverRef.current?.firstElementChild as HTMLElement | null)?.focus();
  }, [anchor]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        close(true);
      }
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (popoverRef.current?.contains(target) || buttonRef.current?.contains(target)) return;
      close(false);
    };
    const onScroll = (event: Event) => {
      if (popoverRef.current?.contains(event.target as Node)) return;
      close(false);
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onScroll);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onScroll);
    };
  }, [open, close]);

  const label = translate(language, 'panel.explain', { what });
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="explain-button"
        aria-label={label}
        title={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={(event) => {
          event.stopPropagation();
          if (open) close(false);
          else {
            setPosition({ visibility: 'hidden' });
            setAnchor(event.currentTarget.getBoundingClientRect());
          }
        }}
      >
        {/* Drawn as a letter in a CSS circle: "ⓘ" is in neither the bundled font nor every system font. */}
        <span aria-hidden="true">i</span>
      </button>
      {open &&
        createPortal(
          <div ref={popoverRef} className="explain-layer">
            <Explain
              explanation={explain()}
              language={language}
              onClose={() => close(true)}
              style={position}
            />
          </div>,
          document.body,
        )}
    </>
  );
}
