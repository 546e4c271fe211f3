import { useEffect, useMemo, useRef, useState } from 'react';
import { actionName } from '../core/catalogue/action-catalogue.ts';
import type { MergeItemKind, MergeValue } from '../core/chain/merge-changes.ts';
import type { TownDecision, TownSubmission } from '../core/chain/merge-town-parts.ts';
import type { PlanFile } from '../core/plan/plan-file.ts';
import type { ActionEntry } from '../core/scenario/scenario.ts';
import type { Message } from '../core/types.ts';
import { type ChainMessageKey, chainText } from '../i18n/chain-messages.ts';
import { currentPlanFile } from '../services/plan-files.ts';
import { applyMerge, exportTownPart, previewMerge, readTownFiles } from '../services/town-chain.ts';
import { selectPlanTowns } from '../state/select-plan-towns.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import './town-chain.css';

const DECISIONS = ['pending', 'town', 'city', 'skip'] as const;
type Choice = (typeof DECISIONS)[number];

/**
 * 镇街上报: export one town's part of the plan, and merge the files the towns sent back: per town
 * what it replaces and every conflict, accepted town by town; the merge is one undo step.
 */
export function TownChainDialog({ onClose }: { onClose: () => void }) {
  const language = usePlanner((state) => state.language);
  const towns = usePlanner(selectPlanTowns);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [town, setTown] = useState(towns[0] ?? '');
  const [city, setCity] = useState<PlanFile | null>(null);
  const [submissions, setSubmissions] = useState<TownSubmission[]>([]);
  const [problems, setProblems] = useState<Message[]>([]);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [reading, setReading] = useState(false);
  const t = (key: ChainMessageKey, values?: Record<string, string | number>) =>
    chainText(language, key, values);
  const text = (message: Message) => (language === 'zh-CN' ? message.zh : message.en);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const decisions = useMemo(() => {
    const decided: Record<string, TownDecision> = {};
    for (const [name, choice] of Object.entries(choices)) if (choice !== 'pending') decided[name] = choice;
    return decided;
  }, [choices]);
  const outcome = useMemo(
    () => (city && submissions.length > 0 ? previewMerge(plannerStore, city, submissions, decisions) : null),
    [city, submissions, decisions],
  );

  const choose = async (files: File[]) => {
    setReading(true);
    const [read, plan] = await Promise.all([readTownFiles(files), currentPlanFile(plannerStore)]);
    setReading(false);
    setProblems(read.problems);
    setSubmissions(read.problems.length > 0 ? [] : read.submissions);
    setCity(plan);
    setChoices({});
  };

  const describe = (item: MergeItemKind, value: MergeValue): string => {
    if (!value) return t('chain.none');
    if (item === 'plot') {
      const entry = value as ActionEntry;
      return `${text(actionName(entry.action))} ${entry.year}`;
    }
    if (item === 'zone') return (value as { name: string }).name || (value as { id: string }).id;
    const record = value as { mu: number; year: number; from?: string; to?: string; town?: string };
    return `${record.from ? `${record.from} → ${record.to} ` : (record.town ?? '')} ${record.mu} ${language === 'en' ? 'mu' : '亩'} ${record.year}`;
  };

  const accepted = outcome?.towns.some(
    (preview) => decisions[preview.town] === 'town' || decisions[preview.town] === 'city',
  );

  return (
    <dialog
      ref={dialogRef}
      className="import-dialog chain-dialog"
      aria-label={t('chain.title')}
      data-testid="chain-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="import-header">
        <h2>{t('chain.title')}</h2>
      </header>
      <div className="chain-body">
        <section>
          <h3>{t('chain.export.heading')}</h3>
          <p className="chain-hint">{t('chain.export.hint')}</p>
          <label>
            {t('chain.export.town')}{' '}
            <select
              value={town}
              onChange={(event) => setTown(event.target.value)}
              data-testid="chain-export-town"
            >
              {towns.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>{' '}
          <button
            type="button"
            disabled={town === ''}
            onClick={() => exportTownPart(plannerStore, town)}
            data-testid="chain-export"
          >
            {t('chain.export.button')}
          </button>
        </section>
        <section>
          <h3>{t('chain.merge.heading')}</h3>
          <p className="chain-hint">{t('chain.merge.hint')}</p>
          <button type="button" onClick={() => fileInput.current?.click()} data-testid="chain-choose">
            {t('chain.merge.choose')}
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            accept=".json"
            data-testid="chain-files"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              if (files.length > 0) choose(files);
            }}
          />
          {reading && <p>{t('chain.merge.reading')}</p>}
          {problems.map((problem) => (
            <p key={problem.en} className="chain-problem" data-testid="chain-problem">
              {text(problem)}
            </p>
          ))}
          {outcome?.towns.map((preview) => (
            <div key={preview.town} className="chain-town" data-testid="chain-town" data-town={preview.town}>
              <div className="chain-town-head">
                <strong>{preview.town}</strong>
                <span className="chain-file">{preview.fileName}</span>
                <span>
                  {preview.changes.length > 0
                    ? t('chain.merge.changes', { count: preview.changes.length })
                    : t('chain.merge.noChanges')}
                </span>
                {preview.conflicts.length > 0 && (
                  <span className="chain-conflict-count">
                    {t('chain.merge.conflicts', { count: preview.conflicts.length })}
                  </span>
                )}
                {preview.cityChangedSince && (
                  <span className="chain-note">{t('chain.merge.cityChanged')}</span>
                )}
                <label className="chain-decision">
                  {t('chain.merge.decision')}{' '}
                  <select
                    value={choices[preview.town] ?? 'pending'}
                    data-testid="chain-decision"
                    onChange={(event) =>
                      setChoices({ ...choices, [preview.town]: event.target.value as Choice })
                    }
                  >
                    {DECISIONS.map((choice) => (
                      <option key={choice} value={choice}>
                        {t(`chain.decision.${choice}`)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              {decisions[preview.town] === 'city' && !preview.applied && (
                <p className="chain-problem">{t('chain.merge.notApplied')}</p>
              )}
              <ul className="chain-changes">
                {preview.changes.slice(0, 50).map((change) => (
                  <li key={`${change.scenarioId}-${change.item}-${change.id}`}>
                    {t(`chain.item.${change.item}`)} {change.id}：{describe(change.item, change.city)} →{' '}
                    {describe(change.item, change.town)}
                  </li>
                ))}
              </ul>
              <ul className="chain-conflicts">
                {preview.conflicts.map((conflict) => (
                  <li
                    key={`${conflict.kind}-${conflict.scenarioId}-${conflict.id}-${conflict.otherId ?? ''}-${conflict.otherTown ?? ''}`}
                    data-kind={conflict.kind}
                  >
                    <span className="chain-kind">{t(`chain.kind.${conflict.kind}`)}</span>{' '}
                    {text(conflict.message)}
                  </li>
                ))}
              </ul>
              {preview.notes.map((note) => (
                <p key={note.en} className="chain-note">
                  {text(note)}
                </p>
              ))}
            </div>
          ))}
        </section>
      </div>
      <footer className="import-footer">
        <button type="button" onClick={onClose}>
          {t('chain.close')}
        </button>
        <button
          type="button"
          disabled={!accepted || !city}
          data-testid="chain-merge"
          onClick={() => {
            if (!city) return;
            const problem = applyMerge(plannerStore, city, submissions, decisions);
            if (problem) setProblems([problem]);
            else onClose();
          }}
        >
          {t('chain.merge.apply')}
        </button>
      </footer>
    </dialog>
  );
}
