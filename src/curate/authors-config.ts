// Reads config/authors.json, the starred authors. People edit it by hand, so every
// problem becomes one AuthorsConfigError naming the file, the JSON path and the fix.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { StarredAuthor } from '../types.ts';
import { normalizeName } from './names.ts';

/** A starred-authors file that cannot be used (the CLI exits with 2, as for any broken configuration). */
export class AuthorsConfigError extends Error {
  override name = 'AuthorsConfigError';
}

const AUTHOR_KEYS = new Set(['id', 'name', 'variants', 'not']);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Loads and validates the file; `hash` (sha256 of its bytes, hex) tells callers when it changed. */
export function loadAuthorsConfig(path: string): { authors: StarredAuthor[]; hash: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AuthorsConfigError(
      code === 'ENOENT' ? `${path}: file not found` : `${path}: cannot read (${code ?? String(error)})`,
    );
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AuthorsConfigError(`${path}: ${describeJsonError(text, (error as Error).message)}`);
  }
  return { authors: validateAuthorsConfig(raw, path), hash: createHash('sha256').update(bytes).digest('hex') };
}

/** Checks the parsed file; throws on the first problem. */
export function validateAuthorsConfig(raw: unknown, path: string): StarredAuthor[] {
  const fail = (at: string, problem: string): never => {
    throw new AuthorsConfigError(`${path}: ${at}: ${problem}`);
  };
  if (!isObject(raw)) return fail('$', `expected an object with "authors", got ${typeOf(raw)}`);
  for (const key of Object.keys(raw)) if (key !== 'authors') fail('$', `unknown key ${JSON.stringify(key)}`);
  if (!Array.isArray(raw.authors)) return fail('$.authors', `expected an array of authors, got ${typeOf(raw.authors)}`);
  const firstSeen = new Map<string, string>();
  return raw.authors.map((entry: unknown, i: number): StarredAuthor => {
    const at = `$.authors[${i}]`;
    const author = readAuthor(entry, at, fail);
    const earlier = firstSeen.get(author.id);
    if (earlier !== undefined) fail(`${at}.id`, `duplicate id ${JSON.stringify(author.id)} (also ${earlier})`);
    firstSeen.set(author.id, at);
    return author;
  });
}

type Fail = (at: string, problem: string) => never;

function readAuthor(entry: unknown, at: string, fail: Fail): StarredAuthor {
  if (!isObject(entry)) return fail(at, `expected an object, got ${typeOf(entry)}`);
  for (const key of Object.keys(entry)) if (!AUTHOR_KEYS.has(key)) fail(at, `unknown key ${JSON.stringify(key)}`);
  const id = readText(entry.id, `${at}.id`, fail);
  if (!SLUG.test(id))
    fail(
      `${at}.id`,
      `${JSON.stringify(id)} is not a slug (lower-case letters, digits and single hyphens, e.g. "yoshua-bengio")`,
    );
  return {
    id,
    name: readName(entry.name, `${at}.name`, fail),
    variants: readNames(entry.variants, `${at}.variants`, fail),
    not: readNames(entry.not, `${at}.not`, fail),
  };
}

function readText(value: unknown, at: string, fail: Fail): string {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return fail(at, 'missing or empty');
  if (typeof value !== 'string') return fail(at, `expected a string, got ${typeOf(value)}`);
  return value.trim();
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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);

/**
 * V8's JSON.parse messages give a character position ("... in JSON at position 41")
 * or none at all ("Unexpected token 'Y', ..."); either way `locateJsonError` finds
 * it, and people want a line and column.
 */
function describeJsonError(text: string, message: string): string {
  const reason = message
    .replace(/ (?:in JSON )?at position \d+.*$/s, '')
    .replace(/, (?:"|\.\.\.").*is not valid JSON$/s, '');
  const given = /at position (\d+)/.exec(message);
  const offset = given ? Number(given[1]) : locateJsonError(text);
  const before = text.slice(0, offset).split('\n');
  return `invalid JSON at line ${before.length}, column ${before.at(-1)!.length + 1}: ${reason}`;
}

/** Offset of the first syntax error in `text` (a minimal JSON scanner; only run after JSON.parse failed). */
export function locateJsonError(text: string): number {
  let i = 0;
  const skip = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (chars: string): boolean => (
    skip(),
    text[i] !== undefined && chars.includes(text[i]!) ? (i++, true) : false
  );
  const value = (): boolean => {
    skip();
    const c = text[i];
    if (c === '{') return sequence('}', () => (skip(), text[i] === '"' && string() && expect(':') && value()));
    if (c === '[') return sequence(']', value);
    if (c === '"') return string();
    const token = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i));
    if (token === null) return false;
    i += token[0].length;
    return true;
  };
  const sequence = (close: string, item: () => boolean): boolean => {
    i++;
    if (expect(close)) return true;
    do if (!item()) return false;
    while (expect(','));
    return expect(close);
  };
  const string = (): boolean => {
    // JSON strings exclude the C0 controls (RFC 8259 §7), so this pattern names them.
    // eslint-disable-next-line no-control-regex
    const token = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(text.slice(i));
    if (token === null) return false;
    i += token[0].length;
    return true;
  };
  if (value()) skip();
  return Math.min(i, text.length);
}
