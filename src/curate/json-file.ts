// Reading a configuration file people edit by hand (config/authors.json, feeds.json,
// reading-list.json): every problem becomes one ConfigFileError naming the file, where in it, and why.
import { readFileSync } from 'node:fs';
import { stripControlCharacters } from '../text/control.ts';

/** A configuration file that cannot be used (the CLI exits with 2, as for any broken configuration). */
export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
}

/** The file's bytes and its parsed JSON; `make` builds the error class the caller throws. */
export function readJsonFile(
  path: string,
  make: (message: string) => Error = (message) => new ConfigFileError(message),
): { raw: unknown; bytes: Buffer } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw make(code === 'ENOENT' ? `${path}: file not found` : `${path}: cannot read (${code ?? String(error)})`);
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return { raw: JSON.parse(text) as unknown, bytes };
  } catch (error) {
    throw make(`${path}: ${describeJsonError(text, (error as Error).message)}`);
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;

/** Throws `<path>: <JSON path>: <problem>`. */
export type Fail = (at: string, problem: string) => never;

export function createFail(path: string, make: (message: string) => Error): Fail {
  return (at, problem) => {
    throw make(`${path}: ${at}: ${problem}`);
  };
}

/** Refuses keys outside `known`, naming the first. */
export function refuseUnknownKeys(entry: Record<string, unknown>, known: ReadonlySet<string>, at: string, fail: Fail) {
  for (const key of Object.keys(entry)) if (!known.has(key)) fail(at, `unknown key ${JSON.stringify(key)}`);
}

/** A non-empty string, trimmed, cleaned as arXiv's text is (no control characters, no bidi overrides). */
export function readText(value: unknown, at: string, fail: Fail): string {
  const text = typeof value === 'string' ? stripControlCharacters(value).trim() : value;
  if (text === undefined || text === '') return fail(at, 'missing or empty');
  if (typeof text !== 'string') return fail(at, `expected a string, got ${typeOf(text)}`);
  return text;
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug id (lower-case letters, digits and single hyphens), unique in `seen`. */
export function readSlug(value: unknown, at: string, seen: Map<string, string>, fail: Fail, example: string): string {
  const id = readText(value, at, fail);
  if (!SLUG.test(id))
    fail(at, `${JSON.stringify(id)} is not a slug (lower-case letters, digits and single hyphens, e.g. "${example}")`);
  const earlier = seen.get(id);
  if (earlier !== undefined) fail(at, `duplicate id ${JSON.stringify(id)} (also ${earlier})`);
  seen.set(id, at.replace(/\.id$/, ''));
  return id;
}

/** An absolute http(s) URL. */
export function readHttpUrl(value: unknown, at: string, fail: Fail): string {
  const text = readText(value, at, fail);
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    fail(at, `${JSON.stringify(text)} is not an http(s) URL`);
  return text;
}

/**
 * V8's JSON.parse messages give a character position ("... in JSON at position 41")
 * or none at all ("Unexpected token 'Y', ..."); either way `locateJsonError` finds
 * it, and people want a line and column.
 */
export function describeJsonError(text: string, message: string): string {
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
