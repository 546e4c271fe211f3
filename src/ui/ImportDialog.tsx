import { useEffect, useRef } from 'react';
import { hasFindings } from '../core/checks/plausibility-checks.ts';
import { describeCrs } from '../core/crs/crs.ts';
import { CRS_CHOICES, parseCrsCode } from '../core/crs/crs-codes.ts';
import type { ColumnMapping } from '../core/io/column-mapping.ts';
import { formatBytes, MAX_FILE_BYTES } from '../core/io/import-limits.ts';
import { PLOT_FIELD_LABELS } from '../core/io/normalize-plot-properties.ts';
import type { Message, PlotProperties, Problem } from '../core/types.ts';
import { formatCount, type Language, type MessageKey, translate } from '../i18n/messages.ts';
import { acceptSource, importZones, previewSource } from '../services/plan-jobs.ts';
import { fileOriginOf, importDoneMessage } from '../state/import-outcome.ts';
import { selectSampleData } from '../state/select-sample-data.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import type { ImportKind, SourcePreview } from '../worker/source-preview.ts';
import { formatList, inBrackets, labelColon } from './format.ts';
import { ImportChecks } from './ImportChecks.tsx';

import { type ImportInto, SampleImportChoice, sampleLayersKeptBeside } from './SampleImportChoice.tsx';

/** The plan's three layers, and receiving zones added to the active scenario. */
const KINDS: readonly ImportKind[] = ['plots', 'boundary', 'control', 'zones'];
const FIELDS = Object.keys(PLOT_FIELD_LABELS) as (keyof PlotProperties)[];

/**
 * The import dialog: for each source read from the files, what was found (format, encoding,
 * coordinate system, features), the layer it is loaded as, the column mapping for plots, and every
 * problem feature by feature. Nothing changes in the plan until the user loads a source.
 */
export function ImportDialog() {
  const session = usePlanner((state) => state.importSession);
  const language = usePlanner((state) => state.language);
  const busy = usePlanner((state) => state.job !== null);
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (session && dialog && !dialog.open) dialog.showModal();
  }, [session]);

  if (!session) return null;
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  const text = (message: Message) => (language === 'zh-CN' ? message.zh : message.en);
  const close = () => plannerStore.getState().setImportSession(null);

  return (
    <dialog
      ref={dialogRef}
      className="import-dialog"
      aria-label={t('import.title')}
      data-testid="import-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) close();
      }}
    >
      <header className="import-header">
        <h2>{t('import.title')}</h2>
        <span className="import-files">{formatList(language, session.fileNames)}</span>
      </header>
      <p className="import-keeps">{t('import.keepsPlan')}</p>
      <p className="import-hint" data-testid="import-size-limit">
        {t('import.sizeLimit', { limit: formatBytes(MAX_FILE_BYTES) })}
      </p>
      {session.problems.length > 0 && <ProblemList problems={session.problems} text={text} t={t} />}
      {session.previews.map((preview) => (
        <SourceCard
          key={preview.sourceIndex}
          preview={preview}
          accepted={session.accepted.includes(preview.sourceIndex)}
          busy={busy}
          t={t}
          text={text}
          language={language}
        />
      ))}
      <footer className="import-footer">
        <button type="button" onClick={close} disabled={busy} data-testid="import-close">
          {session.accepted.length > 0 ? t('import.close') : t('import.cancel')}
        </button>
      </footer>
    </dialog>
  );
}

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

interface SourceCardProps {
  preview: SourcePreview;
  accepted: boolean;
  busy: boolean;
  t: T;
  text: (message: Message) => string;
  language: 'zh-CN' | 'en';
}

