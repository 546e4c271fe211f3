import { type ReactNode, useState } from 'react';
import type { PlotRow } from '../core/analysis/analyze-plan.ts';
import type { AnalysisSettings } from '../core/settings.ts';
import type { Message } from '../core/types.ts';
import { type Language, type MessageKey, translate } from '../i18n/messages.ts';
import { suggestText } from '../i18n/suggest-messages.ts';
import { STATUS_COLORS, UNCLASSIFIED_COLOR } from '../map/palette.ts';
import {
  type CountAttribute,
  type Explanation,
  explainPlotArea,
  explainPlotAttribute,
  explainPlotClass,
  explainPlotInBoundary,
  explainPlotInControl,
  explainPlotMeasure,
  explainPlotStatus,
  hasExampleThresholds,
  type MeasureKey,
} from '../state/explain.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { selectSuggestedMarks } from '../state/suggested-marks.ts';
import { InfoButton } from './Explain.tsx';
import {
  formatHa,
  formatInteger,
  formatM2,
  formatMu,
  formatPercent,
  formatRatio,
  formatWan,
  formatWanPerMu,
  MISSING,
  pick,
} from './format.ts';
import { PaneToggle } from './PaneToggle.tsx';

interface FieldProps {
  label: string;
  /** data-field: the name end-to-end tests look for. */
  field?: string;
  /** The raw value, written to data-value. */
  raw?: number | string | undefined;
  children: ReactNode;
  explain?: () => Explanation;
  className?: string;
}

function Field({ label, field, raw, children, explain, className }: FieldProps) {
  return (
    <div className={`panel-field${className ? ` ${className}` : ''}`}>
      <dt className="panel-label">{label}</dt>
      <dd className="panel-value" data-field={field} data-value={raw === undefined ? undefined : String(raw)}>
        {children}
      </dd>
      <dd className="panel-info">{explain && <InfoButton explain={explain} what={label} />}</dd>
    </div>
  );
}

function message(key: MessageKey): Message {
  return { zh: translate('zh-CN', key), en: translate('en', key) };
}

const MEASURE_ROWS: readonly {
  key: MeasureKey;
  label: MessageKey;
  format: (language: Language, value: number | undefined) => string;
}[] = [
  { key: 'taxPerMu', label: 'panel.taxPerMu', format: (l, v) => formatWanPerMu(l, v) },
  { key: 'investmentPerMu', label: 'panel.investmentPerMu', format: (l, v) => formatWanPerMu(l, v) },
  { key: 'far', label: 'panel.far', format: formatRatio },
  { key: 'coverage', label: 'panel.coverage', format: formatPercent },
];

const COUNT_ROWS: readonly { key: Exclude<CountAttribute, 'taxWan'>; label: MessageKey }[] = [
  { key: 'firms', label: 'panel.firms' },
  { key: 'aboveScaleFirms', label: 'panel.aboveScaleFirms' },
  { key: 'employees', label: 'panel.employees' },
];

function verdictOf(verdict: boolean | undefined): 'pass' | 'fail' | 'unknown' {
  return verdict === undefined ? 'unknown' : verdict ? 'pass' : 'fail';
}

/** The selected plot: identity, areas, status, efficiency and screening, firms; each number explains itself. */
export function PlotPanel() {
  const language = usePlanner((state) => state.language);
  const row = usePlanner((state) =>
    state.selectedPlot === null ? undefined : state.analysis?.rows[state.selectedPlot],
  );
  const settings = usePlanner((state) => state.analysis?.settings);
  // Folded, the card stays folded for the next plot chosen.
  const [expanded, setExpanded] = useState(true);
  if (!row || !settings) return null;
  // Keyed by plot: an open explanation closes when another plot is selected.
  return (
    <PlotCard
      key={row.index}
      row={row}
      settings={settings}
      language={language}
      expanded={expanded}
      onToggle={() => setExpanded(!expanded)}
    />
  );
}

/** Why the plan suggestion set this plot's action, while the plot is marked as suggested. */
function SuggestedExplanation({ plotId, language }: { plotId: string; language: Language }) {
  const explanation = usePlanner((state) => selectSuggestedMarks(state).get(plotId));
  if (!explanation) return null;
  return (
    <p className="sug-explain" data-testid="suggested-explanation">
      <span className="sug-mark">{suggestText(language, 'sug.mark')}</span> {pick(language, explanation)}
    </p>
  );
}

