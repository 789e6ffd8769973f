// A command line that helps: `<command> --help` and `-h` print that command's usage, options and
// an example (exit 0), a mistyped command or option gets "did you mean …?" (exit 2), `--version`
// prints the version. In process for every command, and once through the installed binary.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/commands/help.ts';
import { COMMANDS } from '../../src/commands/table.ts';
import { runCli, spawnCli } from '../support/cli.ts';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

describe('<command> --help', () => {
  it.each(Object.keys(COMMANDS))('%s: usage, every option, an example; exit 0 with -h too', async (name) => {
    const long = await runCli([name, '--help'], {});
    expect(long.code).toBe(0);
    expect(long.stderr).toBe('');
    expect(long.stdout.startsWith(`Usage: arxiv-curator ${name}`)).toBe(true);
    expect(long.stdout).toMatch(/\nExamples?:\n {2}(?:\S+=\S+ )*arxiv-curator /);
    for (const option of Object.keys(COMMANDS[name]!.options)) expect(long.stdout).toContain(`--${option}`);
    for (const line of long.stdout.split('\n'))
      if (!line.includes('arxiv-curator ')) expect(line.length).toBeLessThanOrEqual(78);
    expect(await runCli([name, '-h'], {})).toEqual(long);
    expect(await runCli(['help', name], {})).toEqual(long);
  });

  it('prints help even beside arguments the command would refuse', async () => {
    const help = await runCli(['digest', '--date', 'nonsense', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout.startsWith('Usage: arxiv-curator digest')).toBe(true);
  });
});

describe('mistakes', () => {
  it('suggests the command meant, exit 2', async () => {
    expect(await runCli(['digets'], {})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'arxiv-curator: unknown command "digets" (did you mean "digest"?); see arxiv-curator help\n',
    });
    expect((await runCli(['sned'], {})).stderr).toContain('(did you mean "send"?)');
    expect((await runCli(['frobnicate'], {})).stderr).toBe(
      'arxiv-curator: unknown command "frobnicate"; see arxiv-curator help\n',
    );
  });

  it('suggests the option meant, exit 2', async () => {
    expect(await runCli(['digest', '--dat', '2026-11-26'], {})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'arxiv-curator: digest: unknown option --dat (did you mean "--date"?); see arxiv-curator digest --help\n',
    });
    expect((await runCli(['backfill', '--form', '2026-11-02'], {})).stderr).toContain('(did you mean "--from"?)');
    expect((await runCli(['digest', '--date'], {})).code).toBe(2);
  });

  it('measures slips as edit distance with transpositions', () => {
    expect(editDistance('digets', 'digest')).toBe(1);
    expect(editDistance('serve', 'serve')).toBe(0);
    expect(editDistance('fetch', 'sketch')).toBe(2);
    expect(suggest('improt', Object.keys(COMMANDS))).toBe('import');
    expect(suggest('xyz', Object.keys(COMMANDS))).toBeUndefined();
  });
});

describe('the installed binary', () => {
  it('prints its version and a command’s help, exit 0', async () => {
    expect(await spawnCli(['--version'], {})).toEqual({ code: 0, stdout: `arxiv-curator ${VERSION}\n`, stderr: '' });
    const help = await spawnCli(['send', '-h'], {});
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('Usage: arxiv-curator send [--date D] [--force]');
  });
});
