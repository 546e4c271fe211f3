/**
 * Chinese without a Chinese system font: the single file (dist-single/index.html, from file://) in a
 * Chromium whose fontconfig knows DejaVu only. The interface's Chinese is drawn with real glyphs
 * from the bundled font, and so are the map's town labels, checked by pixels: a missing glyph is
 * drawn as the same box for every character, so two different strings drawn alike are boxes.
 * Writes test/output/fonts-ui.png and test/output/fonts-map.png.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { gb2312Hanzi } from '../../scripts/lib/font-coverage.ts';
import { dejaVuSingleFile, missingDejaVu } from '../support/dejavu-fontconfig.ts';
import { saveOutput } from '../support/planner-harness.ts';
import { decodePng, type Pixels } from './helpers/png.ts';
import { describeInBrowser, expectNoPageProblems, usePlanner } from './helpers/use-planner.ts';

const VIEWPORT = { width: 1600, height: 900 };
/**
 * Hanzi outside GB 2312, which neither the bundled font nor DejaVu has. In the page's font stack
 * Chromium draws them with the bundled font's empty .notdef, so alike whatever the character.
 * (A private-use character such as U+E000 is drawn as nothing in any stack here.)
 */
function hanziBeyondGb2312(count: number, skip: number): string {
  const gb2312 = new Set(gb2312Hanzi());
  const found: string[] = [];
  for (let code = 0x4e00; found.length < skip + count; code++) {
    const character = String.fromCodePoint(code);
    if (!gb2312.has(character)) found.push(character);
  }
  return found.slice(skip).join('');
}

/** Two different Chinese strings of the same length, and two of characters the fonts lack, each of eight different characters. */
const SAMPLES = {
  first: '工业用地整合规划',
  second: '慈溪市观海卫镇村',
  missingFirst: hanziBeyondGb2312(8, 0),
  missingSecond: hanziBeyondGb2312(8, 8),
} as const;
const SAMPLE_BOX = { width: 360, height: 56 };
/** A channel difference above this counts a pixel as different (anti-aliasing stays below). */
const PIXEL_THRESHOLD = 48;

/** Pixels that differ between two same-sized images, in `region` (default: all). */
function differingPixels(
  a: Pixels,
  b: Pixels,
  region = { x: 0, y: 0, width: a.width, height: a.height },
): boolean[] {
  if (a.width !== b.width || a.height !== b.height) throw new Error('The images differ in size.');
  const mask: boolean[] = [];
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      const i = (y * a.width + x) * 4;
      let differs = false;
      for (let c = 0; c < 3; c++) {
        if (Math.abs((a.data[i + c] as number) - (b.data[i + c] as number)) > PIXEL_THRESHOLD) differs = true;
      }
      mask.push(differs);
    }
  }
  return mask;
}

function count(mask: boolean[]): number {
  return mask.filter(Boolean).length;
}

/** Pixels darker than mid-grey: the ink of dark text on white. */
function inkPixels(pixels: Pixels): number {
  let ink = 0;
  for (let i = 0; i < pixels.data.length; i += 4) {
    if ((pixels.data[i] as number) + (pixels.data[i + 1] as number) + (pixels.data[i + 2] as number) < 384)
      ink++;
  }
  return ink;
}

/** `mask` (row by row, `width` wide) cut to the bounding box of its set pixels. */
function cropMask(mask: boolean[], width: number): { width: number; height: number; bits: boolean[] } {
  let [left, top, right, bottom] = [width, Number.POSITIVE_INFINITY, -1, -1];
  mask.forEach((set, index) => {
    if (!set) return;
    const [x, y] = [index % width, Math.floor(index / width)];
    left = Math.min(left, x);
    right = Math.max(right, x);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
  });
  if (right < 0) return { width: 0, height: 0, bits: [] };
  const bits: boolean[] = [];
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) bits.push(mask[y * width + x] as boolean);
  }
  return { width: right - left + 1, height: bottom - top + 1, bits };
}

/** The columns of a cropped mask from share `from` to share `to` of its width (a label's characters). */
function columnsOf(mask: ReturnType<typeof cropMask>, from: number, to: number): ReturnType<typeof cropMask> {
  const left = Math.floor(mask.width * from);
  const width = Math.ceil(mask.width * to) - left;
  const bits: boolean[] = [];
  for (let y = 0; y < mask.height; y++) {
    for (let x = left; x < left + width; x++) bits.push(mask.bits[y * mask.width + x] as boolean);
  }
  return { width, height: mask.height, bits };
}

