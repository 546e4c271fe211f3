/**
 * Every surface that names an action or an indicator shows the catalogue's name (core/catalogue):
 * the cards, the year charts, the comparison rows, the dashboard, the briefing targets and legend,
 * the report, the table exports and the explanations, in both languages. The surfaces are rendered
 * to HTML (react-dom/server) on the small plan fixture and their labels collected.
 */

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  loadFixturePlan,
  openFixturePlan,
  renderCurrentState,
} from '../../test/support/fixture-plan-store.ts';
import { ACTION_CATALOGUE, actionName, DRAWN_ACTIONS } from '../core/catalogue/action-catalogue.ts';
import { FIGURE_CATALOGUE, figureRecord } from '../core/catalogue/figure-catalogue.ts';
import {
  INDICATOR_CATALOGUE,
  indicatorRecord,
  nameWithRule,
  TARGET_KEYS,
} from '../core/catalogue/indicator-catalogue.ts';
import { explainIndicator } from '../core/scenario/indicators/explain-indicator.ts';
import { INDICATOR_KEYS } from '../core/scenario/indicators/indicator-keys.ts';
import { reportModel } from '../export/report-model.ts';
import { plotTable, townIndicatorTable } from '../export/tables.ts';
import type { Language } from '../i18n/messages.ts';
import { plannerStore } from '../state/store.ts';
import { BriefingTargets } from './BriefingTargets.tsx';
import { CompareView } from './CompareView.tsx';
import { Dashboard } from './Dashboard.tsx';
import { pick } from './format.ts';
import { Legend } from './Legend.tsx';
import { ReportLedger, ReportTargets } from './ReportTables.tsx';
import { ScenarioPanel } from './ScenarioPanel.tsx';

const fixture = loadFixturePlan();
const { analysis, scenario, measures } = fixture;

const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

/** The text of every element carrying `attribute`, by the attribute's value, in document order. */
function labelled(html: string, attribute: string): [string, string][] {
  return [...html.matchAll(new RegExp(`${attribute}="([^"]+)"[^>]*>([^<]*)<`, 'g'))].map((m) => [
    m[1] ?? '',
    (m[2] ?? '').trim(),
  ]);
}

/** The catalogue's name of an indicator, alone or followed by its rule. */
function indicatorNames(language: Language, key: string): string[] {
  const record = INDICATOR_CATALOGUE.find((r) => r.key === key);
  if (!record) return [];
  return [pick(language, record.name), pick(language, nameWithRule(record.key))];
}

describe('the labels of every surface are the catalogue’s', () => {
  const initial = plannerStore.getState();
  let restoreInitialState: () => void;

  beforeAll(() => {
    restoreInitialState = renderCurrentState(plannerStore);
  });
  afterAll(() => restoreInitialState());
  beforeEach(() => openFixturePlan(plannerStore, initial, fixture));

  it.each(LANGUAGES)('indicator cards and year charts (%s)', (language) => {
    plannerStore.getState().setLanguage(language);
    const html = renderToStaticMarkup(createElement(ScenarioPanel));
    const labels = labelled(html, 'data-indicator-name');
    // Every card once, then every chart.
    expect(labels.map(([key]) => key)).toEqual([...INDICATOR_KEYS, ...TARGET_KEYS]);
    for (const [key, label] of labels) {
      const names = indicatorNames(language, key);
      expect(
        names.some(
          (name) => label === name || label.startsWith(`${name} (`) || label.startsWith(`${name}（`),
        ),
        `${key}: ${label}`,
      ).toBe(true);
    }
  });

  it.each(LANGUAGES)('comparison rows (%s)', (language) => {
    plannerStore.getState().setLanguage(language);
    const html = renderToStaticMarkup(createElement(CompareView));
    const labels = labelled(html, 'data-figure-name');
    const compared = FIGURE_CATALOGUE.filter((figure) => figure.compared);
    expect(labels).toEqual(compared.map((figure) => [figure.key, pick(language, figure.name)]));
  });

  it.each(LANGUAGES)('dashboard, briefing targets and the action legends (%s)', (language) => {
    plannerStore.getState().setLanguage(language);
    const dashboard = labelled(renderToStaticMarkup(createElement(Dashboard)), 'data-indicator-name');
    expect(dashboard).toEqual([['controlShare', pick(language, indicatorRecord('controlShare').name)]]);
    const briefing = labelled(
      renderToStaticMarkup(createElement(BriefingTargets, { language })),
      'data-indicator-name',
    );
    expect(briefing).toEqual(TARGET_KEYS.map((key) => [key, pick(language, indicatorRecord(key).name)]));
    const legend = renderToStaticMarkup(createElement(Legend));
    const used = new Set(Object.values(scenario.actions).map((entry) => entry.action));
    for (const action of DRAWN_ACTIONS.filter((a) => used.has(a))) {
      expect(legend).toContain(`>${pick(language, actionName(action))}<`);
    }
  });

  it.each(LANGUAGES)('the report’s targets and ledger (%s)', (language) => {
    plannerStore.getState().setLanguage(language);
    const model = reportModel(plannerStore.getState());
    if (!model) throw new Error('expected a report model for the fixture');
    const targets = labelled(
      renderToStaticMarkup(createElement(ReportTargets, { model, language })),
      'data-indicator-name',
    );
    expect(targets.map(([key, label]) => [key, label])).toEqual(
      targets.map(([key]) => [key, pick(language, nameWithRule(key as (typeof INDICATOR_KEYS)[number]))]),
    );
    expect(targets.length).toBe(6);
    const ledger = renderToStaticMarkup(createElement(ReportLedger, { model, language }));
    for (const key of ['released', 'directQuotaMu', 'transfersIn', 'transfersOut', 'used', 'ledgerBalance']) {
      expect(ledger).toContain(`<th scope="col">${pick(language, figureRecord(key).shortName)}</th>`);
    }
  });

  it.each(LANGUAGES)('the table exports’ headers and cells (%s)', (language) => {
    const state = { ...plannerStore.getState(), language };
    const header = townIndicatorTable(state).header as string[];
    for (const key of [
      'controlShare',
      'renovatedMu',
      'released',
      'directQuotaMu',
      'transfersIn',
      'transfersOut',
      'used',
      'ledgerBalance',
    ]) {
      const name = pick(language, figureRecord(key).name);
      expect(
        header.some((cell) => cell.startsWith(`${name}（`) || cell.startsWith(`${name} (`)),
        name,
      ).toBe(true);
    }
    for (const action of DRAWN_ACTIONS) {
      const name = pick(language, actionName(action));
      expect(
        header.some((cell) => cell.startsWith(name)),
        name,
      ).toBe(true);
    }
    const names = new Set(ACTION_CATALOGUE.map((record) => pick(language, record.name)));
    const plots = plotTable(state);
    const actionColumn = plots.rows.flatMap((row) =>
      row.filter((cell) => typeof cell === 'string' && names.has(cell)),
    );
    expect(actionColumn.length).toBeGreaterThan(0);
  });

  it('explanations: the formula, inputs and result name of the catalogue', () => {
    const input = { rows: analysis.rows, zoneMeasures: measures, scenario };
    for (const record of INDICATOR_CATALOGUE) {
      const explanation = explainIndicator(record.key, input);
      expect(explanation.formula).toEqual(record.formula);
      expect(explanation.inputs.map((i) => i.label)).toEqual(record.inputs);
      expect(explanation.result.label.zh.startsWith(figureRecord(record.headline).name.zh), record.key).toBe(
        true,
      );
    }
  });
});
