import { useRef, useState } from 'react';
import type { CommentStatus, CommentTarget, PlanComment } from '../core/plan/plan-comments.ts';
import type { Language } from '../i18n/messages.ts';
import { type ReviewMessageKey, reviewText } from '../i18n/review-messages.ts';
import {
  exportComments,
  importCommentsFile,
  newCommentId,
  storeAuthorName,
  storedAuthorName,
} from '../services/review-comments.ts';
import type { PlannerState } from '../state/planner-state.ts';
import { selectActiveScenario } from '../state/scenario-selectors.ts';
import { commentTargetPosition } from '../state/select-comment-pins.ts';
import { selectPlanTowns } from '../state/select-plan-towns.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import './comments.css';

type Text = (key: ReviewMessageKey, values?: Record<string, string | number>) => string;
type Filter = 'all' | CommentStatus;

/** The header tab that opens the comments, with the number of open ones. */
export function CommentsTab() {
  const language = usePlanner((state) => state.language);
  const open = usePlanner((state) => state.panel === 'comments');
  const openCount = usePlanner(
    (state) => state.comments.filter((comment) => comment.status === 'open').length,
  );
  return (
    <button
      type="button"
      className="header-button"
      aria-pressed={open}
      data-testid="tab-comments"
      onClick={() => plannerStore.getState().setPanel(open ? null : 'comments')}
    >
      {reviewText(language, 'comments.tab')}
      {openCount > 0 && <span className="comments-tab-count">{openCount}</span>}
    </button>
  );
}

/** A target as a value of the target list. */
function targetKey(target: CommentTarget): string {
  return JSON.stringify([target.kind, target.id, target.scenario ?? '']);
}

/** What a comment is about, in words ("地块 P-0012", "承接区块“东区”"). */
export function commentTargetLabel(
  state: Pick<PlannerState, 'scenarioSet'>,
  target: CommentTarget,
  t: Text,
): string {
  const { scenarios } = state.scenarioSet;
  if (target.kind === 'plot') return t('comments.targetPlot', { id: target.id });
  if (target.kind === 'town') return t('comments.targetTown', { name: target.id });
  if (target.kind === 'scenario') {
    const scenario = scenarios.find((candidate) => candidate.id === target.id);
    return `${t('comments.targetScenario', { name: scenario?.name ?? target.id })}${scenario ? '' : t('comments.targetMissing')}`;
  }
  const zone = scenarios
    .filter((scenario) => !target.scenario || scenario.id === target.scenario)
    .flatMap((scenario) => scenario.zones)
    .find((candidate) => candidate.id === target.id);
  return `${t('comments.targetZone', { name: zone?.name ?? target.id })}${zone ? '' : t('comments.targetMissing')}`;
}

/** What can be commented on now: the selected plot, the chosen town, every town, the active scenario's zones, every scenario. */
type ChoiceState = Pick<PlannerState, 'scenarioSet' | 'analysis' | 'layers' | 'selectedPlot' | 'town'>;

function targetChoices(state: ChoiceState): CommentTarget[] {
  const scenario = selectActiveScenario(state as PlannerState);
  const choices: CommentTarget[] = [];
  const row = state.selectedPlot === null ? undefined : state.analysis?.rows[state.selectedPlot];
  if (row) choices.push({ kind: 'plot', id: row.id, ...(scenario ? { scenario: scenario.id } : {}) });
  const towns = selectPlanTowns(state);
  if (state.town) choices.push({ kind: 'town', id: state.town });
  for (const town of towns) if (town !== state.town) choices.push({ kind: 'town', id: town });
  for (const zone of scenario?.zones ?? [])
    choices.push({ kind: 'zone', id: zone.id, scenario: scenario?.id ?? '' });
  for (const each of state.scenarioSet.scenarios) choices.push({ kind: 'scenario', id: each.id });
  return choices;
}

