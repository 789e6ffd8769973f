// The BibTeX of saved papers on hostile input: TeX kept for LaTeX, `& % # _ $` escaped outside math,
// unbalanced braces (which would end an entry early) dropped, "and" inside a name kept in one name.
// Checked by parsing the output back with a brace-counting reader like BibTeX's own.
import { describe, expect, it } from 'vitest';
import { escapeBibtexValue, renderBibtex, renderBibtexEntry } from '../../src/render/bibtex.ts';

/** Fields of one entry as BibTeX reads them: the value runs to the brace that balances the first. */
function readFields(entry: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const body = entry.slice(entry.indexOf(',') + 1);
  let i = 0;
  while (i < body.length) {
    const name = /^\s*([A-Za-z]+)\s*=\s*\{/.exec(body.slice(i));
    if (!name) break;
    i += name[0].length;
    let depth = 1;
    const start = i;
    while (depth > 0 && i < body.length) {
      if (body[i] === '{') depth++;
      else if (body[i] === '}') depth--;
      i++;
    }
    fields[name[1]!] = body.slice(start, i - 1);
    i = body.indexOf(',', i) + 1 || body.length;
  }
  return fields;
}

describe('BibTeX of saved papers', () => {
  it('writes an @misc entry with the fields arXiv gives and a key BibTeX accepts', () => {
    const entry = renderBibtexEntry({
      id: '2611.01234',
      title: 'Scaling $\\mathcal{O}(n)$ Attention',
      authors: ['Ada Lovelace', 'G\\"odel, Kurt'],
      categories: ['cs.LG', 'stat.ML'],
      doi: '10.1000/x_y',
      date: '2026-11-26',
    });
    expect(entry).toBe(`@misc{arXiv:2611.01234,
  title = {{Scaling $\\mathcal{O}(n)$ Attention}},
  author = {Ada Lovelace and G\\"odel, Kurt},
  year = {2026},
  eprint = {2611.01234},
  archivePrefix = {arXiv},
  primaryClass = {cs.LG},
  doi = {10.1000/x\\_y},
  url = {https://arxiv.org/abs/2611.01234},
  month = nov
}
`);
    expect(renderBibtexEntry({ id: 'math/0601001', title: 'Old', authors: ['A B'], categories: [] })).toMatch(
      /^@misc\{arXiv:math\.0601001,\n/,
    );
  });

  it('escapes LaTeX specials outside math, keeps math, and drops unbalanced braces', () => {
    expect(escapeBibtexValue('Tom & Jerry: 100% of #1 in C_2, costs $5')).toBe(
      'Tom \\& Jerry: 100\\% of \\#1 in C\\_2, costs \\$5',
    );
    expect(escapeBibtexValue('When $n < m_2$ and 50% hold')).toBe('When $n < m_2$ and 50\\% hold');
    expect(escapeBibtexValue('Already \\& escaped')).toBe('Already \\& escaped');
    expect(escapeBibtexValue('A }broken{ title} with {groups}')).toBe('A broken title with groups');
    expect(escapeBibtexValue('Keep {BERT} as written')).toBe('Keep {BERT} as written');
  });

  it('keeps hostile titles and names inside their fields', () => {
    const hostile = [
      { id: '2611.00001', title: 'Evil } , author = {Mallory', authors: ['Mallory}'] },
      { id: '2611.00002', title: '<script>alert(1)</script> @misc{x,', authors: ['Bell and Howell', 'Ada Lovelace'] },
      { id: '2611.00003', title: 'Unclosed $\\frac{1}{2', authors: ['X Y'] },
    ].map((paper) => ({ ...paper, categories: ['cs.LG'] }));
    const text = renderBibtex(hostile);
    const entries = text.split(/\n(?=@misc\{)/);
    expect(entries).toHaveLength(3);
    const [evil, script, unclosed] = entries.map(readFields);
    expect(evil!.title).toBe('{Evil  , author = Mallory}');
    expect(evil!.author).toBe('Mallory');
    expect(evil!.eprint).toBe('2611.00001');
    expect(script!.title).toBe('{<script>alert(1)</script> @miscx,}');
    expect(script!.author).toBe('{Bell and Howell} and Ada Lovelace');
    expect(unclosed!.title).toBe('{Unclosed \\$\\frac12}');
    for (const fields of [evil, script, unclosed]) expect(fields!.archivePrefix).toBe('arXiv');
  });
});
