import type { BaselineFigures } from '../core/analysis/baseline-indicators.ts';
import { CONTROL_SHARE_TARGET } from '../core/analysis/baseline-indicators.ts';
import { indicatorRecord } from '../core/catalogue/indicator-catalogue.ts';
import { AREA_METHOD } from '../core/settings.ts';
import { type Language, type MessageKey, translate } from '../i18n/messages.ts';
import { STATUS_COLORS, STATUS_ORDER, UNCLASSIFIED_COLOR } from '../map/palette.ts';
import {
  explainControlShare,
  explainIndustrialMu,
  explainOutsideBoundaryMu,
  explainStatusFigures,
  explainUnclassified,
} from '../state/explain.ts';
import { selectTowns } from '../state/plot-filter.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { InfoButton } from './Explain.tsx';
import { formatInteger, formatMu, formatPercent, inBrackets, isPresent, pick } from './format.ts';

/** Colours of the control-share bar: target met, not met. */
const MET_COLOR = '#1f9e3a';
const NOT_MET_COLOR = '#d9480f';

/** Option values of the town selector: the city, or a prefixed town name ('' is "no town"). */
const CITY = 'city';
const TOWN_PREFIX = 'town:';

function townName(language: Language, town: string): string {
  return town === '' ? translate(language, 'dash.noTown') : town;
}

function chooseTown(town: string | null): void {
  plannerStore.getState().setTown(town);
}

interface FiguresProps {
  figures: BaselineFigures;
  town: string | null;
  tolerance: number;
  language: Language;
}

function ControlShareBar({ share, language }: { share: number | null; language: Language }) {
  const met = share !== null && share >= CONTROL_SHARE_TARGET;
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  return (
    <div className="dash-bar-block">
      {/* The share is written out above the bar: the bar is decoration for screen readers. */}
      <div className="dash-bar" aria-hidden="true">
        <div
          className="dash-bar-fill"
          style={{
            width: `${Math.min(1, Math.max(0, share ?? 0)) * 100}%`,
            background: met ? MET_COLOR : NOT_MET_COLOR,
          }}
        />
        <div className="dash-bar-target" style={{ left: `${CONTROL_SHARE_TARGET * 100}%` }} />
      </div>
      <div className="dash-bar-legend">
        <span className="dash-target" style={{ left: `${CONTROL_SHARE_TARGET * 100}%` }}>
          {t('dash.target', { value: formatPercent(language, CONTROL_SHARE_TARGET) })}
        </span>
      </div>
      {share !== null && (
        <div className={`dash-verdict ${met ? 'dash-verdict-met' : 'dash-verdict-not-met'}`} data-met={met}>
          {met
            ? t('dash.met')
            : t('dash.notMet', { gap: formatPercent(language, CONTROL_SHARE_TARGET - share) })}
        </div>
      )}
    </div>
  );
}

function Figures({ figures, town, tolerance, language }: FiguresProps) {
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  return (
    <>
      <div className="dash-card">
        <div className="dash-card-head">
          <h3 className="dash-card-title">{t('dash.industrialMu')}</h3>
          <InfoButton explain={() => explainIndustrialMu(figures, town)} what={t('dash.industrialMu')} />
        </div>
        <div className="dash-figure" data-field="industrialMu" data-value={figures.industrialMu}>
          {formatMu(language, figures.industrialMu)}
        </div>
        <div className="dash-sub" data-field="plots" data-value={figures.plots}>
          {t('dash.plots', { count: formatInteger(language, figures.plots) })}
        </div>
      </div>

      <div className="dash-card">
        <div className="dash-card-head">
          <h3 className="dash-card-title" data-indicator-name="controlShare">
            {pick(language, indicatorRecord('controlShare').name)}
          </h3>
          <InfoButton
            explain={() => explainControlShare(figures, town)}
            what={pick(language, indicatorRecord('controlShare').name)}
          />
        </div>
        <div
          className="dash-figure"
          data-field="controlShare"
          data-value={figures.controlShare === null ? undefined : figures.controlShare}
        >
          {formatPercent(language, figures.controlShare)}
        </div>
        <ControlShareBar share={figures.controlShare} language={language} />
        <div className="dash-rule">{t('dash.rule1')}</div>
      </div>

      <div className="dash-card">
        <div className="dash-card-head">
          <h3 className="dash-card-title">{t('dash.outsideBoundary')}</h3>
          <InfoButton
            explain={() => explainOutsideBoundaryMu(figures, town)}
            what={t('dash.outsideBoundary')}
          />
        </div>
        <div className="dash-figure" data-field="outsideBoundaryMu" data-value={figures.outsideBoundaryMu}>
          {formatMu(language, figures.outsideBoundaryMu)}
        </div>
        <div className="dash-rule">{t('dash.rule2')}</div>
      </div>

      <div className="dash-card">
        <h3 className="dash-card-title">{t('dash.byStatus')}</h3>
        <ul className="dash-status-list">
          {STATUS_ORDER.map((status) => (
            <li
              key={status}
              className="dash-status"
              data-status={status}
              data-count={figures.statusCounts[status]}
              data-mu={figures.statusMu[status]}
            >
              <span className="dash-swatch" style={{ background: STATUS_COLORS[status] }} />
              <span className="dash-status-name">{t(`status.${status}`)}</span>
              <span className="dash-status-count">
                {t('dash.statusCount', { count: formatInteger(language, figures.statusCounts[status]) })}
              </span>
              <span className="dash-status-mu">{formatMu(language, figures.statusMu[status])}</span>
              <InfoButton
                explain={() => explainStatusFigures(figures, town, status, tolerance)}
                what={t(`status.${status}`)}
              />
            </li>
          ))}
          {figures.unclassified > 0 && (
            <li className="dash-status" data-status="unclassified" data-count={figures.unclassified}>
              <span className="dash-swatch" style={{ background: UNCLASSIFIED_COLOR }} />
              <span className="dash-status-name">
                {t('dash.unclassified')}
                <span className="dash-sub"> · {t('dash.unclassifiedNote')}</span>
              </span>
              <span className="dash-status-count">
                {t('dash.statusCount', { count: formatInteger(language, figures.unclassified) })}
              </span>
              <span className="dash-status-mu" />
              <InfoButton explain={() => explainUnclassified(figures, town)} what={t('dash.unclassified')} />
            </li>
          )}
        </ul>
      </div>
    </>
  );
}

