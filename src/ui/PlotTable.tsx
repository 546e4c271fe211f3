import {
  type KeyboardEvent,
  type MouseEvent,
  memo,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import type { PlotRow } from '../core/analysis/analyze-plan.ts';
import type { EfficiencyClass } from '../core/analysis/plot-measures.ts';
import { CHECK_ORDER } from '../core/checks/plausibility-checks.ts';
import type { Message, PlotStatus } from '../core/types.ts';
import { type Language, type MessageKey, translate } from '../i18n/messages.ts';
import { suggestText } from '../i18n/suggest-messages.ts';
import { STATUS_COLORS, STATUS_ORDER, UNCLASSIFIED_COLOR } from '../map/palette.ts';
import { EMPTY_FILTER, type PlotFilter, type PlotSort } from '../state/planner-state.ts';
import {
  filterBoundOf,
  inControlShare,
  isFilterEmpty,
  type PlotFilterBound,
  selectVillages,
  selectVisibleRows,
} from '../state/plot-filter.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { selectSuggestedMarks } from '../state/suggested-marks.ts';
import { formatInteger, formatMu, formatPercent, formatWanPerMu, MISSING, pick } from './format.ts';

/** Height of one row, px (the CSS uses the same). */
export const ROW_HEIGHT = 28;
/** Height of the sticky header row, px (the CSS uses the same). */
const HEADER_HEIGHT = 30;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 12;
/** How long the search box waits after a key before filtering, ms. */
const SEARCH_DELAY_MS = 150;

type ColumnKey = PlotSort['key'];

const COLUMNS: readonly { key: ColumnKey; label: MessageKey; numeric?: boolean }[] = [
  { key: 'id', label: 'table.col.id' },
  { key: 'name', label: 'table.col.name' },
  { key: 'town', label: 'table.col.town' },
  { key: 'village', label: 'table.col.village' },
  { key: 'status', label: 'table.col.status' },
  { key: 'areaMu', label: 'table.col.areaMu', numeric: true },
  { key: 'inControlShare', label: 'table.col.inControlShare', numeric: true },
  { key: 'taxPerMu', label: 'table.col.taxPerMu', numeric: true },
  { key: 'class', label: 'table.col.class' },
];

const CLASSES: readonly (EfficiencyClass | 'none')[] = ['A', 'B', 'C', 'D', 'none'];

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((entry) => entry !== item) : [...list, item];
}

function setFilter(patch: Partial<PlotFilter>): void {
  plannerStore.getState().setFilter(patch);
}

/** The search box: typed text shows at once, the table filters after a short pause. */
function SearchField({ language }: { language: Language }) {
  const stored = usePlanner((state) => state.filter.text);
  const [text, setText] = useState(stored);
  const pending = useRef<number | undefined>(undefined);

  useEffect(() => {
    // A filter reset elsewhere (a new plan, "clear") shows in the box.
    setText((current) => (current.trim() === stored.trim() ? current : stored));
  }, [stored]);
  useEffect(() => () => window.clearTimeout(pending.current), []);

  return (
    <input
      type="search"
      className="table-search"
      placeholder={translate(language, 'table.search')}
      aria-label={translate(language, 'table.search')}
      value={text}
      onChange={(event) => {
        const value = event.target.value;
        setText(value);
        window.clearTimeout(pending.current);
        pending.current = window.setTimeout(() => setFilter({ text: value }), SEARCH_DELAY_MS);
      }}
    />
  );
}

/** A min or max box: empty = no bound; text that is not a number is kept but not applied. */
function BoundField({ field, label }: { field: PlotFilterBound; label: string }) {
  const stored = usePlanner((state) => state.filter[field]);
  const [text, setText] = useState(stored === null ? '' : String(stored));

  useEffect(() => {
    setText((current) =>
      filterBoundOf(field, current) === stored ? current : stored === null ? '' : String(stored),
    );
  }, [field, stored]);

  const invalid = filterBoundOf(field, text) === undefined;
  return (
    <input
      type="text"
      inputMode="decimal"
      className={`table-bound${invalid ? ' table-bound-invalid' : ''}`}
      aria-label={label}
      aria-invalid={invalid}
      placeholder={label}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        const value = filterBoundOf(field, event.target.value);
        if (value !== undefined) setFilter({ [field]: value });
      }}
    />
  );
}

