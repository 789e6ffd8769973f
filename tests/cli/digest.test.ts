import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, makeTempDb, runCli } from '../support/cli.ts';

let temp: ReturnType<typeof makeTempDb>;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  temp = makeTempDb();
  env = { CURATOR_DB: temp.db, CURATOR_NOW: '2026-11-26T12:00:00Z' };
  await runCli(['import', join(FIXTURES, 'rss2-cs.LG+cs.AI+cs.CL+stat.ML-2026-09-24-trimmed-4items.xml')], env);
});
afterEach(() => temp.cleanup());

describe('digest', () => {
  it('prints the latest day as text wrapped at 78 columns by default', async () => {
    const { code, stdout } = await runCli(['digest'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^arXiv digest for Thursday, 24 September 2026\n/);
    expect(stdout).toContain('4 papers: Starred authors 0, New submissions 2, Cross-lists 1, Replacements 1');
    expect(stdout).toContain('  https://arxiv.org/abs/2609.26820\n');
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('prints the page as HTML, every title escaped', async () => {
    const { code, stdout } = await runCli(['digest', '--date', '2026-09-24', '--format', 'html'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!doctype html>/);
    expect(stdout).toContain('Outlier Detection for Multi-Network Data');
  });

  it('answers a weekend or holiday as a day without announcement, and refuses a day it lacks', async () => {
    expect(await runCli(['digest', '--date', '2026-11-27'], env)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('No arXiv announcement on this day (holiday).'),
    });
    expect(JSON.parse((await runCli(['digest', '--date', '2026-09-26', '--format', 'json'], env)).stdout)).toEqual({
      date: '2026-09-26',
      papers: [],
    });
    expect(await runCli(['digest', '--date', '2026-09-23'], env)).toMatchObject({
      code: 1,
      stderr: 'arxiv-curator: digest: The digest on Wednesday, 23 September 2026 is not fetched yet\n',
    });
  });

  it('refuses malformed options with one line', async () => {
    expect(await runCli(['digest', '--date', '2026-02-30'], env)).toMatchObject({
      code: 1,
      stderr: 'arxiv-curator: --date: "2026-02-30" is not a date in the form YYYY-MM-DD\n',
    });
    expect(await runCli(['digest', '--format', 'pdf'], env)).toMatchObject({
      code: 1,
      stderr: 'arxiv-curator: --format: "pdf" is not one of text, html, json\n',
    });
    expect(await runCli(['digest', '--colour'], env)).toMatchObject({
      code: 2,
      stderr: 'arxiv-curator: digest: unknown option --colour; see arxiv-curator digest --help\n',
    });
  });
});