function TownTable({
  byTown,
  city,
  town,
  language,
}: {
  byTown: Record<string, BaselineFigures>;
  city: BaselineFigures;
  town: string | null;
  language: Language;
}) {
  const t = (key: MessageKey) => translate(language, key);
  const towns = Object.keys(byTown).sort((a, b) => (a === '' ? 1 : b === '' ? -1 : 0));
  const line = (name: string | null, figures: BaselineFigures) => {
    const chosen = name === town;
    const met = figures.controlShare !== null && figures.controlShare >= CONTROL_SHARE_TARGET;
    return (
      <tr
        key={name === null ? 'city' : `t:${name}`}
        className={`dash-town-row${chosen ? ' dash-town-chosen' : ''}${name === null ? ' dash-town-city' : ''}`}
        data-town={name ?? ''}
        onClick={() => chooseTown(name)}
      >
        <th scope="row">
          <button type="button" className="dash-town-button" aria-pressed={chosen}>
            {name === null ? t('dash.city') : townName(language, name)}
          </button>
        </th>
        <td>{formatInteger(language, figures.plots)}</td>
        <td>{formatMu(language, figures.industrialMu, false)}</td>
        <td className={isPresent(figures.controlShare) ? (met ? 'dash-met' : 'dash-not-met') : undefined}>
          {formatPercent(language, figures.controlShare)}
        </td>
        <td>{formatMu(language, figures.outsideBoundaryMu, false)}</td>
      </tr>
    );
  };
  return (
    <div className="dash-card dash-towns">
      <h3 className="dash-card-title">{t('dash.towns')}</h3>
      <table className="dash-town-table">
        <thead>
          <tr>
            <th scope="col">{t('dash.col.town')}</th>
            <th scope="col">{t('dash.col.plots')}</th>
            <th scope="col">{t('dash.col.mu')}</th>
            <th scope="col">{t('dash.col.share')}</th>
            <th scope="col">{t('dash.col.outside')}</th>
          </tr>
        </thead>
        <tbody>
          {line(null, city)}
          {towns.map((name) => line(name, byTown[name] as BaselineFigures))}
        </tbody>
      </table>
    </div>
  );
}

/** Baseline indicators of the city or the chosen town, with the towns side by side. */
export function Dashboard() {
  const language = usePlanner((state) => state.language);
  const baseline = usePlanner((state) => state.analysis?.baseline);
  const tolerance = usePlanner((state) => state.analysis?.settings.tolerance ?? 0);
  const town = usePlanner((state) => state.town);
  const towns = usePlanner(selectTowns);
  const t = (key: MessageKey) => translate(language, key);

  if (!baseline) {
    return (
      <section className="dash" data-testid="dashboard" aria-label={t('dash.title')}>
        <h2 className="dash-title">{t('dash.title')}</h2>
        <p className="dash-loading">{t('dash.loading')}</p>
      </section>
    );
  }
  const townFigures = town === null ? undefined : baseline.byTown[town];
  const figures = townFigures ?? baseline;
  const scope = townFigures ? town : null;

  return (
    <section className="dash" data-testid="dashboard" data-town={scope ?? ''} aria-label={t('dash.title')}>
      <div className="dash-head">
        <h2 className="dash-title">{t('dash.title')}</h2>
        <label className="dash-scope">
          <span>{t('dash.scope')}</span>
          <select
            className="dash-town-select"
            value={scope === null ? CITY : `${TOWN_PREFIX}${scope}`}
            onChange={(event) => {
              const value = event.target.value;
              chooseTown(value.startsWith(TOWN_PREFIX) ? value.slice(TOWN_PREFIX.length) : null);
            }}
          >
            <option value={CITY}>{t('dash.city')}</option>
            {towns.map(({ town: name, plots }) => (
              <option key={name} value={`${TOWN_PREFIX}${name}`}>
                {townName(language, name)}
                {inBrackets(language, formatInteger(language, plots))}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Figures figures={figures} town={scope} tolerance={tolerance} language={language} />
      <TownTable byTown={baseline.byTown} city={baseline} town={scope} language={language} />
      <p className="dash-method">{pick(language, AREA_METHOD)}</p>
    </section>
  );
}
