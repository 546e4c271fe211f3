/**
 * How each number of the dashboard and the plot panel is computed: the formula, its inputs with
 * their values, the result and the area method (DESIGN.md "Every indicator in the UI can explain
 * itself"). Pure: values stay numbers with a kind, and the UI formats them in the user's language.
 */

import type { PlotRow } from '../core/analysis/analyze-plan.ts';
import { type BaselineFigures, CONTROL_SHARE_TARGET } from '../core/analysis/baseline-indicators.ts';
import { nameWithRule } from '../core/catalogue/indicator-catalogue.ts';
import { M2_PER_MU } from '../core/geometry/ellipsoidal-area.ts';
import { type AnalysisSettings, AREA_METHOD, DEFAULT_SETTINGS } from '../core/settings.ts';
import type { Message, PlotProperties, PlotStatus } from '../core/types.ts';
import { type MessageKey, translate } from '../i18n/messages.ts';

/** A number and how to show it, or a text. */
export type ExplainValue =
  | {
      kind: 'mu' | 'm2' | 'ha' | 'share' | 'count' | 'wan' | 'wanPerMu' | 'ratio';
      /** undefined = missing (shown as —). */
      value: number | undefined;
    }
  | { kind: 'text'; text: Message };

export interface ExplainInput {
  label: Message;
  value: ExplainValue;
}

export interface Explanation {
  title: Message;
  /** In plain words, shown first. */
  formula: Message;
  /** The same formula in the code's names (DESIGN.md), a secondary technical line; none for a plain attribute. */
  technical?: string;
  inputs: ExplainInput[];
  result: ExplainValue;
  /** 计算口径 (AREA_METHOD). */
  method: Message;
  /** A remark: target met or not, example thresholds, a missing input. */
  note?: Message;
}

type Values = Readonly<Record<string, string | number>>;

/** The technical line of each explained formula, in DESIGN.md's names. */
const TECHNICAL = {
  industrialMu: 'Σ areaMu = Σ areaM2 × 15 / 10000',
  controlShare: 'Σ inControlM2 / Σ areaM2',
  outsideBoundaryMu: 'Σ (areaM2 − inBoundaryM2) × 15 / 10000',
  'status.control': 'fc ≥ 1 − τ',
  'status.boundary': 'fc < 1 − τ ∧ fb ≥ 1 − τ',
  'status.outside': 'fc < 1 − τ ∧ fb ≤ τ',
  'status.crossing': 'fc < 1 − τ ∧ τ < fb < 1 − τ',
  plotArea: 'areaMu = areaM2 × 15 / 10000; areaHa = areaM2 / 10000',
  inBoundary: 'fb = inBoundaryM2 / areaM2',
  inControl: 'fc = inControlM2 / areaM2',
  plotStatus: 'fc ≥ 1 − τ → control; fb ≥ 1 − τ → boundary; fb ≤ τ → outside; else crossing',
  taxPerMu: 'taxPerMu = taxWan / areaMu',
  investmentPerMu: 'investmentPerMu = investmentWan / areaMu',
  far: 'far = floorAreaM2 / areaM2',
  coverage: 'coverage = footprintM2 / areaM2',
  class: 'taxPerMu ≥ A → A; ≥ B → B; ≥ C → C; else D',
} as const;

/** A catalogue message in both languages. */
function message(key: MessageKey, values: Values = {}): Message {
  return { zh: translate('zh-CN', key, values), en: translate('en', key, values) };
}

/** Two different keys' texts, one per language, filled with per-language values. */
function messageWith(key: MessageKey, zhValues: Values, enValues: Values): Message {
  return { zh: translate('zh-CN', key, zhValues), en: translate('en', key, enValues) };
}

function number(kind: Exclude<ExplainValue['kind'], 'text'>, value: number | undefined): ExplainValue {
  return { kind, value: value === undefined || Number.isNaN(value) ? undefined : value };
}

function text(value: Message): ExplainValue {
  return { kind: 'text', text: value };
}

/** A share as a percentage with 2 decimals, for texts that hold numbers (same in zh-CN and en). */
function percentText(share: number): string {
  return `${(share * 100).toFixed(2)}%`;
}

function scopeInput(town: string | null): ExplainInput {
  const scope =
    town === null
      ? message('explain.city')
      : town === ''
        ? message('explain.noTown')
        : { zh: town, en: town };
  return { label: message('explain.scope'), value: text(scope) };
}

