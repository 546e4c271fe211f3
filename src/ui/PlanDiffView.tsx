import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { PlanDiff } from '../core/diff/diff-plans.ts';
import {
  type DiffNames,
  exportVersionDiff,
  indicatorRows,
  versionDiffTables,
} from '../export/diff-tables.ts';
import type { Cell } from '../export/table.ts';
import { type DiffMessageKey, diffText } from '../i18n/diff-messages.ts';
import type { Language } from '../i18n/messages.ts';
import { chooseSavedPlan, compareWithSaved } from '../services/version-diff.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import './diff.css';

/** Plots listed in the panel; the export has them all. */
const PLOTS_SHOWN = 200;
/** Waits this long after an edit before comparing again. */
const COMPARE_DELAY_MS = 400;

function cellText(language: Language, cell: Cell): string {
  if (cell === null) return '—';
  return typeof cell === 'number' ? cell.toLocaleString(language, { maximumFractionDigits: 6 }) : cell;
}

/** A table of rows as the export writes them; numbers right-aligned, a change signed. */
function RowsTable({
  language,
  header,
  rows,
  testId,
  signedLast = false,
}: {
  language: Language;
  header: string[];
  rows: readonly Cell[][];
  testId: string;
  signedLast?: boolean;
}) {
  return (
    <div className="scn-table-scroll">
      <table className="scn-table diff-table" data-testid={testId}>
        <thead>
          <tr>
            {header.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            // Rows have no id of their own beyond their first cell, which may repeat across kinds.
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows are rebuilt whole for each diff
            <tr key={r}>
              {row.map((cell, c) => {
                const signed = signedLast && c === row.length - 1 && typeof cell === 'number' && cell > 0;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed by the header
                  <td key={c} className={typeof cell === 'number' ? 'diff-number' : undefined}>
                    {signed ? '+' : ''}
                    {cellText(language, cell)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <section className="diff-section">
      <h3 className="scn-section-title">
        {title} <span className="scn-sub">({count})</span>
      </h3>
      {children}
    </section>
  );
}

function Summary({ diff, language }: { diff: PlanDiff; language: Language }) {
  const { scenario, layers } = diff;
  const count = (kind: string) => scenario.zones.filter((zone) => zone.kind === kind).length;
  const layerCount =
    layers.plots.added.length +
    layers.plots.removed.length +
    layers.plots.reshaped.length +
    layers.plots.attributes.length;
  return (
    <>
      <p className="diff-summary" data-testid="diff-summary">
        {diffText(language, 'diff.summary', {
          plots: scenario.plots.length,
          added: count('added'),
          removed: count('removed'),
          changed: count('changed'),
          quota: scenario.transfers.length + scenario.directQuota.length,
          assumptions: scenario.assumptions.length,
          settings: diff.settings.length,
          indicators: diff.indicators.filter((indicator) => indicator.changed).length,
        })}
      </p>
      {(layerCount > 0 || layers.boundaryChanged || layers.controlChanged) && (
        <p className="scn-hint scn-hint-warn">
          {diffText(language, 'diff.layers', {
            added: layers.plots.added.length,
            removed: layers.plots.removed.length,
            reshaped: layers.plots.reshaped.length,
            attributes: layers.plots.attributes.length,
            other:
              layers.boundaryChanged || layers.controlChanged ? diffText(language, 'diff.layersOther') : '',
          })}
        </p>
      )}
    </>
  );
}

function DiffTables({ diff, language, names }: { diff: PlanDiff; language: Language; names: DiffNames }) {
  const [onlyChanged, setOnlyChanged] = useState(true);
  const t = (key: DiffMessageKey) => diffText(language, key);
  const { scenario } = diff;
  // The sheets of the export after its figures: plots, zones, quota, assumptions and settings.
  const [, plots, zones, quota, other] = versionDiffTables(diff, language, names);
  const sections = [
    { table: plots, testId: 'diff-plots', title: t('diff.section.plots'), signed: false },
    { table: zones, testId: 'diff-zones', title: t('diff.section.zones'), signed: true },
    { table: quota, testId: 'diff-quota', title: t('diff.section.quota'), signed: false },
    {
      table: other,
      testId: 'diff-other',
      title: `${t('diff.section.assumptions')} · ${t('diff.section.settings')}`,
      signed: true,
    },
  ];
  return (
    <>
      <section className="diff-section">
        <h3 className="scn-section-title">{t('diff.section.indicators')}</h3>
        <label className="scn-check">
          <input
            type="checkbox"
            data-testid="diff-only-changed"
            checked={onlyChanged}
            onChange={(event) => setOnlyChanged(event.target.checked)}
          />
          {t('diff.onlyChanged')}
        </label>
        <RowsTable
          language={language}
          testId="diff-indicators"
          header={[t('diff.col.figure'), t('diff.col.before'), t('diff.col.after'), t('diff.col.difference')]}
          rows={indicatorRows(diff, language, onlyChanged)}
          signedLast
        />
      </section>
      {sections.map(
        ({ table, testId, title, signed }) =>
          table && (
            <Section key={testId} title={title} count={table.rows.length}>
              <RowsTable
                language={language}
                testId={testId}
                header={table.header}
                rows={table.rows.slice(0, PLOTS_SHOWN)}
                signedLast={signed}
              />
            </Section>
          ),
      )}
      {scenario.plots.length > PLOTS_SHOWN && (
        <p className="scn-sub">
          {diffText(language, 'diff.more', { count: scenario.plots.length - PLOTS_SHOWN })}
        </p>
      )}
    </>
  );
}

/**
 * 版本对比: the current plan against a saved plan file, for the active scenario and one scenario of
 * the file; compared again after each edit. The map highlights the changes (map/diff-highlight.ts).
 */
export function PlanDiffView() {
  const language = usePlanner((state) => state.language);
  const hasPlan = usePlanner((state) => state.analysis !== null);
  const savedPlan = usePlanner((state) => state.savedPlan);
  const versionDiff = usePlanner((state) => state.versionDiff);
  const scenarioSet = usePlanner((state) => state.scenarioSet);
  const analysis = usePlanner((state) => state.analysis);
  const planName = usePlanner((state) => state.planName);
  const [progress, setProgress] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const t = (key: DiffMessageKey, values?: Record<string, string | number>) =>
    diffText(language, key, values);
  const active = scenarioSet.scenarios.find((s) => s.id === scenarioSet.activeScenarioId);

  // Compared again when the file, its scenario, the active scenario or the plan's analysis changes.
  useEffect(() => {
    if (!savedPlan || !active || !analysis) return;
    const timer = setTimeout(() => {
      setProgress(0);
      compareWithSaved(plannerStore, (fraction) => setProgress(fraction)).finally(() => setProgress(null));
    }, COMPARE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [savedPlan, active, analysis]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setProgress(0);
    try {
      await chooseSavedPlan(plannerStore, file, (fraction) => setProgress(fraction));
    } finally {
      setProgress(null);
    }
  };

  const diff = versionDiff?.diff ?? null;
  return (
    <section className="scn-compare diff-view" data-testid="diff-view" aria-label={t('diff.title')}>
      <header className="scn-panel-head">
        <h2 className="scn-panel-title">{t('diff.title')}</h2>
      </header>
      {!hasPlan ? (
        <p className="scn-sub">{t('diff.noPlan')}</p>
      ) : (
        <>
          <p className="scn-hint">{t('diff.intro')}</p>
          <div className="diff-controls">
            <button
              type="button"
              className="scn-button scn-button-primary"
              onClick={() => input.current?.click()}
            >
              {savedPlan ? t('diff.chooseOther') : t('diff.choose')}
            </button>
            <input
              ref={input}
              type="file"
              accept=".json,application/json"
              hidden
              data-testid="diff-file"
              onChange={(event) => {
                void choose(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
            {diff && (
              <button
                type="button"
                className="scn-button"
                data-testid="diff-export"
                onClick={() => void exportVersionDiff(plannerStore)}
              >
                {t('diff.export')}
              </button>
            )}
          </div>
          {savedPlan && (
            <div className="diff-sides">
              <p data-testid="diff-file-name">
                {t('diff.file', { file: savedPlan.fileName, name: savedPlan.name })}
              </p>
              <label className="scn-inline">
                <span className="scn-label">{t('diff.savedScenario')}</span>
                <select
                  className="scn-select"
                  data-testid="diff-saved-scenario"
                  value={savedPlan.scenarioId}
                  onChange={(event) => plannerStore.getState().setSavedScenario(event.target.value)}
                >
                  {savedPlan.scenarios.map((scenario) => (
                    <option key={scenario.id} value={scenario.id}>
                      {scenario.name}
                    </option>
                  ))}
                </select>
              </label>
              <p>{t('diff.currentScenario', { name: active?.name ?? '—' })}</p>
            </div>
          )}
          {progress !== null && (
            <p className="scn-sub" data-testid="diff-running">
              {t('diff.running')} {Math.round(progress * 100)}%
            </p>
          )}
          {diff && (
            <div
              data-testid="diff-result"
              data-plots={diff.scenario.plots.length}
              data-zones={diff.scenario.zones.length}
            >
              <Summary diff={diff} language={language} />
              <p className="scn-rule">{t('diff.mapHint')}</p>
              <DiffTables
                diff={diff}
                language={language}
                names={{ before: savedPlan?.fileName ?? '', after: planName }}
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}
