// The BibTeX of saved papers, read back by a real BibTeX parser (@retorquere/bibtex-parser, the one
// Zotero's Better BibTeX uses, which also reads the TeX as LaTeX would): dated by the first
// version from the id (new and old style), eprint without its version, the version saved in a
// note; titles holding { } % & \ # _ @ and commands that would read or write files stay text.
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { escapeBibtexValue, renderBibtex, renderBibtexEntry, type BibtexPaper } from '../../src/render/bibtex.ts';

const paper = (over: Partial<BibtexPaper>): BibtexPaper => ({
  id: '2611.01234',
  url: `https://arxiv.org/abs/${over.id ?? '2611.01234'}`,
  version: 1,
  title: 'A title',
  authors: ['Ada Lovelace'],
  categories: ['cs.LG'],
  ...over,
});

/** Parses as BibTeX and LaTeX would read it, failing on any error but a macro its TeX-to-Unicode table lacks. */
function readBack(bib: string) {
  const library = parse(bib, { sentenceCase: false });
  expect(library.errors.filter((error) => !error.error.startsWith('unhandled macro'))).toEqual([]);
  return library.entries;
}

describe('BibTeX of saved papers', () => {
  it('writes an @misc entry with the fields arXiv gives, dated by the first version', () => {
    const entry = renderBibtexEntry(
      paper({
        id: '2410.02743',
        version: 3,
        title: 'Scaling $\\mathcal{O}(n)$ Attention',
        authors: ['Ada Lovelace', 'G\\"odel, Kurt'],
        categories: ['cs.LG', 'stat.ML'],
        doi: '10.1000/x_y',
        firstVersion: { year: 2024, month: 10 },
      }),
    );
    expect(entry).toBe(`@misc{arXiv:2410.02743,
  title = {{Scaling $\\mathcal{O}(n)$ Attention}},
  author = {Ada Lovelace and G\\"odel, Kurt},
  year = {2024},
  month = oct,
  eprint = {2410.02743},
  archivePrefix = {arXiv},
  primaryClass = {cs.LG},
  doi = {10.1000/x\\_y},
  url = {https://arxiv.org/abs/2410.02743},
  note = {Saved version: arXiv:2410.02743v3}
}
`);
    const [read] = readBack(entry);
    expect(read!.fields).toMatchObject({
      year: '2024',
      month: '10',
      eprint: '2410.02743',
      primaryclass: 'cs.LG',
      note: 'Saved version: arXiv:2410.02743v3',
    });
    const authors = read!.fields.author as { firstName: string; lastName: string }[];
    expect(authors.map((name) => ({ ...name, lastName: name.lastName.normalize('NFC') }))).toEqual([
      { firstName: 'Ada', lastName: 'Lovelace' },
      { firstName: 'Kurt', lastName: 'Gödel' },
    ]);
  });

  it('keys an old-style id as BibTeX accepts it', () => {
    const entry = renderBibtexEntry(paper({ id: 'quant-ph/0202016', firstVersion: { year: 2002, month: 2 } }));
    expect(entry).toMatch(/^@misc\{arXiv:quant-ph\.0202016,\n/);
    expect(readBack(entry)[0]!.fields).toMatchObject({ year: '2002', month: '2', eprint: 'quant-ph/0202016' });
  });

  it.each([
    [
      'braces, percent, ampersand, hash, underscore, at',
      'Tom & Jerry: {100% of #1} in C_2 @home',
      'Tom & Jerry: 100% of #1 in C_2 @home',
    ],
    ['unbalanced braces', 'A }broken{ title} with {groups}', 'A broken title with groups'],
    ['escaped braces', 'Sets \\{x\\} and {BERT}', 'Sets {x} and BERT'],
    ['a trailing backslash', 'Ends with a backslash \\', 'Ends with a backslash \\'],
    ['a backslash before a space (a control space)', 'a \\ b and c\\', 'a \\ b and c\\'],
    ['commands that read files', 'See \\input{/etc/passwd} and \\include{x}', 'See \\input/etc/passwd and \\includex'],
    ['a command that writes', '\\immediate\\write18{rm -rf /}', '\\immediate\\write18rm -rf /'],
    ['a caret outside math', 'x^2 in text, $x^2$ in math', 'x^2 in text, x² in math'],
    ['math holding % and &', 'Cost $50\\% & more$ and $a & b$', 'Cost 50%&more and a&b'],
  ])('reads a title with %s back as its text', (_name, title, read) => {
    const entries = readBack(renderBibtex([paper({ title }), paper({ id: '2611.00002', title: 'The next entry' })]));
    expect(entries.map((entry) => entry.fields.eprint)).toEqual(['2611.01234', '2611.00002']);
    expect(String(entries[0]!.fields.title).replace(/\s+/g, ' ')).toBe(read.replace(/\s+/g, ' '));
    expect(entries[1]!.fields.title).toBe('The next entry');
  });

  it('never passes a file or shell command on to LaTeX, in text or math', () => {
    const escaped = escapeBibtexValue('\\input{a} $\\input{b}$ \\write18{c} \\def\\x{y} \\catcode`\\@=11');
    expect(escaped).not.toMatch(/(?<!textbackslash\{\}|backslash\{\})\b(?:input|write|def|catcode)\b/);
    expect(escaped).not.toMatch(/\\(?:input|write|def|catcode)\b/);
    expect(escaped).toBe(
      '\\textbackslash{}input{a} $\\backslash{}input{b}$ \\textbackslash{}write18{c} \\textbackslash{}def\\x{y} \\textbackslash{}catcode`\\textbackslash{}@=11',
    );
  });

  it('keeps hostile names inside their field, and a name with "and" as one name', () => {
    const entries = readBack(
      renderBibtex([paper({ title: 'Evil } , author = {Mallory', authors: ['Mallory}', 'Bell and Howell', 'X Y'] })]),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]!.fields.title).toBe('Evil , author = Mallory');
    expect(entries[0]!.fields.author).toHaveLength(3);
  });
});
