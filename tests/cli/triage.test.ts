// The triage commands as a user types them: save and hide (ids in any written form, --undo),
// the library exported and imported as JSON and BibTeX, keyword watches; and the JSON digest's
// score and why once there is something to learn from.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
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

const json = async (args: string[]) => JSON.parse((await runCli(args, env)).stdout) as Record<string, unknown>;

describe('save and hide', () => {
  it('take ids as 2609.26811 or arXiv:2609.26820v1, and --undo', async () => {
    expect(await runCli(['save', '2609.26811', 'arXiv:2609.26820v1'], env)).toEqual({
      code: 0,
      stdout: 'saved 2 papers\n',
      stderr: '',
    });
    expect((await runCli(['hide', 'https://arxiv.org/abs/2205.06398v2'], env)).stdout).toBe('hidden 1 paper\n');
    expect((await runCli(['save', '--undo', '2609.26820'], env)).stdout).toBe('unsaved 1 paper\n');
    const library = await json(['marks', 'export']);
    expect(library).toMatchObject({
      saved: [{ id: '2609.26811' }],
      hidden: [{ id: '2205.06398' }],
      watches: [],
    });
    // The hidden paper is gone from the day; the saved one says so.
    const digest = (await json(['digest', '--format', 'json'])) as { papers: { id: string; mark: string | null }[] };
    expect(digest.papers.map((paper) => paper.id)).not.toContain('2205.06398');
    expect(digest.papers.find((paper) => paper.id === '2609.26811')?.mark).toBe('saved');
  });

  it('fail with one line naming the bad or unknown id, storing nothing', async () => {
    expect(await runCli(['save', '2609.26811', 'nonsense'], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'arxiv-curator: save: "nonsense" is not an arXiv id (e.g. 2611.01234)\n',
    });
    expect((await runCli(['hide', '2609.99999'], env)).stderr).toBe(
      'arxiv-curator: hide: no stored paper has the id 2609.99999\n',
    );
    expect((await runCli(['save'], env)).stderr).toBe(
      'arxiv-curator: save: give at least one arXiv id, e.g. 2611.01234\n',
    );
    expect(await json(['marks', 'export'])).toMatchObject({ saved: [], hidden: [] });
  });
});

describe('the library as a file', () => {
  it('exports BibTeX and imports a JSON export or a BibTeX file into another database', async () => {
    await runCli(['save', '2609.26811', '2009.13987'], env);
    await runCli(['hide', '2205.06398'], env);
    await runCli(['watch', 'add', '"local learning" -survey'], env);
    const bib = (await runCli(['marks', 'export', '--format', 'bibtex'], env)).stdout;
    expect(bib).toContain('eprint = {2609.26811}');
    expect(bib).toContain('archivePrefix = {arXiv}');
    const exported = (await runCli(['marks', 'export'], env)).stdout;
    writeFileSync(join(temp.dir, 'library.json'), exported);
    writeFileSync(join(temp.dir, 'library.bib'), `${bib}\n@misc{x, eprint = {2609.00404}}\n`);
    const other = { ...env, CURATOR_DB: join(temp.dir, 'other.db') };
    await runCli(['import', join(FIXTURES, 'rss2-cs.LG+cs.AI+cs.CL+stat.ML-2026-09-24-trimmed-4items.xml')], other);
    expect((await runCli(['marks', 'import', join(temp.dir, 'library.json')], other)).stdout).toBe(
      'saved 2 papers, hid 1 paper, added 1 watches\n',
    );
    expect(JSON.parse((await runCli(['marks', 'export'], other)).stdout)).toEqual(JSON.parse(exported));
    // The BibTeX file names the same saved papers, and one this store does not have.
    expect((await runCli(['marks', 'import', join(temp.dir, 'library.bib')], other)).stdout).toBe(
      'saved 0 papers, hid 0 papers, added 0 watches; 1 paper not stored here, left out\n',
    );
    await runCli(['save', '--undo', '2609.26811', '2009.13987'], other);
    expect((await runCli(['marks', 'import', join(temp.dir, 'library.bib')], other)).stdout).toBe(
      'saved 2 papers, hid 0 papers, added 0 watches; 1 paper not stored here, left out\n',
    );
    writeFileSync(join(temp.dir, 'broken.json'), '{"saved": [{"id": "nope"}]}');
    expect((await runCli(['marks', 'import', join(temp.dir, 'broken.json')], other)).stderr).toBe(
      `arxiv-curator: marks import: ${join(temp.dir, 'broken.json')}: saved[0]: not an arXiv id\n`,
    );
  });
});

describe('watch', () => {
  it('adds, lists and removes keyword watches, refusing a query that cannot match', async () => {
    expect((await runCli(['watch', 'add', '"local learning" -survey cat:cs.LG'], env)).stdout).toBe(
      'watching ""local learning" -survey cat:cs.LG" as local-learning-survey-cs-lg (feed: /watches/local-learning-survey-cs-lg.xml)\n',
    );
    expect((await runCli(['watch', 'add', 'outlier', '--no-mail'], env)).code).toBe(0);
    expect((await runCli(['watch', 'list'], env)).stdout).toBe(
      'local-learning-survey-cs-lg\t"local learning" -survey cat:cs.LG\noutlier\toutlier\t(not in the mail)\n',
    );
    expect((await runCli(['watch', 'add', '--', '-survey'], env)).stderr).toBe(
      'arxiv-curator: watch add: watch "-survey": a watch needs a word, a "phrase", an author: or a cat: to look for\n',
    );
    expect((await runCli(['watch', 'add', '"open quote'], env)).stderr).toContain('a quote is not closed');
    expect((await runCli(['watch', 'remove', 'outlier'], env)).stdout).toBe('removed outlier\n');
    expect((await runCli(['watch', 'remove', 'outlier'], env)).stderr).toBe(
      'arxiv-curator: watch remove: no watch is called "outlier"\n',
    );
    const digest = (await json(['digest', '--format', 'json'])) as { papers: { id: string; watches: string[] }[] };
    expect(digest.papers.find((paper) => paper.id === '2609.26811')?.watches).toEqual(['local-learning-survey-cs-lg']);
  });
});

describe('digest --format json', () => {
  it('gives every paper a score and a why once a paper is saved, keeping every earlier field', async () => {
    const before = (await json(['digest', '--format', 'json'])) as { papers: Record<string, unknown>[] };
    expect(before.papers[0]).toMatchObject({ score: null, why: null });
    await runCli(['save', '2609.26811'], env);
    const after = (await json(['digest', '--format', 'json'])) as { papers: Record<string, unknown>[] };
    for (const paper of after.papers) {
      expect(Object.keys(paper)).toEqual(
        expect.arrayContaining(['id', 'version', 'announceType', 'starred', 'score', 'why']),
      );
      expect(paper.score).toEqual(expect.any(Number));
      expect(paper.why).toEqual(expect.any(String));
    }
  });
});
