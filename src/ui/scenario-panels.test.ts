/**
 * The scenario panels rendered to HTML (react-dom/server, no DOM) on the small plan fixture: they
 * show the figures the core computes, in both languages, and React reports no problem.
 */

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  loadFixturePlan,
  openFixturePlan,
  renderCurrentState,
} from '../../test/support/fixture-plan-store.ts';
import { scenarioIndicators } from '../core/scenario/indicators/scenario-indicators.ts';
import { plannerStore } from '../state/store.ts';
import { ActionBar } from './ActionBar.tsx';
import { CompareView } from './CompareView.tsx';
import { formatMu } from './format.ts';
import { ScenarioPanel } from './ScenarioPanel.tsx';

const fixture = loadFixturePlan();
const { analysis, scenario, measures } = fixture;

/** The value of `data-field="name"`'s data-value in `html` (the first one). */
function fieldValue(html: string, field: string): number {
  const match = html.match(new RegExp(`data-field="${field}" data-value="([^"]+)"`));
  if (!match?.[1]) throw new Error(`no data-value for ${field}`);
  return Number(match[1]);
}

describe('scenario panels', () => {
  const initial = plannerStore.getState();
  let restoreInitialState: () => void;
  let errors: ReturnType<typeof vi.spyOn>;

  beforeAll(() => {
    restoreInitialState = renderCurrentState(plannerStore);
  });
  afterAll(() => restoreInitialState());

  beforeEach(() => {
    openFixturePlan(plannerStore, initial, fixture);
    plannerStore.getState().setPanel('scenario');
    errors = vi.spyOn(console, 'error');
  });
  afterEach(() => {
    for (const render of [ScenarioPanel, CompareView]) {
      const html = renderToStaticMarkup(createElement(render));
      expect(html).not.toMatch(/>[^<]*(NaN|undefined|\{\w+\})[^<]*</);
    }
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('show the overall figures of the core for the active scenario', () => {
    const html = renderToStaticMarkup(createElement(ScenarioPanel));
    const expected = scenarioIndicators(analysis.rows, measures, scenario).overall;
    expect(html).toContain('data-testid="scenario-indicators"');
    expect(fieldValue(html, 'renovatedMu')).toBe(expected.renovatedMu);
    expect(fieldValue(html, 'controlShare')).toBe(expected.controlShare);
    expect(fieldValue(html, 'newAboveScaleFirms')).toBe(expected.newAboveScaleFirms);
    expect(fieldValue(html, 'ledgerBalance')).toBe(expected.ledger.city.balance);
    expect(fieldValue(html, 'violations')).toBe(expected.violations.count);
    expect(expected.renovatedMu).toBeGreaterThan(0);
    expect(html).toContain('data-testid="zone-list" data-count="1"');
    expect(html).toContain('观海卫承接区块');
    expect(html).toContain('data-testid="year-chart"');
    expect(html).toContain('data-testid="assumptions"');
    expect(html).toContain('示例值');
    // Nothing to undo yet.
    expect(html).toContain('没有可撤销的操作');
  });

  it('name the step undo takes back', () => {
    const problem = plannerStore.getState().edit({
      type: 'set-actions',
      plotIds: ['GHW-001', 'GHW-003'],
      entry: { action: 'vacate', year: 2024 },
    });
    expect(problem).toBeUndefined();
    const html = renderToStaticMarkup(createElement(ScenarioPanel));
    expect(html).toContain('撤销：将 2 个地块设为腾退复垦 2024');
  });

  it('offer the table filter as the plots of an action when nothing is picked or selected', () => {
    const html = renderToStaticMarkup(createElement(ActionBar));
    expect(html).toContain('data-source="filter"');
    expect(html).toContain(`应用到 ${analysis.rows.length} 个地块`);
    plannerStore.getState().setPickedPlots([0, 1]);
    expect(renderToStaticMarkup(createElement(ActionBar))).toContain('应用到 2 个地块');
  });

  it('compare every scenario when none is chosen, with the difference to the first', () => {
    plannerStore.getState().setPanel('compare');
    const html = renderToStaticMarkup(createElement(CompareView));
    expect(html).toContain('data-testid="compare-view"');
    expect(html.match(/<th scope="col" data-scenario-id=/g)).toHaveLength(2);
    expect(html).toContain('示例方案');
    expect(html).toContain('空方案');
    // The empty scenario renovates nothing: the whole example's area less.
    const expected = scenarioIndicators(analysis.rows, measures, scenario).overall.renovatedMu;
    const row = html.match(/<tr data-key="renovatedMu">.*?<\/tr>/)?.[0] ?? '';
    expect(row).toContain(`data-scenario-id="scenario-1" data-value="${expected}"`);
    expect(row).toContain('data-scenario-id="scenario-2" data-value="0"');
    expect(row).toContain(`−${formatMu('zh-CN', expected)}`);
    expect(expected).toBeGreaterThan(0);
  });

  it('speak English when asked', () => {
    plannerStore.getState().setLanguage('en');
    const html = renderToStaticMarkup(createElement(ScenarioPanel));
    expect(html).toContain('Apply to');
    expect(html).toContain('Share of land inside control lines');
    expect(html).not.toContain('没有可撤销的操作');
  });
});
