import { translate } from '../i18n/messages.ts';
import { plannerStore, usePlanner } from '../state/store.ts';

export function Header() {
  const language = usePlanner((state) => state.language);
  const label = usePlanner((state) => state.layers?.label ?? null);
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  return (
    <header className="app-header">
      <h1 className="app-title">
        {t('app.title')} <span className="app-title-separator">·</span> {t('app.city')}
      </h1>
      {/* The sample plan is invented: say so where every viewer sees it. */}
      <span className="sample-label" data-testid="sample-label">
        {label ?? t('app.sampleLabel')}
      </span>
      <span className="app-header-spacer" />
      <button
        type="button"
        className="language-switch"
        lang={language === 'zh-CN' ? 'en' : 'zh-CN'}
        onClick={() => plannerStore.getState().setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
      >
        {t('app.languageSwitch')}
      </button>
    </header>
  );
}
