import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvFile, writeCsvAtomically } from './plot-csv-rows.ts';

const HEADER = 'id,名称';

describe('CsvFile', () => {
  it('writes the same bytes row by row as writeCsvAtomically all at once, with and without rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-file-'));
    const rows = ['a,甲', 'b,乙'];
    writeCsvAtomically(join(dir, 'whole.csv'), HEADER, [rows.join('\r\n')], true);
    const file = new CsvFile(join(dir, 'rows.csv'), HEADER);
    file.write(new TextEncoder().encode('a,甲\r\n'));
    file.write('b,乙');
    expect(existsSync(join(dir, 'rows.csv'))).toBe(false);
    file.commit(true);
    expect(readFileSync(join(dir, 'rows.csv'))).toEqual(readFileSync(join(dir, 'whole.csv')));
    expect(readFileSync(join(dir, 'rows.csv'), 'utf8')).toBe('\uFEFFid,名称\r\na,甲\r\nb,乙\r\n');

    writeCsvAtomically(join(dir, 'none-whole.csv'), HEADER, [], false);
    const none = new CsvFile(join(dir, 'none.csv'), HEADER);
    none.commit(false);
    expect(readFileSync(join(dir, 'none.csv'), 'utf8')).toBe('\uFEFFid,名称\r\n\r\n');
    expect(readFileSync(join(dir, 'none.csv'))).toEqual(readFileSync(join(dir, 'none-whole.csv')));
    expect(readdirSync(dir).sort()).toEqual(['none-whole.csv', 'none.csv', 'rows.csv', 'whole.csv']);
  });

  it('leaves nothing behind when discarded, or when the process ends without a commit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-file-'));
    const file = new CsvFile(join(dir, 'out.csv'), HEADER);
    file.write('a,甲');
    file.discard();
    expect(readdirSync(dir)).toEqual([]);

    const module = new URL('./plot-csv-rows.ts', import.meta.url).href;
    const script = `import { readdirSync } from 'node:fs';
      import { CsvFile } from ${JSON.stringify(module)};
      const file = new CsvFile(${JSON.stringify(join(dir, 'out.csv'))}, 'id');
      file.write('a');
      console.log(readdirSync(${JSON.stringify(dir)}).length);
      process.exit(2);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(child.status).toBe(2);
    // The temporary file existed while the run went on, and is gone after it.
    expect(child.stdout.trim()).toBe('1');
    expect(readdirSync(dir)).toEqual([]);
  });
});
