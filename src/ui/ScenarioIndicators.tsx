import { type ReactNode, useMemo, useState } from 'react';
import type { PlotRow } from '../core/analysis/analyze-plan.ts';
import { explainIndicator } from '../core/scenario/indicators/explain-indicator.ts';
import type { IndicatorKey } from '../core/scenario/indicators/indicator-keys.ts';
import type {
  ScenarioFigures,
  ScenarioIndicators as ScenarioIndicatorFigures,
  TargetCheck,
} from '../core/scenario/indicators/scenario-figures.ts';
import { LAST_PLAN_YEAR, PLAN_YEARS, type PlanYear, type Scenario } from '../core/scenario/types.ts';
import type { ZoneMeasures } from '../core/scenario/zone-measures.ts';
import { type Language, translate } from '../i18n/messages.ts';
import { type ScenarioMessageKey, scenarioText } from '../i18n/scenario-messages.ts';
import {
  selectActiveIndicators,
  selectActiveScenario,
  selectZoneMeasures,
} from '../state/scenario-selectors.ts';
import { isNegativeBalance, progressOf } from '../state/scenario-view.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import {
  formatInteger,
  formatM2,
  formatMu,
  formatPercent,
  formatWan,
  formatWanPerMu,
  pick,
} from './format.ts';
import { formatFirms, formatIndicatorValue } from './scenario-format.ts';

type Text = (key: ScenarioMessageKey, values?: Record<string, string | number>) => string;

const NO_ROWS: readonly PlotRow[] = Object.freeze([]);
const NO_MEASURES: Readonly<Record<string, ZoneMeasures>> = Object.freeze({});

/** Plots listed at first in an explanation, and how many more each click shows. */
const PLOTS_SHOWN = 50;
const PLOTS_MORE = 200;

/** The four targets of R1 and R7, with how each is shown. */
type TargetKey = 'controlShare' | 'renovatedMu' | 'renovatedTaxPerMu' | 'newAboveScaleFirms';

const TARGET_CARDS: readonly {
  key: TargetKey;
  kind: 'share' | 'amount';
  format: (language: Language, value: number | null) => string;
}[] = [
  { key: 'controlShare', kind: 'share', format: formatPercent },
  { key: 'renovatedMu', kind: 'amount', format: (l, v) => formatMu(l, v) },
  { key: 'renovatedTaxPerMu', kind: 'amount', format: (l, v) => formatWanPerMu(l, v) },
  { key: 'newAboveScaleFirms', kind: 'amount', format: formatFirms },
];

const TARGET_FORMAT: Readonly<Record<TargetKey, (language: Language, value: number) => string>> = {
  controlShare: formatPercent,
  renovatedMu: (l, v) => formatMu(l, v),
  renovatedTaxPerMu: (l, v) => formatWanPerMu(l, v),
  newAboveScaleFirms: formatFirms,
};

/** Which explanation is open: an indicator, for the ledger optionally one town. */
interface OpenExplanation {
  key: IndicatorKey;
  town?: string;
}

function sameExplanation(a: OpenExplanation | null, b: OpenExplanation): boolean {
  return a !== null && a.key === b.key && a.town === b.town;
}

/** Year buttons 2022…2026; 2026 is the plan as a whole. */
export function YearSwitch({
  year,
  onChange,
  language,
  testId,
}: {
  year: PlanYear;
  onChange: (year: PlanYear) => void;
  language: Language;
  testId?: string;
}) {
  return (
    <fieldset className="scn-years" data-testid={testId}>
      <legend className="scn-label">{scenarioText(language, 'scn.ind.year')}</legend>
      {PLAN_YEARS.map((option) => (
        <button
          key={option}
          type="button"
          className="scn-year"
          aria-pressed={option === year}
          data-year={option}
          onClick={() => onChange(option)}
        >
          {option === LAST_PLAN_YEAR ? scenarioText(language, 'scn.ind.overall', { year: option }) : option}
        </button>
      ))}
    </fieldset>
  );
}

function Badge({ met, children }: { met: boolean; children: ReactNode }) {
  return (
    <span className={`scn-badge ${met ? 'scn-badge-met' : 'scn-badge-not-met'}`} data-met={met}>
      {children}
    </span>
  );
}