function countsInputs(figures: BaselineFigures): ExplainInput[] {
  const inputs: ExplainInput[] = [{ label: message('explain.plots'), value: number('count', figures.plots) }];
  if (figures.unclassified > 0) {
    inputs.push({ label: message('explain.unclassified'), value: number('count', figures.unclassified) });
  }
  return inputs;
}

/**
 * 工业用地总面积 of the city or one town.
 * @param town the town the figures are of; null for the whole city
 */
export function explainIndustrialMu(figures: BaselineFigures, town: string | null): Explanation {
  return {
    title: message('explain.industrialMu.title'),
    formula: message('explain.industrialMu.formula'),
    technical: TECHNICAL.industrialMu,
    inputs: [
      scopeInput(town),
      ...countsInputs(figures),
      { label: message('explain.sumAreaM2'), value: number('m2', figures.industrialM2) },
    ],
    result: number('mu', figures.industrialMu),
    method: AREA_METHOD,
  };
}

/** 控制线内用地占比 (R1) of the city or one town, against the 80 % target. */
export function explainControlShare(figures: BaselineFigures, town: string | null): Explanation {
  const share = figures.controlShare;
  const target = percentText(CONTROL_SHARE_TARGET);
  const explanation: Explanation = {
    title: nameWithRule('controlShare'),
    formula: message('explain.controlShare.formula'),
    technical: TECHNICAL.controlShare,
    inputs: [
      scopeInput(town),
      ...countsInputs(figures),
      { label: message('explain.sumInControlM2'), value: number('m2', figures.inControlMu * M2_PER_MU) },
      { label: message('explain.sumAreaM2'), value: number('m2', figures.industrialM2) },
      { label: message('explain.target'), value: number('share', CONTROL_SHARE_TARGET) },
    ],
    result: number('share', share ?? undefined),
    method: AREA_METHOD,
  };
  if (share !== null) {
    explanation.note = message(share >= CONTROL_SHARE_TARGET ? 'explain.targetMet' : 'explain.targetNotMet', {
      target,
    });
  }
  return explanation;
}

/** 开发边界外工业用地 (R2) of the city or one town, in 亩. */
export function explainOutsideBoundaryMu(figures: BaselineFigures, town: string | null): Explanation {
  return {
    title: message('explain.outsideBoundaryMu.title'),
    formula: message('explain.outsideBoundaryMu.formula'),
    technical: TECHNICAL.outsideBoundaryMu,
    inputs: [
      scopeInput(town),
      ...countsInputs(figures),
      { label: message('explain.sumOutsideM2'), value: number('m2', figures.outsideBoundaryMu * M2_PER_MU) },
      { label: message('explain.sumAreaM2'), value: number('m2', figures.industrialM2) },
    ],
    result: number('mu', figures.outsideBoundaryMu),
    method: AREA_METHOD,
  };
}

function statusName(status: PlotStatus): Message {
  return message(`status.${status}`);
}

/** The plots of one status in the city or a town: the rule with τ, their count and 亩. */
export function explainStatusFigures(
  figures: BaselineFigures,
  town: string | null,
  status: PlotStatus,
  tolerance: number,
): Explanation {
  const name = statusName(status);
  return {
    title: messageWith('explain.status.title', { status: name.zh }, { status: name.en }),
    formula: message(`explain.status.formula.${status}`),
    technical: TECHNICAL[`status.${status}`],
    inputs: [
      scopeInput(town),
      { label: message('explain.tolerance'), value: number('share', tolerance) },
      { label: message('explain.status.mu'), value: number('mu', figures.statusMu[status]) },
      {
        label: message('explain.status.share'),
        value: number(
          'share',
          figures.industrialMu > 0 ? figures.statusMu[status] / figures.industrialMu : undefined,
        ),
      },
    ],
    result: number('count', figures.statusCounts[status]),
    method: AREA_METHOD,
  };
}

/** The plots that could not be classified. */
export function explainUnclassified(figures: BaselineFigures, town: string | null): Explanation {
  return {
    title: message('explain.unclassified.title'),
    formula: message('explain.unclassified.formula'),
    inputs: [scopeInput(town)],
    result: number('count', figures.unclassified),
    method: AREA_METHOD,
  };
}

