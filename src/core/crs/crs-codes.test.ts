import { describe, expect, it } from 'vitest';
import { describeCrs } from './crs.ts';
import { CRS_CHOICES, crsCode, parseCrsCode, unknownCrsCodeMessage } from './crs-codes.ts';
import { makeInverseTransform, makeTransform } from './make-transform.ts';

/** The CRS of a code the test knows to be good. */
function crsOf(code: string) {
  const crs = parseCrsCode(code);
  if (!crs) throw new Error(`unknown code ${code}`);
  return crs;
}

describe('parseCrsCode and crsCode', () => {
  it('reads every offered code back to the same code', () => {
    for (const choice of CRS_CHOICES) {
      expect(parseCrsCode(choice.code)).toEqual(choice.crs);
      expect(crsCode(choice.crs)).toBe(choice.code);
    }
  });

  it('reads EPSG codes in any case, GCJ-02, and the suffix for swapped axes', () => {
    expect(parseCrsCode(' epsg:4528 ')).toMatchObject({
      kind: 'gauss-kruger',
      zone: 40,
      falseEasting: 40_500_000,
    });
    expect(parseCrsCode('EPSG:4510')).toMatchObject({
      zoneWidth: 6,
      centralMeridian: 123,
      falseEasting: 500000,
    });
    expect(parseCrsCode('gcj-02')).toEqual({ kind: 'gcj02' });
    expect(parseCrsCode('EPSG:4549/yx')).toMatchObject({ centralMeridian: 120, swapXY: true });
    expect(crsCode(crsOf('epsg:4549/YX'))).toBe('EPSG:4549/yx');
  });

  it('names a zone prefix that does not match the meridian, and reads it back', () => {
    const crs = parseCrsCode('GK:120:41');
    expect(crs).toEqual({
      kind: 'gauss-kruger',
      zoneWidth: 3,
      zone: 40,
      centralMeridian: 120,
      falseEasting: 41_500_000,
    });
    expect(crsCode(crsOf('GK:120:41'))).toBe('GK:120:41');
    expect(describeCrs(crsOf('GK:120:41')).zh).toContain('东坐标前的带号误写为 41');
    // A prefix that is the zone's own is the EPSG system.
    expect(crsCode(crsOf('GK:120:40'))).toBe('EPSG:4528');
    expect(crsCode(crsOf('GK:123:21'))).toBe('EPSG:4499');
    expect(crsCode(crsOf('GK:120'))).toBe('EPSG:4549');
  });

  it('refuses what the core cannot read', () => {
    for (const code of ['EPSG:2385', 'EPSG:32651', 'GK:121.5', 'WGS84', '', 'GK:120:0']) {
      expect(parseCrsCode(code)).toBeNull();
    }
    const message = unknownCrsCodeMessage('EPSG:2385');
    expect(message.zh).toContain('未知的坐标系代码 EPSG:2385');
    for (const choice of CRS_CHOICES) expect(message.en).toContain(choice.code);
  });

  it('swaps the axes both ways', () => {
    const crs = crsOf('EPSG:4549/yx');
    const [y, x] = makeInverseTransform(crs)(121.25, 30.17);
    expect(y).toBeGreaterThan(3e6);
    expect(x).toBeLessThan(1e6);
    const [lon, lat] = makeTransform(crs)(y, x);
    expect(lon).toBeCloseTo(121.25, 9);
    expect(lat).toBeCloseTo(30.17, 9);
  });
});
