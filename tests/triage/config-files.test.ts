// config/authors.json as the reader keeps it: JSON with comments and trailing commas, kept through
// starring and unstarring from the page; written through a symlink with the file's mode; never over
// an edit made since the app read it; an unwritable folder answered in JSON with the reason; and a
// broken hand edit shown on every page (and /healthz) with file, line and problem until it is fixed,
// the last good list in use meanwhile.
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openContext, type Context } from '../../src/app/context.ts';
import { silentLogger } from '../../src/app/log.ts';
import { loadConfig } from '../../src/config.ts';
import { ConfigWriteError, readForEdit, writeEdited } from '../../src/curate/config-write.ts';
import { currentStarred } from '../../src/jobs/reflag.ts';
import { createApp } from '../../src/server.ts';
import { ingestFeed } from '../../src/store/write/ingest.ts';
import { makePaper } from '../support/build-db.ts';
import { asNobodyWhenRoot } from '../support/other-user.ts';

const HAND_WRITTEN = `// The people I follow; comments and trailing commas welcome.
{
  "authors": [
    { "id": "yoshua-bengio", "name": "Yoshua Bengio" }, // Mila

    /* LeCun signs "Y. LeCun" too. */
    { "id": "yann-lecun", "name": "Yann LeCun", "variants": ["Y. LeCun",], },
  ],
}
`;
const DAY = '2026-09-24';
const ORIGIN = { origin: 'http://127.0.0.1:3000', 'content-type': 'application/x-www-form-urlencoded' };

let dir: string;
let authorsPath: string;
let context: Context;

function open(path: string): Context {
  const config = loadConfig({ CURATOR_DB: join(dir, 'curator.db'), CURATOR_AUTHORS: path, LOG_LEVEL: 'silent' });
  context = openContext(config, { log: silentLogger, now: () => new Date('2026-09-25T12:00:00Z') });
  const papers = [
    makePaper({ id: '2609.00001', title: 'By Ada', authors: ['Ada Lovelace', 'Alan Turing'] }),
    makePaper({ id: '2609.00002', title: 'By Bengio', authors: ['Yoshua Bengio'] }),
  ];
  ingestFeed(
    context.db,
    { format: 'rss', announcedOn: DAY, papers },
    { source: 'rss', categories: context.config.categories, flags: context.starred.current(), now: `${DAY}T04:00:00Z` },
  );
  return context;
}

