import { describe, expect, it } from 'vitest';
import { contentSizeMm, PAGE_MARGIN_MM, PAPERS, pageRule, paperId, paperSizeMm } from './paper.ts';

describe('paper', () => {
  it('offers A4 and A3, each portrait and landscape, A4 portrait first', () => {
    expect(PAPERS.map(paperId)).toEqual(['a4-portrait', 'a4-landscape', 'a3-portrait', 'a3-landscape']);
  });

  it('has the ISO 216 sizes, turned for landscape', () => {
    expect(paperSizeMm({ size: 'A4', orientation: 'portrait' })).toEqual({ width: 210, height: 297 });
    expect(paperSizeMm({ size: 'A4', orientation: 'landscape' })).toEqual({ width: 297, height: 210 });
    expect(paperSizeMm({ size: 'A3', orientation: 'portrait' })).toEqual({ width: 297, height: 420 });
    expect(paperSizeMm({ size: 'A3', orientation: 'landscape' })).toEqual({ width: 420, height: 297 });
  });

  it('leaves the margins out of the content area', () => {
    const { left, right, top, bottom } = PAGE_MARGIN_MM;
    expect(contentSizeMm({ size: 'A3', orientation: 'landscape' })).toEqual({
      width: 420 - left - right,
      height: 297 - top - bottom,
    });
  });

  it('writes the @page rule with the size, the orientation and the margins', () => {
    const rule = pageRule({ size: 'A3', orientation: 'landscape' });
    expect(rule).toMatch(/^@page \{ size: A3 landscape; margin: 12mm 12mm 14mm 12mm; /);
    expect(rule).toContain('counter(page)');
    // Balanced braces: one rule with one margin box inside.
    expect(rule.split('{').length).toBe(rule.split('}').length);
  });
});
