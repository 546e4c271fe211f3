import { FileSource, PMTiles, TileType } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { cixiTestBaseMap, writePmtiles, writePng } from '../support/write-pmtiles.ts';

describe('writePmtiles', () => {
  it('writes an archive the pmtiles reader opens: header, zooms, bounds and each tile by z/x/y', async () => {
    const png = writePng(4, 4, () => [1, 2, 3, 255]);
    const other = writePng(4, 4, () => [9, 9, 9, 255]);
    const archive = writePmtiles({
      bounds: [121.1, 30.1, 121.3, 30.3],
      minZoom: 10,
      maxZoom: 12,
      tile: (z, x) => (z === 12 && x % 2 === 0 ? other : png),
    });
    const reader = new PMTiles(new FileSource(new File([archive], 'test.pmtiles')));
    const header = await reader.getHeader();
    expect(header).toMatchObject({
      tileType: TileType.Png,
      minZoom: 10,
      maxZoom: 12,
      minLon: 121.1,
      maxLat: 30.3,
    });
    // 121.2°E, 30.2°N is tile 856/421 at z10 and 3426/1687 at z12.
    const z10 = await reader.getZxy(10, 856, 421);
    expect(new Uint8Array(z10?.data ?? new ArrayBuffer(0))).toEqual(png);
    const z12 = await reader.getZxy(12, 3426, 1687);
    expect(new Uint8Array(z12?.data ?? new ArrayBuffer(0))).toEqual(other);
    expect(await reader.getZxy(10, 0, 0)).toBeUndefined();
  });

  it('keeps the Cixi test base map root directory within the first 16 KiB (as readers need)', async () => {
    const reader = new PMTiles(new FileSource(new File([cixiTestBaseMap()], 'cixi.pmtiles')));
    const header = await reader.getHeader();
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16384);
    expect(header.numTileContents).toBe(1);
    expect(await reader.getZxy(14, 13707, 6749)).toBeDefined();
  });
});
