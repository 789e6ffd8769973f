// Reads config/authors.json, the starred authors. People edit it by hand, so every
// problem becomes one AuthorsConfigError naming the file, the JSON path and the fix.
import { createHash } from 'node:crypto';
import type { StarredAuthor } from '../types.ts';
import {
  ConfigFileError,
  createFail,
  isObject,
  checkWithLines,
  parseConfigText,
  readJsonFile,
  readSlug,
  readText,
  refuseUnknownKeys,
  typeOf,
  type Fail,
  type MakeError,
} from './json-file.ts';
import { normalizeName } from './names.ts';

/** A starred-authors file that cannot be used (the CLI exits with 2, as for any broken configuration). */
export class AuthorsConfigError extends ConfigFileError {
  override name = 'AuthorsConfigError';
}

const AUTHOR_KEYS = new Set(['id', 'name', 'variants', 'not', 'arxiv']);
// arXiv's public author identifiers: surname, first initial and a number, in lower-case a-z
// (https://info.arxiv.org/help/author_identifiers.html), or an ORCID iD, which arXiv accepts in their place.
const ARXIV_AUTHOR_ID = /^(?:[a-z]+_[a-z]_\d+|\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/;

const makeError: MakeError = (message, place) => new AuthorsConfigError(message, place);

/** Loads and validates the file; `hash` (sha256 of its bytes, hex) tells callers when it changed. */
export function loadAuthorsConfig(path: string): { authors: StarredAuthor[]; hash: string } {
  const { raw, bytes, text } = readJsonFile(path, makeError);
  const authors = checkWithLines(text, () => validateAuthorsConfig(raw, path));
  return { authors, hash: createHash('sha256').update(bytes).digest('hex') };
}

/** The same for the file's text in hand (an edit about to be written). */
export function readAuthorsText(path: string, text: string): { authors: StarredAuthor[]; hash: string } {
  const raw = parseConfigText(path, text, makeError);
  const authors = checkWithLines(text, () => validateAuthorsConfig(raw, path));
  return { authors, hash: createHash('sha256').update(text).digest('hex') };
}

/** Checks the parsed file; throws on the first problem. */
export function validateAuthorsConfig(raw: unknown, path: string): StarredAuthor[] {
  const fail = createFail(path, makeError);
  if (!isObject(raw)) return fail('$', `expected an object with "authors", got ${typeOf(raw)}`);
  refuseUnknownKeys(raw, new Set(['authors']), '$', fail);
  if (!Array.isArray(raw.authors)) return fail('$.authors', `expected an array of authors, got ${typeOf(raw.authors)}`);
  const seen = new Map<string, string>();
  return raw.authors.map((entry: unknown, i: number): StarredAuthor =>
    readAuthor(entry, `$.authors[${i}]`, seen, fail),
  );
}

function readAuthor(entry: unknown, at: string, seen: Map<string, string>, fail: Fail): StarredAuthor {
  if (!isObject(entry)) return fail(at, `expected an object, got ${typeOf(entry)}`);
  refuseUnknownKeys(entry, AUTHOR_KEYS, at, fail);
  const author: StarredAuthor = {
    id: readSlug(entry.id, `${at}.id`, seen, fail, 'yoshua-bengio'),
    name: readName(entry.name, `${at}.name`, fail),
    variants: readNames(entry.variants, `${at}.variants`, fail),
    not: readNames(entry.not, `${at}.not`, fail),
  };
  if (entry.arxiv !== undefined) author.arxiv = readArxivId(entry.arxiv, `${at}.arxiv`, fail);
  return author;
}

function readArxivId(value: unknown, at: string, fail: Fail): string {
  const id = readText(value, at, fail);
  if (!ARXIV_AUTHOR_ID.test(id))
    fail(
      at,
      `${JSON.stringify(id)} is not an arXiv author identifier such as "hinton_g_1" (from https://arxiv.org/a/<id>) or an ORCID iD`,
    );
  return id;
}

/** A name the matcher can use: at least a given name (or initial) and a surname. */
function readName(value: unknown, at: string, fail: Fail): string {
  const name = readText(value, at, fail);
  if (normalizeName(name).words.length < 2) fail(at, `${JSON.stringify(name)} needs a given name and a surname`);
  return name;
}

function readNames(value: unknown, at: string, fail: Fail): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return fail(at, `expected an array of strings, got ${typeOf(value)}`);
  return value.map((item: unknown, i: number) => readName(item, `${at}[${i}]`, fail));
}