/** A plot's area in m², 亩 and hectares. */
export function explainPlotArea(row: PlotRow): Explanation {
  return {
    title: message('explain.plotArea.title'),
    formula: message('explain.plotArea.formula'),
    technical: TECHNICAL.plotArea,
    inputs: [
      { label: message('explain.areaM2'), value: number('m2', row.areaM2) },
      { label: message('explain.areaHa'), value: number('ha', row.areaM2 / 10000) },
    ],
    result: number('mu', row.areaMu),
    method: AREA_METHOD,
  };
}

function share(part: number, whole: number): number | undefined {
  return whole > 0 ? part / whole : undefined;
}

/** The share of a plot inside the development boundary, fb. */
export function explainPlotInBoundary(row: PlotRow): Explanation {
  return {
    title: message('explain.inBoundary.title'),
    formula: message('explain.inBoundary.formula'),
    technical: TECHNICAL.inBoundary,
    inputs: [
      { label: message('explain.inBoundaryM2'), value: number('m2', row.inBoundaryM2) },
      { label: message('explain.areaM2'), value: number('m2', row.areaM2) },
      { label: message('explain.inBoundaryMu'), value: number('mu', (row.inBoundaryM2 * 15) / 10000) },
    ],
    result: number('share', share(row.inBoundaryM2, row.areaM2)),
    method: AREA_METHOD,
  };
}

/** The share of a plot inside the industrial control lines, fc. */
export function explainPlotInControl(row: PlotRow): Explanation {
  return {
    title: message('explain.inControl.title'),
    formula: message('explain.inControl.formula'),
    technical: TECHNICAL.inControl,
    inputs: [
      { label: message('explain.inControlM2'), value: number('m2', row.inControlM2) },
      { label: message('explain.areaM2'), value: number('m2', row.areaM2) },
      { label: message('explain.inControlMu'), value: number('mu', (row.inControlM2 * 15) / 10000) },
    ],
    result: number('share', share(row.inControlM2, row.areaM2)),
    method: AREA_METHOD,
  };
}

/**
 * A plot's status by the rule of DESIGN.md with the sliver tolerance τ: fc and fb, the thresholds
 * 1 − τ and τ, and the branch taken (the branch follows the row's status, which the core computed).
 */
export function explainPlotStatus(row: PlotRow, tolerance: number): Explanation {
  const fc = share(row.inControlM2, row.areaM2);
  const fb = share(row.inBoundaryM2, row.areaM2);
  const values: Values = {
    fc: fc === undefined ? '—' : percentText(fc),
    fb: fb === undefined ? '—' : percentText(fb),
    upper: percentText(1 - tolerance),
    tolerance: percentText(tolerance),
  };
  return {
    title: message('explain.plotStatus.title'),
    formula: message('explain.plotStatus.formula'),
    technical: TECHNICAL.plotStatus,
    inputs: [
      { label: message('explain.fc'), value: number('share', fc) },
      { label: message('explain.fb'), value: number('share', fb) },
      { label: message('explain.tolerance'), value: number('share', tolerance) },
      { label: message('explain.upper'), value: number('share', 1 - tolerance) },
      {
        label: message('explain.branch'),
        value: text(
          row.status === null
            ? message('explain.branch.none')
            : message(`explain.branch.${row.status}`, values),
        ),
      },
    ],
    result: text(row.status === null ? message('explain.unclassifiedPlot') : statusName(row.status)),
    method: AREA_METHOD,
  };
}

function isDefault(settings: AnalysisSettings): boolean {
  const a = settings.screening;
  const b = DEFAULT_SETTINGS.screening;
  const c = settings.classLimits;
  const d = DEFAULT_SETTINGS.classLimits;
  return (
    a.investmentPerMu === b.investmentPerMu &&
    a.far === b.far &&
    a.coverage === b.coverage &&
    a.taxPerMu === b.taxPerMu &&
    c.A === d.A &&
    c.B === d.B &&
    c.C === d.C
  );
}

/** Whether the settings' thresholds and class limits are still the example defaults. */
export function hasExampleThresholds(settings: AnalysisSettings): boolean {
  return isDefault(settings);
}

export type MeasureKey = 'taxPerMu' | 'investmentPerMu' | 'far' | 'coverage';

const MEASURES: Record<
  MeasureKey,
  {
    attribute: keyof PlotProperties;
    attributeKind: 'wan' | 'm2';
    perMu: boolean;
    kind: 'wanPerMu' | 'ratio' | 'share';
  }
