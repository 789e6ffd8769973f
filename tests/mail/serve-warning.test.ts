// `serve` with mail on and no PUBLIC_URL says once, at start, that the mail's links to the site
// open only on this computer, and how to fix it; with PUBLIC_URL set it says nothing of the kind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyRssDay } from '../support/fake-arxiv.ts';
import { createServeWorld, E2E_DAY, RSS_PATH, startServeProcess, type ServeWorld } from '../support/serve-process.ts';
import { findClosedPort } from './smtp.ts';

let world: ServeWorld;
beforeEach(async () => {
  world = await createServeWorld('curator-mail-warning-');
  world.arxiv.on(RSS_PATH, replyRssDay(E2E_DAY));
});
afterEach(async () => await world.close());

describe('serve and PUBLIC_URL', () => {
  it('warns once when the mail would link to an address only this computer opens', async () => {
    const mail = { SMTP_URL: `smtp://127.0.0.1:${await findClosedPort()}`, DIGEST_TO: 'reader@example.org' };
    const server = startServeProcess(world.arxiv, { ...world.env, ...mail });
    const line = await server.waitForLog('PUBLIC_URL is not set');
    expect(line).toMatch(
      /^arxiv-curator: warning: PUBLIC_URL is not set: the mail's links to the site go to http:\/\/127\.0\.0\.1:0, which only this computer can open \(set PUBLIC_URL to the address you reach arxiv-curator at, e\.g\. https:\/\/arxiv\.example\.org\)$/,
    );
    await server.waitForLog('catchup.end');
    server.kill('SIGTERM');
    const { stderr } = await server.exit;
    expect(stderr.match(/PUBLIC_URL is not set/g)).toHaveLength(1);

    const quiet = startServeProcess(world.arxiv, { ...world.env, ...mail, PUBLIC_URL: 'https://arxiv.example.org' });
    await quiet.waitForLog('server.listening');
    quiet.kill('SIGTERM');
    expect((await quiet.exit).stderr).not.toContain('PUBLIC_URL');
  }, 60_000);
});