function SourceCard({ preview, accepted, busy, t, text, language }: SourceCardProps) {
  const skipped = preview.featureCount - preview.validCount;
  const keptSample = sampleLayersKeptBeside(usePlanner(selectSampleData), preview.kind);
  const change = async (kind: ImportKind, mapping: ColumnMapping, crs = preview.crsChoice) => {
    const next = await previewSource(plannerStore, preview.sourceIndex, kind, mapping, crs);
    if (next) plannerStore.getState().updatePreview(next);
  };
  const accept = async (into: ImportInto = 'plan') => {
    const kind = preview.kind;
    if (!kind) return;
    let message: Message;
    if (kind === 'zones') {
      const added = await importZones(plannerStore, preview.sourceIndex, preview.crsChoice);
      if (!added) return;
      const values = (language: 'zh-CN' | 'en') => ({
        file: preview.fileName,
        count: formatCount(language, added.count),
        scenario: added.scenarioName,
      });
      message = {
        zh: translate('zh-CN', 'import.zonesDone', values('zh-CN')),
        en: translate('en', 'import.zonesDone', values('en')),
      };
    } else {
      const origin = fileOriginOf(preview, plannerStore.getState().importSession?.fileNames ?? []);
      const done = await acceptSource(
        plannerStore,
        preview.sourceIndex,
        kind,
        preview.mapping,
        preview.crsChoice,
        origin,
        into,
      );
      if (!done) return;
      message = importDoneMessage(preview, kind, into, into === 'plan' ? keptSample : null);
    }
    const state = plannerStore.getState();
    const session = state.importSession;
    if (session) state.setImportSession({ ...session, accepted: [...session.accepted, preview.sourceIndex] });
    state.setNotice({ kind: 'info', message });
    const remaining = plannerStore.getState().importSession;
    if (remaining?.previews.every((p) => remaining.accepted.includes(p.sourceIndex))) {
      plannerStore.getState().setImportSession(null);
    }
  };

  return (
    <section className="import-source" data-testid="import-source" data-file={preview.fileName}>
      <h3 className="import-source-name">{preview.fileName}</h3>
      <dl className="import-facts">
        <dt>{t('import.format')}</dt>
        <dd>
          {t(`import.format.${preview.format}`)}
          {preview.encoding && (
            <span className="import-encoding" data-testid="import-encoding">
              {' · '}
              {t('import.encoding')} {preview.encoding.name}
              {inBrackets(language, t(`import.encoding.${preview.encoding.source}`))}
            </span>
          )}
        </dd>
        <dt>{t('import.features')}</dt>
        <dd data-testid="import-count">
          {t('import.featureCount', {
            count: formatCount(language, preview.featureCount),
            valid: formatCount(language, preview.validCount),
          })}
        </dd>
        <dt>{t('import.kind')}</dt>
        <dd>
          <select
            value={preview.kind ?? ''}
            disabled={busy || accepted}
            data-testid="import-kind"
            onChange={(event) => change(event.target.value as ImportKind, preview.mapping)}
          >
            {preview.kind === null && <option value="">{t('import.kind.choose')}</option>}
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`import.kind.${kind}`)}
              </option>
            ))}
          </select>
          {preview.kindReason && (
            <span className="import-reason">{inBrackets(language, text(preview.kindReason))}</span>
          )}
        </dd>
        <dt>{t('import.crs')}</dt>
        <dd data-testid="import-crs">
          {preview.crs ? text(preview.crs) : '—'}
          {preview.crsWarning && <span className="import-warning-text"> {text(preview.crsWarning)}</span>}
        </dd>
        <dt>{t('import.crs.choice')}</dt>
        <dd>
          <CrsSelect
            preview={preview}
            disabled={busy || accepted || !preview.kind}
            t={t}
            text={text}
            onChange={(code) => preview.kind && change(preview.kind, preview.mapping, code)}
          />
        </dd>
      </dl>
      {preview.crsProposals.length > 0 && preview.kind && !accepted && (
        <div className="import-crs-proposals" data-testid="import-crs-proposals">
          <h4>{t('import.crs.proposals')}</h4>
          {preview.crsProposals.map((proposal) => (
            <p key={proposal.code}>
              <span className="import-crs-reason">{text(proposal.reason)}</span>
              <button
                type="button"
                className="primary"
                disabled={busy}
                data-testid="import-crs-retry"
                data-crs={proposal.code}
                onClick={() => preview.kind && change(preview.kind, preview.mapping, proposal.code)}
              >
                {t('import.crs.retry', { code: proposal.code })}
              </button>
            </p>
          ))}
        </div>
      )}
      {preview.kind === 'plots' && preview.columns.length > 0 && (
        <ColumnMappingTable preview={preview} busy={busy || accepted} t={t} text={text} onChange={change} />
      )}
      {preview.checks && preview.kind && (
        <ImportChecks checks={preview.checks} kind={preview.kind} language={language} />
      )}
      <ProblemList
        problems={preview.problems}
        total={preview.errorCount + preview.warningCount}
        counts={{ errors: preview.errorCount, warnings: preview.warningCount }}
        text={text}
        t={t}
        // Not "no problems" beside plausibility findings: only the file's format and geometry are fine.
        noneKey={preview.checks && hasFindings(preview.checks) ? 'checks.problemsNone' : 'import.noProblems'}
      />
      {!preview.ok && preview.kind && <p className="import-nothing">{t('import.nothingLoadable')}</p>}
      <div className="import-actions">
        {accepted ? (
          <span className="import-accepted">✓ {t('import.accepted')}</span>
        ) : keptSample && preview.kind && preview.kind !== 'zones' && preview.ok ? (
          <SampleImportChoice
            kind={preview.kind}
            kept={keptSample}
            fileName={preview.fileName}
            validCount={preview.validCount}
            skipped={skipped}
            busy={busy}
            language={language}
            onChoose={accept}
          />
        ) : (
          <button
            type="button"
            className="primary"
            disabled={busy || !preview.ok || !preview.kind}
            onClick={() => accept()}
            data-testid="import-accept"
          >
            {skipped > 0
              ? t('import.acceptSkipping', {
                  count: formatCount(language, preview.validCount),
                  skipped: formatCount(language, skipped),
                })
              : t(preview.kind === 'zones' ? 'import.acceptZones' : 'import.accept', {
                  count: formatCount(language, preview.validCount),
                })}
          </button>
        )}
      </div>
    </section>
  );
}

