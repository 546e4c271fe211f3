import { type ReactNode, useEffect, useState } from 'react';
import type { ScenarioEdit } from '../core/scenario/edits/scenario-edit.ts';
import { createScenario, LAST_PLAN_YEAR, type PlanYear } from '../core/scenario/scenario.ts';
import type { Language } from '../i18n/messages.ts';
import { type ScenarioMessageKey, scenarioText } from '../i18n/scenario-messages.ts';
import { isTypingTarget, undoShortcut } from '../state/keyboard-shortcuts.ts';
import { newId, uniqueName } from '../state/new-id.ts';
import { selectActiveScenario } from '../state/scenario-selectors.ts';
import { selectPlaybackPlanYear } from '../state/select-playback.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { ActionBar } from './ActionBar.tsx';
import { AssumptionsPanel } from './AssumptionsPanel.tsx';
import { pick } from './format.ts';
import { ScenarioIndicators } from './indicators/ScenarioIndicators.tsx';
import { QuotaPanel } from './QuotaPanel.tsx';
import { YearChart } from './YearChart.tsx';
import { ZoneList } from './ZoneList.tsx';

type Text = (key: ScenarioMessageKey, values?: Record<string, string | number>) => string;

/**
 * Ctrl+Z undoes the last scenario edit, Ctrl+Shift+Z and Ctrl+Y redo it, unless a text field has
 * the keys or a zone is being drawn (where Ctrl+Z takes back the last vertex).
 */
export function useUndoShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = undoShortcut(event);
      if (!command || event.defaultPrevented) return;
      if (isTypingTarget(event.target as HTMLElement | null)) return;
      const state = plannerStore.getState();
      if (state.mapMode === 'draw-zone') return;
      event.preventDefault();
      if (command === 'undo') state.undo();
      else state.redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function Section({
  title,
  open = false,
  testId,
  edits = 'some',
  children,
}: {
  title: string;
  open?: boolean;
  testId?: string;
  /** What of it edits the plan: nothing, everything (left out in review mode), or some of its fields (disabled there). */
  edits?: 'none' | 'all' | 'some';
  children: ReactNode;
}) {
  const review = usePlanner((state) => state.review !== null);
  return (
    <details
      className="scn-section"
      open={open || undefined}
      data-section={testId}
      data-edit={edits === 'all' || undefined}
    >
      <summary className="scn-section-title">{title}</summary>
      {/* A disabled fieldset disables every field and button in it: the figures stay, the editing goes. */}
      <fieldset className="scn-section-body" disabled={review && edits === 'some'}>
        {children}
      </fieldset>
    </details>
  );
}

