// Control characters stored by an older version (or written in by hand) never reach a terminal,
// a text digest, a mail or a log line: every text output strips them at its edge.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/log.ts';
import { composeDigestMail } from '../../src/mail/compose.ts';
import { renderDigestText } from '../../src/render/text.ts';
import { hasControlCharacters } from '../../src/text/control.ts';
import { createApp } from '../../src/server.ts';
import { loadDayDigest } from '../../src/views/day.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';
import { runCli } from '../support/cli.ts';
import { replyText, startFakeArxiv } from '../support/fake-arxiv.ts';

const DAY = '2026-09-24';
/** Clears the screen, plants a hidden link, turns text red (C1 CSI), rings, returns the carriage. */
const HOSTILE =
  '\u001b[2JCleared \u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 \u009b31mred\r\u0007 end\u007f';

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
  // Straight into the store, as a database written before this version may hold it.
  world.ingestDay(DAY, [
    makePaper({ title: HOSTILE, authors: ['Yoshua Bengio', `Ada ${HOSTILE}`], comment: HOSTILE }),
    makePaper({ title: 'A plain title' }),
  ]);
});
afterEach(() => world.close());

describe('control characters at every text edge', () => {
  it('the text digest, its page and the JSON digest carry none', async () => {
    const view = loadDayDigest(world.context, new Set(), DAY).view;
    const text = renderDigestText(view, { baseUrl: 'http://127.0.0.1:3000' });
    expect(hasControlCharacters(text)).toBe(false);
    expect(text).toContain('Cleared click red');
    const app = createApp({ context: world.context, holidays: new Set() });
    for (const path of [`/digest/${DAY}.txt`, `/digest/${DAY}.json`])
      expect(hasControlCharacters(await (await app.request(path)).text())).toBe(false);
  });

  it('the mail carries none, in subject, text or HTML', () => {
    const view = loadDayDigest(world.context, new Set(), DAY).view;
    const mail = composeDigestMail(view, { recipients: ['a@example.org'], baseUrl: 'http://127.0.0.1:3000' });
    for (const part of [mail.subject, mail.text, mail.html]) expect(hasControlCharacters(part)).toBe(false);
  });

  it('`digest` prints none in any format', async () => {
    const env = { CURATOR_DB: world.context.config.dbPath };
    for (const format of ['text', 'html', 'json']) {
      const result = await runCli(['digest', '--date', DAY, '--format', format], env);
      expect(result.code).toBe(0);
      expect(hasControlCharacters(result.stdout)).toBe(false);
    }
  });

  it('log lines show them escaped, never raw', () => {
    const lines: string[] = [];
    createLogger('info', (line) => lines.push(line)).info(`odd\u001b[2Jevent`, { error: HOSTILE });
    expect(hasControlCharacters(lines[0]!)).toBe(false);
    expect(lines[0]).toContain('\\u001b[2JCleared');
  });

  it("a command's error line carries none of what a server said", async () => {
    const arxiv = await startFakeArxiv();
    try {
      const page = `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed error for query: cs.XX</title>
        <description>Invalid category: &#x1b;[2J&#x1b;]0;pwned&#x7;cs.XX</description></channel></rss>`;
      arxiv.on('/rss/cs.LG+cs.NE+stat.ML', replyText(page, { status: 400 }));
      const result = await runCli(['fetch'], {
        CURATOR_DB: world.context.config.dbPath,
        ARXIV_RSS_BASE: `${arxiv.url}/rss/`,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('HTTP 400 Bad Request: Invalid category:');
      expect(hasControlCharacters(result.stderr)).toBe(false);
    } finally {
      await arxiv.close();
    }
  });
});
