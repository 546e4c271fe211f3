import { useMemo, useState } from 'react';
import type { PlotRow } from '../../core/analysis/analyze-plan.ts';
import { figureRecord } from '../../core/catalogue/figure-catalogue.ts';
import { indicatorRecord } from '../../core/catalogue/indicator-catalogue.ts';
import { explainIndicator } from '../../core/scenario/indicators/explain-indicator.ts';
import type { ScenarioIndicators as ScenarioIndicatorFigures } from '../../core/scenario/indicators/scenario-figures.ts';
import type { PlanYear, Scenario } from '../../core/scenario/scenario.ts';
import type { ZoneMeasures } from '../../core/scenario/zone-measures.ts';
import { type Language, translate } from '../../i18n/messages.ts';
import { type ScenarioMessageKey, scenarioText } from '../../i18n/scenario-messages.ts';
import { plannerStore } from '../../state/store.ts';
import { formatInteger, formatMu, labelColon, pick } from '../format.ts';
import { formatIndicatorValue, formatTargetFigure } from '../scenario-format.ts';
import { Badge, type OpenExplanation } from './IndicatorParts.tsx';

type Text = (key: ScenarioMessageKey, values?: Record<string, string | number>) => string;

/** Plots listed at first in an explanation, and how many more each click shows. */
const PLOTS_SHOWN = 50;
const PLOTS_MORE = 200;

interface ExplainProps {
  open: OpenExplanation;
  year: PlanYear;
  rows: readonly PlotRow[];
  zoneMeasures: Readonly<Record<string, ZoneMeasures>>;
  scenario: Scenario;
  indicators: ScenarioIndicatorFigures;
  language: Language;
  title: string;
  onClose: () => void;
}

/**
 * How one scenario indicator is computed (explainIndicator): formula, inputs by unit, result, and the
 * plots and zones behind it. A plot id selects the plot (the map zooms to it).
 */
export function IndicatorExplain({
  open,
  year,
  rows,
  zoneMeasures,
  scenario,
  indicators,
  language,
  title,
  onClose,
}: ExplainProps) {
  const [shown, setShown] = useState(PLOTS_SHOWN);
  const explanation = useMemo(
    () =>
      explainIndicator(
        open.key,
        { rows, zoneMeasures, scenario },
        open.town === undefined ? { year, indicators } : { year, indicators, town: open.town },
      ),
    [open, rows, zoneMeasures, scenario, year, indicators],
  );
  const t: Text = (key, values) => scenarioText(language, key, values);
  const record = indicatorRecord(open.key);
  // Land areas of control share show in 亩 first; the other m² inputs are floor areas.
  const land = open.key === 'controlShare';
  const zoneName = new Map(scenario.zones.map((zone) => [zone.id, zone.name]));
  const plots = explanation.plots;
  return (
    <section
      className="scn-explain"
      data-testid="scenario-explain"
      data-key={open.key}
      aria-label={t('scn.explain.what', { what: title })}
    >
      <div className="scn-explain-head">
        <h4 className="scn-explain-title">
          {title}
          {open.town !== undefined && (
            <span className="scn-sub"> · {t('scn.explain.town', { town: open.town || '—' })}</span>
          )}
        </h4>
        <button type="button" className="scn-close" aria-label={t('scn.explain.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <div className="scn-explain-label">{translate(language, 'explain.formula')}</div>
      <div className="scn-explain-formula">{pick(language, explanation.formula)}</div>
      <div className="explain-technical" data-testid="explain-technical">
        {translate(language, 'explain.technical')}
        {labelColon(language)}
        <code>{explanation.technical}</code>
      </div>
      <div className="scn-explain-label">{translate(language, 'explain.inputs')}</div>
      <table className="scn-explain-inputs">
        <tbody>
          {explanation.inputs.map((input) => (
            <tr key={input.label.zh}>
              <th scope="row">{pick(language, input.label)}</th>
              <td>{formatIndicatorValue(language, input.value, input.unit, land)}</td>
            </tr>
          ))}
          <tr className="scn-explain-result">
            <th scope="row">{pick(language, explanation.result.label)}</th>
            <td data-testid="scenario-explain-result" data-value={explanation.result.value ?? undefined}>
              {formatIndicatorValue(language, explanation.result.value, explanation.result.unit, land)}
            </td>
          </tr>
          {explanation.target && record.target?.kind === 'atLeast' && (
            <tr>
              <th scope="row">{t('scn.explain.target')}</th>
              <td>
                {t('scn.ind.target', {
                  value: formatTargetFigure(
                    language,
                    figureRecord(record.headline),
                    explanation.target.target,
                  ),
                })}{' '}
                <Badge met={explanation.target.met}>
                  {explanation.target.met ? t('scn.cmp.met') : t('scn.cmp.notMet')}
                </Badge>
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {explanation.zoneIds.length > 0 && (
        <>
          <div className="scn-explain-label">
            {t('scn.explain.zones', { count: formatInteger(language, explanation.zoneIds.length) })}
          </div>
          <ul className="scn-explain-zones">
            {explanation.zoneIds.map((zoneId) => (
              <li key={zoneId}>{zoneName.get(zoneId) ?? zoneId}</li>
            ))}
          </ul>
        </>
      )}
      <div className="scn-explain-label">
        {t('scn.explain.plots', { count: formatInteger(language, plots.length) })}
        {plots.length > 0 && <span className="scn-sub"> · {t('scn.explain.plotsHint')}</span>}
      </div>
      {plots.length === 0 ? (
        <p className="scn-sub">{t('scn.explain.none')}</p>
      ) : (
        <>
          <ul className="scn-explain-plots" data-testid="scenario-explain-plots" data-count={plots.length}>
            {plots.slice(0, shown).map((index) => {
              const row = rows[index];
              return (
                <li key={index}>
                  <button
                    type="button"
                    className="scn-link"
                    data-plot-index={index}
                    onClick={() => plannerStore.getState().selectPlot(index, 'list')}
                  >
                    {row?.id ?? index}
                  </button>
                  {row?.name && <span className="scn-sub"> {row.name}</span>}
                  <span className="scn-explain-plot-mu">{formatMu(language, row?.areaMu)}</span>
                </li>
              );
            })}
          </ul>
          <div className="scn-row">
            {plots.length > shown && (
              <button type="button" className="scn-button" onClick={() => setShown(shown + PLOTS_MORE)}>
                {t('scn.explain.more', {
                  count: formatInteger(language, Math.min(PLOTS_MORE, plots.length - shown)),
                })}
              </button>
            )}
            <button
              type="button"
              className="scn-button"
              onClick={() => plannerStore.getState().setPickedPlots([...plots])}
            >
              {t('scn.explain.pick')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
