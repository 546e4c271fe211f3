import { describe, expect, it } from 'vitest';
import { ACTION_COLORS, STATUS_COLORS, ZONE_COLORS } from './palette.ts';
import { actionColorExpression, statusColorExpression, zoneColorExpression } from './style-expressions.ts';

describe('statusColorExpression', () => {
  it('colours each status with its own colour', () => {
    const expression = statusColorExpression() as unknown[];
    for (const [status, color] of Object.entries(STATUS_COLORS)) {
      expect(expression[expression.indexOf(status) + 1]).toBe(color);
    }
    expect(new Set(Object.values(STATUS_COLORS)).size).toBe(4);
  });
});

describe('actionColorExpression', () => {
  it('rings each action but keep in its own colour, and a kept plot in none', () => {
    expect(actionColorExpression()).toEqual([
      'match',
      ['coalesce', ['feature-state', 'action'], 'keep'],
      'upgrade',
      ACTION_COLORS.upgrade,
      'acquire',
      ACTION_COLORS.acquire,
      'vacate',
      ACTION_COLORS.vacate,
      'relocate',
      ACTION_COLORS.relocate,
      'rgba(0, 0, 0, 0)',
    ]);
    expect(new Set(Object.values(ACTION_COLORS)).size).toBe(5);
  });
});

describe('zoneColorExpression', () => {
  it('colours a zone by its R2 verdict, ok when it has none that is known', () => {
    expect(zoneColorExpression()).toEqual([
      'match',
      ['get', 'r2'],
      'violation',
      ZONE_COLORS.violation,
      'warning',
      ZONE_COLORS.warning,
      ZONE_COLORS.ok,
    ]);
  });
});
