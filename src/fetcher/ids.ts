// arXiv identifiers as they appear in every wire format (FORMATS.md §6,
// https://info.arxiv.org/help/arxiv_identifier.html).

export interface ArxivIdParts {
  /** Bare id in arXiv's preferred form: `2401.12345`, `math/0611800` (subject class dropped). */
  id: string;
  /** `vN` if the text carried one, else null (= latest version). */
  version: number | null;
}

/** A paper's abstract page is this followed by its id (and `vN` for a version). */
export const ARXIV_ABS_BASE = 'https://arxiv.org/abs/';

// Prefixes: the API `<id>`/links, RSS guid and OAI identifier, `arXiv:` as in RSS descriptions, and
// the paper's pages as a reader pastes them (abs, pdf, html; the scheme may be left out).
const PREFIX = /^(?:oai:arxiv\.org:|arxiv:|(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/)/i;
// A PDF's address ends in `.pdf`, once the only form.
const PDF_SUFFIX = /\.pdf$/i;
const NEW_STYLE = /^(\d\d)(\d\d)\.(\d{4,5})(?:v([1-9]\d{0,3}))?$/;
// archive[.SUBJ]/YYMMNNN, e.g. hep-th/9901001, math.CA/0611800v2, physics.acc-ph/0601001.
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)?)(?:\.[A-Za-z][A-Za-z-]*)?\/(\d\d)(\d\d)(\d{3})(?:v([1-9]\d{0,3}))?$/;

/** Parses and validates an arXiv id in any of its written forms; undefined if it is not one. */
export function parseArxivId(raw: string): ArxivIdParts | undefined {
  const s = stripPrefix(raw);
  return parseNewStyleId(s) ?? parseOldStyleId(s);
}

function stripPrefix(raw: string): string {
  return raw.trim().replace(PREFIX, '').replace(PDF_SUFFIX, '');
}

function parseNewStyleId(s: string): ArxivIdParts | undefined {
  const m = NEW_STYLE.exec(s);
  if (!m) return undefined;
  const [, yy, mm, num, v] = m as unknown as [string, string, string, string, string | undefined];
  const yymm = Number(yy + mm);
  if (!isMonth(mm) || yymm < 704) return undefined; // new style began with 0704 (April 2007)
  // 4 digits up to 1412, 5 from 1501: `0808.05394` is not an id (FORMATS.md §6).
  if (num.length !== (yymm <= 1412 ? 4 : 5)) return undefined;
  return { id: `${yy}${mm}.${num}`, version: toVersion(v) };
}

function parseOldStyleId(s: string): ArxivIdParts | undefined {
  const m = OLD_STYLE.exec(s);
  if (!m) return undefined;
  const [, archive, yy, mm, num, v] = m as unknown as [string, string, string, string, string, string | undefined];
  // Old-style ids ran from August 1991 to March 2007.
  const year = Number(yy) >= 91 ? 1900 + Number(yy) : 2000 + Number(yy);
  const ym = year * 100 + Number(mm);
  if (!isMonth(mm) || ym < 199108 || ym > 200703) return undefined;
  return { id: `${archive}/${yy}${mm}${num}`, version: toVersion(v) };
}

/**
 * The year and month of a paper's first version, which its id names (`2410.02743`: October 2024;
 * `quant-ph/0202016`: February 2002); undefined for what is not an id.
 */
export function readIdMonth(raw: string): { year: number; month: number } | undefined {
  const s = stripPrefix(raw);
  if (parseArxivId(s) === undefined) return undefined;
  // New style: YYMM.NNNNN; old style: archive/YYMMNNN.
  const [yy, mm] = (NEW_STYLE.exec(s)?.slice(1, 3) ?? OLD_STYLE.exec(s)!.slice(2, 4)) as [string, string];
  return { year: Number(yy) >= 91 ? 1900 + Number(yy) : 2000 + Number(yy), month: Number(mm) };
}

function isMonth(mm: string): boolean {
  const n = Number(mm);
  return n >= 1 && n <= 12;
}

function toVersion(v: string | undefined): number | null {
  return v === undefined ? null : Number(v);
}

/** True for a URL on arxiv.org or one of its subdomains (rss., export., oaipmh.). */
export function isArxivUrl(url: string | undefined): boolean {
  return url !== undefined && /^https?:\/\/(?:[a-z0-9-]+\.)*arxiv\.org(?:[/:?#]|$)/i.test(url);
}
