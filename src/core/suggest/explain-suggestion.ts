/**
 * The suggestion in plain words: why each plot gets its action, which constraints bind and what one
 * more unit of each would be worth, and what is missing when the targets cannot all be met.
 */

import type { PlotRow } from '../analysis/analyze-plan.ts';
import { actionName } from '../catalogue/action-catalogue.ts';
import type { ScenarioFigures } from '../scenario/indicators/scenario-figures.ts';
import type { ActionEntry, PlanYear, Scenario } from '../scenario/scenario.ts';
import type { Message } from '../types.ts';
import type { SuggestModel } from './suggest-model.ts';
import type { ObjectiveWeights } from './suggest-settings.ts';
import type { BindingConstraint, ConstraintKind, Shortfall } from './suggestion.ts';

const STATUS_WORDS: Record<string, Message> = {
  control: { zh: '控制线内', en: 'inside the control lines' },
  boundary: { zh: '开发边界内、控制线外', en: 'inside the boundary, outside the control lines' },
  crossing: { zh: '跨开发边界', en: 'crossing the boundary' },
  outside: { zh: '开发边界外', en: 'outside the boundary' },
};

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

/** "搬迁入园 2024：开发边界外，亩均税收 2.1 万元/亩，迁入承接区块 3，剩余容量 1.2 万平方米". */
export function explainAction(
  row: PlotRow,
  entry: ActionEntry,
  scenario: Scenario,
  last: ScenarioFigures,
): Message {
  const name = actionName(entry.action);
  const parts: Message[] = [];
  const status = row.status ? STATUS_WORDS[row.status] : undefined;
  if (status) parts.push(status);
  const taxPerMu = row.measures.taxPerMu;
  if (taxPerMu !== undefined && Number.isFinite(taxPerMu))
    parts.push({
      zh: `亩均税收 ${fixed(taxPerMu, 1)} 万元/亩`,
      en: `tax ${fixed(taxPerMu, 1)} (10k CNY)/mu`,
    });
  else parts.push({ zh: '无税收数据', en: 'no tax figure' });
  if (row.properties.safetyRisk || row.properties.pollution)
    parts.push({ zh: '有安全或污染隐患', en: 'flagged for safety risk or pollution' });
  if (entry.action === 'relocate' && entry.zoneId !== undefined) {
    const zone = scenario.zones.find((z) => z.id === entry.zoneId);
    const capacity = last.capacity[entry.zoneId];
    const left = capacity ? (capacity.supplyM2 - capacity.demandM2) / 10000 : 0;
    parts.push({
      zh: `迁入承接区块“${zone?.name ?? entry.zoneId}”，剩余容量 ${fixed(left, 2)} 万平方米`,
      en: `moves into receiving zone "${zone?.name ?? entry.zoneId}", ${fixed(left, 2)} ×10,000 m² of capacity left`,
    });
  }
  if (entry.lease)
    parts.push({ zh: `租赁 ${entry.lease.years} 年`, en: `leased for ${entry.lease.years} years` });
  return {
    zh: `${name.zh} ${entry.year}：${parts.map((p) => p.zh).join('，')}`,
    en: `${name.en} ${entry.year}: ${parts.map((p) => p.en).join(', ')}`,
  };
}

/** Words of the objective's unit: 万元 for cost alone, else "objective units". */
function objectiveUnit(weights: ObjectiveWeights): Message {
  if (weights.firms === 0 && weights.incomeWan === 0) return { zh: '万元', en: '10k CNY' };
  if (weights.costWan === 0 && weights.incomeWan === 0) return { zh: '家受影响企业', en: 'disturbed firms' };
  if (weights.costWan === 0 && weights.firms === 0)
    return { zh: '万元/年村集体收入', en: '10k CNY/year of village income' };
  return { zh: '（目标值）', en: '(objective units)' };
}

interface RowWords {
  unit: BindingConstraint['unit'];
  /** Original units per step of `unit` (e.g. 0.01 for one percentage point). */
  step: (last: ScenarioFigures) => number;
  more: (subject: string, zoneName: string) => Message;
}

const ROW_WORDS: Partial<Record<ConstraintKind, RowWords>> = {
  controlShare: {
    unit: 'percentPoint',
    // One percentage point less of the target lowers the row's right-hand side by 0.01 × the land.
    step: (f) => 0.01 * (f.parts.remainingM2 + f.parts.zonesNewLandM2),
    more: () => ({
      zh: '控制线内占比目标每降低 1 个百分点',
      en: 'each percentage point less of the control-share target',
    }),
  },
  renovatedMu: {
    unit: 'mu',
    step: () => 1,
    more: () => ({ zh: '改造提升面积目标每减少 1 亩', en: 'each 亩 less of the renovation target' }),
  },
  renovatedTaxPerMu: {
    unit: 'wanPerMu',
    step: (f) => f.parts.improvedTaxMu + f.parts.zonesNewLandMu,
    more: () => ({ zh: '亩均税收目标每降低 1 万元/亩', en: 'each 10k CNY/mu less of the tax-per-mu target' }),
  },
  newAboveScaleFirms: {
    unit: 'firms',
    step: () => 1,
    more: () => ({
      zh: '新增规上企业目标每减少 1 家',
      en: 'each firm less of the new above-scale firms target',
    }),
  },
  quota: {
    unit: 'mu',
    step: () => 1,
    more: (town) => ({ zh: `${town}每多 1 亩用地指标`, en: `each more 亩 of quota in ${town}` }),
  },
  capacity: {
    unit: 'mu',
    // One more 亩 of the zone's new land gives far × 666.7 m² of floor area.
    step: () => 10000 / 15,
    more: (_, zone) => ({
      zh: `承接区块“${zone}”每多 1 亩新增用地`,
      en: `each more 亩 of receiving zone "${zone}"`,
    }),
  },
  budget: {
    unit: 'wan',
    step: () => 1,
    more: () => ({ zh: '当年预算每多 1 万元', en: 'each more 10k CNY of that year’s budget' }),
  },
};