> = {
  taxPerMu: { attribute: 'taxWan', attributeKind: 'wan', perMu: true, kind: 'wanPerMu' },
  investmentPerMu: { attribute: 'investmentWan', attributeKind: 'wan', perMu: true, kind: 'wanPerMu' },
  far: { attribute: 'floorAreaM2', attributeKind: 'm2', perMu: false, kind: 'ratio' },
  coverage: { attribute: 'footprintM2', attributeKind: 'm2', perMu: false, kind: 'share' },
};

const ATTRIBUTE_LABEL: Record<MeasureKey, MessageKey> = {
  taxPerMu: 'explain.taxWan',
  investmentPerMu: 'explain.investmentWan',
  far: 'explain.floorAreaM2',
  coverage: 'explain.footprintM2',
};

/**
 * One efficiency measure of a plot (亩均税收 taxWan / areaMu, 投资强度 investmentWan / areaMu,
 * 容积率 floorAreaM2 / areaM2, 建筑密度 footprintM2 / areaM2) and its entry-screening verdict.
 */
export function explainPlotMeasure(row: PlotRow, key: MeasureKey, settings: AnalysisSettings): Explanation {
  const spec = MEASURES[key];
  const attribute = row.properties[spec.attribute];
  const value = row.measures[key];
  const verdict = row.measures.screening[key];
  const inputs: ExplainInput[] = [
    {
      label: message(ATTRIBUTE_LABEL[key]),
      value: number(spec.attributeKind, typeof attribute === 'number' ? attribute : undefined),
    },
    spec.perMu
      ? { label: message('explain.areaMu'), value: number('mu', row.areaMu) }
      : { label: message('explain.areaM2'), value: number('m2', row.areaM2) },
    { label: message('explain.threshold'), value: number(spec.kind, settings.screening[key]) },
    {
      label: message('explain.verdict'),
      value: text(
        message(verdict === undefined ? 'explain.unknown' : verdict ? 'explain.pass' : 'explain.fail'),
      ),
    },
  ];
  const explanation: Explanation = {
    title: message(`explain.${key}.title`),
    formula: message(`explain.${key}.formula`),
    technical: TECHNICAL[key],
    inputs,
    result: number(spec.kind, value),
    method: AREA_METHOD,
  };
  if (value === undefined) explanation.note = message('explain.missing');
  else if (isDefault(settings)) explanation.note = message('explain.exampleNote');
  return explanation;
}

/** A plot's efficiency class (亩均效益分类) by tax per 亩 and the class limits. */
export function explainPlotClass(row: PlotRow, settings: AnalysisSettings): Explanation {
  const limits = settings.classLimits;
  const efficiencyClass = row.measures.efficiencyClass;
  const explanation: Explanation = {
    title: message('explain.class.title'),
    formula: message('explain.class.formula', { A: limits.A, B: limits.B, C: limits.C }),
    technical: TECHNICAL.class,
    inputs: [
      { label: message('panel.taxPerMu'), value: number('wanPerMu', row.measures.taxPerMu) },
      ...(['A', 'B', 'C'] as const).map((name) => ({
        label: message('explain.classLimit', { class: name }),
        value: number('wanPerMu', limits[name]),
      })),
    ],
    result: text(
      efficiencyClass === undefined
        ? message('explain.noClass')
        : { zh: efficiencyClass, en: efficiencyClass },
    ),
    method: AREA_METHOD,
  };
  if (efficiencyClass === undefined) explanation.note = message('explain.missing');
  else if (isDefault(settings)) explanation.note = message('explain.exampleNote');
  return explanation;
}

export type CountAttribute = 'firms' | 'aboveScaleFirms' | 'employees' | 'taxWan';

/** A number taken from the plot's attributes as imported (firms, employees, tax). */
export function explainPlotAttribute(row: PlotRow, field: CountAttribute, what: Message): Explanation {
  const value = row.properties[field];
  return {
    title: messageWith('explain.attribute.title', { what: what.zh }, { what: what.en }),
    formula: messageWith('explain.attribute.formula', { what: what.zh }, { what: what.en }),
    technical: `properties.${field}`,
    inputs: [],
    result: number(field === 'taxWan' ? 'wan' : 'count', value),
    method: AREA_METHOD,
  };
}
