// Saved papers as BibTeX (/saved.bib, `marks export --format bibtex`): one @misc entry per paper
// with the fields arXiv's own "Export BibTeX citation" gives (eprint without its version,
// archivePrefix, primaryClass), as biblatex documents them (biblatex manual §3.13.7 "Electronic
// Publishing Information"), dated by the first version (year and month), and a note naming the
// version saved. Titles keep their TeX (BibTeX passes it to LaTeX) inside an extra pair of braces
// (so the style keeps their capitals); what LaTeX would read as something else is escaped: the
// special characters outside math, a stray backslash, `%`, `#` and `&` in math; commands that read
// or write files or redefine TeX (\input, \include, \write, \def, ...) are printed, never run.
// Braces stay only where BibTeX (which counts every brace, escaped or not) and LaTeX (which skips
// escaped ones) both see them balanced. Written by hand: the npm BibTeX writers (citation-js)
// escape all TeX, which is wrong for arXiv titles that are TeX already.
import { splitTex } from '../text/tex.ts';

export interface BibtexPaper {
  /** The version-less id: `2611.01234`, `math/0601001`. */
  id: string;
  /** The paper's abstract page (the view's `links.abs`). */
  url: string;
  /** The version saved, when known. */
  version: number | null;
  title: string;
  authors: readonly string[];
  categories: readonly string[];
  doi?: string;
  /** Year and month of the first version (from the id, else the stored first-version date). */
  firstVersion?: { year: number; month: number };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// TeX primitives and LaTeX commands that touch files, the terminal or TeX's own rules.
const DANGEROUS = new Set([
  ...['input', 'include', 'includeonly', 'InputIfFileExists', 'endinput', 'write', 'immediate', 'openout'],
  ...['openin', 'closeout', 'closein', 'read', 'def', 'edef', 'gdef', 'xdef', 'let', 'catcode', 'csname'],
  ...['usepackage', 'RequirePackage', 'documentclass', 'special', 'newwrite', 'newread', 'jobname'],
  ...['makeatletter', 'expandafter', 'newcommand', 'renewcommand', 'providecommand'],
]);
// The control symbols of text: escaped specials, accents, spaces, `\\`.
const CONTROL_SYMBOLS = new Set([...'&%#_$\'"^`~=.,;:! -\\/']);
// A command (`\name`), a control symbol or a lone backslash, or a character LaTeX reads as special.
const TEXT_TOKEN = /\\([A-Za-z]+)|\\([^A-Za-z]?)|([&%#_$^])/gu;
const MATH_TOKEN = /\\([A-Za-z]+)|\\([^A-Za-z]?)|([&%#])/gu;
const OPEN = '\uE000';
const CLOSE = '\uE001';

function escapeText(text: string): string {
  return text
    .replace(TEXT_TOKEN, (whole, name?: string, symbol?: string, special?: string) => {
      if (name !== undefined) return DANGEROUS.has(name) ? `\\textbackslash{}${name}` : whole;
      if (symbol !== undefined) return CONTROL_SYMBOLS.has(symbol) ? whole : `\\textbackslash{}${symbol}`;
      return special === '^' ? '\\textasciicircum{}' : `\\${special}`;
    })
    .replaceAll(OPEN, '\\textbraceleft{}')
    .replaceAll(CLOSE, '\\textbraceright{}');
}

function escapeMath(source: string): string {
  return source
    .replace(MATH_TOKEN, (whole, name?: string, symbol?: string, special?: string) => {
      if (name !== undefined) return DANGEROUS.has(name) ? `\\backslash{}${name}` : whole;
      if (symbol !== undefined) return symbol === '' ? '\\backslash{}' : whole;
      return `\\${special}`;
    })
    .replaceAll(OPEN, '\\lbrace{}')
    .replaceAll(CLOSE, '\\rbrace{}');
}

/** TeX text with LaTeX's special characters escaped outside math, math kept and defused; braces balanced. */
export function escapeBibtexValue(text: string): string {
  // Escaped braces are set aside: BibTeX counts them as braces, LaTeX does not; printed again as
  // commands, both count the same.
  const marked = text.replace(/\s+/g, ' ').trim().replace(/\\\{/g, OPEN).replace(/\\\}/g, CLOSE);
  const balanced = hasBalancedBraces(marked) ? marked : marked.replace(/[{}]/g, '');
  return splitTex(balanced)
    .map((segment) => {
      if (!segment.math) return escapeText(segment.source);
      const math = escapeMath(segment.source);
      return segment.display ? `$$${math}$$` : `$${math}$`;
    })
    .join('');
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

/** `arXiv:2611.01234v2`: the version the reader saved, as arXiv labels it. */
function describeVersion(paper: BibtexPaper): string | undefined {
  return paper.version === null ? undefined : `Saved version: arXiv:${paper.id}v${paper.version}`;
}

export function renderBibtexEntry(paper: BibtexPaper): string {
  const first = paper.firstVersion;
  const note = describeVersion(paper);
  const fields: [string, string][] = [
    ['title', `{{${escapeBibtexValue(paper.title)}}}`],
    ['author', `{${formatAuthors(paper.authors)}}`],
    ...(first
      ? ([
          ['year', `{${first.year}}`],
          ['month', MONTHS[first.month - 1] ?? 'jan'],
        ] as [string, string][])
      : []),
    ['eprint', `{${escapeBibtexValue(paper.id)}}`],
    ['archivePrefix', '{arXiv}'],
    ...(paper.categories[0]
      ? ([['primaryClass', `{${escapeBibtexValue(paper.categories[0])}}`]] as [string, string][])
      : []),
    ...(paper.doi ? ([['doi', `{${escapeBibtexValue(paper.doi)}}`]] as [string, string][]) : []),
    ['url', `{${escapeBibtexValue(paper.url)}}`],
    ...(note ? ([['note', `{${note}}`]] as [string, string][]) : []),
  ];
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
  return `@misc{${citationKey(paper.id)},\n${body}\n}\n`;
}

export function renderBibtex(papers: readonly BibtexPaper[]): string {
  return papers.map(renderBibtexEntry).join('\n');
}