/** The coordinate system to read the source in: detected, or one of the table's (or a proposed one). */
function CrsSelect({
  preview,
  disabled,
  t,
  text,
  onChange,
}: {
  preview: SourcePreview;
  disabled: boolean;
  t: T;
  text: (message: Message) => string;
  onChange: (code: string | null) => void;
}) {
  const chosen = preview.crsChoice;
  const chosenCrs = chosen === null ? null : parseCrsCode(chosen);
  const offered = CRS_CHOICES.some((choice) => choice.code === chosen);
  return (
    <select
      value={chosen ?? ''}
      disabled={disabled}
      data-testid="import-crs-choice"
      onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
    >
      <option value="">{t('import.crs.auto')}</option>
      {CRS_CHOICES.map((choice) => (
        <option key={choice.code} value={choice.code}>
          {text(choice.name)} · {choice.code}
        </option>
      ))}
      {chosen !== null && chosenCrs && !offered && (
        <option value={chosen}>
          {text(describeCrs(chosenCrs))} · {chosen}
        </option>
      )}
    </select>
  );
}

function ColumnMappingTable({
  preview,
  busy,
  t,
  text,
  onChange,
}: {
  preview: SourcePreview;
  busy: boolean;
  t: T;
  text: (message: Message) => string;
  onChange: (kind: ImportKind, mapping: ColumnMapping) => void;
}) {
  const language = usePlanner((state) => state.language);
  return (
    <details className="import-columns" open>
      <summary>{t('import.columns')}</summary>
      <p className="import-hint">{t('import.columns.hint')}</p>
      <table data-testid="import-mapping">
        <tbody>
          {FIELDS.map((field) => (
            <tr key={field}>
              <th scope="row">{text(PLOT_FIELD_LABELS[field])}</th>
              <td>
                <select
                  value={preview.mapping[field] ?? ''}
                  disabled={busy}
                  data-field={field}
                  onChange={(event) => {
                    const mapping = { ...preview.mapping };
                    if (event.target.value === '') delete mapping[field];
                    else mapping[field] = event.target.value;
                    onChange('plots', mapping);
                  }}
                >
                  <option value="">{t('import.columns.none')}</option>
                  {preview.columns.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              </td>
              <td
                className="import-samples"
                data-testid="import-samples"
                data-field={field}
                title={samplesOf(preview, preview.mapping[field]).join(' | ')}
              >
                <ColumnSamples
                  language={language}
                  samples={samplesOf(preview, preview.mapping[field])}
                  t={t}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.ignoredColumns.length > 0 && (
        <p className="import-hint">
          {t('import.columns.ignored')}
          {labelColon(language)}
          {formatList(
            language,
            preview.ignoredColumns.map((c) => `${c.column}${inBrackets(language, text(c.reason))}`),
            true,
          )}
        </p>
      )}
    </details>
  );
}

/** The sample values of `column`, none when it is not mapped. */
function samplesOf(preview: SourcePreview, column: string | undefined): readonly string[] {
  return column === undefined ? [] : (preview.samples[column] ?? []);
}

/** "例：甲、乙、丙" beside a mapping; "（无值）" when the column is empty in the features read. */
function ColumnSamples({ language, samples, t }: { language: Language; samples: readonly string[]; t: T }) {
  if (samples.length === 0) return null;
  return (
    <span className="import-hint">
      {t('import.columns.samples')}
      {labelColon(language)}
      {formatList(language, samples)}
    </span>
  );
}

function ProblemList({
  problems,
  total = problems.length,
  counts,
  text,
  t,
  noneKey = 'import.noProblems',
}: {
  problems: readonly Problem[];
  total?: number;
  counts?: { errors: number; warnings: number };
  text: (message: Message) => string;
  t: T;
  noneKey?: MessageKey;
}) {
  const errors = counts?.errors ?? problems.filter((p) => p.severity === 'error').length;
  const warnings = counts?.warnings ?? problems.length - errors;
  const language = usePlanner((state) => state.language);
  return (
    <div className="import-problems" data-testid="import-problems">
      <h4>
        {t('import.problems')}
        {labelColon(language)}
        {total === 0 ? t(noneKey) : t('import.problemCounts', { errors, warnings })}
      </h4>
      {problems.length > 0 && (
        <ul>
          {problems.map((problem, i) => (
            <li
              // Problems have no id of their own; their order is fixed for one preview.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={i}
              className={`import-problem import-problem-${problem.severity}`}
              data-code={problem.code}
              data-feature-index={problem.featureIndex}
            >
              <span className="import-badge">
                {t(problem.severity === 'error' ? 'import.error' : 'import.warning')}
              </span>
              {text(problem.message)}
            </li>
          ))}
        </ul>
      )}
      {total > problems.length && (
        <p className="import-hint">{t('import.moreProblems', { shown: problems.length })}</p>
      )}
    </div>
  );
}
