import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { buildFullRssDay } from '../support/big-feed.ts';
import { BIN, dumpData, FIXTURES, makeTempDb, runCli, spawnCli } from '../support/cli.ts';
import { niceOf } from '../support/niceness.ts';

const xmlFixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.xml'))
  .sort();
const API_ERROR = 'api-error-http400-incorrect-id-format-abc-2026-04-12.xml';
const RSS = 'rss2-cs.LG+cs.AI+cs.CL+stat.ML-2026-09-24-trimmed-4items.xml';
const API = 'api-query-cat_cs.LG_OR_cat_cs.AI-max20-2026-04-30.xml';

let temp: ReturnType<typeof makeTempDb>;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  temp = makeTempDb();
  env = { CURATOR_DB: temp.db };
});
afterEach(() => temp.cleanup());

describe('import', () => {
  it.runIf(process.platform === 'linux')(
    'run in a test worker, leaves the worker at its priority (the CLI process alone lowers itself)',
    async () => {
      const before = niceOf(process.pid);
      const run = await runCli(['import', join(FIXTURES, RSS)], env);
      expect(run.code).toBe(0);
      expect(niceOf(process.pid)).toBe(before);
    },
  );

  it("ingests every shared fixture and refuses the API error with arXiv's message", async () => {
    const files = xmlFixtures.filter((name) => name !== API_ERROR).map((name) => join(FIXTURES, name));
    expect(files.length).toBe(14);
    const ok = await spawnCli(['import', ...files], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(14);
    expect(ok.stdout).toContain('2026-09-24: 4 papers');
    expect(ok.stdout).toContain('2026-03-29: no announcement (empty feed)');

    const refused = await spawnCli(['import', join(FIXTURES, API_ERROR)], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `arxiv-curator: ${join(FIXTURES, API_ERROR)}: arXiv API error: incorrect id format for abc\n`,
    );
  }, 60_000);

  it('leaves the digest identical when the same files are imported again', async () => {
    const args = ['import', join(FIXTURES, RSS)];
    const apiArgs = ['import', '--announced', '2026-09-24', join(FIXTURES, API)];
    expect((await runCli(args, env)).code).toBe(0);
    expect((await runCli(apiArgs, env)).code).toBe(0);
    const first = await runCli(['digest', '--date', '2026-09-24', '--format', 'json'], env);
    const data = dumpData(temp.db);
    expect((await runCli(args, env)).stdout).toContain('0 new to the store');
    expect((await runCli(apiArgs, env)).stdout).toContain('20 unchanged');
    const second = await runCli(['digest', '--date', '2026-09-24', '--format', 'json'], env);
    expect(second.stdout).toBe(first.stdout);
    expect(dumpData(temp.db)).toEqual(data);
    const digest = JSON.parse(first.stdout) as { date: string; papers: { id: string; announceType: string }[] };
    expect(digest.date).toBe('2026-09-24');
    expect(digest.papers).toHaveLength(24);
    expect(Object.keys(digest.papers[0]!).slice(0, 7)).toEqual([
      'id',
      'version',
      'title',
      'authors',
      'categories',
      'announceType',
      'starred',
    ]);
  });

  it('files API entries under --announced and tells new from cross-list by primary category', async () => {
    await runCli(['import', '--announced', '2026-04-30', join(FIXTURES, API)], env);
    const digest = JSON.parse((await runCli(['digest', '--date', '2026-04-30', '--format', 'json'], env)).stdout) as {
      papers: { categories: string[]; announceType: string }[];
    };
    for (const paper of digest.papers) {
      const ours = ['cs.LG', 'cs.NE', 'stat.ML'].includes(paper.categories[0]!);
      expect(paper.announceType.replace('replace', 'new').replace('new-cross', 'cross')).toBe(ours ? 'new' : 'cross');
    }
  });
});

describe('import is atomic per file', () => {
  it('never shows a reader part of a file, and leaves whole files only when killed with SIGKILL', async () => {
    // Ten files: the kill lands after the second, with eight more to go even on a slow machine.
    const days = [
      '2026-09-14',
      '2026-09-15',
      '2026-09-16',
      '2026-09-17',
      '2026-09-18',
      '2026-09-21',
      '2026-09-22',
      '2026-09-23',
      '2026-09-25',
      '2026-09-28',
    ];
    const files = days.map((day) => {
      const file = join(temp.dir, `rss-${day}.xml`);
      writeFileSync(file, buildFullRssDay(2000, day));
      return file;
    });
    await runCli(['import', join(FIXTURES, RSS)], env); // creates the schema, 4 papers
    const child = spawn(process.execPath, [BIN, 'import', ...files], {
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    });
    const exited = new Promise((resolve) => child.once('close', resolve));
    // A second connection sees only committed data: it must never see part of a file.
    const reader = new Database(temp.db, { readonly: true });
    const seen = new Set<number>();
    for (let polls = 0; polls < 20_000; polls++) {
      const { n } = reader.prepare('SELECT count(*) AS n FROM papers').get() as { n: number };
      seen.add(n - 4);
      if (n - 4 >= 4000) break; // two files committed, the third is being written: kill it there
      // A sampling pace, not a wait for something: the reader looks about every millisecond and
      // leaves the cores to the import it watches.
      // eslint-disable-next-line no-restricted-syntax
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    child.kill('SIGKILL');
    await exited;
    reader.close();
    expect([...seen].filter((n) => n % 2000 !== 0)).toEqual([]);
    expect(Math.max(...seen)).toBeGreaterThanOrEqual(4000);

    const db = new Database(temp.db);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = db.prepare("SELECT day, papers FROM days WHERE day != '2026-09-24' ORDER BY day").all() as {
        papers: number;
      }[];
      expect(stored.length).toBeLessThan(days.length);
      for (const row of stored) expect(row.papers).toBe(2000);
      const counts = db
        .prepare('SELECT (SELECT count(*) FROM papers) AS papers, (SELECT count(*) FROM papers_fts) AS indexed')
        .get();
      expect(counts).toEqual({ papers: 4 + 2000 * stored.length, indexed: 4 + 2000 * stored.length });
    } finally {
      db.close();
    }
  }, 60_000);
});

const rssHead = readFileSync(join(FIXTURES, RSS), 'utf8');
const badInputs: [string, string, RegExp][] = [
  [
    'truncated.xml',
    rssHead.slice(0, Math.floor(rssHead.length * 0.6)),
    /(truncated|unclosed|not well-formed|invalid xml|ended)/i,
  ],
  [
    'truncated-tail.xml',
    rssHead.slice(0, rssHead.lastIndexOf('</channel>')),
    /(truncated|unclosed|not well-formed|invalid xml|ended)/i,
  ],
  [
    'error-page.xml',
    '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
    /HTML/,
  ],
  ['empty.xml', '', /empty/i],
  [
    'wrong-kind.xml',
    '<?xml version="1.0"?><catalog><book id="1"><title>XML</title></book></catalog>',
    /not an arXiv feed/i,
  ],
  [
    'entities.xml',
    `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss version="2.0"><channel><title>&lol2;</title></channel></rss>`,
    /entit/i,
  ],
  [
    'bad-ids.xml',
    rssHead.replace(/oai:arXiv\.org:\d{4}\.\d{5}v\d/g, 'oai:arXiv.org:abc'),
    /no valid item: .*invalid arXiv id/i,
  ],
  ['api-error.xml', readFileSync(join(FIXTURES, API_ERROR), 'utf8'), /incorrect id format for abc/],
];

describe('import refuses bad input, leaving the database as it was', () => {
  it.each(badInputs)('%s', async (name, content, reason) => {
    await runCli(['import', join(FIXTURES, 'rss2-cs.LG-2026-04-27-trimmed-3items.xml')], env);
    const before = dumpData(temp.db);
    const file = join(temp.dir, name);
    writeFileSync(file, content);
    const result = await runCli(['import', file], env);
    expect(result.code).not.toBe(0);
    expect(result.stderr.split('\n')).toEqual([expect.stringContaining(`arxiv-curator: ${file}: `), '']);
    expect(result.stderr).toMatch(reason);
    expect(dumpData(temp.db)).toEqual(before);
  });

  it('refuses --announced that contradicts the day an RSS feed names', async () => {
    const result = await runCli(['import', '--announced', '2026-09-25', join(FIXTURES, RSS)], env);
    expect(result).toMatchObject({
      code: 1,
      stderr: `arxiv-curator: ${join(FIXTURES, RSS)}: the feed is of 2026-09-24, not --announced 2026-09-25 (that option is for API and OAI files)\n`,
    });
    expect(dumpData(temp.db).papers).toEqual([]);
  });

  it('stops at the first bad file of several: the files before it are stored, the bad one is named', async () => {
    const bad = join(temp.dir, 'truncated.xml');
    writeFileSync(bad, rssHead.slice(0, 3000));
    const good = join(FIXTURES, 'rss2-cs.LG-2026-04-27-trimmed-3items.xml');
    const result = await runCli(['import', good, bad, join(FIXTURES, RSS)], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('2026-04-27: 3 papers');
    expect(result.stderr).toMatch(new RegExp(`^arxiv-curator: ${bad}: .+\n$`));
    expect(dumpData(temp.db).days).toEqual([expect.objectContaining({ day: '2026-04-27' })]);
  });

  it('refuses a missing file by name', async () => {
    const missing = join(temp.dir, 'nope.xml');
    expect(await runCli(['import', missing], env)).toMatchObject({
      code: 1,
      stderr: `arxiv-curator: ${missing}: no such file\n`,
    });
    // Among several files the worker thread reads it, with the same message.
    const several = await runCli(['import', join(FIXTURES, RSS), missing], env);
    expect(several).toMatchObject({ code: 1, stderr: `arxiv-curator: ${missing}: no such file\n` });
  });
});
