// A hand edit of config/authors.json that lands while a star or an unstar from the page is being
// written: the real server on loopback refuses the write with 409 and a message saying so (JSON for
// the page's script, a page for a plain form), the reader's edit stays byte for byte with no temp
// file left, and the server goes on answering; trying again then keeps the edit. The edit is made
// through the context's hook between the app's read and its check, so the race is hit every time.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openContext, type Context } from '../../src/app/context.ts';
import { silentLogger } from '../../src/app/log.ts';
import { loadConfig } from '../../src/config.ts';
import { escapeHtml } from '../../src/render/escape.ts';
import { startServer, type RunningServer } from '../../src/routes/listen.ts';
import { createApp } from '../../src/server.ts';
import { ingestFeed } from '../../src/store/write/ingest.ts';
import { makePaper } from '../support/build-db.ts';

// The world of each test: a temp folder with authors.json and the database, and the server on it.
let dir: string;
let authorsPath: string;
let context: Context;
let server: RunningServer;

const AS_READ = `// Whom I follow.
{
  "authors": [
    { "id": "yoshua-bengio", "name": "Yoshua Bengio" }, // Mila
  ],
}
`;
// What the reader saves meanwhile: a comment reworded (not ASCII) and an author added by hand.
const HAND_EDIT = AS_READ.replace(
  '// Mila\n',
  '// Mila, Montréal\n    { "id": "geoffrey-hinton", "name": "Geoffrey Hinton" },\n',
);
const DAY = '2026-09-24';
const ADA = '{ "id": "ada-lovelace", "name": "Ada Lovelace" },';

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'curator-race-'));
  authorsPath = join(dir, 'authors.json');
  writeFileSync(authorsPath, AS_READ);
  context = openContext(
    loadConfig({ CURATOR_DB: join(dir, 'curator.db'), CURATOR_AUTHORS: authorsPath, LOG_LEVEL: 'silent' }),
    { log: silentLogger, now: () => new Date('2026-09-25T12:00:00Z') },
  );
  const { config, db, starred } = context;
  const feed = {
    format: 'rss' as const,
    announcedOn: DAY,
    papers: [
      makePaper({ id: '2609.00001', title: 'By Ada', authors: ['Ada Lovelace'] }),
      makePaper({ id: '2609.00002', title: 'By Bengio', authors: ['Yoshua Bengio'] }),
    ],
  };
  ingestFeed(db, feed, {
    source: 'rss',
    categories: config.categories,
    flags: starred.current(),
    now: `${DAY}T04:00:00Z`,
  });
  server = await startServer(createApp({ context, holidays: new Set() }), { host: '127.0.0.1', port: 0 });
});
afterEach(async () => {
  await server?.close();
  context?.db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The page's star button on the paper's first author, as its script (JSON) or a plain form sends it. */
function pressStar(paper: string, json: boolean): Promise<Response> {
  return fetch(new URL(`papers/${paper}/star`, server.url), {
    method: 'POST',
    headers: {
      origin: new URL(server.url).origin,
      'content-type': 'application/x-www-form-urlencoded',
      ...(json && { accept: 'application/json' }),
    },
    body: 'a=0',
    redirect: 'manual',
  });
}

const ACTIONS = [
  { action: 'a star', paper: '2609.00001', retried: HAND_EDIT.replace('Hinton" },\n', `Hinton" },\n    ${ADA}\n`) },
  { action: 'an unstar', paper: '2609.00002', retried: HAND_EDIT.replace(/ {4}\{ "id": "yoshua-bengio".*\n/, '') },
];
const ASKED = [
  { asked: 'JSON', json: true },
  { asked: 'a plain form', json: false },
];

describe('a hand edit between the app’s read of authors.json and its write', () => {
  it.each(ACTIONS.flatMap((action) => ASKED.map((asked) => ({ ...action, ...asked }))))(
    'refuses $action with 409, asked as $asked, and keeps the edit byte for byte',
    async ({ paper, json, retried }) => {
      const landed: string[] = [];
      context.beforeConfigCheck = (path) => {
        landed.push(path);
        writeFileSync(path, HAND_EDIT);
      };
      const response = await pressStar(paper, json);
      expect(landed).toEqual([authorsPath]);
      context.beforeConfigCheck = undefined;

      const message = `${authorsPath} changed while it was being edited here: nothing written, try again`;
      expect(response.status).toBe(409);
      if (json) {
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(await response.json()).toEqual({ error: message });
      } else {
        expect(response.headers.get('content-type')).toMatch(/^text\/html/);
        expect(await response.text()).toContain(`<p>${escapeHtml(message)}</p>`);
      }
      expect(readFileSync(authorsPath)).toEqual(Buffer.from(HAND_EDIT));
      // Nothing half-written: the new text went to a temp file beside it, and that is gone.
      expect(readdirSync(dir).filter((name) => name.includes('authors'))).toEqual(['authors.json']);

      // The server still answers, and trying again writes over the reader's edit, not the old read.
      expect((await fetch(new URL(`digest/${DAY}`, server.url))).status).toBe(200);
      const again = await pressStar(paper, true);
      expect(again.status).toBe(200);
      expect(readFileSync(authorsPath, 'utf8')).toBe(retried);
    },
  );
});
