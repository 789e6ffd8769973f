// Reads config/feeds.json, the feeds to follow besides arXiv (blogs): `{"feeds": [{"id", "title", "url"}]}`.
// Edited by hand like authors.json, and refused the same way: file, JSON path and reason.
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
} from './json-file.ts';

export class FeedsConfigError extends ConfigFileError {
  override name = 'FeedsConfigError';
}

/** One feed to follow: RSS 2.0, Atom or JSON Feed. */
export interface FollowedFeed {
  /** Slug, stable: items are stored under it. */
  id: string;
  title: string;
  url: string;
}

const FEED_KEYS = new Set(['id', 'title', 'url']);

export function loadFeedsConfig(path: string): FollowedFeed[] {
  const { raw, text } = readJsonFile(path, (message, place) => new FeedsConfigError(message, place));
  return checkWithLines(text, () => validateFeedsConfig(raw, path));
}

export function validateFeedsConfig(raw: unknown, path: string): FollowedFeed[] {
  const fail = createFail(path, (message, place) => new FeedsConfigError(message, place));
  if (!isObject(raw)) return fail('$', `expected an object with "feeds", got ${typeOf(raw)}`);
  refuseUnknownKeys(raw, new Set(['feeds']), '$', fail);
  if (!Array.isArray(raw.feeds)) return fail('$.feeds', `expected an array of feeds, got ${typeOf(raw.feeds)}`);
  const seen = new Map<string, string>();
  return raw.feeds.map((entry: unknown, i: number): FollowedFeed => {
    const at = `$.feeds[${i}]`;
    if (!isObject(entry)) return fail(at, `expected an object, got ${typeOf(entry)}`);
    refuseUnknownKeys(entry, FEED_KEYS, at, fail);
    return {
      id: readSlug(entry.id, `${at}.id`, seen, fail, 'karpathy'),
      title: readText(entry.title, `${at}.title`, fail),
      url: readHttpUrl(entry.url, `${at}.url`, fail),
    };
  });
}
