// The library as BibTeX on the realistic day: /saved.bib of every TeX-titled paper and every
// TeX-accented name read back by a real BibTeX parser, dated by each paper's first version (its
// id, also for old-style ids), and `marks import` reading entries only, never comments.
import { parse } from '@retorquere/bibtex-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { importLibrary } from '../../src/actions/library.ts';
import { markStoredPapers } from '../../src/actions/marks.ts';
import { ActionError } from '../../src/actions/errors.ts';
import { createApp } from '../../src/server.ts';
import { makePaper, type TestWorld } from '../support/build-db.ts';
import { buildRealisticDay } from '../support/realistic-day.ts';
import { createRealisticWorld } from '../support/realistic-world.ts';

describe('/saved.bib of the realistic day', () => {
  let world: TestWorld;
  let app: Hono;
  const hard = buildRealisticDay().filter((paper) => /[$\\{}%&#_]/.test(paper.title + paper.authors.join()));

  beforeAll(async () => {
    world = createRealisticWorld();
    // An old-style paper, first submitted in February 2002 and announced again today.
    world.ingestDay('2026-11-27', [makePaper({ id: 'quant-ph/0202016', version: 4, title: 'Old & {odd} \\' })]);
    app = createApp({ context: world.context, holidays: new Set() });
    const ids = [...hard.map((paper) => paper.id), 'quant-ph/0202016'];
    expect(await markStoredPapers(world.context, ids, { kind: 'saved', undo: false })).toBe(ids.length);
  }, 60_000);
  afterAll(() => world?.close());

  it('parses every entry, dated by its first version, with the version saved in a note', async () => {
    const bib = await (await app.request('/saved.bib')).text();
    const library = parse(bib, { sentenceCase: false });
    expect(library.errors.filter((error) => !error.error.startsWith('unhandled macro'))).toEqual([]);
    expect(hard.length).toBeGreaterThan(90);
    expect(library.entries).toHaveLength(hard.length + 1);
    for (const entry of library.entries) {
      const id = String(entry.fields.eprint);
      expect(id).not.toMatch(/v\d+$/);
      if (id === 'quant-ph/0202016') {
        expect(entry.fields).toMatchObject({
          year: '2002',
          month: '2',
          note: 'Saved version: arXiv:quant-ph/0202016v4',
        });
        expect(entry.fields.title).toBe('Old & odd \\');
      } else {
        expect(entry.fields).toMatchObject({ year: '2026', month: '11', archiveprefix: 'arXiv' });
        expect(entry.fields.note).toMatch(new RegExp(`^Saved version: arXiv:${id.replace('.', '\\.')}v\\d+$`));
      }
      expect(entry.fields.primaryclass).toMatch(/^[a-z-]+(\.[A-Za-z-]+)?$/);
    }
  });

  it('imports the ids of entries, never of comments or % lines', async () => {
    await markStoredPapers(world.context, [hard[0]!.id, hard[1]!.id], { kind: 'saved', undo: true });
    const bib = `% eprint = {${hard[2]!.id}}
@comment{ eprint = {${hard[3]!.id}} }
@misc{one, title = {Has a % sign}, eprint = {${hard[0]!.id}}}
@article{two, journal = {arXiv}, doi = {10.48550/arXiv.${hard[1]!.id}}}
`;
    await markStoredPapers(world.context, [hard[2]!.id, hard[3]!.id], { kind: 'saved', undo: true });
    expect(await importLibrary(world.context, bib)).toEqual({ saved: 2, hidden: 0, watches: 0, unknown: [] });
    const saved = await (await app.request('/saved.json')).json();
    const ids = (saved as { saved: { id: string }[] }).saved.map((entry) => entry.id);
    expect(ids).toContain(hard[0]!.id);
    expect(ids).toContain(hard[1]!.id);
    expect(ids).not.toContain(hard[2]!.id);
    expect(ids).not.toContain(hard[3]!.id);
  });

  it('refuses a file BibTeX cannot read, naming the place', async () => {
    const error = await importLibrary(world.context, '@misc{a, eprint = {2611.00001}\n@misc{b}').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ActionError);
    expect((error as Error).message).toMatch(/^not BibTeX at line 1, column 1: Expected end of input/);
  });
});