/** The scenario switcher: choose, create, duplicate, rename (inline) and delete (confirmed inline). */
function ScenarioSwitcher({ language }: { language: Language }) {
  const scenarioSet = usePlanner((state) => state.scenarioSet);
  const active = usePlanner(selectActiveScenario);
  const [mode, setMode] = useState<'idle' | 'rename' | 'delete'>('idle');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const t: Text = (key, values) => scenarioText(language, key, values);
  const { scenarios } = scenarioSet;
  const ids = scenarios.map((scenario) => scenario.id);
  const names = scenarios.map((scenario) => scenario.name);

  const run = (edit: ScenarioEdit): boolean => {
    const result = plannerStore.getState().edit(edit);
    setProblem(result ? pick(language, result) : undefined);
    return result === undefined;
  };

  const create = () => {
    const id = newId('scenario', ids);
    run({
      type: 'create-scenario',
      scenario: createScenario(id, uniqueName(t('scn.newName', { number: scenarios.length + 1 }), names)),
    });
    setMode('idle');
  };
  const duplicate = () => {
    if (!active) return;
    run({
      type: 'duplicate-scenario',
      scenarioId: active.id,
      newId: newId('scenario', ids),
      name: uniqueName(t('scn.copyName', { name: active.name }), names),
    });
    setMode('idle');
  };
  const rename = () => {
    if (!active) return;
    const trimmed = name.trim();
    if (trimmed === '') {
      setProblem(t('scn.nameEmpty'));
      return;
    }
    if (trimmed === active.name || run({ type: 'rename-scenario', scenarioId: active.id, name: trimmed }))
      setMode('idle');
  };

  return (
    <div className="scn-switcher" data-testid="scenario-switcher">
      <div className="scn-row">
        <div className="scn-field scn-field-grow">
          <span className="scn-label" aria-hidden="true">
            {t('scn.current')}
          </span>
          {mode === 'rename' ? (
            <input
              className="scn-input"
              // biome-ignore lint/a11y/noAutofocus: the field appears because the planner asked to rename
              autoFocus
              aria-label={t('scn.renameLabel')}
              data-testid="scenario-name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') rename();
                else if (event.key === 'Escape') setMode('idle');
              }}
            />
          ) : (
            <select
              className="scn-select scn-scenario-select"
              aria-label={t('scn.current')}
              data-testid="scenario-select"
              value={active?.id ?? ''}
              onChange={(event) => {
                setMode('idle');
                run({ type: 'activate-scenario', scenarioId: event.target.value });
              }}
            >
              {scenarios.map((scenario) => (
                <option key={scenario.id} value={scenario.id}>
                  {scenario.name}
                </option>
              ))}
            </select>
          )}
        </div>
      </div>
      {mode === 'rename' ? (
        <div className="scn-row">
          <button type="button" className="scn-button scn-button-primary" onClick={rename}>
            {t('scn.ok')}
          </button>
          <button
            type="button"
            className="scn-button"
            onClick={() => {
              setMode('idle');
              setProblem(undefined);
            }}
          >
            {t('scn.cancel')}
          </button>
        </div>
      ) : (
        <div className="scn-row scn-row-wrap" data-edit>
          <button type="button" className="scn-button" data-testid="scenario-new" onClick={create}>
            {t('scn.new')}
          </button>
          <button
            type="button"
            className="scn-button"
            data-testid="scenario-duplicate"
            disabled={!active}
            onClick={duplicate}
          >
            {t('scn.duplicate')}
          </button>
          <button
            type="button"
            className="scn-button"
            data-testid="scenario-rename"
            disabled={!active}
            onClick={() => {
              setName(active?.name ?? '');
              setProblem(undefined);
              setMode('rename');
            }}
          >
            {t('scn.rename')}
          </button>
          <button
            type="button"
            className="scn-button scn-button-danger"
            data-testid="scenario-delete"
            disabled={!active || scenarios.length <= 1}
            title={scenarios.length <= 1 ? t('scn.deleteLast') : undefined}
            onClick={() => setMode('delete')}
          >
            {t('scn.delete')}
          </button>
        </div>
      )}
      {mode === 'delete' && active && (
        <div className="scn-confirm" role="alertdialog" aria-label={t('scn.delete')}>
          <span>{t('scn.deleteConfirm', { name: active.name })}</span>
          <button
            type="button"
            className="scn-button scn-button-danger"
            data-testid="scenario-delete-confirm"
            onClick={() => {
              run({ type: 'delete-scenario', scenarioId: active.id });
              setMode('idle');
            }}
          >
            {t('scn.delete')}
          </button>
          <button type="button" className="scn-button" onClick={() => setMode('idle')}>
            {t('scn.cancel')}
          </button>
        </div>
      )}
      {problem && (
        <p className="scn-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** Undo and redo, each naming the step it takes back or replays. */
function UndoRedo({ language }: { language: Language }) {
  const past = usePlanner((state) => state.history.past);
  const future = usePlanner((state) => state.history.future);
  const t: Text = (key, values) => scenarioText(language, key, values);
  const undoLabel = past.at(-1)?.label;
  const redoLabel = future.at(-1)?.label;
  return (
    <div className="scn-undo-redo" data-edit>
      <button
        type="button"
        className="scn-button scn-undo"
        data-testid="undo"
        disabled={!undoLabel}
        title={t('scn.undoKeys')}
        onClick={() => plannerStore.getState().undo()}
      >
        {undoLabel ? t('scn.undoStep', { label: pick(language, undoLabel) }) : t('scn.undoNone')}
      </button>
      <button
        type="button"
        className="scn-button scn-undo"
        data-testid="redo"
        disabled={!redoLabel}
        title={t('scn.redoKeys')}
        onClick={() => plannerStore.getState().redo()}
      >
        {redoLabel ? t('scn.redoStep', { label: pick(language, redoLabel) }) : t('scn.redoNone')}
      </button>
    </div>
  );
}

/**
 * The scenario side panel: the scenario switcher, undo and redo with the step's name, the action
 * bar, then the indicators against the 2026 targets, the years chart, the receiving zones, the
 * quota and the assumptions as sections that open and close.
 */
export function ScenarioPanel() {
  const language = usePlanner((state) => state.language);
  const loaded = usePlanner((state) => state.analysis !== null);
  const hasScenario = usePlanner((state) => state.scenarioSet.scenarios.length > 0);
  const [chosenYear, setYear] = useState<PlanYear>(LAST_PLAN_YEAR);
  // In 逐年推演 the bars and the ledger follow the year played.
  const year = usePlanner(selectPlaybackPlanYear) ?? chosenYear;
  const t: Text = (key, values) => scenarioText(language, key, values);
  useUndoShortcuts();

  return (
    <section className="scn-panel" data-testid="scenario-panel" aria-label={t('scn.title')}>
      <header className="scn-panel-head">
        <h2 className="scn-panel-title">{t('scn.title')}</h2>
      </header>
      <ScenarioSwitcher language={language} />
      <UndoRedo language={language} />
      {!loaded ? (
        <p className="scn-sub">{t('scn.loading')}</p>
      ) : !hasScenario ? (
        <p className="scn-sub">{t('scn.noScenario')}</p>
      ) : (
        <>
          <Section title={t('scn.section.actions')} open testId="actions" edits="all">
            <ActionBar />
          </Section>
          <Section title={t('scn.section.indicators')} open testId="indicators" edits="none">
            <ScenarioIndicators year={year} onYearChange={setYear} />
          </Section>
          <Section title={t('scn.section.chart')} open testId="chart" edits="none">
            <YearChart />
          </Section>
          <Section title={t('scn.section.zones')} open testId="zones">
            <ZoneList year={year} />
          </Section>
          <Section title={t('scn.section.quota')} testId="quota">
            <QuotaPanel />
          </Section>
          <Section title={t('scn.section.assumptions')} testId="assumptions">
            <AssumptionsPanel />
          </Section>
        </>
      )}
    </section>
  );
}