/** The reviewer's name, asked once (kept in this browser), with a way to change it. */
function AuthorName({ name, onName, t }: { name: string; onName: (name: string) => void; t: Text }) {
  const [draft, setDraft] = useState(name);
  const [editing, setEditing] = useState(name === '');
  if (!editing)
    return (
      <p className="comments-author">
        {t('comments.author')}：<strong data-testid="comment-author">{name}</strong>{' '}
        <button type="button" className="scn-button" onClick={() => setEditing(true)}>
          {t('comments.changeName')}
        </button>
      </p>
    );
  const done = () => {
    const trimmed = draft.trim();
    if (trimmed === '') return;
    storeAuthorName(trimmed);
    onName(trimmed);
    setEditing(false);
  };
  return (
    <label className="comments-author comments-author-ask">
      <span>{t('comments.askName')}</span>
      <span className="comments-row">
        <input
          className="scn-input"
          data-testid="comment-author-input"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') done();
          }}
        />
        <button type="button" className="scn-button" data-testid="comment-author-ok" onClick={done}>
          {t('comments.nameOk')}
        </button>
      </span>
    </label>
  );
}

/** The form that pins a new comment to a plot, a zone, a town or a scenario. */
/** What the comment form and list read of the store (not the whole store: the camera changes often). */
function useChoiceState(): ChoiceState {
  const scenarioSet = usePlanner((state) => state.scenarioSet);
  const analysis = usePlanner((state) => state.analysis);
  const layers = usePlanner((state) => state.layers);
  const selectedPlot = usePlanner((state) => state.selectedPlot);
  const town = usePlanner((state) => state.town);
  return { scenarioSet, analysis, layers, selectedPlot, town };
}

