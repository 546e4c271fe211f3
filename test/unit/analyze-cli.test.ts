import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeDbf, writeShp } from '../../scripts/make-import-fixtures.ts';
import { decodeZipEntryName } from '../../src/core/io/read-zip.ts';

const root = new URL('../../', import.meta.url).pathname;
const fixtures = join(root, 'test/fixtures');
const importFixtures = join(fixtures, 'import');
const sample = join(root, 'data/sample');

function analyze(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/analyze.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: run.status, stderr: run.stderr };
}

/** Analyses `plotsPath` against the classify fixture's boundary and control lines. */
function analyzeWithClassifyLayers(plotsPath: string, out: string, ...more: string[]) {
  return analyze([
    '--plots',
    plotsPath,
    '--boundary',
    join(fixtures, 'classify/boundary.geojson'),
    '--control',
    join(fixtures, 'classify/control.geojson'),
    '--out',
    out,
    ...more,
  ]);
}

describe('npm run analyze', () => {
  it('writes the result CSV with a BOM and the six leading columns, and a summary matching it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    const out = join(dir, 'result.csv');
    const summaryPath = join(dir, 'summary.json');
    const { code, stderr } = analyzeWithClassifyLayers(
      join(fixtures, 'classify/plots.geojson'),
      out,
      '--summary',
      summaryPath,
    );
    expect(stderr).toContain('已分析 11 个地块');
    expect(code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]?.startsWith('id,area_m2,area_mu,in_boundary_m2,in_control_m2,status,')).toBe(true);
    const rows = lines.slice(1).map((line) => line.split(','));
    const row = rows.find((r) => r[0] === 'hole-over-edge');
    expect(row?.[5]).toBe('crossing');
    expect(Number(row?.[3]) / Number(row?.[1])).toBeCloseTo(0.5, 8);
    const summary = JSON.parse(readFileSync(summaryPath, 'utf8'));
    const totalM2 = rows.reduce((sum, r) => sum + Number(r[1]), 0);
    const controlM2 = rows.reduce((sum, r) => sum + Number(r[4]), 0);
    expect(summary.plots).toBe(11);
    expect(summary.industrialMu).toBeCloseTo((totalM2 * 15) / 10000, 4);
    expect(summary.controlShare).toBeCloseTo(controlM2 / totalM2, 9);
    expect(summary.byTown['测试镇'].plots).toBe(11);
    expect(summary).toHaveProperty('outsideBoundaryMu');
  });

  it('reads a file holding the character U+FFFD as UTF-8, and one with a byte that is not UTF-8 as GB18030', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-utf8-'));
    const text = readFileSync(join(fixtures, 'classify/plots.geojson'), 'utf8');
    const withReplacement = join(dir, 'replacement.geojson');
    writeFileSync(withReplacement, text.replace('fully inside control zone C1', '东山头村 \uFFFD'));
    const valid = analyzeWithClassifyLayers(withReplacement, join(dir, 'a.csv'));
    expect(valid.code).toBe(0);
    expect(valid.stderr).not.toContain('不是 UTF-8');
    const broken = join(dir, 'broken.geojson');
    const bytes = Buffer.from(text.replace('fully inside control zone C1', 'C1 @'), 'utf8');
    bytes[bytes.indexOf('C1 @') + 3] = 0xff;
    writeFileSync(broken, bytes);
    const gb18030 = analyzeWithClassifyLayers(broken, join(dir, 'b.csv'));
    expect(gb18030.code).toBe(0);
    expect(gb18030.stderr).toContain('不是 UTF-8 编码，已按 GBK/GB18030 读取');
  });

  it('adds the plausibility checks to summary.json under checks (figures of the checks fixture, from PostGIS)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-checks-'));
    const summaryPath = join(dir, 'summary.json');
    const checksFixtures = join(fixtures, 'checks');
    const { code, stderr } = analyze([
      '--plots',
      join(checksFixtures, 'plots.geojson'),
      '--boundary',
      join(checksFixtures, 'boundary.geojson'),
      '--control',
      join(checksFixtures, 'control.geojson'),
      '--out',
      join(dir, 'result.csv'),
      '--summary',
      summaryPath,
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain('县界外 3 个');
    expect(stderr).toContain('2 duplicate geometries');
    const expected = JSON.parse(readFileSync(join(checksFixtures, 'expected.json'), 'utf8'));
    const summary = JSON.parse(readFileSync(summaryPath, 'utf8'));
    // Added last: every key of the summary before it is as it was.
    expect(Object.keys(summary).at(-1)).toBe('checks');
    const { checks } = summary;
    expect(checks.outsideCounty).toBe(3);
    expect(checks.outsideCountyIds).toEqual(expected.outsideCounty);
    expect(checks.onWater).toBe(2);
    expect(checks.townMismatch).toBe(2);
    expect(checks.townMismatches).toEqual(expected.townMismatches);
    expect(checks.overlappingPairs).toBe(7);
    expect(Math.abs(checks.overlapM2 - expected.overlapM2)).toBeLessThan(expected.toleranceM2);
    expect(checks.duplicateGeometries).toBe(2);
    expect(checks.duplicates).toEqual(expected.duplicates);
    expect(checks.shift).toBeNull();
    expect(checks.boundary).toMatchObject({ features: 3, outsideCounty: 0, onWater: 0 });
    expect(checks).not.toHaveProperty('flags');
  });

  it.each([
    ['not-json.geojson', 'invalid-json'],
    ['self-intersecting.geojson', 'self-intersection'],
    ['duplicate-ids.geojson', 'duplicate-id'],
    ['out-of-range.geojson', '无法确定坐标系'],
    ['wrong-type-points.geojson', 'wrong-geometry-type'],
  ])('rejects %s with a message naming the file, exit code 2 and no output', (file, expected) => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-bad-'));
    const out = join(dir, 'result.csv');
    const { code, stderr } = analyzeWithClassifyLayers(join(fixtures, 'bad-input', file), out);
    expect(code).toBe(2);
    expect(stderr).toContain(file);
    expect(stderr).toContain(expected);
    expect(existsSync(out)).toBe(false);
  });

  it('writes names a spreadsheet would run as formulas with a leading apostrophe, quoted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-formula-'));
    const plots = JSON.parse(readFileSync(join(fixtures, 'classify/plots.geojson'), 'utf8'));
    const names = ['=HYPERLINK("http://example.invalid","点击")', "-2+3+cmd|' /C calc'!A0", '@SUM(A1)'];
    names.forEach((name, i) => {
      plots.features[i].properties.name = name;
    });
    plots.features[0].properties.village = '+1+1';
    const plotsPath = join(dir, 'plots.geojson');
    writeFileSync(plotsPath, JSON.stringify(plots));
    const out = join(dir, 'result.csv');
    const { code } = analyzeWithClassifyLayers(plotsPath, out);
    expect(code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(',"\'=HYPERLINK(""http://example.invalid"",""点击"")",');
    expect(text).toContain(",\"'-2+3+cmd|' /C calc'!A0\",");
    expect(text).toContain(',"\'@SUM(A1)",');
    expect(text).toContain(',"\'+1+1",');
    // Numbers stay as they are, negative ones included.
    expect(text).not.toMatch(/,'-?\d/);
  });

  it('prints the warning of a crs member that the coordinates contradict, as the dialog shows it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-crs-'));
    const plots = JSON.parse(readFileSync(join(fixtures, 'classify/plots.geojson'), 'utf8'));
    plots.crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4528' } };
    const plotsPath = join(dir, 'plots-declared-4528.geojson');
    writeFileSync(plotsPath, JSON.stringify(plots));
    const { code, stderr } = analyzeWithClassifyLayers(plotsPath, join(dir, 'result.csv'));
    expect(code).toBe(0);
    expect(stderr).toContain('plots-declared-4528.geojson: GeoJSON 的 crs 成员声明的坐标系为');
    expect(stderr).toContain('but the coordinate values');
  });

  it('stops at a feature with a broken vertex, naming it, and with --skip-invalid analyses the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-skip-'));
    const plots = JSON.parse(readFileSync(join(fixtures, 'classify/plots.geojson'), 'utf8'));
    const count = plots.features.length as number;
    const broken = plots.features[1];
    broken.geometry.coordinates[0][1] = ['121.2', '30.2'];
    const plotsPath = join(dir, 'one-broken.geojson');
    writeFileSync(plotsPath, JSON.stringify(plots));
    const strict = analyzeWithClassifyLayers(plotsPath, join(dir, 'strict.csv'));
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('one-broken.geojson');
    expect(strict.stderr).toMatch(/第 2 个要素/);
    expect(strict.stderr).toContain('（值：["121.2", "30.2"]，坐标写成了文本而不是数字）');
    expect(existsSync(join(dir, 'strict.csv'))).toBe(false);
    const skipping = analyzeWithClassifyLayers(plotsPath, join(dir, 'rest.csv'), '--skip-invalid');
    expect(skipping.code).toBe(0);
    expect(skipping.stderr).toContain(`略过 1 个有错误的要素，其余 ${count - 1} 个参与分析`);
    const rows = readFileSync(join(dir, 'rest.csv'), 'utf8').trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(count - 1);
    expect(rows.some((row) => row.startsWith(`${String(broken.properties.id)},`))).toBe(false);
  });

  describe('with a layer that lands far from Cixi', () => {
    const wrongZone = join(fixtures, 'bad-input/gk-wrong-zone-prefix.geojson');

    function run(plots: string, ...options: string[]) {
      const out = join(mkdtempSync(join(tmpdir(), 'analyze-crs-')), 'result.csv');
      return { ...analyzeWithClassifyLayers(plots, out, ...options), out };
    }

    it('stops zone prefix 41 on 120°E data with exit code 2, the proposed fix, and no output', () => {
      const { code, stderr, out } = run(wrongZone);
      expect(code).toBe(2);
      expect(stderr).toContain('gk-wrong-zone-prefix.geojson');
      expect(stderr).toMatch(/距慈溪约 2[89]\d 公里/);
      expect(stderr).toContain('坐标带号可能应为 40（中央经线 120°E）');
      expect(stderr).toContain('zone prefix should probably be 40 (central meridian 120°E)');
      expect(stderr).toContain('--crs GK:120:41');
      expect(existsSync(out)).toBe(false);
    });

    it('reads the plots in the system --plots-crs names: the same result as the right prefix', () => {
      const fixed = run(wrongZone, '--plots-crs', 'GK:120:41');
      expect(fixed.code).toBe(0);
      expect(fixed.stderr).toContain('由用户指定为 CGCS2000 3度带高斯-克吕格投影 第40带');
      const right = run(join(fixtures, 'bad-input/projected-no-crs.geojson'));
      expect(right.code).toBe(0);
      expect(readFileSync(fixed.out, 'utf8')).toBe(readFileSync(right.out, 'utf8'));
    });

    it('refuses an unknown --crs code with the list of known codes, and writes nothing', () => {
      const { code, stderr, out } = run(wrongZone, '--crs', 'EPSG:2385');
      expect(code).toBe(2);
      expect(stderr).toContain('未知的坐标系代码 EPSG:2385');
      for (const known of ['EPSG:4490', 'EPSG:4326', 'EPSG:4528', 'EPSG:4549', 'GCJ02']) {
        expect(stderr).toContain(known);
      }
      expect(existsSync(out)).toBe(false);
    });
  });

  it('explains features without an id by the .dbf holding fewer records than the .shp has shapes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-dbf-'));
    const squares = Array.from({ length: 12 }, (_, i) => {
      const [x, y] = [121.25 + i * 0.002, 30.17];
      return [
        [
          [x, y],
          [x, y + 0.001],
          [x + 0.001, y + 0.001],
          [x + 0.001, y],
          [x, y],
        ],
      ];
    });
    const { shp, shx } = writeShp(squares);
    const dbf = writeDbf(
      [{ name: 'ID', type: 'C', length: 4 }],
      squares.map((_, i) => ({ ID: `P${i + 1}` })),
    );
    // The header claims 10 records; the bytes of all 12 are there.
    new DataView(dbf.buffer, dbf.byteOffset).setUint32(4, 10, true);
    writeFileSync(join(dir, 'plots.shp'), shp);
    writeFileSync(join(dir, 'plots.shx'), shx);
    writeFileSync(join(dir, 'plots.dbf'), dbf);
    const out = join(dir, 'result.csv');
    const { code, stderr } = analyzeWithClassifyLayers(join(dir, 'plots.shp'), out);
    expect(code).toBe(2);
    expect(stderr).toContain('[record-count-mismatch]');
    expect(stderr).toContain('plots.shp has 12 shapes but');
    expect(stderr).toContain('plots.dbf has 10 records');
    expect(stderr.indexOf('[record-count-mismatch]')).toBeLessThan(stderr.indexOf('[missing-id]'));
    expect(existsSync(out)).toBe(false);
  });

  it('explains missing arguments', () => {
    const { code, stderr } = analyze(['--plots', 'x.geojson']);
    expect(code).toBe(2);
    expect(stderr).toContain('--boundary');
  });

  it('says at once that an output cannot be written there, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    const missing = join(dir, 'no-such-folder');
    const out = join(dir, 'result.csv');
    const cases: [string[], string][] = [
      [['--out', join(missing, 'result.csv')], `--out ${join(missing, 'result.csv')}`],
      [['--out', dir], `--out ${dir}`],
      [
        ['--out', out, '--summary', join(missing, 'summary.json')],
        `--summary ${join(missing, 'summary.json')}`,
      ],
    ];
    for (const [outputs, named] of cases) {
      const { code, stderr } = analyze([
        '--plots',
        join(fixtures, 'classify/plots.geojson'),
        '--boundary',
        join(fixtures, 'classify/boundary.geojson'),
        '--control',
        join(fixtures, 'classify/control.geojson'),
        ...outputs,
      ]);
      expect(code).toBe(2);
      expect(stderr).toContain(`cannot write ${named}`);
      // No stack trace: the message is the whole answer.
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    }
    const plan = analyze([
      '--plan',
      join(fixtures, 'plans/small-v1.plan.json'),
      '--out',
      join(missing, 'x.json'),
    ]);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain('the folder');
  });

  describe('with shapefile and KML input', () => {
    const expected = JSON.parse(
      readFileSync(join(importFixtures, 'plots-cgcs2000-gk40-gbk.expected.json'), 'utf8'),
    ) as {
      features: { id: string; name: string; village: string }[];
    };

    /** Rows of the result CSV by id: the cells of each row. */
    function rowsById(path: string): Map<string, string[]> {
      const lines = readFileSync(path, 'utf8').slice(1).trim().split('\r\n');
      const header = lines[0]?.split(',') ?? [];
      expect(header.slice(0, 3)).toEqual(['id', 'area_m2', 'area_mu']);
      return new Map(lines.slice(1).map((line) => [line.split(',')[0] as string, line.split(',')]));
    }

    function run(plots: string, boundary = join(sample, 'boundary.geojson')) {
      const dir = mkdtempSync(join(tmpdir(), 'analyze-import-'));
      const out = join(dir, 'result.csv');
      const result = analyze([
        '--plots',
        plots,
        '--boundary',
        boundary,
        '--control',
        join(sample, 'control.geojson'),
        '--out',
        out,
      ]);
      return { ...result, out };
    }

    /** The same plots, taken from the sample GeoJSON (WGS84). */
    function samplePlotsFile(): string {
      const ids = new Set(expected.features.map((f) => f.id));
      const all = JSON.parse(readFileSync(join(sample, 'plots.geojson'), 'utf8'));
      const path = join(mkdtempSync(join(tmpdir(), 'analyze-sample-')), 'plots.geojson');
      writeFileSync(
        path,
        JSON.stringify({ ...all, features: all.features.filter((f: { id: string }) => ids.has(f.id)) }),
      );
      return path;
    }

    it('analyses the zipped GBK Gauss-Krüger shapefile like the same plots from the sample GeoJSON', () => {
      const fromZip = run(join(importFixtures, 'plots-cgcs2000-gk40-gbk.zip'));
      expect(fromZip.code).toBe(0);
      expect(fromZip.stderr).toContain(`已分析 ${expected.features.length} 个地块`);
      expect(fromZip.stderr).toContain('属性编码 GBK（来自 .cpg 文件）');
      expect(fromZip.stderr).toContain('EPSG:4528');
      const fromSample = run(samplePlotsFile());
      expect(fromSample.code).toBe(0);
      const zipRows = rowsById(fromZip.out);
      const sampleRows = rowsById(fromSample.out);
      expect([...zipRows.keys()]).toEqual(expected.features.map((f) => f.id));
      for (const [id, row] of zipRows) {
        const reference = sampleRows.get(id) as string[];
        for (const column of [1, 3, 4]) {
          const [a, b] = [Number(row[column]), Number(reference[column])];
          expect(Math.abs(a - b), `${id} column ${column}`).toBeLessThanOrEqual(
            1e-6 * Math.max(Math.abs(b), 1),
          );
        }
        expect(row[5], id).toBe(reference[5]);
        expect(row.slice(7), id).toEqual(reference.slice(7));
      }
      for (const plot of expected.features) {
        expect(zipRows.get(plot.id)?.[9]).toBe(plot.village);
        expect(zipRows.get(plot.id)?.[10]).toBe(plot.name);
      }
    });

    it('reads a .shp with its .dbf, .prj and .cpg beside it, and a KML boundary', () => {
      const dir = mkdtempSync(join(tmpdir(), 'analyze-shp-'));
      for (const [name, bytes] of Object.entries(
        unzipSync(readFileSync(join(importFixtures, 'plots-cgcs2000-gk40-gbk.zip'))),
      )) {
        writeFileSync(join(dir, decodeZipEntryName(name).replace(/^.*\//, '')), bytes);
      }
      const { code, stderr, out } = run(join(dir, '地块.shp'), join(importFixtures, 'boundary.kml'));
      expect(code).toBe(0);
      expect(stderr).toContain('属性编码 GBK');
      const rows = rowsById(out);
      expect(rows.size).toBe(expected.features.length);
      expect(rows.get(expected.features[0]?.id ?? '')?.[10]).toBe(expected.features[0]?.name);
    });

    it.each([
      ['broken-not-a-zip.zip', 'not-a-zip'],
      ['broken-missing-dbf.zip', 'missing-dbf'],
    ])('rejects %s with exit code 2, a message naming the file, and no output', (file, code) => {
      const result = run(join(importFixtures, file));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(file);
      expect(result.stderr).toContain(code);
      expect(existsSync(result.out)).toBe(false);
    });
  });
});