/** Share of the set pixels of two cropped masks, laid top-left on top-left, that only one has. */
function maskMismatch(a: ReturnType<typeof cropMask>, b: ReturnType<typeof cropMask>): number {
  let either = 0;
  let onlyOne = 0;
  for (let y = 0; y < Math.max(a.height, b.height); y++) {
    for (let x = 0; x < Math.max(a.width, b.width); x++) {
      const inA = x < a.width && y < a.height && (a.bits[y * a.width + x] as boolean);
      const inB = x < b.width && y < b.height && (b.bits[y * b.width + x] as boolean);
      if (inA || inB) either++;
      if (inA !== inB) onlyOne++;
    }
  }
  return either === 0 ? 0 : onlyOne / either;
}

const SUITE = 'Chinese text with no Chinese system font (fontconfig: DejaVu only)';

describeInBrowser(SUITE, { requires: [missingDejaVu] }, () => {
  let folder: string | undefined;
  const planner = usePlanner(() => {
    folder = mkdtempSync(join(tmpdir(), 'planner-fonts-'));
    return dejaVuSingleFile(folder, VIEWPORT);
  });
  let page: Page;

  /** Draws `text` in a fixed box in `fontFamily` on top of the page and returns its pixels. */
  async function drawText(text: string, fontFamily: string): Promise<Pixels> {
    await page.evaluate(
      ({ text, fontFamily, box }) => {
        let element = document.getElementById('font-sample');
        if (!element) {
          element = document.createElement('div');
          element.id = 'font-sample';
          document.body.append(element);
        }
        // CSSOM, not a style attribute: the single file's policy admits no inline style.
        Object.assign(element.style, {
          position: 'fixed',
          left: '0px',
          top: '0px',
          zIndex: '100000',
          width: `${box.width}px`,
          height: `${box.height}px`,
          background: '#ffffff',
          color: '#000000',
          fontSize: '32px',
          lineHeight: `${box.height}px`,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          fontFamily,
        });
        element.textContent = text;
      },
      { text, fontFamily, box: SAMPLE_BOX },
    );
    return decodePng(await page.locator('#font-sample').screenshot({ type: 'png' }));
  }

  beforeAll(async () => {
    page = planner.page;
    await page.waitForFunction(
      async () => {
        const planner = window.__planner;
        if (!planner) return false;
        await planner.whenIdle();
        return planner.renderedFeatureCount('town-labels') > 3;
      },
      null,
      { timeout: 60_000, polling: 500 },
    );
  });

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('has no Chinese system font: two Chinese strings in sans-serif are the same row of boxes', async () => {
    const first = await drawText(SAMPLES.first, 'sans-serif');
    const second = await drawText(SAMPLES.second, 'sans-serif');
    // Something is drawn (DejaVu's .notdef boxes), and it is the same for different characters.
    expect(inkPixels(first)).toBeGreaterThan(200);
    expect(count(differingPixels(first, second))).toBeLessThan(20);
  });

  it("draws the interface's Chinese with real glyphs from the bundled font", async () => {
    const fontFamily = await page.evaluate(() => {
      const title = document.querySelector('.app-title');
      if (!title) throw new Error('No .app-title');
      return getComputedStyle(title).fontFamily;
    });
    expect(fontFamily).toContain('Planner Noto Sans SC');
    const boxes = await drawText(SAMPLES.first, 'sans-serif');
    const first = await drawText(SAMPLES.first, fontFamily);
    const second = await drawText(SAMPLES.second, fontFamily);
    const missingFirst = await drawText(SAMPLES.missingFirst, fontFamily);
    const missingSecond = await drawText(SAMPLES.missingSecond, fontFamily);
    await drawText(`${SAMPLES.first}${SAMPLES.missingFirst}`, fontFamily);
    saveOutput('fonts-ui.png', await page.locator('#font-sample').screenshot({ type: 'png' }));
    await page.evaluate(() => document.getElementById('font-sample')?.remove());
    const area = SAMPLE_BOX.width * SAMPLE_BOX.height;
    // The references: characters no font here has are drawn alike (in this stack, as nothing).
    expect(count(differingPixels(missingFirst, missingSecond))).toBeLessThan(20);
    // Glyphs: ink, different for different characters, and neither a missing glyph nor DejaVu's boxes.
    expect(inkPixels(first)).toBeGreaterThan(1000);
    expect(inkPixels(second)).toBeGreaterThan(1000);
    expect(count(differingPixels(first, second))).toBeGreaterThan(area * 0.05);
    expect(count(differingPixels(first, missingFirst))).toBeGreaterThan(area * 0.05);
    expect(count(differingPixels(second, missingFirst))).toBeGreaterThan(area * 0.05);
    expect(count(differingPixels(first, boxes))).toBeGreaterThan(area * 0.05);
  });

  it("lays the interface's own Chinese out in the bundled font only", async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    for (const selector of ['.app-title', '.legend-title']) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      expect(
        fonts.map((font) => font.postScriptName),
        selector,
      ).toEqual(['NotoSansSC-Medium']);
    }
    await cdp.detach();
  });

  it('draws the town labels on the map with real glyphs', async () => {
    const labels = await page.evaluate(() => {
      const planner = window.__planner;
      if (!planner) throw new Error('No test hook');
      const { map } = planner;
      const canvas = map.getCanvas().getBoundingClientRect();
      return map.queryRenderedFeatures({ layers: ['town-labels'] }).map((feature) => {
        const [lng, lat] = (feature.geometry as unknown as { coordinates: [number, number] }).coordinates;
        const point = map.project([lng, lat]);
        return {
          name: String(feature.properties.name),
          x: Math.round(canvas.left + point.x),
          y: Math.round(canvas.top + point.y),
        };
      });
    });
    // Two labels of three characters each, away from the edges.
    const inside = labels.filter(
      (label) =>
        [...label.name].length === 3 &&
        label.x > 80 &&
        label.y > 80 &&
        label.x < VIEWPORT.width - 500 &&
        label.y < VIEWPORT.height - 80,
    );
    expect(inside.length).toBeGreaterThanOrEqual(2);
    // The pair that differs in most places (most town names end in 镇: that character is alike).
    const pairs = inside.flatMap((a, i) => inside.slice(i + 1).map((b) => [a, b] as const));
    const differing = (a: string, b: string) =>
      [...a].filter((character, k) => character !== [...b][k]).length;
    const [first, second] = pairs.reduce((best, pair) =>
      differing(pair[0].name, pair[1].name) > differing(best[0].name, best[1].name) ? pair : best,
    );
    expect(first.name).not.toBe(second.name);
    // The characters compared: from the first to the last that differ (3 characters = 3 columns).
    const characters = [...first.name].map((character, k) => character !== [...second.name][k]);
    const from = characters.indexOf(true);
    const to = characters.lastIndexOf(true) + 1;

    const shown = decodePng(await page.screenshot({ type: 'png' }));
    await planner.screenshot('fonts-map.png');
    await page.evaluate(async () => {
      const planner = window.__planner;
      planner?.map.setLayoutProperty('town-labels', 'visibility', 'none');
      await planner?.whenIdle();
    });
    const hidden = decodePng(await page.screenshot({ type: 'png' }));
    await page.evaluate(async () => {
      const planner = window.__planner;
      planner?.map.setLayoutProperty('town-labels', 'visibility', 'visible');
      await planner?.whenIdle();
    });

    const window_ = { width: 90, height: 36 };
    const masks = [first, second].map((label) => {
      const region = {
        x: label.x - window_.width / 2,
        y: label.y - window_.height / 2,
        width: window_.width,
        height: window_.height,
      };
      return differingPixels(shown, hidden, region);
    });
    // Each label changes many pixels: it is drawn.
    for (const [index, mask] of masks.entries()) {
      expect(count(mask), inside[index]?.name).toBeGreaterThan(150);
    }
    // Different names leave different marks; boxes would leave the same three squares.
    const [a, b] = masks.map((mask) => columnsOf(cropMask(mask, window_.width), from / 3, to / 3)) as [
      ReturnType<typeof cropMask>,
      ReturnType<typeof cropMask>,
    ];
    // Boxes for missing glyphs are the same square for every character (mismatch near 0); the
    // sample's town names, whose differing characters are compared, measured 0.26 to 0.4.
    expect(maskMismatch(a, b), `${first.name} / ${second.name}`).toBeGreaterThan(0.15);
  });

  it('makes no request that leaves the file and logs no error', () => {
    planner.network.assertNoExternalRequests();
    expectNoPageProblems(planner.problems);
  });
});