function CommentForm({ t }: { t: Text }) {
  const state = useChoiceState();
  const [name, setName] = useState(storedAuthorName);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const choices = targetChoices(state);
  const [chosen, setChosen] = useState<string | null>(null);
  // The plot selected last (or the town chosen) is what a new comment is about, until another is chosen.
  const target = choices.find((choice) => targetKey(choice) === chosen) ?? choices[0];

  const add = () => {
    if (!target) return setProblem(t('comments.chooseTarget'));
    if (text.trim() === '') return setProblem(t('comments.textEmpty'));
    const comment: PlanComment = {
      id: newCommentId(),
      target,
      author: name,
      at: new Date().toISOString(),
      text: text.trim(),
      status: 'open',
    };
    plannerStore.getState().addComment(comment);
    setText('');
    setProblem(null);
  };

  return (
    <div className="comments-form" data-testid="comment-form">
      <AuthorName name={name} onName={setName} t={t} />
      {name !== '' && (
        <>
          <label className="comments-field">
            <span>{t('comments.target')}</span>
            <select
              className="scn-select"
              data-testid="comment-target"
              value={target ? targetKey(target) : ''}
              onChange={(event) => setChosen(event.target.value)}
            >
              {choices.map((choice) => (
                <option key={targetKey(choice)} value={targetKey(choice)}>
                  {commentTargetLabel(state, choice, t)}
                </option>
              ))}
            </select>
          </label>
          <label className="comments-field">
            <span>{t('comments.text')}</span>
            <textarea
              className="comments-text"
              data-testid="comment-text"
              rows={3}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          </label>
          <button
            type="button"
            className="scn-button scn-button-primary"
            data-testid="comment-add"
            onClick={add}
          >
            {t('comments.add')}
          </button>
          {problem && (
            <p className="scn-problem" role="alert">
              {problem}
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** Shows a comment's place: its plot selected, the map over its pin. */
function showOnMap(comment: PlanComment): void {
  const state = plannerStore.getState();
  const rows = state.analysis?.rows ?? [];
  if (comment.target.kind === 'plot') {
    const row = rows.find((candidate) => candidate.id === comment.target.id);
    if (row) state.selectPlot(row.index, 'list');
  }
  const position = commentTargetPosition(comment.target, rows, state.scenarioSet.scenarios);
  if (position) state.requestView({ center: position, zoom: Math.max(state.view?.zoom ?? 0, 13) });
}

function formatTime(language: Language, iso: string): string {
  return new Date(iso).toLocaleString(language === 'en' ? 'en' : 'zh-CN', { hour12: false });
}

function CommentItem({
  comment,
  number,
  language,
  review,
  t,
}: {
  comment: PlanComment;
  number: number;
  language: Language;
  review: boolean;
  t: Text;
}) {
  const scenarioSet = usePlanner((s) => s.scenarioSet);
  const analysis = usePlanner((s) => s.analysis);
  const state = { scenarioSet };
  const pinned = commentTargetPosition(comment.target, analysis?.rows ?? [], scenarioSet.scenarios);
  return (
    <li
      className="comment-item"
      data-testid="comment-item"
      data-comment-id={comment.id}
      data-status={comment.status}
    >
      <span className="comment-number" data-status={comment.status}>
        {number}
      </span>
      <div className="comment-body">
        <div className="comment-target">{commentTargetLabel(state, comment.target, t)}</div>
        <p className="comment-text">{comment.text}</p>
        <div className="comment-meta">
          {comment.author || '—'} · {formatTime(language, comment.at)} ·{' '}
          <span className="comment-status">
            {t(comment.status === 'open' ? 'comments.open' : 'comments.resolved')}
          </span>
        </div>
        {comment.status === 'resolved' && comment.resolvedAt && (
          <div className="comment-meta">
            {t('comments.resolvedBy', {
              name: comment.resolvedBy || '—',
              time: formatTime(language, comment.resolvedAt),
            })}
          </div>
        )}
        <div className="comment-buttons">
          {pinned ? (
            <button
              type="button"
              className="scn-button"
              data-testid="comment-show"
              onClick={() => showOnMap(comment)}
            >
              {t('comments.showOnMap')}
            </button>
          ) : (
            <span className="comment-meta">{t('comments.pinNowhere')}</span>
          )}
          {!review && (
            <button
              type="button"
              className="scn-button"
              data-testid="comment-resolve"
              onClick={() =>
                plannerStore
                  .getState()
                  .setCommentStatus(
                    comment.id,
                    comment.status === 'open' ? 'resolved' : 'open',
                    storedAuthorName(),
                  )
              }
            >
              {t(comment.status === 'open' ? 'comments.resolve' : 'comments.reopen')}
            </button>
          )}
        </div>
      </div>
    </li>
  );
}

/**
 * The comments (批注) panel: in review mode the reviewer writes comments and exports them; in the
 * planner's app the planner imports comments files, marks comments resolved or opens them again, and
 * writes comments of their own. Every comment with a place has a numbered pin on the map.
 */
export function CommentsPanel() {
  const language = usePlanner((state) => state.language);
  const comments = usePlanner((state) => state.comments);
  const review = usePlanner((state) => state.review !== null);
  const hasPlan = usePlanner((state) => state.analysis !== null);
  const [filter, setFilter] = useState<Filter>('all');
  const fileInput = useRef<HTMLInputElement>(null);
  const t: Text = (key, values) => reviewText(language, key, values);
  const open = comments.filter((comment) => comment.status === 'open').length;
  const shown = comments
    .map((comment, index) => ({ comment, number: index + 1 }))
    .filter(({ comment }) => filter === 'all' || comment.status === filter);

  return (
    <section className="comments-panel" data-testid="comments-panel" aria-label={t('comments.title')}>
      <h2 className="comments-title">
        {t('comments.title')}{' '}
        <span className="comments-count" data-testid="comments-count">
          {t('comments.count', { open, total: comments.length })}
        </span>
      </h2>
      {hasPlan && <CommentForm t={t} />}
      <div className="comments-tools">
        {(['all', 'open', 'resolved'] as const).map((choice) => (
          <button
            key={choice}
            type="button"
            className="scn-button"
            aria-pressed={filter === choice}
            onClick={() => setFilter(choice)}
          >
            {t(`comments.filter.${choice}`)}
          </button>
        ))}
        <span className="comments-spacer" />
        {review ? (
          <button
            type="button"
            className="scn-button scn-button-primary"
            data-testid="comments-export"
            onClick={() => exportComments(plannerStore)}
          >
            {t('comments.export')}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="scn-button"
              data-testid="comments-import"
              onClick={() => fileInput.current?.click()}
            >
              {t('comments.import')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,.comments.json"
              hidden
              data-testid="comments-input"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) importCommentsFile(plannerStore, file);
              }}
            />
          </>
        )}
      </div>
      {comments.length === 0 ? (
        <p className="comments-empty">
          {t('comments.none')} {t('comments.noneHint')}
        </p>
      ) : (
        <ol className="comment-items">
          {shown.map(({ comment, number }) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              number={number}
              language={language}
              review={review}
              t={t}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
