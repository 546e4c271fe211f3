import { useRef } from 'react';
import type { ExportableMap } from '../export/map-png.ts';
import { type MessageKey, translate } from '../i18n/messages.ts';
import { reviewText } from '../i18n/review-messages.ts';
import { importFiles } from '../services/import-files.ts';
import { openPlanFile, savePlanFile } from '../services/plan-files.ts';
import type { PanelName } from '../state/planner-state.ts';
import { selectSampleLabel } from '../state/select-sample-data.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { BriefingButton } from './Briefing.tsx';
import { CommentsTab } from './CommentsPanel.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { LayerFileInput, PlanMenu } from './PlanMenu.tsx';
import { SlidesTab } from './SlideList.tsx';

const PANELS: readonly { name: PanelName; key: MessageKey }[] = [
  { name: 'dashboard', key: 'header.dashboard' },
  { name: 'table', key: 'header.table' },
  { name: 'scenario', key: 'header.scenario' },
  { name: 'compare', key: 'header.compare' },
  { name: 'suggest', key: 'header.suggest' },
];

export function Header({ map }: { map: ExportableMap | null }) {
  const language = usePlanner((state) => state.language);
  const label = usePlanner(selectSampleLabel);
  const panel = usePlanner((state) => state.panel);
  const busy = usePlanner((state) => state.job !== null);
  const review = usePlanner((state) => state.review !== null);
  const planName = usePlanner((state) => state.planName);
  const fileInput = useRef<HTMLInputElement>(null);
  const planInput = useRef<HTMLInputElement>(null);
  const t = (key: MessageKey) => translate(language, key);
  return (
    <header className="app-header">
      <h1 className="app-title" title={`${t('app.title')} · ${t('app.city')}`}>
        {t('app.title')} <span className="app-title-separator">·</span> {t('app.city')}
      </h1>
      {/* Sample layers are invented: say so where every viewer sees it (and which, when mixed). */}
      {label !== null && (
        <span className="sample-label" data-testid="sample-label">
          {label}
        </span>
      )}
      {review && (
        <>
          <span
            className="review-badge"
            data-testid="review-badge"
            title={reviewText(language, 'review.badgeTitle')}
          >
            {reviewText(language, 'review.badge')}
          </span>
          <span className="review-plan-name" data-testid="review-plan-name" title={planName}>
            {planName}
          </span>
        </>
      )}
      <span className="app-header-spacer" />
      {!review && <PlanMenu />}
      <button
        type="button"
        className="header-button"
        disabled={busy}
        data-edit
        data-testid="import-button"
        onClick={() => fileInput.current?.click()}
      >
        {t('import.button')}
      </button>
      <LayerFileInput
        inputRef={fileInput}
        testId="import-input"
        onFiles={(files) => importFiles(plannerStore, files)}
      />
      <button
        type="button"
        className="header-button"
        disabled={busy}
        data-edit
        data-testid="plan-open"
        onClick={() => planInput.current?.click()}
      >
        {t('header.openPlan')}
      </button>
      <input
        ref={planInput}
        type="file"
        accept=".json,.plan.json"
        hidden
        data-testid="plan-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) openPlanFile(plannerStore, file);
        }}
      />
      <button
        type="button"
        className="header-button"
        disabled={busy}
        data-testid="plan-save"
        onClick={() => savePlanFile(plannerStore)}
      >
        {t('header.savePlan')}
      </button>
      <ExportMenu map={map} />
      <BriefingButton />
      <nav className="panel-tabs" aria-label={t('header.panels')}>
        {PANELS.map(({ name, key }) => (
          <button
            key={name}
            type="button"
            className="header-button"
            aria-pressed={panel === name}
            // A suggestion becomes a scenario: review mode, which changes nothing, does not offer it.
            data-edit={name === 'suggest' || undefined}
            data-testid={`tab-${name}`}
            onClick={() => plannerStore.getState().setPanel(panel === name ? null : name)}
          >
            {t(key)}
          </button>
        ))}
        <SlidesTab />
        <CommentsTab />
      </nav>
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
