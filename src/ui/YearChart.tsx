import { figureRecord } from '../core/catalogue/figure-catalogue.ts';
import { indicatorRecord, TARGET_KEYS, type TargetKey } from '../core/catalogue/indicator-catalogue.ts';
import { PLAN_YEARS } from '../core/scenario/scenario.ts';
import type { Language } from '../i18n/messages.ts';
import { type ScenarioMessageKey, scenarioText } from '../i18n/scenario-messages.ts';
import { chartScale } from '../state/chart-scale.ts';
import { selectActiveIndicators } from '../state/scenario-selectors.ts';
import { usePlanner } from '../state/store.ts';
import { pick } from './format.ts';
import { formatChartValue } from './scenario-format.ts';

type ChartKind = 'share' | 'mu' | 'wanPerMu' | 'firms';

/** The unit written after a chart's name (none for a share: its labels carry %). */
const CHART_UNIT: Readonly<Record<ChartKind, ScenarioMessageKey | null>> = {
  share: null,
  mu: 'scn.unit.mu',
  wanPerMu: 'scn.unit.wanPerMu',
  firms: 'scn.unit.firms',
};

function isChartKind(unit: string): unit is ChartKind {
  return Object.hasOwn(CHART_UNIT, unit);
}

/** One chart per target of the catalogue (TARGET_KEYS), in its order, drawn in its figure's unit. */
const CHARTS = TARGET_KEYS.map((key) => {
  const { unit } = figureRecord(indicatorRecord(key).headline);
  if (!isChartKind(unit)) throw new Error(`expected a target in share, mu, wanPerMu or firms, got "${unit}"`);
  return { key, kind: unit, unit: CHART_UNIT[unit] };
});

/** The SVG's own coordinates: the chart scales with its box, text with it. */
const WIDTH = 200;
const HEIGHT = 140;
const LEFT = 36;
const RIGHT = 10;
const TOP = 20;
const BOTTOM = 20;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;

const MET_COLOR = '#1f7a34';
const NOT_MET_COLOR = '#c0261b';

function xOf(i: number): number {
  return LEFT + 10 + (i * (PLOT_W - 20)) / (PLAN_YEARS.length - 1);
}