const star = (app: ReturnType<typeof createApp>, id: string, index: number) =>
  app.request(`/papers/${id}/star`, {
    method: 'POST',
    headers: { ...ORIGIN, accept: 'application/json' },
    body: `a=${index}`,
  });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'curator-config-'));
  authorsPath = join(dir, 'authors.json');
  writeFileSync(authorsPath, HAND_WRITTEN);
});
afterEach(() => {
  chmodSync(dir, 0o755);
  context?.db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('starring from the page keeps the file as the reader wrote it', () => {
  it('adds a line after the last one and takes it away again, every comment and trailing comma kept', async () => {
    const app = createApp({ context: open(authorsPath), holidays: new Set() });
    expect((await star(app, '2609.00001', 0)).status).toBe(200);
    const starred = readFileSync(authorsPath, 'utf8');
    expect(starred).toBe(
      HAND_WRITTEN.replace(
        '"variants": ["Y. LeCun",], },\n',
        '"variants": ["Y. LeCun",], },\n    { "id": "ada-lovelace", "name": "Ada Lovelace" },\n',
      ),
    );
    expect((await star(app, '2609.00001', 0)).status).toBe(200);
    expect(readFileSync(authorsPath, 'utf8')).toBe(HAND_WRITTEN);
    // Unstarring the first entry takes its line and its comment, nothing else.
    expect((await star(app, '2609.00002', 0)).status).toBe(200);
    expect(readFileSync(authorsPath, 'utf8')).toBe(HAND_WRITTEN.replace(/ {4}\{ "id": "yoshua-bengio".*\n/, ''));
  });

  it('writes through a symlink to its target and keeps the target’s mode', async () => {
    mkdirSync(join(dir, 'dotfiles'));
    const target = join(dir, 'dotfiles', 'authors.json');
    writeFileSync(target, HAND_WRITTEN);
    chmodSync(target, 0o444);
    const link = join(dir, 'link.json');
    symlinkSync(target, link);
    const app = createApp({ context: open(link), holidays: new Set() });
    expect((await star(app, '2609.00001', 0)).status).toBe(200);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toContain('{ "id": "ada-lovelace", "name": "Ada Lovelace" }');
    expect(statSync(target).mode & 0o777).toBe(0o444);
  });

  it('refuses to write over an edit made since the file was read, which stays as made', () => {
    open(authorsPath);
    const snapshot = readForEdit(authorsPath);
    const handEdit = HAND_WRITTEN.replace('// Mila', '// Mila, Montréal');
    writeFileSync(authorsPath, handEdit);
    const error = (() => {
      try {
        writeEdited(snapshot, `${snapshot.text}\n`);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigWriteError);
    expect((error as ConfigWriteError).reason).toBe('changed');
    expect((error as Error).message).toBe(
      `${authorsPath} changed while it was being edited here: nothing written, try again`,
    );
    expect(readFileSync(authorsPath, 'utf8')).toBe(handEdit);
  });

  it('answers JSON with the reason when the folder does not take the new file', async () => {
    const app = createApp({ context: open(authorsPath), holidays: new Set() });
    // Something that is not ours at the temp file's name: the write cannot happen, as root too.
    mkdirSync(join(dir, `.authors.json.${process.pid}.tmp`));
    const response = await star(app, '2609.00001', 0);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: `cannot write ${authorsPath}: its folder ${dir} does not take a new file (something else is at the name of its temp file)`,
    });
    expect(readFileSync(authorsPath, 'utf8')).toBe(HAND_WRITTEN);
  });

  it('names a folder without write permission', async () => {
    const app = createApp({ context: open(authorsPath), holidays: new Set() });
    chmodSync(dir, 0o555);
    // As root, the request is served as nobody: root would write into the folder anyway.
    const response = await asNobodyWhenRoot(async () => await star(app, '2609.00001', 0));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: `cannot write ${authorsPath}: its folder ${dir} does not take a new file (permission denied)`,
    });
  });
});

describe('a broken hand edit', () => {
  it('shows on every page with file, line and problem, keeps the last good list, and goes when fixed', async () => {
    const app = createApp({ context: open(authorsPath), holidays: new Set() });
    const page = async () => (await app.request(`/digest/${DAY}`)).text();
    expect(await page()).not.toContain('role=alert');
    writeFileSync(authorsPath, HAND_WRITTEN.replace('"name": "Yann LeCun"', '"name": Yann LeCun"'));
    // What the server's watcher does when the file changes.
    expect(currentStarred(context).authors).toHaveLength(2);
    const banner = `<div class="n warn" role=alert><b>${authorsPath}, line 7</b>: invalid JSON at column 35: unexpected character (strings and names take double quotes). The last good version is in use until the file is fixed.</div>`;
    for (const path of [`/digest/${DAY}`, '/', '/search?q=ada', '/saved', '/watches', '/start'])
      expect(await (await app.request(path)).text(), path).toContain(banner);
    // The last good list still flags the page.
    expect(await page()).toContain('★ Yoshua Bengio');
    const health = (await (await app.request('/healthz')).json()) as Record<string, unknown>;
    expect(health.status).toBe('degraded');
    expect(health.config).toEqual([
      {
        file: authorsPath,
        line: 7,
        problem: 'invalid JSON at column 35: unexpected character (strings and names take double quotes)',
      },
    ]);
    expect(health.reasons).toContain(
      `${authorsPath} line 7: invalid JSON at column 35: unexpected character (strings and names take double quotes) (the last good version is in use)`,
    );
    writeFileSync(authorsPath, HAND_WRITTEN);
    currentStarred(context);
    expect(await page()).not.toContain('role=alert');
  });

  it('names the line of a value that breaks a rule', async () => {
    const app = createApp({ context: open(authorsPath), holidays: new Set() });
    writeFileSync(authorsPath, HAND_WRITTEN.replace('"name": "Yann LeCun"', '"name": "LeCun"'));
    currentStarred(context);
    expect(await (await app.request(`/digest/${DAY}`)).text()).toContain(
      `<b>${authorsPath}, line 7</b>: $.authors[1].name: &quot;LeCun&quot; needs a given name and a surname.`,
    );
  });
});
