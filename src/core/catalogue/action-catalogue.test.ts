import { describe, expect, it } from 'vitest';
import { undrawableCharacters } from '../../../test/support/font-coverage.ts';
import {
  ACTION_CATALOGUE,
  actionName,
  actionRecord,
  actionsWhere,
  DRAWN_ACTIONS,
  PLOT_ACTIONS,
} from './action-catalogue.ts';

describe('the action catalogue', () => {
  it('has one record per action, in the order of PLOT_ACTIONS', () => {
    expect(ACTION_CATALOGUE.map((record) => record.code)).toEqual([...PLOT_ACTIONS]);
  });

  it('gives every action distinct, non-empty names the bundled font draws', () => {
    for (const field of ['name', 'shortName'] as const) {
      for (const language of ['zh', 'en'] as const) {
        const names = ACTION_CATALOGUE.map((record) => record[field][language]);
        expect(new Set(names).size, `${field}.${language}`).toBe(names.length);
        for (const name of names) {
          expect(name.trim()).not.toBe('');
          expect(undrawableCharacters(name), name).toEqual([]);
        }
      }
    }
  });

  it('draws every action but keep, each in its own colour key', () => {
    expect(DRAWN_ACTIONS).toEqual(['upgrade', 'acquire', 'vacate', 'relocate']);
    expect(actionRecord('keep').colourKey).toBeNull();
  });

  it('says what the policy says of each action (R3, R4, R5, R7)', () => {
    expect(actionsWhere((r) => r.quotaEffect === 'releases')).toEqual(['vacate', 'relocate']);
    expect(actionsWhere((r) => r.landAfter === 'reclaimed')).toEqual(['vacate', 'relocate']);
    expect(actionsWhere((r) => r.isRenovation)).toEqual(['upgrade', 'acquire', 'vacate', 'relocate']);
    expect(actionsWhere((r) => r.isImprovement)).toEqual(['upgrade', 'acquire']);
    expect(actionsWhere((r) => r.isAcquisition)).toEqual(['acquire']);
    expect(actionsWhere((r) => r.movesToZone)).toEqual(['relocate']);
  });

  it('names an action as the policy does, and refuses a code it does not know', () => {
    expect(actionName('upgrade')).toEqual({ zh: '原地改造提升', en: 'upgrade in place' });
    expect(() => actionRecord('demolish' as never)).toThrow(
      /expected an action of the catalogue .*got "demolish"/,
    );
  });
});
