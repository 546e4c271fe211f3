import { translate } from '../i18n/messages.ts';
import { plannerStore, usePlanner } from '../state/store.ts';

/** A message the user should read once: a failed job or a finished import. */
export function Notice() {
  const notice = usePlanner((state) => state.notice);
  const language = usePlanner((state) => state.language);
  if (!notice) return null;
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <p className="notice-text">{language === 'zh-CN' ? notice.message.zh : notice.message.en}</p>
      <button type="button" onClick={() => plannerStore.getState().setNotice(null)}>
        {translate(language, 'notice.close')}
      </button>
    </div>
  );
}
