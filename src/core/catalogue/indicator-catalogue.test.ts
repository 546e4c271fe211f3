import { describe, expect, it } from 'vitest';
import { undrawableCharacters } from '../../../test/support/font-coverage.ts';
import type { PlotRow } from '../analysis/analyze-plan.ts';
import { M2_PER_MU } from '../geometry/ellipsoidal-area.ts';
import { INDICATOR_KEYS } from '../scenario/indicators/indicator-keys.ts';
import { scenarioIndicators } from '../scenario/indicators/scenario-indicators.ts';
import { SCENARIO_TARGETS } from '../scenario/indicators/scenario-targets.ts';
import { createScenario, PLAN_YEARS } from '../scenario/scenario.ts';
import type { Message } from '../types.ts';
import { ACTION_CATALOGUE } from './action-catalogue.ts';
import { FIGURE_CATALOGUE, figureRecord } from './figure-catalogue.ts';
import {
  INDICATOR_CATALOGUE,
  indicatorRecord,
  nameWithRule,
  ruleStatement,
  TARGET_KEYS,
} from './indicator-catalogue.ts';

function row(index: number, id: string, areaMu: number, taxWan: number): PlotRow {
  return {
    index,
    id,
    town: '观海卫镇',
    townSource: 'attribute',
    status: 'boundary',
    areaM2: areaMu * M2_PER_MU,
    areaMu,
    inBoundaryM2: areaMu * M2_PER_MU,
    inControlM2: 0,
    properties: { id, taxWan, floorAreaM2: areaMu * 400, rentWan: 2 },
    measures: { screening: {} },
    box: null,
  };
}

describe('the indicator catalogue', () => {
  it('has one record per explained indicator, in the order of INDICATOR_KEYS', () => {
    expect(INDICATOR_CATALOGUE.map((record) => record.key)).toEqual([...INDICATOR_KEYS]);
  });

  it('gives every indicator and figure one distinct, non-empty name the bundled font draws', () => {
    for (const records of [INDICATOR_CATALOGUE, FIGURE_CATALOGUE]) {
      for (const language of ['zh', 'en'] as const) {
        const names = records.map((record) => record.name[language]);
        expect(new Set(names).size, language).toBe(names.length);
      }
    }
    const texts = (messages: Message[]) => messages.flatMap((message) => [message.zh, message.en]);
    // Names and rules reach the map, the PNG legend and the projector, drawn in the bundled font;
    // formulas and inputs are page text only (the browser's fonts fill in − and Σ).
    const drawn = texts([
      ...INDICATOR_CATALOGUE.flatMap((r) => [r.name, r.ruleText]),
      ...FIGURE_CATALOGUE.flatMap((r) => [r.name, r.shortName]),
    ]);
    for (const text of drawn) expect(undrawableCharacters(text), text).toEqual([]);
    const all = [...drawn, ...texts(INDICATOR_CATALOGUE.flatMap((r) => [r.formula, ...r.inputs]))];
    for (const text of all) expect(text.trim()).not.toBe('');
  });

  it('takes the 2026 targets from the scenario maths and the rules from the policy', () => {
    for (const key of TARGET_KEYS) {
      expect(indicatorRecord(key).target).toEqual({ kind: 'atLeast', value: SCENARIO_TARGETS[key] });
    }
    expect(INDICATOR_CATALOGUE.map((r) => r.rule)).toEqual(['R1', 'R7', 'R7', 'R7', 'R3', 'R2', 'R4', 'R5']);
    expect(nameWithRule('controlShare')).toEqual({
      zh: '控制线内用地占比（R1）',
      en: 'Share of land inside control lines (R1)',
    });
    expect(ruleStatement('renovatedMu').zh).toBe('R7：到 2026 年改造提升 1 万亩以上');
  });

  it('names each headline figure after its indicator where the card shows one figure', () => {
    for (const key of TARGET_KEYS) {
      expect(figureRecord(indicatorRecord(key).headline).name).toEqual(indicatorRecord(key).name);
    }
    for (const record of INDICATOR_CATALOGUE) expect(figureRecord(record.headline).group).toBe(record.key);
  });

  it('lists an area row for every drawn action, named after the action', () => {
    const drawn = ACTION_CATALOGUE.filter((record) => record.colourKey !== null);
    for (const action of drawn) {
      expect(figureRecord(`actions.${action.code}`).shortName).toEqual(action.name);
    }
  });

  it('reads every figure from computed indicators, as a finite number of its year', () => {
    const rows = [row(0, 'P1', 30, 300), row(1, 'P2', 20, 100), row(2, 'P3', 10, 50)];
    const scenario = createScenario('s1', '方案一');
    scenario.actions = {
      P1: { action: 'upgrade', year: 2023 },
      P2: { action: 'vacate', year: 2024 },
      P3: { action: 'acquire', year: 2026, lease: { years: 10 } },
    };
    const indicators = scenarioIndicators(rows, {}, scenario);
    for (const figure of FIGURE_CATALOGUE) {
      for (const year of PLAN_YEARS) {
        const value = figure.read(indicators.byYear[year]);
        expect(value === null || Number.isFinite(value), `${figure.key} ${year}`).toBe(true);
      }
    }
    const overall = indicators.overall;
    expect(figureRecord('renovatedMu').read(overall)).toBeCloseTo(60, 9);
    expect(figureRecord('released').read(overall)).toBeCloseTo(20, 9);
    expect(figureRecord('actions.acquire').read(overall)).toBeCloseTo(10, 9);
    expect(figureRecord('renovatedMu').read(indicators.byYear[2023])).toBeCloseTo(30, 9);
  });

  it('refuses a key it does not know, saying what it got', () => {
    expect(() => figureRecord('renovatedHa')).toThrow(
      'expected a figure of the catalogue, got "renovatedHa"',
    );
  });
});
