// Stored starred flags always agree with config/authors.json as it is, whatever runs beside a
// running server: real `serve` and CLI processes on one database, a fake arXiv on loopback.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnCli } from '../support/cli.ts';
import { replyRssDay, type FakeArxiv, type Reply } from '../support/fake-arxiv.ts';
import { createServeWorld, E2E_DAY, RSS_PATH, startServeProcess, type ServeWorld } from '../support/serve-process.ts';

const DAY = E2E_DAY;

let world: ServeWorld;
let arxiv: FakeArxiv;
let env: ServeWorld['env'];
beforeEach(async () => {
  world = await createServeWorld('curator-flags-');
  ({ arxiv, env } = world);
});
afterEach(async () => await world.close());

function starValko(): void {
  const config = JSON.parse(readFileSync(env.CURATOR_AUTHORS, 'utf8'));
  config.authors.push({ id: 'michal-valko', name: 'Michal Valko' });
  writeFileSync(env.CURATOR_AUTHORS, JSON.stringify(config, null, 2));
}

type DigestJson = { papers: { authors: string[]; starred: { name: string }[] }[] };

function valkoStars(digest: DigestJson): string[] {
  const paper = digest.papers.find((p) => p.authors.includes('Michal Valko'));
  return paper?.starred.map((star) => star.name) ?? ['(no Valko paper)'];
}

describe('starred flags and a running server', () => {
  it('a CLI command run after an edit cannot leave the server flagging new papers with the old list', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const requested = new Promise<void>((resolve) => (asked = resolve));
    const heldRss: Reply = (req, res) => (asked(), void held.then(() => replyRssDay(DAY)(req, res)));
    arxiv.on(RSS_PATH, heldRss);
    const server = startServeProcess(arxiv, env);
    await requested;
    // While the server waits for arXiv: the user stars an author and checks the name.
    starValko();
    expect((await spawnCli(['authors', 'check', 'Michal Valko'], env)).code).toBe(0);
    release();
    await server.waitForLog('catchup.end');
    server.kill('SIGTERM');
    expect((await server.exit).code).toBe(0);
    const digest = await spawnCli(['digest', '--date', DAY, '--format', 'json'], env);
    expect(valkoStars(JSON.parse(digest.stdout) as DigestJson)).toEqual(['Michal Valko']);
  }, 60_000);

  it('notices an edit of authors.json by itself and re-flags without a restart', async () => {
    arxiv.on(RSS_PATH, replyRssDay(DAY));
    const server = startServeProcess(arxiv, env);
    const url = await server.url;
    await server.waitForLog('catchup.end');
    const read = async () => valkoStars((await (await fetch(`${url}digest/${DAY}.json`)).json()) as DigestJson);
    expect(await read()).toEqual([]);
    // The scheduler's thread re-flags the stored papers, the web thread reads the list it names them by.
    const noticed = ['authors.reflagged', 'authors.reread'].map((event) => server.waitForNextLog(event));
    starValko();
    await Promise.all(noticed);
    expect(await read()).toEqual(['Michal Valko']);
  }, 60_000);

  it('shows a broken edit on its cached pages (render threads, fast path) and in /healthz, and drops the banner when fixed', async () => {
    arxiv.on(RSS_PATH, replyRssDay(DAY));
    const server = startServeProcess(arxiv, env);
    const url = await server.url;
    await server.waitForLog('catchup.end');
    const page = async () => (await fetch(`${url}digest/${DAY}`)).text();
    // Twice: the second answer comes from the cache (the fast path), which the edit must not outlive.
    expect(await page()).not.toContain('role=alert');
    expect(await page()).not.toContain('role=alert');
    const good = readFileSync(env.CURATOR_AUTHORS, 'utf8');
    // The web thread polls the file's stat (as for any edit) and says when it has read it again.
    const edit = async (text: string) => {
      const reread = server.waitForNextLog('authors.reread');
      writeFileSync(env.CURATOR_AUTHORS, text);
      await reread;
      return page();
    };
    const broken = await edit(good.replace('"authors"', '"authors" // who\n  oops'));
    expect(broken).toMatch(
      /<div class="n warn" role=alert><b>[^<]+authors\.json, line \d+<\/b>: invalid JSON at column \d+: /,
    );
    const health = (await (await fetch(`${url}healthz`)).json()) as { status: string; config: unknown[] };
    expect(health).toMatchObject({
      status: 'degraded',
      config: [expect.objectContaining({ file: env.CURATOR_AUTHORS })],
    });
    expect(await edit(`// fixed\n${good}`)).not.toContain('role=alert');
  }, 60_000);
});
