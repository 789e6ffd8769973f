// Reads config/reading-list.json, the "Start here" page: the papers the advice says to read, each
// with why. Refused like authors.json when broken: file, JSON path and reason.
import { parseArxivId } from '../fetcher/ids.ts';
import {
  ConfigFileError,
  createFail,
  isObject,
  readHttpUrl,
  checkWithLines,
  readJsonFile,
  readSlug,
  readText,
  refuseUnknownKeys,
  typeOf,
  type Fail,
} from './json-file.ts';

export class ReadingListError extends ConfigFileError {
  override name = 'ReadingListError';
}

export interface ReadingLink {
  label: string;
  /** An http(s) URL, or a path on this site (`/authors/jason-yosinski`). */
  url: string;
}

export interface ReadingEntry {
  id: string;
  title: string;
  authors: string[];
  year?: number;
  why: string;
  /** The paper's arXiv id, where it is on arXiv: its abstract is fetched once through the API. */
  arxiv?: string;
  links: ReadingLink[];
}

const ENTRY_KEYS = new Set(['id', 'title', 'authors', 'year', 'why', 'arxiv', 'links']);

export function loadReadingList(path: string): ReadingEntry[] {
  const { raw, text } = readJsonFile(path, (message, place) => new ReadingListError(message, place));
  return checkWithLines(text, () => validateReadingList(raw, path));
}

export function validateReadingList(raw: unknown, path: string): ReadingEntry[] {
  const fail = createFail(path, (message, place) => new ReadingListError(message, place));
  if (!isObject(raw)) return fail('$', `expected an object with "entries", got ${typeOf(raw)}`);
  refuseUnknownKeys(raw, new Set(['entries']), '$', fail);
  if (!Array.isArray(raw.entries)) return fail('$.entries', `expected an array, got ${typeOf(raw.entries)}`);
  const seen = new Map<string, string>();
  return raw.entries.map((entry: unknown, i: number) => readEntry(entry, `$.entries[${i}]`, seen, fail));
}

function readEntry(entry: unknown, at: string, seen: Map<string, string>, fail: Fail): ReadingEntry {
  if (!isObject(entry)) return fail(at, `expected an object, got ${typeOf(entry)}`);
  refuseUnknownKeys(entry, ENTRY_KEYS, at, fail);
  const out: ReadingEntry = {
    id: readSlug(entry.id, `${at}.id`, seen, fail, 'alexnet'),
    title: readText(entry.title, `${at}.title`, fail),
    authors: readStrings(entry.authors, `${at}.authors`, fail),
    why: readText(entry.why, `${at}.why`, fail),
    links: readLinks(entry.links, `${at}.links`, fail),
  };
  if (entry.year !== undefined) {
    if (typeof entry.year !== 'number' || !Number.isInteger(entry.year) || entry.year < 1900 || entry.year > 2100)
      fail(`${at}.year`, `expected a year such as 2014, got ${JSON.stringify(entry.year)}`);
    out.year = entry.year;
  }
  if (entry.arxiv !== undefined) {
    const id = readText(entry.arxiv, `${at}.arxiv`, fail);
    // New-style (1308.0850, 2401.12345) and old-style (cs/0601001) identifiers, without a version.
    if (parseArxivId(id)?.id !== id) fail(`${at}.arxiv`, `${JSON.stringify(id)} is not an arXiv id such as 1406.2661`);
    out.arxiv = id;
  }
  if (out.arxiv === undefined && out.links.length === 0) fail(at, 'give an arXiv id or at least one link');
  return out;
}

function readStrings(value: unknown, at: string, fail: Fail): string[] {
  if (!Array.isArray(value) || value.length === 0) return fail(at, `expected a non-empty array of names`);
  return value.map((item: unknown, i: number) => readText(item, `${at}[${i}]`, fail));
}

function readLinks(value: unknown, at: string, fail: Fail): ReadingLink[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return fail(at, `expected an array of links, got ${typeOf(value)}`);
  return value.map((link: unknown, i: number) => {
    const where = `${at}[${i}]`;
    if (!isObject(link)) return fail(where, `expected an object with "label" and "url", got ${typeOf(link)}`);
    refuseUnknownKeys(link, new Set(['label', 'url']), where, fail);
    const label = readText(link.label, `${where}.label`, fail);
    const raw = readText(link.url, `${where}.url`, fail);
    // A path on this site, or an absolute http(s) URL; nothing else (no javascript:).
    const url = /^\/[a-z0-9/_.-]*$/i.test(raw) ? raw : readHttpUrl(raw, `${where}.url`, fail);
    return { label, url };
  });
}
