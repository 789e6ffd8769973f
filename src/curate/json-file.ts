// Reading a configuration file people edit by hand (config/authors.json, feeds.json,
// reading-list.json): JSON with comments and trailing commas (JSONC, as VS Code's settings), read by
// jsonc-parser, the parser VS Code uses. Every problem becomes one ConfigFileError naming the file,
// the line, and what is wrong (for a value that breaks the rules, its JSON path too).
import { readFileSync } from 'node:fs';
import { stripControlCharacters } from '../text/control.ts';
import { createRequire } from 'node:module';

import type * as JsoncModule from 'jsonc-parser';

type JsoncParser = typeof JsoncModule;

/** Where a configuration file is wrong: the file, its line and column when known, and the problem. */
export interface ConfigPlace {
  file: string;
  line?: number;
  column?: number;
  /** The JSON path of the value at fault (`$.authors[2].name`), for a value that breaks the rules. */
  at?: string;
  problem: string;
}

/** A configuration file that cannot be used (the CLI exits with 2, as for any broken configuration). */
export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
  readonly place: ConfigPlace | undefined;

  constructor(message: string, place?: ConfigPlace) {
    super(message);
    this.place = place;
  }
}

/** Builds the error class a caller throws. */
export type MakeError = (message: string, place?: ConfigPlace) => Error;

// Plain JSON (the usual file) needs no JSONC parser: it is loaded only for a file JSON.parse refuses,
// so `authors check` starts as fast as before.
let jsonc: JsoncParser | undefined;
function loadJsonc(): JsoncParser {
  return (jsonc ??= createRequire(import.meta.url)('jsonc-parser') as JsoncParser);
}

// What jsonc-parser's error codes mean, in the words of someone fixing the file.
const PROBLEMS: Readonly<Record<string, string>> = {
  CommaExpected: 'a comma is missing',
  ColonExpected: 'a colon is missing',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  EndOfFileExpected: 'text after the end of the JSON',
  InvalidSymbol: 'unexpected character (strings and names take double quotes)',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfComment: 'a /* comment is not closed',
  InvalidCommentToken: 'a comment is not closed',
  InvalidEscapeCharacter: 'an invalid escape in a string',
  InvalidCharacter: 'a control character in a string',
};

/** Line and column (from 1) of an offset. */
export function locate(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Parses JSONC: the value, or the first syntax error with its place. */
export function parseJsonc(text: string): { value: unknown } | { error: string; offset: number } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    const parser = loadJsonc();
    const errors: JsoncModule.ParseError[] = [];
    const value = parser.parse(text, errors, { allowTrailingComma: true, disallowComments: false }) as unknown;
    const [first] = errors;
    if (first === undefined) return { value };
    const code = parser.printParseErrorCode(first.error);
    return { error: PROBLEMS[code] ?? code.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase(), offset: first.offset };
  }
}

/** The file's bytes, its text and its parsed JSONC; `make` builds the error class the caller throws. */
export function readJsonFile(
  path: string,
  make: MakeError = (message, place) => new ConfigFileError(message, place),
): { raw: unknown; bytes: Buffer; text: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? String(error)})`;
    throw make(`${path}: ${problem}`, { file: path, problem });
  }
  const text = bytes.toString('utf8');
  return { raw: parseConfigText(path, text, make), bytes, text };
}

/** A configuration file's text as JSONC; a syntax error is thrown with its line and column. */
export function parseConfigText(path: string, text: string, make: MakeError): unknown {
  const json = text.replace(/^\uFEFF/, '');
  const parsed = parseJsonc(json);
  if ('value' in parsed) return parsed.value;
  const { line, column } = locate(json, parsed.offset);
  const message = `${path}: invalid JSON at line ${line}, column ${column}: ${parsed.error}`;
  throw make(message, { file: path, line, column, problem: `invalid JSON at column ${column}: ${parsed.error}` });
}

/**
 * Runs a file's checks, giving a value that breaks a rule the line it is on: `$.authors[2].name`
 * alone leaves the reader counting entries.
 */
export function checkWithLines<T>(text: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    const place = error instanceof ConfigFileError ? error.place : undefined;
    if (place?.at !== undefined && place.line === undefined) {
      const segments = [...place.at.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]));
      const parser = loadJsonc();
      const node = parser.findNodeAtLocation(parser.parseTree(text, [], { allowTrailingComma: true })!, segments);
      if (node !== undefined) Object.assign(place, locate(text, node.offset));
    }
    throw error;
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;

/** Throws `<path>: <JSON path>: <problem>`. */
export type Fail = (at: string, problem: string) => never;

export function createFail(path: string, make: MakeError): Fail {
  return (at, problem) => {
    throw make(`${path}: ${at}: ${problem}`, { file: path, at, problem: `${at}: ${problem}` });
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