/** Path of the line through the known values; a missing value breaks it. */
function linePath(points: readonly ({ x: number; y: number } | null)[]): string {
  let path = '';
  let drawing = false;
  for (const point of points) {
    if (!point) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${point.x.toFixed(1)},${point.y.toFixed(1)}`;
    drawing = true;
  }
  return path;
}

/** The baseline of a point's value label: above the point, or below it near the top. */
function valueLabelY(pointY: number): number {
  return pointY < TOP + 12 ? pointY + 13 : pointY - 6;
}

/** Rough width in SVG units of a label at about 10 px: CJK characters are twice as wide. */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) > 0x2e80 ? 10 : 5.8;
  return width;
}

interface LabelBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Where the target's label goes: above its line at the right, else below it, else the same at the
 * left, whichever first clears the points and their value labels (the first if none does).
 */
export function placeTargetLabel(
  targetY: number,
  text: string,
  points: readonly ({ x: number; y: number; text: string } | null)[],
): { y: number; anchor: 'start' | 'end' } {
  const taken: LabelBox[] = [];
  for (const point of points) {
    if (!point) continue;
    taken.push({ left: point.x - 4, right: point.x + 4, top: point.y - 4, bottom: point.y + 4 });
    const half = textWidth(point.text) / 2;
    const baseline = valueLabelY(point.y);
    taken.push({ left: point.x - half, right: point.x + half, top: baseline - 9, bottom: baseline + 2 });
  }
  const width = textWidth(text);
  const above = targetY < TOP + 10 ? targetY + 10 : targetY - 3;
  const below = targetY > TOP + PLOT_H - 12 ? above : targetY + 10;
  const candidates: { y: number; anchor: 'start' | 'end' }[] = [
    { y: above, anchor: 'end' },
    { y: below, anchor: 'end' },
    { y: above, anchor: 'start' },
    { y: below, anchor: 'start' },
  ];
  const free = candidates.find(({ y, anchor }) => {
    const left = anchor === 'end' ? WIDTH - RIGHT - width : LEFT + 3;
    const box = { left, right: left + width, top: y - 9, bottom: y + 2 };
    return !taken.some((other) => overlaps(box, other));
  });
  return free ?? (candidates[0] as { y: number; anchor: 'start' | 'end' });
}

function MiniChart({
  name,
  kind,
  values,
  target,
  language,
  chartKey,
}: {
  name: string;
  kind: (typeof CHARTS)[number]['kind'];
  values: readonly (number | null)[];
  target: number;
  language: Language;
  chartKey: TargetKey;
}) {
  const scale = chartScale(values, target, kind === 'share' ? 'share' : 'amount');
  const yOf = (value: number) => TOP + PLOT_H - (Math.min(value, scale.max) / scale.max) * PLOT_H;
  const points = values.map((value, i) => (value === null ? null : { x: xOf(i), y: yOf(value) }));
  const targetY = yOf(target);
  const targetText = scenarioText(language, 'scn.chart.target', {
    value: formatChartValue(language, target, kind),
  });
  const targetLabel = placeTargetLabel(
    targetY,
    targetText,
    points.map((point, i) =>
      point ? { ...point, text: formatChartValue(language, values[i] as number, kind) } : null,
    ),
  );
  const description = PLAN_YEARS.map(
    (year, i) => `${year} ${formatChartValue(language, values[i] ?? null, kind)}`,
  ).join(language === 'zh-CN' ? '，' : ', ');
  const label = `${scenarioText(language, 'scn.chart.label', { name })}${language === 'zh-CN' ? '：' : ': '}${description}`;
  return (
    <figure className="scn-chart" data-key={chartKey}>
      <figcaption className="scn-chart-title" data-indicator-name={chartKey}>
        {name}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="scn-chart-svg">
        {scale.ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={yOf(tick)} y2={yOf(tick)} className="scn-chart-grid" />
            <text x={LEFT - 4} y={yOf(tick) + 3.5} textAnchor="end" className="scn-chart-axis">
              {formatChartValue(language, tick, kind, true)}
            </text>
          </g>
        ))}
        {PLAN_YEARS.map((year, i) => (
          <text key={year} x={xOf(i)} y={HEIGHT - 5} textAnchor="middle" className="scn-chart-axis">
            {year}
          </text>
        ))}
        <line
          x1={LEFT}
          x2={WIDTH - RIGHT}
          y1={targetY}
          y2={targetY}
          className="scn-chart-target"
          data-target={target}
        />
        <text
          x={targetLabel.anchor === 'end' ? WIDTH - RIGHT : LEFT + 3}
          y={targetLabel.y}
          textAnchor={targetLabel.anchor}
          className="scn-chart-target-label"
        >
          {targetText}
        </text>
        <path d={linePath(points)} className="scn-chart-line" />
        {points.map((point, i) => {
          if (!point) return null;
          const value = values[i] as number;
          const met = value >= target;
          const labelY = valueLabelY(point.y);
          return (
            <g key={PLAN_YEARS[i]} data-year={PLAN_YEARS[i]} data-value={value}>
              <circle cx={point.x} cy={point.y} r={3.2} fill={met ? MET_COLOR : NOT_MET_COLOR} />
              <text x={point.x} y={labelY} textAnchor="middle" className="scn-chart-value">
                {formatChartValue(language, value, kind)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/**
 * The four targets of R1 and R7 over the years 2022–2026 as small multiples: the scenario's
 * cumulative value per year, labelled, against its target as a dashed line. Inline SVG, no library.
 */
export function YearChart() {
  const language = usePlanner((state) => state.language);
  const indicators = usePlanner(selectActiveIndicators);
  if (!indicators) return null;
  return (
    <div className="scn-year-chart" data-testid="year-chart">
      <div className="scn-chart-grid-layout">
        {CHARTS.map(({ key, kind, unit }) => {
          const values = PLAN_YEARS.map((year) => indicators.byYear[year].targets[key].value);
          const goal = indicators.overall.targets[key].target;
          return (
            <MiniChart
              key={key}
              chartKey={key}
              name={
                unit === null
                  ? pick(language, indicatorRecord(key).name)
                  : scenarioText(language, 'scn.chart.title', {
                      name: pick(language, indicatorRecord(key).name),
                      unit: scenarioText(language, unit),
                    })
              }
              kind={kind}
              values={values}
              target={goal}
              language={language}
            />
          );
        })}
      </div>
      <p className="scn-rule">{scenarioText(language, 'scn.chart.note')}</p>
    </div>
  );
}
