// `arxiv-curator send` end to end: the real process against a real SMTP server on 127.0.0.1.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../support/cli.ts';
import { createWorld, starredDay, type World } from './world.ts';
import { startSmtp, type TestSmtp } from './smtp.ts';

let world: World;
let smtp: TestSmtp;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  world = createWorld();
  smtp = await startSmtp();
  world.addDay('2026-11-25', starredDay().slice(2));
  world.addDay('2026-11-26', starredDay());
  env = world.env({
    SMTP_URL: smtp.url,
    DIGEST_TO: 'reader@example.org',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: 'https://arxiv.example.org',
  });
});
afterEach(async () => {
  await smtp.close();
  world.cleanup();
});

describe('arxiv-curator send', () => {
  it('mails the latest day once, then says it was sent, and resends with --force', async () => {
    const first = await spawnCli(['send'], env);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(
      /^sent 2026-11-26 to reader@example\.org \(message-id <digest-2026-11-26\.[0-9a-f]{10}@arxiv-curator>\)\n$/,
    );
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.mail.subject).toBe(
      'arXiv digest Thu, 26 Nov: 2 by starred authors (Yoshua Bengio, Quoc V. Le) · 4 new',
    );
    expect(smtp.received[0]!.mail.text).toContain('Starred by Bengio');
    expect(smtp.received[0]!.mail.html).toContain('Starred by Bengio');

    const second = await spawnCli(['send'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^2026-11-26 already sent at \d{4}-\d\d-\d\dT[\d:.]+Z \(use --force\)\n$/);
    expect(smtp.received).toHaveLength(1);

    expect(await runCli(['send', '--force'], env)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^sent 2026-11-26/),
    });
    expect(smtp.received).toHaveLength(2);
  });

  it('sends the day given with --date and skips a day without starred papers under DIGEST_ONLY_STARRED=1', async () => {
    const skipped = await runCli(['send', '--date', '2026-11-25'], { ...env, DIGEST_ONLY_STARRED: '1' });
    expect(skipped).toEqual({
      code: 0,
      stdout: '2026-11-25 skipped: no starred papers (DIGEST_ONLY_STARRED=1)\n',
      stderr: '',
    });
    expect(await runCli(['send', '--date', '2026-11-25'], env)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^sent 2026-11-25/),
    });
    expect(smtp.received.map((r) => r.mail.subject)).toEqual([
      'arXiv digest Wed, 25 Nov: 0 by starred authors · 3 new',
    ]);
  });

  it('names the missing variable', async () => {
    const { SMTP_URL: _smtp, ...noSmtp } = env;
    const { DIGEST_TO: _to, ...noTo } = env;
    expect(await runCli(['send'], noSmtp)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^arxiv-curator: send: SMTP_URL is not set .*\n$/),
    });
    expect(await runCli(['send'], noTo)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^arxiv-curator: send: DIGEST_TO is not set .*\n$/),
    });
  });

  it('exits non-zero with the SMTP reply on one line and keeps the day pending', async () => {
    smtp.reject = { at: 'rcpt', code: 550, message: 'No such user here' };
    const failed = await runCli(['send'], env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /^arxiv-curator: send: 2026-11-26 not sent after 1 try: .*550.*No such user here.* \(recorded; a later run sends it\)\n$/,
    );
    smtp.reject = undefined;
    expect(await runCli(['send'], env)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^sent 2026-11-26/) });
  });

  it('refuses a day with no papers stored', async () => {
    expect(await runCli(['send', '--date', '2026-11-28'], env)).toMatchObject({
      code: 1,
      stderr: 'arxiv-curator: send: no papers stored for 2026-11-28\n',
    });
  });

  it('links both parts to the day on the site: PUBLIC_URL when set', async () => {
    await runCli(['send', '--date', '2026-11-26'], { ...env, PUBLIC_URL: 'https://arxiv.example.org/curator/' });
    const { mail } = smtp.received[0]!;
    expect(mail.text).toContain('https://arxiv.example.org/curator/digest/2026-11-26');
    expect(mail.html).toContain('href="https://arxiv.example.org/curator/digest/2026-11-26"');
  });

  it('links both parts to the listening address without PUBLIC_URL, and says once how to set it', async () => {
    const { PUBLIC_URL: _public, ...local } = env;
    const sent = await runCli(['send', '--date', '2026-11-26'], { ...local, HOST: '192.0.2.7', PORT: '8081' });
    expect(sent.code).toBe(0);
    expect(sent.stderr).toBe(
      "arxiv-curator: warning: PUBLIC_URL is not set: the mail's links to the site go to http://192.0.2.7:8081, which only this computer can open (set PUBLIC_URL to the address you reach arxiv-curator at, e.g. https://arxiv.example.org)\n",
    );
    const { mail } = smtp.received[0]!;
    expect(mail.text).toContain('http://192.0.2.7:8081/digest/2026-11-26');
    expect(mail.html).toContain('href="http://192.0.2.7:8081/digest/2026-11-26"');
    for (const part of [mail.text!, mail.html as string])
      expect(part.match(/set PUBLIC_URL to the address you reach arxiv-curator at/g)).toHaveLength(1);
    // Papers link to arXiv, which opens anywhere.
    expect(mail.html).toContain('href="https://arxiv.org/abs/2611.00001"');
  });
});