// memo: the filters do not change while the table scrolls (the village list can be long).
const Filters = memo(function Filters({ language }: { language: Language }) {
  const t = (key: MessageKey) => translate(language, key);
  const filter = usePlanner((state) => state.filter);
  const villages = usePlanner(selectVillages);
  return (
    <div className="table-filters">
      <div className="table-filter-row">
        <SearchField language={language} />
        <select
          className="table-village"
          aria-label={t('table.village')}
          value={filter.village}
          onChange={(event) => setFilter({ village: event.target.value })}
        >
          <option value="">{t('table.allVillages')}</option>
          {filter.village !== '' && !villages.includes(filter.village) && (
            <option value={filter.village}>{filter.village}</option>
          )}
          {villages.map((village) => (
            <option key={village} value={village}>
              {village}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="table-checks">
        <legend>{t('table.statuses')}</legend>
        {STATUS_ORDER.map((status: PlotStatus) => (
          <label key={status} className="table-check" title={t(`status.${status}`)}>
            <input
              type="checkbox"
              checked={filter.statuses.includes(status)}
              onChange={() => setFilter({ statuses: toggle(filter.statuses, status) })}
            />
            <span className="table-swatch" style={{ background: STATUS_COLORS[status] }} />
            {t(`status.${status}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="table-checks">
        <legend>{t('table.classes')}</legend>
        {CLASSES.map((name) => (
          <label key={name} className="table-check">
            <input
              type="checkbox"
              checked={filter.classes.includes(name)}
              onChange={() => setFilter({ classes: toggle(filter.classes, name) })}
            />
            {name === 'none' ? t('table.classNone') : name}
          </label>
        ))}
      </fieldset>
      <CheckFilters language={language} />
      <div className="table-filter-row">
        <span className="table-range">
          <span className="table-range-label">{t('table.areaRange')}</span>
          <BoundField field="minAreaMu" label={t('table.min')} />–
          <BoundField field="maxAreaMu" label={t('table.max')} />
        </span>
        <span className="table-range">
          <span className="table-range-label">{t('table.taxRange')}</span>
          <BoundField field="minTaxPerMu" label={t('table.min')} />–
          <BoundField field="maxTaxPerMu" label={t('table.max')} />
        </span>
      </div>
    </div>
  );
});

/** The plausibility findings as filters, each with the number of plots it would keep. */
function CheckFilters({ language }: { language: Language }) {
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  const selected = usePlanner((state) => state.filter.checks);
  const counts = usePlanner((state) =>
    state.planChecks && state.planChecks.analysis === state.analysis ? state.planChecks.counts : null,
  );
  return (
    <fieldset className="table-checks" data-testid="table-check-filters">
      <legend>{t('table.checks')}</legend>
      {CHECK_ORDER.map((check) => (
        <label key={check} className="table-check">
          <input
            type="checkbox"
            data-check={check}
            checked={selected.includes(check)}
            disabled={!counts && !selected.includes(check)}
            onChange={() => setFilter({ checks: toggle(selected, check) })}
          />
          {counts
            ? t('table.check.count', {
                label: t(`table.check.${check}`),
                count: formatInteger(language, counts[check]),
              })
            : t(`table.check.${check}`)}
        </label>
      ))}
      {!counts && <span className="table-check-pending">{t('table.check.pending')}</span>}
    </fieldset>
  );
}

function sortState(sort: PlotSort, key: ColumnKey): 'ascending' | 'descending' | 'none' {
  return sort.key !== key ? 'none' : sort.descending ? 'descending' : 'ascending';
}

function Cells({ row, language, suggested }: { row: PlotRow; language: Language; suggested?: Message }) {
  return (
    <>
      <td>
        {suggested && (
          <span
            className="sug-mark"
            data-testid="suggested-mark"
            title={`${suggestText(language, 'sug.markTitle')}\n${pick(language, suggested)}`}
          >
            {suggestText(language, 'sug.mark')}
          </span>
        )}
        {row.id}
      </td>
      <td title={row.name}>{row.name ?? MISSING}</td>
      <td>{row.town || MISSING}</td>
      <td title={row.village}>{row.village ?? MISSING}</td>
      <td>
        <span
          className="table-swatch"
          style={{ background: row.status ? STATUS_COLORS[row.status] : UNCLASSIFIED_COLOR }}
        />
        {row.status
          ? translate(language, `status.${row.status}`)
          : translate(language, 'legend.unclassified')}
      </td>
      <td className="table-number">{formatMu(language, row.areaMu, false)}</td>
      <td className="table-number">{formatPercent(language, inControlShare(row))}</td>
      <td className="table-number">{formatWanPerMu(language, row.measures.taxPerMu, false)}</td>
      <td className="table-class">{row.measures.efficiencyClass ?? MISSING}</td>
    </>
  );
}

interface RowProps {
  row: PlotRow;
  position: number;
  selected: boolean;
  language: Language;
  /** The suggestion's explanation when the plot is marked as suggested. */
  suggested: Message | undefined;
}

// memo: while the table scrolls, only the rows that come into view are rendered.
const TableRow = memo(function TableRow({ row, position, selected, language, suggested }: RowProps) {
  return (
    <tr
      className={`table-row${selected ? ' table-row-selected' : ''}${position % 2 ? ' table-row-odd' : ''}`}
      aria-rowindex={position + 2}
      aria-selected={selected}
      data-plot-index={row.index}
      data-suggested={suggested ? '' : undefined}
    >
      <Cells row={row} language={language} suggested={suggested} />
    </tr>
  );
});

/**
 * The plots of the chosen town that pass the filters, sorted, as a virtualised table: only the rows
 * in view (± OVERSCAN) are in the DOM, so 100,000 plots scroll as smoothly as 100.
 */
export function PlotTable() {
  const language = usePlanner((state) => state.language);
  const rows = usePlanner(selectVisibleRows);
  const total = usePlanner((state) => state.analysis?.rows.length ?? 0);
  const loaded = usePlanner((state) => state.analysis !== null);
  const town = usePlanner((state) => state.town);
  const filter = usePlanner((state) => state.filter);
  const sort = usePlanner((state) => state.sort);
  const selectedPlot = usePlanner((state) => state.selectedPlot);
  const selectionOrigin = usePlanner((state) => state.selectionOrigin);
  const marks = usePlanner(selectSuggestedMarks);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(400);
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    setViewHeight(element.clientHeight);
    const observer = new ResizeObserver(() => setViewHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  /** Scrolls so that the row at `position` is in view: centred, or just inside the edge. */
  const reveal = (position: number, centre: boolean) => {
    const element = scrollRef.current;
    if (!element) return;
    // Rows sit below the sticky header: row `position` is in view when its top is at least
    // scrollTop + HEADER_HEIGHT in content coordinates.
    const bodyHeight = element.clientHeight - HEADER_HEIGHT;
    const top = position * ROW_HEIGHT;
    if (centre) element.scrollTop = Math.max(0, top - bodyHeight / 2 + ROW_HEIGHT / 2);
    else if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + bodyHeight)
      element.scrollTop = top + ROW_HEIGHT - bodyHeight;
  };

  // New rows (a filter, a town, a sort): show the selected plot if it is among them, else the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new row list scrolls here
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const position = selectedPlot === null ? -1 : rows.findIndex((row) => row.index === selectedPlot);
    if (position >= 0) reveal(position, true);
    else element.scrollTop = 0;
  }, [rows]);

  // A plot picked on the map: bring its row into view. Rows picked here are already in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new selection scrolls, not a new sort
  useEffect(() => {
    if (selectedPlot === null || selectionOrigin !== 'map') return;
    const position = rows.findIndex((row) => row.index === selectedPlot);
    if (position >= 0) reveal(position, true);
  }, [selectedPlot, selectionOrigin]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const steps: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: Math.max(1, Math.floor(viewHeight / ROW_HEIGHT) - 1),
      PageUp: -Math.max(1, Math.floor(viewHeight / ROW_HEIGHT) - 1),
    };
    let target: number;
    const current = selectedPlot === null ? -1 : rows.findIndex((row) => row.index === selectedPlot);
    if (event.key in steps) {
      const step = steps[event.key] as number;
      target = current < 0 ? (step > 0 ? 0 : rows.length - 1) : current + step;
    } else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = rows.length - 1;
    else return;
    event.preventDefault();
    target = Math.max(0, Math.min(rows.length - 1, target));
    const row = rows[target];
    if (!row) return;
    plannerStore.getState().selectPlot(row.index, 'list');
    reveal(target, false);
  };

  // One handler for every row (rows come and go as the table scrolls).
  const onClick = (event: MouseEvent<HTMLTableElement>) => {
    const tr = (event.target as HTMLElement).closest('tr[data-plot-index]');
    const index = tr ? Number(tr.getAttribute('data-plot-index')) : Number.NaN;
    if (Number.isInteger(index)) plannerStore.getState().selectPlot(index, 'list');
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  const visible = rows.slice(first, last);
  const filtered = !isFilterEmpty(filter);

  return (
    <section className="table-panel" data-testid="plot-table" aria-label={t('table.title')}>
      <Filters language={language} />
      <div className="table-status">
        <span data-testid="plot-table-count" data-shown={rows.length} data-total={total}>
          {t('table.count', {
            shown: formatInteger(language, rows.length),
            total: formatInteger(language, total),
          })}
        </span>
        {town !== null && <span className="table-scope">{t('table.scope', { town: town || MISSING })}</span>}
        <span className="table-spacer" />
        <button
          type="button"
          className="table-clear"
          disabled={!filtered}
          onClick={() => setFilter(EMPTY_FILTER)}
        >
          {t('table.clear')}
        </button>
      </div>
      <div
        ref={scrollRef}
        className="table-scroll"
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        {/* A data grid (WAI-ARIA APG): focus stays on the table, arrows move the selected row. */}
        <table
          className="table-grid"
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA data-grid pattern is a table with role grid
          role="grid"
          aria-label={t('table.title')}
          aria-rowcount={rows.length + 1}
          aria-readonly="true"
          tabIndex={0}
          onKeyDown={onKeyDown}
          onClick={onClick}
        >
          <colgroup>
            {COLUMNS.map((column) => (
              <col key={column.key} className={`table-col-${column.key}`} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((column) => {
                const state = sortState(sort, column.key);
                const label = t(column.label);
                return (
                  <th
                    key={column.key}
                    scope="col"
                    className={column.numeric ? 'table-number' : undefined}
                    aria-sort={state}
                  >
                    <button
                      type="button"
                      className="table-sort"
                      title={t('table.sortBy', { column: label })}
                      onClick={() =>
                        plannerStore.getState().setSort({
                          key: column.key,
                          descending: sort.key === column.key ? !sort.descending : false,
                        })
                      }
                    >
                      {label}
                      <span className="table-sort-mark" aria-hidden="true">
                        {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {first > 0 && <tr className="table-spacer-row" style={{ height: first * ROW_HEIGHT }} />}
            {visible.map((row, i) => (
              <TableRow
                key={row.index}
                row={row}
                position={first + i}
                selected={row.index === selectedPlot}
                language={language}
                suggested={marks.get(row.id)}
              />
            ))}
            {last < rows.length && (
              <tr className="table-spacer-row" style={{ height: (rows.length - last) * ROW_HEIGHT }} />
            )}
          </tbody>
        </table>
        {loaded && rows.length === 0 && <p className="table-empty">{t('table.empty')}</p>}
        {!loaded && <p className="table-empty">{t('app.loading')}</p>}
      </div>
    </section>
  );
}
