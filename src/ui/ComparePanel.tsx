import { diffText } from '../i18n/diff-messages.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import type { SwipeChoice } from './CompareMap.tsx';
import { CompareView } from './CompareView.tsx';
import { PlanDiffView } from './PlanDiffView.tsx';

/** The comparison panel: scenarios side by side (方案对比), or the current plan against a saved version (版本对比). */
export function ComparePanel({
  swipe,
  onSwipeChange,
}: {
  swipe: SwipeChoice;
  onSwipeChange: (choice: SwipeChoice) => void;
}) {
  const language = usePlanner((state) => state.language);
  const mode = usePlanner((state) => state.compareMode);
  const tab = (value: typeof mode, key: 'diff.tab.scenarios' | 'diff.tab.versions') => (
    <button
      type="button"
      className="scn-button"
      data-testid={`compare-mode-${value}`}
      aria-pressed={mode === value}
      onClick={() => plannerStore.getState().setCompareMode(value)}
    >
      {diffText(language, key)}
    </button>
  );
  return (
    <>
      <div className="diff-tabs">
        {tab('scenarios', 'diff.tab.scenarios')}
        {tab('versions', 'diff.tab.versions')}
      </div>
      {mode === 'scenarios' ? <CompareView swipe={swipe} onSwipeChange={onSwipeChange} /> : <PlanDiffView />}
    </>
  );
}
