import { useEffect } from 'react';
import { translate } from '../i18n/messages.ts';
import { plannerStore, usePlanner } from '../state/store.ts';

/** How long a confirmation (kind `done`) stays before it goes by itself. */
export const CONFIRMATION_MS = 6000;

/** A message the user should read once: a failed job, a finished import, a plan opened or saved. */
export function Notice() {
  const notice = usePlanner((state) => state.notice);
  const language = usePlanner((state) => state.language);
  useEffect(() => {
    if (notice?.kind !== 'done') return;
    const timer = setTimeout(() => {
      // Only this confirmation goes: a newer notice stays.
      if (plannerStore.getState().notice === notice) plannerStore.getState().setNotice(null);
    }, CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-kind={notice.kind}
      data-testid="notice"
    >
      <p className="notice-text">{language === 'zh-CN' ? notice.message.zh : notice.message.en}</p>
      <button type="button" onClick={() => plannerStore.getState().setNotice(null)}>
        {translate(language, 'notice.close')}
      </button>
    </div>
  );
}