function PlotCard({
  row,
  settings,
  language,
  expanded,
  onToggle,
}: {
  row: PlotRow;
  settings: AnalysisSettings;
  expanded: boolean;
  onToggle: () => void;
  language: Language;
}) {
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  const { properties, measures } = row;
  const fb = row.areaM2 > 0 ? row.inBoundaryM2 / row.areaM2 : undefined;
  const fc = row.areaM2 > 0 ? row.inControlM2 / row.areaM2 : undefined;
  const title = row.name ?? row.id;
  const exampleThresholds = hasExampleThresholds(settings);

  return (
    <section
      className="panel"
      data-map-cover
      data-folded={expanded ? undefined : ''}
      data-testid="plot-panel"
      data-plot-index={row.index}
      aria-label={t('panel.title')}
    >
      <header className="panel-header">
        <div className="panel-heading">
          <div className="panel-kicker">{t('panel.title')}</div>
          <h2 className="panel-title">{title}</h2>
        </div>
        <PaneToggle pane="card" expanded={expanded} onToggle={onToggle} className="panel-fold" />
        <button
          type="button"
          className="panel-close"
          aria-label={t('panel.close')}
          title={t('panel.close')}
          onClick={() => plannerStore.getState().selectPlot(null, 'list')}
        >
          ×
        </button>
      </header>

      <SuggestedExplanation plotId={row.id} language={language} />
      <dl className="panel-list">
        <Field label={t('panel.id')} field="id" raw={row.id}>
          {row.id}
        </Field>
        {row.name !== undefined && (
          <Field label={t('panel.name')} field="name" raw={row.name}>
            {row.name}
          </Field>
        )}
        <Field label={t('panel.town')} field="town" raw={row.town}>
          {row.town || t('panel.noTown')}
          <span className="panel-sub"> · {t(`panel.townSource.${row.townSource}`)}</span>
        </Field>
        <Field label={t('panel.village')} field="village" raw={row.village}>
          {row.village ?? MISSING}
        </Field>
        {properties.industry !== undefined && (
          <Field label={t('panel.industry')} field="industry" raw={properties.industry}>
            {properties.industry}
          </Field>
        )}
        <Field
          label={t('panel.status')}
          field="status"
          raw={row.status ?? 'unclassified'}
          explain={() => explainPlotStatus(row, settings.tolerance)}
        >
          <span
            className="panel-swatch"
            style={{ background: row.status ? STATUS_COLORS[row.status] : UNCLASSIFIED_COLOR }}
          />
          {row.status ? t(`status.${row.status}`) : t('legend.unclassified')}
        </Field>
      </dl>

      <h3 className="panel-section">{t('panel.section.area')}</h3>
      <dl className="panel-list">
        <Field
          label={t('panel.area')}
          field="areaMu"
          raw={row.areaMu}
          explain={() => explainPlotArea(row)}
          className="panel-field-main"
        >
          <span className="panel-big">{formatMu(language, row.areaMu)}</span>
          <span className="panel-sub panel-units">
            <span data-field="areaHa" data-value={row.areaM2 / 10000}>
              {formatHa(language, row.areaM2 / 10000)}
            </span>
            {' · '}
            <span data-field="areaM2" data-value={row.areaM2}>
              {formatM2(language, row.areaM2)}
            </span>
          </span>
        </Field>
        <Field
          label={t('panel.inBoundary')}
          field="inBoundaryM2"
          raw={row.inBoundaryM2}
          explain={() => explainPlotInBoundary(row)}
        >
          {formatMu(language, (row.inBoundaryM2 * 15) / 10000)}
          <span className="panel-sub"> · {t('panel.share', { value: formatPercent(language, fb) })}</span>
        </Field>
        <Field
          label={t('panel.inControl')}
          field="inControlM2"
          raw={row.inControlM2}
          explain={() => explainPlotInControl(row)}
        >
          {formatMu(language, (row.inControlM2 * 15) / 10000)}
          <span className="panel-sub"> · {t('panel.share', { value: formatPercent(language, fc) })}</span>
        </Field>
      </dl>

      <h3 className="panel-section">{t('panel.section.efficiency')}</h3>
      <dl className="panel-list">
        <Field
          label={t('panel.taxWan')}
          field="taxWan"
          raw={properties.taxWan}
          explain={() => explainPlotAttribute(row, 'taxWan', message('panel.taxWan'))}
        >
          {formatWan(language, properties.taxWan)}
        </Field>
        {MEASURE_ROWS.map(({ key, label, format }) => {
          const verdict = verdictOf(measures.screening[key]);
          const threshold = format(language, settings.screening[key]);
          return (
            <Field
              key={key}
              label={t(label)}
              field={key}
              raw={measures[key]}
              explain={() => explainPlotMeasure(row, key, settings)}
            >
              <span className="panel-measure">{format(language, measures[key])}</span>
              <span className="panel-screen">
                <span className="panel-threshold">{t('panel.threshold', { value: threshold })}</span>
                <span className={`panel-verdict panel-verdict-${verdict}`} data-screening={verdict}>
                  {t(`panel.${verdict}`)}
                </span>
              </span>
            </Field>
          );
        })}
        <Field label={t('panel.screening')} field="passesScreening" raw={verdictOf(measures.passesScreening)}>
          <span className={`panel-verdict panel-verdict-${verdictOf(measures.passesScreening)}`}>
            {t(`panel.${verdictOf(measures.passesScreening)}`)}
          </span>
        </Field>
        <Field
          label={t('panel.class')}
          field="efficiencyClass"
          raw={measures.efficiencyClass}
          explain={() => explainPlotClass(row, settings)}
        >
          <span className={`panel-class panel-class-${measures.efficiencyClass ?? 'none'}`}>
            {measures.efficiencyClass ?? MISSING}
          </span>
        </Field>
      </dl>
      {exampleThresholds && <p className="panel-note">{t('panel.example')}</p>}

      <h3 className="panel-section">{t('panel.section.firms')}</h3>
      <dl className="panel-list">
        {COUNT_ROWS.map(({ key, label }) => (
          <Field
            key={key}
            label={t(label)}
            field={key}
            raw={properties[key]}
            explain={() => explainPlotAttribute(row, key, message(label))}
          >
            {formatInteger(language, properties[key])}
          </Field>
        ))}
      </dl>
    </section>
  );
}