function InfoToggle({ open, what, onClick }: { open: boolean; what: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="explain-button"
      aria-label={what}
      title={what}
      aria-expanded={open}
      onClick={onClick}
    >
      {/* Drawn as a letter in a CSS circle, as in Explain.tsx. */}
      <span aria-hidden="true">i</span>
    </button>
  );
}

function ProgressBar({
  check,
  kind,
  label,
}: {
  check: TargetCheck;
  kind: 'share' | 'amount';
  label: string;
}) {
  const { fill, marker } = progressOf(check.value, check.target, kind);
  return (
    <div className="scn-progress">
      {/* The value and the target are written out beside the bar: it is decoration for screen readers. */}
      <div className="scn-bar" aria-hidden="true">
        <div
          className={`scn-bar-fill ${check.met ? 'scn-bar-met' : 'scn-bar-not-met'}`}
          style={{ width: `${fill * 100}%` }}
        />
        <div className="scn-bar-target" style={{ left: `${marker * 100}%` }} />
      </div>
      <div className="scn-bar-legend">
        <span className="scn-bar-target-label" style={{ left: `${marker * 100}%` }}>
          {label}
        </span>
      </div>
    </div>
  );
}

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
function IndicatorExplain({
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
          {explanation.target && Object.hasOwn(TARGET_FORMAT, open.key) && (
            <tr>
              <th scope="row">{t('scn.explain.target')}</th>
              <td>
                {t('scn.ind.target', {
                  value: TARGET_FORMAT[open.key as TargetKey](language, explanation.target.target),
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

interface ScenarioIndicatorsProps {
  /** The year whose cumulative figures are shown; 2026 is the plan as a whole. */
  year: PlanYear;
  onYearChange: (year: PlanYear) => void;
}

/**
 * The indicators of the active scenario for one year against the 2026 targets: R1 and R7 with
 * progress bars, the quota ledger per town (R3), R2 violations, zone capacity and money (R5). Every
 * figure explains itself and lists the plots behind it.
 */
export function ScenarioIndicators({ year, onYearChange }: ScenarioIndicatorsProps) {
  const language = usePlanner((state) => state.language);
  const indicators = usePlanner(selectActiveIndicators);
  const scenario = usePlanner(selectActiveScenario);
  const rows = usePlanner((state) => state.analysis?.rows ?? NO_ROWS);
  const zoneMeasures = usePlanner((state) => {
    const active = selectActiveScenario(state);
    return active ? selectZoneMeasures(state, active.id) : NO_MEASURES;
  });
  const [open, setOpen] = useState<OpenExplanation | null>(null);
  const t: Text = (key, values) => scenarioText(language, key, values);

  if (!indicators || !scenario) {
    return (
      <section className="scn-indicators" data-testid="scenario-indicators">
        <p className="scn-sub">{t('scn.loading')}</p>
      </section>
    );
  }
  const figures = indicators.byYear[year];
  const toggle = (next: OpenExplanation) => setOpen(sameExplanation(open, next) ? null : next);
  const explainFor = (key: IndicatorKey, title: string, town?: string) => {
    const wanted: OpenExplanation = town === undefined ? { key } : { key, town };
    if (!sameExplanation(open, wanted) || !open) return null;
    return (
      <IndicatorExplain
        key={`${key}|${town ?? ''}|${year}`}
        open={open}
        year={year}
        rows={rows}
        zoneMeasures={zoneMeasures}
        scenario={scenario}
        indicators={indicators}
        language={language}
        title={title}
        onClose={() => setOpen(null)}
      />
    );
  };
  const info = (key: IndicatorKey, title: string) => (
    <InfoToggle
      open={sameExplanation(open, { key })}
      what={t('scn.explain.what', { what: title })}
      onClick={() => toggle({ key })}
    />
  );

  return (
    <section className="scn-indicators" data-testid="scenario-indicators" data-year={year}>
      <YearSwitch year={year} onChange={onYearChange} language={language} testId="indicator-year" />
      <p className="scn-sub scn-as-of">{t('scn.ind.asOf', { year })}</p>

      <div className="scn-card-grid">
        {TARGET_CARDS.map(({ key, kind, format }) => {
          const check = figures.targets[key];
          const title = t(`scn.ind.${key}`);
          const gap = check.value === null ? null : Math.max(0, check.target - check.value);
          return (
            <div key={key} className="scn-card" data-card={key}>
              <div className="scn-card-head">
                <h4 className="scn-card-title">{title}</h4>
                {info(key, title)}
              </div>
              <div
                className="scn-figure"
                data-field={key}
                data-value={check.value === null ? undefined : check.value}
              >
                {check.value === null ? t('scn.ind.noValue') : format(language, check.value)}
              </div>
              <ProgressBar
                check={check}
                kind={kind}
                label={t('scn.ind.target', { value: format(language, check.target) })}
              />
              <Badge met={check.met}>
                {check.met ? t('scn.ind.met') : t('scn.ind.notMet', { gap: format(language, gap) })}
              </Badge>
              <div className="scn-rule">{t(`scn.ind.rule.${key}`)}</div>
              {explainFor(key, title)}
            </div>
          );
        })}
      </div>

      <LedgerCard
        figures={figures}
        language={language}
        open={open}
        onToggle={toggle}
        info={info}
        explainFor={explainFor}
      />

      <div className="scn-card" data-card="violations">
        <div className="scn-card-head">
          <h4 className="scn-card-title">{t('scn.ind.violations')}</h4>
          {info('violations', t('scn.ind.violations'))}
        </div>
        <div className="scn-figure-row">
          <span className="scn-figure" data-field="violations" data-value={figures.violations.count}>
            {t('scn.ind.zonesUnit', { value: formatInteger(language, figures.violations.count) })}
          </span>
          <Badge met={figures.targets.violations.met}>
            {figures.targets.violations.met
              ? t('scn.ind.met')
              : t('scn.ind.violations.zones', { count: figures.violations.count })}
          </Badge>
        </div>
        {figures.violations.warningPlotCount > 0 && (
          <div
            className="scn-warn"
            data-field="warningPlots"
            data-value={figures.violations.warningPlotCount}
          >
            {t('scn.ind.violations.plots', {
              count: formatInteger(language, figures.violations.warningPlotCount),
            })}
          </div>
        )}
        {figures.violations.warningZoneIds.length > 0 && (
          <div className="scn-warn">
            {t('scn.ind.violations.warnZones', {
              count: formatInteger(language, figures.violations.warningZoneIds.length),
            })}
          </div>
        )}
        <div className="scn-rule">{t('scn.ind.violations.rule')}</div>
        {explainFor('violations', t('scn.ind.violations'))}
      </div>

      <CapacityCard
        figures={figures}
        scenario={scenario}
        language={language}
        info={info}
        explainFor={explainFor}
      />

      <MoneyCard figures={figures} language={language} info={info} explainFor={explainFor} />

      <DataNotes figures={figures} language={language} />
    </section>
  );
}

interface CardProps {
  figures: ScenarioFigures;
  language: Language;
  info: (key: IndicatorKey, title: string) => ReactNode;
  explainFor: (key: IndicatorKey, title: string, town?: string) => ReactNode;
}

function LedgerCard({
  figures,
  language,
  open,
  onToggle,
  info,
  explainFor,
}: CardProps & { open: OpenExplanation | null; onToggle: (next: OpenExplanation) => void }) {
  const t: Text = (key, values) => scenarioText(language, key, values);
  const { city, byTown, negativeTowns } = figures.ledger;
  const title = t('scn.ind.ledger');
  const towns = Object.keys(byTown);
  const openTown = open?.key === 'ledger' ? open.town : undefined;
  const mu = (value: number) => formatMu(language, value, false);
  return (
    <div className="scn-card" data-card="ledger">
      <div className="scn-card-head">
        <h4 className="scn-card-title">{title}</h4>
        {info('ledger', title)}
      </div>
      <div className="scn-figure-row">
        <span className="scn-sub">{t('scn.ind.ledger.city')}</span>
        <span
          className={`scn-figure${isNegativeBalance(city.balance) ? ' scn-negative' : ''}`}
          data-field="ledgerBalance"
          data-value={city.balance}
        >
          {formatMu(language, city.balance)}
        </span>
        <Badge met={figures.targets.ledger.met}>
          {negativeTowns.length === 0
            ? t('scn.ind.ledger.ok')
            : t('scn.ind.ledger.negative', { count: formatInteger(language, negativeTowns.length) })}
        </Badge>
      </div>
      <div className="scn-rule">{t('scn.ind.ledger.rule')}</div>
      {explainFor('ledger', title)}
      <details className="scn-ledger-details" open={negativeTowns.length > 0 || undefined}>
        <summary>{t('scn.ind.ledger.byTown')}</summary>
        <div className="scn-table-scroll">
          <table className="scn-table scn-ledger" data-testid="ledger-table">
            <thead>
              <tr>
                <th scope="col">{t('scn.ind.ledger.town')}</th>
                <th scope="col">{t('scn.ind.ledger.released')}</th>
                <th scope="col">{t('scn.ind.ledger.direct')}</th>
                <th scope="col">{t('scn.ind.ledger.in')}</th>
                <th scope="col">{t('scn.ind.ledger.out')}</th>
                <th scope="col">{t('scn.ind.ledger.used')}</th>
                <th scope="col">{t('scn.ind.ledger.balance')}</th>
              </tr>
            </thead>
            <tbody>
              {towns.map((town) => {
                const ledger = byTown[town];
                if (!ledger) return null;
                const negative = isNegativeBalance(ledger.balance);
                const chosen = openTown === town;
                return (
                  <tr
                    key={town}
                    className={`${negative ? 'scn-row-negative' : ''}${chosen ? ' scn-row-chosen' : ''}`}
                    data-town={town}
                    data-balance={ledger.balance}
                  >
                    <th scope="row">
                      <button
                        type="button"
                        className="scn-link"
                        aria-expanded={chosen}
                        title={t('scn.explain.what', { what: `${title} · ${town}` })}
                        onClick={() => onToggle({ key: 'ledger', town })}
                      >
                        {town || t('scn.ind.ledger.noTown')}
                      </button>
                    </th>
                    <td>{mu(ledger.released)}</td>
                    <td>{mu(ledger.directQuotaMu)}</td>
                    <td>{mu(ledger.transfersIn)}</td>
                    <td>{mu(ledger.transfersOut)}</td>
                    <td>{mu(ledger.used)}</td>
                    <td className={negative ? 'scn-negative' : undefined}>{mu(ledger.balance)}</td>
                  </tr>
                );
              })}
              <tr className="scn-row-total">
                <th scope="row">{t('scn.ind.ledger.total')}</th>
                <td>{mu(city.released)}</td>
                <td>{mu(city.directQuotaMu)}</td>
                <td>{mu(city.transfersIn)}</td>
                <td>{mu(city.transfersOut)}</td>
                <td>{mu(city.used)}</td>
                <td className={isNegativeBalance(city.balance) ? 'scn-negative' : undefined}>
                  {mu(city.balance)}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
        {openTown !== undefined && explainFor('ledger', title, openTown)}
      </details>
    </div>
  );
}

function CapacityCard({ figures, scenario, language, info, explainFor }: CardProps & { scenario: Scenario }) {
  const t: Text = (key, values) => scenarioText(language, key, values);
  const title = t('scn.ind.capacity');
  const zones = scenario.zones.filter((zone) => figures.capacity[zone.id] !== undefined);
  const short = zones.filter((zone) => figures.capacity[zone.id]?.isShort);
  const m2 = (value: number) => formatM2(language, value, false);
  return (
    <div className="scn-card" data-card="capacity">
      <div className="scn-card-head">
        <h4 className="scn-card-title">{title}</h4>
        {info('capacity', title)}
      </div>
      {zones.length === 0 ? (
        <p className="scn-sub">{t('scn.ind.capacity.none')}</p>
      ) : (
        <>
          <div className="scn-figure-row">
            <Badge met={short.length === 0}>
              {short.length === 0
                ? t('scn.ind.capacity.ok')
                : t('scn.ind.capacity.short', { count: formatInteger(language, short.length) })}
            </Badge>
            <span className="scn-sub">{t('scn.ind.capacity.unit')}</span>
          </div>
          <table className="scn-table" data-testid="capacity-table">
            <thead>
              <tr>
                <th scope="col">{t('scn.ind.capacity.zone')}</th>
                <th scope="col">{t('scn.ind.capacity.demand')}</th>
                <th scope="col">{t('scn.ind.capacity.supply')}</th>
                <th scope="col">{t('scn.ind.capacity.shortfall')}</th>
              </tr>
            </thead>
            <tbody>
              {zones.map((zone) => {
                const capacity = figures.capacity[zone.id];
                if (!capacity) return null;
                return (
                  <tr
                    key={zone.id}
                    className={capacity.isShort ? 'scn-row-negative' : undefined}
                    data-zone-id={zone.id}
                    data-shortfall={capacity.shortfallM2}
                  >
                    <th scope="row">{zone.name}</th>
                    <td>{m2(capacity.demandM2)}</td>
                    <td>{m2(capacity.supplyM2)}</td>
                    <td className={capacity.isShort ? 'scn-negative' : undefined}>
                      {m2(capacity.shortfallM2)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      {figures.data.unassignedRelocations > 0 && (
        <div className="scn-warn">
          {t('scn.ind.capacity.unassigned', {
            count: formatInteger(language, figures.data.unassignedRelocations),
          })}
        </div>
      )}
      {explainFor('capacity', title)}
    </div>
  );
}

function MoneyCard({ figures, language, info, explainFor }: CardProps) {
  const t: Text = (key, values) => scenarioText(language, key, values);
  const { money } = figures;
  const title = t('scn.ind.money');
  const total = money.acquisitionWan + money.demolitionWan + money.rewardWan;
  const line = (label: ScenarioMessageKey, value: number, field: string, sub = false) => (
    <div className={`scn-money-line${sub ? ' scn-money-sub' : ''}`}>
      <dt>{t(label)}</dt>
      <dd data-field={field} data-value={value}>
        {formatWan(language, value)}
      </dd>
    </div>
  );
  return (
    <div className="scn-card" data-card="money">
      <div className="scn-card-head">
        <h4 className="scn-card-title">{title}</h4>
        {info('money', title)}
      </div>
      <dl className="scn-money">
        {line('scn.ind.money.acquisition', money.acquisitionWan, 'acquisitionWan')}
        {money.leaseWan > 0 && line('scn.ind.money.purchase', money.purchaseWan, 'purchaseWan', true)}
        {money.leaseWan > 0 && line('scn.ind.money.lease', money.leaseWan, 'leaseWan', true)}
        {line('scn.ind.money.demolition', money.demolitionWan, 'demolitionWan')}
        {line('scn.ind.money.reward', money.rewardWan, 'rewardWan')}
        <div className="scn-money-line scn-money-total">
          <dt>{t('scn.ind.money.total')}</dt>
          <dd data-field="totalWan" data-value={total}>
            {formatWan(language, total)}
          </dd>
        </div>
      </dl>
      <h5 className="scn-minor-title">{t('scn.ind.money.village')}</h5>
      <dl className="scn-money">
        {line('scn.ind.money.before', money.villageIncomeBeforeWan, 'villageIncomeBeforeWan')}
        {line('scn.ind.money.after', money.villageIncomeAfterWan, 'villageIncomeAfterWan')}
        {money.villageOneOffWan > 0 &&
          line('scn.ind.money.oneOff', money.villageOneOffWan, 'villageOneOffWan')}
      </dl>
      <div className="scn-rule">{t('scn.ind.money.note')}</div>
      {explainFor('money', title)}
    </div>
  );
}

function DataNotes({ figures, language }: { figures: ScenarioFigures; language: Language }) {
  const t: Text = (key, values) => scenarioText(language, key, values);
  const { data } = figures;
  const notes: { key: ScenarioMessageKey; count: number }[] = [
    { key: 'scn.ind.data.unknownPlots', count: data.unknownPlotCount },
    { key: 'scn.ind.data.missingTax', count: data.missingTaxPlots },
    { key: 'scn.ind.data.missingFloor', count: data.missingFloorAreaPlots },
    { key: 'scn.ind.data.unmeasured', count: data.unmeasuredZoneIds.length },
  ];
  const shown = notes.filter((note) => note.count > 0);
  if (shown.length === 0) return null;
  return (
    <ul className="scn-notes" data-testid="scenario-data-notes">
      {shown.map((note) => (
        <li key={note.key}>{t(note.key, { count: formatInteger(language, note.count) })}</li>
      ))}
    </ul>
  );
}