/**
 * The rows with a positive price, dearest first, in words.
 * @param lambda row prices of the LP relaxation (objective per scaled unit)
 */
export function bindingConstraints(
  model: SuggestModel,
  lambda: Float64Array,
  scenario: Scenario,
  last: ScenarioFigures,
  weights: ObjectiveWeights,
): BindingConstraint[] {
  const unit = objectiveUnit(weights);
  const out: BindingConstraint[] = [];
  model.groups.forEach((group, g) => {
    const words = ROW_WORDS[group.kind];
    if (!words) return;
    for (let k = 0; k < model.K; k++) {
      const price = lambda[g * model.K + k] as number;
      // A price at the penalty means the row is given up, not bound (see the shortfalls).
      if (!(price > 1e-9) || price >= group.penalty * 0.999) continue;
      const zone = scenario.zones.find((z) => z.id === group.subject);
      const perUnit =
        (price / group.scale) * words.step(last) * (group.kind === 'capacity' ? (zone?.far ?? 1) : 1);
      const what = words.more(group.subject ?? '', zone?.name ?? group.subject ?? '');
      const year = model.years[k] as PlanYear;
      out.push({
        kind: group.kind,
        year,
        ...(group.subject !== undefined ? { subject: group.subject } : {}),
        unit: words.unit,
        priceWan: perUnit,
        message: {
          zh: `${year} 年：${what.zh}，约可节省 ${perUnit.toFixed(2)} ${unit.zh}`,
          en: `${year}: ${what.en} would save about ${perUnit.toFixed(2)} ${unit.en}`,
        },
      });
    }
  });
  return out.sort((x, y) => y.priceWan - x.priceWan);
}

const SHORT_WORDS: Record<string, Message> = {
  controlShare: { zh: '控制线内用地占比', en: 'share of land inside control lines' },
  renovatedMu: { zh: '改造提升面积（亩）', en: 'land renovated (mu)' },
  renovatedTaxPerMu: { zh: '改造区块亩均税收（万元/亩）', en: 'tax per mu of renovated blocks' },
  renovatedTaxBase: { zh: '有税收数据的改造用地', en: 'renovated land with a tax figure' },
  newAboveScaleFirms: { zh: '新增规上工业企业（家）', en: 'new above-scale firms' },
  quota: { zh: '用地指标余额（亩）', en: 'quota balance (mu)' },
  capacity: { zh: '承接区块容量（平方米）', en: 'receiving zone capacity (m²)' },
  budget: { zh: '年度预算（万元）', en: 'yearly budget (10k CNY)' },
  violations: { zh: '承接区块 R2 违规', en: 'R2 violations of receiving zones' },
  rule: { zh: '规则', en: 'rules' },
};

const LIMIT_WORDS: Record<string, Message> = {
  quota: { zh: '用地指标', en: 'quota' },
  capacity: { zh: '承接区块容量', en: 'zone capacity' },
  budget: { zh: '年度预算', en: 'budget' },
  rule: { zh: '规则', en: 'rules' },
};

/** One shortfall in words. */
export function shortfallMessage(
  kind: ConstraintKind,
  year: PlanYear,
  subject: string | undefined,
  required: number,
  reached: number,
  limitedBy: ConstraintKind[],
): Shortfall {
  const what = SHORT_WORDS[kind] ?? { zh: kind, en: kind };
  const of = subject ? { zh: `（${subject}）`, en: ` (${subject})` } : { zh: '', en: '' };
  const limits = limitedBy.map((limit) => LIMIT_WORDS[limit] ?? { zh: limit, en: limit });
  const because =
    limits.length > 0
      ? {
          zh: `，受${limits.map((l) => l.zh).join('、')}限制`,
          en: `; held back by ${limits.map((l) => l.en).join(', ')}`,
        }
      : { zh: '', en: '' };
  return {
    kind,
    year,
    ...(subject !== undefined ? { subject } : {}),
    required,
    reached,
    limitedBy,
    message: {
      zh: `${year} 年${what.zh}${of.zh}无法达到 ${required.toPrecision(6)}，最多 ${reached.toPrecision(6)}${because.zh}。`,
      en: `${year}: ${what.en}${of.en} cannot reach ${required.toPrecision(6)}; at best ${reached.toPrecision(6)}${because.en}.`,
    },
  };
}
