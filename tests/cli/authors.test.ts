import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDb, runCli, spawnCli } from '../support/cli.ts';
import type { ParsedFeed } from '../../src/types.ts';
import { openDb } from '../../src/store/db.ts';
import { ingestFeed } from '../../src/store/write/ingest.ts';

const CONFIG = fileURLToPath(new URL('../../config/authors.json', import.meta.url));

let temp: ReturnType<typeof makeTempDb>;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  temp = makeTempDb();
  env = { CURATOR_DB: temp.db, CURATOR_AUTHORS: join(temp.dir, 'authors.json') };
  writeFileSync(env.CURATOR_AUTHORS!, readFileSync(CONFIG));
});
afterEach(() => temp.cleanup());

describe('authors check', () => {
  it('matches a starred name exactly', async () => {
    const result = await runCli(['authors', 'check', 'Quoc V. Le'], env);
    expect(result).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^match: Quoc V\. Le \(quoc-le\), exact\nrule: exact/),
    });
  });

  it('matches a variant written with initials as likely, and a TeX accent as the name', async () => {
    expect(await runCli(['authors', 'check', 'Y. LeCun'], env)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Yann LeCun (yann-lecun), likely'),
    });
    expect(await runCli(['authors', 'check', "G\\'abor Melis"], env)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Gábor Melis (gabor-melis), exact'),
    });
  });

  it('matches a short form of the given name as likely, naming the rule', async () => {
    expect(await runCli(['authors', 'check', 'Geoff Hinton'], env)).toMatchObject({
      code: 0,
      stdout:
        'match: Geoffrey Hinton (geoffrey-hinton), likely\n' +
        'rule: likely: "geoff" is a short form of "geoffrey" (a table of established short forms), so "geoff" may be Geoffrey Hinton\n',
    });
    expect(await runCli(['authors', 'check', 'Alexander Graves'], env)).toMatchObject({ code: 1 });
  });

  it('refuses namesakes and says why', async () => {
    const samy = await runCli(['authors', 'check', 'Samy Bengio'], env);
    expect(samy).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/^no match\nrule: no match: .*Yoshua Bengio/),
    });
    const song = await runCli(['authors', 'check', 'Le Song'], env);
    expect(song).toMatchObject({ code: 1, stdout: expect.stringContaining('no match') });
  });
});

const paperBy = (id: string, authors: string[]): ParsedFeed['papers'][number] => ({
  id,
  version: 1,
  title: `Paper ${id}`,
  abstract: 'Abstract.',
  authors,
  categories: ['cs.LG'],
  announceType: 'new',
});

describe('starred flags are derived data', () => {
  it('re-flags stored papers offline when an author is added to authors.json', async () => {
    const db = openDb(temp.db);
    const feed: ParsedFeed = {
      format: 'rss',
      announcedOn: '2026-11-25',
      papers: [paperBy('2611.00001', ['Chelsea Finn', 'Sergey Levine']), paperBy('2611.00002', ['Yoshua Bengio'])],
    };
    ingestFeed(db, feed, {
      source: 'rss',
      categories: ['cs.LG'],
      flags: { hash: 'none', flag: () => [] },
      now: '2026-11-25T05:00:00Z',
    });
    db.close();

    const before = JSON.parse((await runCli(['digest', '--date', '2026-11-25', '--format', 'json'], env)).stdout);
    expect(before.papers.map((p: { starred: unknown[] }) => p.starred.length)).toEqual([1, 0]);

    const config = JSON.parse(readFileSync(env.CURATOR_AUTHORS!, 'utf8'));
    config.authors.push({ id: 'chelsea-finn', name: 'Chelsea Finn' });
    writeFileSync(env.CURATOR_AUTHORS!, JSON.stringify(config));
    const after = JSON.parse((await runCli(['digest', '--date', '2026-11-25', '--format', 'json'], env)).stdout);
    expect(after.papers[1].starred).toEqual([
      { name: 'Chelsea Finn', as: 'Chelsea Finn', confidence: 'exact', author: 'chelsea-finn' },
    ]);
    expect((await runCli(['authors'], env)).stdout).toMatch(/Chelsea Finn\s+chelsea-finn\s+1 paper\n/);
  });
});

const broken: [string, (config: { authors: Record<string, unknown>[] }) => unknown, string][] = [
  ['bad JSON', () => '{"authors": [', 'line 1'],
  ['a missing name', (c) => (delete c.authors[3]!.name, c), '$.authors[3].name'],
  ['an empty name', (c) => ((c.authors[2]!.name = '  '), c), '$.authors[2].name'],
  ['a duplicate id', (c) => ((c.authors[5]!.id = 'yann-lecun'), c), 'duplicate id "yann-lecun"'],
  ['an unknown key', (c) => ((c.authors[4]!.varients = []), c), 'unknown key "varients"'],
];

describe('a broken authors.json stops the process before it starts', () => {
  it.each(broken)('%s: exit 2 naming the file, the JSON path and the problem', async (_name, edit, where) => {
    const config = JSON.parse(readFileSync(CONFIG, 'utf8'));
    const edited = edit(config);
    writeFileSync(env.CURATOR_AUTHORS!, typeof edited === 'string' ? edited : JSON.stringify(edited, null, 2));
    const result = await spawnCli(['serve'], { ...env, PORT: '0' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(`^arxiv-curator: ${env.CURATOR_AUTHORS!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*\n$`),
    );
    expect(result.stderr).toContain(where);
    expect(result.stdout).toBe('');
  });
});
