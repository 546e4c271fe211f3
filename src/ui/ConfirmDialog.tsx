import { useEffect, useRef } from 'react';
import { type Language, translate } from '../i18n/messages.ts';

/**
 * Asks before something that cannot be undone (a new plan, a layer removed): the message says what
 * goes, 确定 does it, 取消 or Esc leaves everything as it is.
 */
export function ConfirmDialog({
  message,
  language,
  onConfirm,
  onCancel,
}: {
  message: string;
  language: Language;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-label={translate(language, 'plan.confirm.title')}
      data-testid="confirm-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2>{translate(language, 'plan.confirm.title')}</h2>
      <p className="confirm-message">{message}</p>
      <div className="confirm-actions">
        <button type="button" data-testid="confirm-cancel" onClick={onCancel}>
          {translate(language, 'plan.confirm.cancel')}
        </button>
        <button type="button" className="primary" data-testid="confirm-ok" onClick={onConfirm}>
          {translate(language, 'plan.confirm.ok')}
        </button>
      </div>
    </dialog>
  );
}
