// Saved papers as BibTeX (/saved.bib, `marks export --format bibtex`): one @misc entry per paper
// with the fields arXiv's own "Export BibTeX citation" gives (eprint, archivePrefix, primaryClass),
// as biblatex documents them (biblatex manual §3.13.7 "Electronic Publishing Information").
// Titles keep their TeX (BibTeX passes it to LaTeX) inside an extra pair of braces (so the style
// keeps their capitals); outside math, the characters LaTeX treats as special are escaped; a field
// whose braces do not balance loses them, since an unbalanced brace ends a BibTeX entry early.
// Written by hand: the npm BibTeX writers (citation-js) escape all TeX, which is wrong for arXiv
// titles that are TeX already.
import { splitTex } from '../text/tex.ts';

export interface BibtexPaper {
  id: string;
  title: string;
  authors: readonly string[];
  categories: readonly string[];
  doi?: string;
  /** `YYYY-MM-DD` of the announcement, or the first version's date. */
  date?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** TeX text with `& % # _` escaped outside math and unescaped `$` pairs kept; braces balanced. */
export function escapeBibtexValue(text: string): string {
  const escaped = splitTex(text.replace(/\s+/g, ' ').trim())
    .map((segment) =>
      segment.math
        ? segment.display
          ? `$$${segment.source}$$`
          : `$${segment.source}$`
        : segment.source.replace(/(?<!\\)([&%#_])/g, '\\$1').replace(/(?<!\\)\$/g, '\\$'),
    )
    .join('');
  return hasBalancedBraces(escaped) ? escaped : escaped.replace(/[{}]/g, '');
}

function hasBalancedBraces(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth++;
    else if (char === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** A key BibTeX accepts: `arXiv:2611.01234`, `arXiv:math.0601001`. */
function citationKey(id: string): string {
  return `arXiv:${id.replace(/[^A-Za-z0-9.:-]/g, '.')}`;
}

/** Authors joined with " and "; a name that itself holds " and " is braced so it stays one name. */
function formatAuthors(authors: readonly string[]): string {
  return authors
    .map((name) => escapeBibtexValue(name))
    .map((name) => (/\sand\s/i.test(name) ? `{${name}}` : name))
    .join(' and ');
}

export function renderBibtexEntry(paper: BibtexPaper): string {
  const date = paper.date && /^\d{4}-\d{2}/.test(paper.date) ? paper.date : undefined;
  const fields: [string, string][] = [
    ['title', `{${escapeBibtexValue(paper.title)}}`],
    ['author', formatAuthors(paper.authors)],
    ...(date ? ([['year', date.slice(0, 4)]] as [string, string][]) : []),
    ['eprint', paper.id],
    ['archivePrefix', 'arXiv'],
    ...(paper.categories[0] ? ([['primaryClass', escapeBibtexValue(paper.categories[0])]] as [string, string][]) : []),
    ...(paper.doi ? ([['doi', escapeBibtexValue(paper.doi)]] as [string, string][]) : []),
    ['url', `https://arxiv.org/abs/${paper.id}`],
  ];
  const month = date ? `,\n  month = ${MONTHS[Number(date.slice(5, 7)) - 1] ?? 'jan'}` : '';
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@misc{${citationKey(paper.id)},\n${body}${month}\n}\n`;
}

export function renderBibtex(papers: readonly BibtexPaper[]): string {
  return papers.map(renderBibtexEntry).join('\n');
}
