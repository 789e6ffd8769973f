// `reading`: the reading list of /start and its read marks from the command line.
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDb, runCli } from '../support/cli.ts';

const READING_LIST = fileURLToPath(new URL('../../config/reading-list.json', import.meta.url));
let temp: ReturnType<typeof makeTempDb>;
beforeEach(() => (temp = makeTempDb()));
afterEach(() => temp.cleanup());

describe('reading', () => {
  it('lists the reading list, and marks an entry read and unread like the page', async () => {
    const readingEnv = { CURATOR_DB: temp.db, CURATOR_READING_LIST: READING_LIST };
    expect((await runCli(['reading', 'read', 'gan'], readingEnv)).stdout).toBe('gan: marked read\n');
    expect((await runCli(['reading', 'read', 'gan'], readingEnv)).stdout).toBe('gan: already read\n');
    const list = await runCli(['reading'], readingEnv);
    expect(list.stdout).toMatch(/^gan +read \d{4}-\d{2}-\d{2} {2}Generative Adversarial Networks$/m);
    expect(list.stdout).toMatch(/^alexnet +unread +ImageNet Classification/m);
    expect((await runCli(['reading', 'unread', 'gan'], readingEnv)).stdout).toBe('gan: marked unread\n');
    expect(await runCli(['reading', 'read', 'nope'], readingEnv)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('reading: no entry "nope"') as unknown,
    });
  });
});
