import { describe, expect, it } from 'vitest';
import { createScenario } from '../core/scenario/scenario.ts';
import { buildActionEntry, countActions, resolveActionSource } from './action-form.ts';

describe('resolveActionSource', () => {
  it('keeps the chosen source while it has plots, else falls back picked → selected → filter', () => {
    expect(resolveActionSource('filter', { picked: 3, selected: 1, filter: 10 })).toBe('filter');
    expect(resolveActionSource(null, { picked: 3, selected: 1, filter: 10 })).toBe('picked');
    expect(resolveActionSource('picked', { picked: 0, selected: 1, filter: 10 })).toBe('selected');
    expect(resolveActionSource('selected', { picked: 0, selected: 0, filter: 10 })).toBe('filter');
    expect(resolveActionSource('selected', { picked: 0, selected: 0, filter: 0 })).toBe('selected');
  });
});

describe('buildActionEntry', () => {
  const form = {
    action: 'upgrade' as const,
    year: 2024 as const,
    zoneId: 'z1',
    isLease: true,
    leaseYears: '10',
  };

  it('makes keep no entry', () => {
    expect(buildActionEntry({ ...form, action: 'keep' })).toEqual({ entry: null });
  });

  it('keeps a zone only for relocate and a lease only for acquire', () => {
    expect(buildActionEntry(form)).toEqual({ entry: { action: 'upgrade', year: 2024 } });
    expect(buildActionEntry({ ...form, action: 'relocate' })).toEqual({
      entry: { action: 'relocate', year: 2024, zoneId: 'z1' },
    });
    expect(buildActionEntry({ ...form, action: 'relocate', zoneId: '' })).toEqual({
      entry: { action: 'relocate', year: 2024 },
    });
    expect(buildActionEntry({ ...form, action: 'acquire', leaseYears: '１５' })).toEqual({
      entry: { action: 'acquire', year: 2024, lease: { years: 15 } },
    });
    expect(buildActionEntry({ ...form, action: 'acquire', isLease: false })).toEqual({
      entry: { action: 'acquire', year: 2024 },
    });
  });

  it('refuses a lease without a positive number of years', () => {
    for (const leaseYears of ['', '0', '-2', 'ten']) {
      const result = buildActionEntry({ ...form, action: 'acquire', leaseYears });
      expect(result.entry, leaseYears).toBeUndefined();
      expect(result.problem?.zh).toContain('租赁年限');
    }
  });
});

describe('countActions', () => {
  it('counts plots without an entry as keep', () => {
    const scenario = createScenario('s', 'S');
    scenario.actions = {
      a: { action: 'vacate', year: 2023 },
      b: { action: 'vacate', year: 2025 },
      c: { action: 'upgrade', year: 2022 },
    };
    expect(countActions(scenario, ['a', 'b', 'c', 'd', 'toString'])).toEqual({
      keep: 2,
      upgrade: 1,
      acquire: 0,
      vacate: 2,
      relocate: 0,
    });
  });
});
