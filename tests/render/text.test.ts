// The email-style text digest (also the mail's text part): wrapping, order, starred papers in
// full with their abstracts, the others in a few lines each, TeX read as Unicode, URLs kept whole.
import { describe, expect, it } from 'vitest';
import { renderDigestText, wrapText } from '../../src/render/text.ts';
import type { DigestPaper } from '../../src/types.ts';
import { buildDigestView } from '../../src/views/digest.ts';

const star: DigestPaper = {
  id: '2609.26820',
  version: 1,
  title: 'A very long title about learning '.repeat(5).trim(),
  abstract: `We study Sch\\"olkopf's kernels in $\\mathbb{R}^d$. ${'Sentences of the abstract go on. '.repeat(12).trim()}`,
  authors: Array.from({ length: 30 }, (_, i) => `Author Number${i}`).concat('Y. Bengio'),
  categories: ['cs.LG', 'cs.AI'],
  announceType: 'new',
  comment:
    'Accepted at NeurIPS 2026; code at https://github.com/example/a-very-long-repository-name-that-goes-on-and-on-forever',
  starred: [{ authorId: 'yoshua-bengio', name: 'Yoshua Bengio', as: 'Y. Bengio', confidence: 'likely' }],
};
const plain: DigestPaper = {
  ...star,
  id: '2609.26811',
  title: 'Plain paper',
  abstract: 'An abstract only the page shows.',
  authors: ['Fabien Polly', "G\\'abor Melis", 'Tom Three', 'Dan Four'],
  comment: undefined,
  starred: [],
};
const replaced: DigestPaper = { ...plain, id: '2009.13987', version: 3, title: 'Old paper', announceType: 'replace' };

describe('renderDigestText', () => {
  const text = renderDigestText(buildDigestView('2026-09-24', [plain, star, replaced]), {
    baseUrl: 'http://127.0.0.1:3000',
  });

  it('wraps every line at 78 columns except unbreakable URLs', () => {
    for (const line of text.split('\n')) if (!/https?:\/\//.test(line)) expect(line.length).toBeLessThanOrEqual(78);
    expect(text).toContain('https://github.com/example/a-very-long-repository-name-that-goes-on-and-on-forever');
  });

  it('puts the starred section first, then counts, then blocks per type', () => {
    expect(text.startsWith('arXiv digest for Thursday, 24 September 2026\n')).toBe(true);
    const at = (s: string) => text.indexOf(s);
    expect(at('★ Yoshua Bengio (as "Y. Bengio", likely)')).toBeGreaterThan(at('Starred authors (1)'));
    expect(at('3 papers: Starred authors 1, New submissions 1, Replacements 1')).toBeGreaterThan(at('★ Yoshua'));
    expect(at('New submissions (1)')).toBeLessThan(at('Plain paper'));
    expect(at('Replacements (1)')).toBeLessThan(at('Old paper'));
    expect(text).toContain('  https://arxiv.org/abs/2609.26811\n');
    expect(text.trimEnd().endsWith('On the web: http://127.0.0.1:3000/digest/2026-09-24')).toBe(true);
  });

  it('gives a starred paper every author and its abstract, wrapped, TeX read as Unicode', () => {
    expect(text).toContain('    Number29, Y. Bengio\n');
    expect(text).toContain("\n  We study Schölkopf's kernels in ℝᵈ. Sentences of the abstract go on.");
    expect(text).toContain('cs.LG, cs.AI · arXiv:2609.26820v1');
  });

  it('lists the other papers in a few lines each: title, first authors, link, no abstract', () => {
    expect(text).toContain(
      '* Plain paper\n  Fabien Polly, Gábor Melis, Tom Three et al.\n  https://arxiv.org/abs/2609.26811\n',
    );
    expect(text).not.toContain('An abstract only the page shows.');
    expect(text).toContain('cs.LG (1)\n\n* Old paper');
  });

  it('says so on a day without an announcement', () => {
    expect(renderDigestText(buildDigestView('2026-09-26', []), { noAnnouncement: 'weekend' })).toContain(
      'No arXiv announcement on this day (weekend).',
    );
  });
});

describe('wrapText', () => {
  it('keeps a word longer than the line whole', () => {
    expect(wrapText(`see ${'u'.repeat(100)} now`, 20)).toEqual(['see', 'u'.repeat(100), 'now']);
  });
  it('indents continuation lines', () => {
    expect(wrapText('aa bb cc dd', 8, '    ', '  ')).toEqual(['  aa bb', '    cc', '    dd']);
  });
});
