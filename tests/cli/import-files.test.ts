// What `import` and `marks import` read: regular files only, up to the documented cap, UTF-8 only,
// every error naming its file; big files alone or among others; an invalid item left out with a
// warning naming it while the rest is stored.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/fetcher/files.ts';
import { buildRealisticDay, renderDayAsRss } from '../support/realistic-day.ts';
import { dumpData, FIXTURES, makeTempDb, runCli } from '../support/cli.ts';

const RSS = join(FIXTURES, 'rss2-cs.LG+cs.AI+cs.CL+stat.ML-2026-09-24-trimmed-4items.xml');

let temp: ReturnType<typeof makeTempDb>;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  temp = makeTempDb();
  env = { CURATOR_DB: temp.db };
});
afterEach(() => temp.cleanup());

// What import refuses, marks import refuses too (one check: fetcher/files.ts).
const REFUSED: [string, () => string, string][] = [
  ['a directory', () => (mkdirSync(join(temp.dir, 'dir')), join(temp.dir, 'dir')), 'a directory, not a regular file'],
  ['/dev/zero', () => '/dev/zero', 'a character device, not a regular file'],
  [
    'a FIFO',
    () => (execFileSync('mkfifo', [join(temp.dir, 'fifo')]), join(temp.dir, 'fifo')),
    'a named pipe (FIFO), not a regular file',
  ],
  [
    'a file over the cap',
    () => {
      const path = join(temp.dir, 'huge.xml');
      writeFileSync(path, '');
      truncateSync(path, MAX_FILE_BYTES + 1);
      return path;
    },
    '50 MB, larger than the 50 MB a file may be',
  ],
];

describe('import reads regular files only', () => {
  it.each(REFUSED)('refuses %s at once, naming it, alone and among other files', async (_what, make, reason) => {
    const path = make();
    expect(await runCli(['import', path], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: `arxiv-curator: ${path}: ${reason}\n`,
    });
    const among = await runCli(['import', RSS, path], env);
    expect(among).toMatchObject({ code: 1, stderr: `arxiv-curator: ${path}: ${reason}\n` });
    expect(among.stdout).toContain('2026-09-24: 4 papers');
  });

  it('refuses a file that is not UTF-8, saying where', async () => {
    const bytes = readFileSync(RSS);
    const at = bytes.indexOf('<title>', bytes.indexOf('<item>')) + 7;
    const path = join(temp.dir, 'latin1.xml');
    writeFileSync(path, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xe9]), bytes.subarray(at)]));
    const line = bytes.subarray(0, at).toString().split('\n').length;
    expect(await runCli(['import', path], env)).toMatchObject({
      code: 1,
      stderr: `arxiv-curator: ${path}: not valid UTF-8 at byte ${at} (line ${line}): arXiv serves UTF-8\n`,
    });
    expect(dumpData(temp.db).papers).toEqual([]);
  });
});

describe('marks import reads what import reads', () => {
  it.each(REFUSED)('refuses %s at once, naming it', async (_what, make, reason) => {
    const path = make();
    expect(await runCli(['marks', 'import', path], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: `arxiv-curator: marks import: ${path}: ${reason}\n`,
    });
  });
});

describe('import of big files', () => {
  it('imports a 15 MB RSS file of realistic days among others in one run', async () => {
    // Six copies of a realistic 1,310-paper day under fresh ids: real titles, abstracts and names.
    // One such file shows it (how fast, and at what memory, is bench/import.ts's and robust.ts's).
    const day = '2026-11-23';
    const base = buildRealisticDay({ day });
    const papers = Array.from({ length: 6 }, (_, k) =>
      base.map((paper, j) => ({ ...paper, id: `2611.${String(k * 2000 + j).padStart(5, '0')}` })),
    ).flat();
    const file = join(temp.dir, `${day}.xml`);
    writeFileSync(file, renderDayAsRss(day, papers));
    expect(statSync(file).size).toBeGreaterThan(15_000_000);
    const result = await runCli(['import', RSS, file], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2026-11-23: 7860 papers');
  }, 180_000);
});

describe('import of a feed with invalid items', () => {
  it('stores the valid items, warns about each invalid one by name, and says so', async () => {
    const feed = readFileSync(RSS, 'utf8')
      .replace(/<dc:creator>[^<]*<\/dc:creator>/, '<dc:creator></dc:creator>')
      .replace('oai:arXiv.org:2609.26820v1', 'oai:arXiv.org:abc');
    const path = join(temp.dir, 'partly.xml');
    writeFileSync(path, feed);
    const result = await runCli(['import', path], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/2026-09-24: 2 papers .*; 2 invalid items left out \(see the warnings\)\n$/);
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^arxiv-curator: warning: ${path}: item 1 \\(\\d{4}\\.\\d{5}v\\d\\): no authors; left out$`),
      ),
      `arxiv-curator: warning: ${path}: item 2: invalid arXiv id "oai:arXiv.org:abc"; left out`,
      '',
    ]);
    expect(dumpData(temp.db).papers).toHaveLength(2);
  });
});
