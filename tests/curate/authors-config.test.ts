import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AuthorsConfigError, loadAuthorsConfig, validateAuthorsConfig } from '../../src/curate/authors-config.ts';

const dir = mkdtempSync(join(tmpdir(), 'authors-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const writeConfig = (text: string): string => {
  const path = join(dir, `authors-${files++}.json`);
  writeFileSync(path, text);
  return path;
};
const bengio = { id: 'yoshua-bengio', name: 'Yoshua Bengio' };
const lecun = { id: 'yann-lecun', name: 'Yann LeCun', variants: ['Yann Le Cun'] };
const withAuthors = (...authors: unknown[]): string => writeConfig(JSON.stringify({ authors }, null, 2));

const errorOf = (path: string): AuthorsConfigError => {
  try {
    loadAuthorsConfig(path);
  } catch (error) {
    if (error instanceof AuthorsConfigError) return error;
    throw error;
  }
  throw new Error(`${path} loaded`);
};

describe('loadAuthorsConfig', () => {
  it('loads the shipped config', () => {
    const { authors } = loadAuthorsConfig(fileURLToPath(new URL('../../config/authors.json', import.meta.url)));
    expect(authors).toHaveLength(15);
    expect(authors.map((a) => a.name)).toContain('Quoc V. Le');
    expect(authors.find((a) => a.id === 'yoshua-bengio')).toEqual({
      id: 'yoshua-bengio',
      name: 'Yoshua Bengio',
      variants: [],
      not: ['Samy Bengio', 'Emmanuel Bengio'],
    });
  });

  it('hashes the file bytes', () => {
    const text = JSON.stringify({ authors: [bengio] });
    const { hash } = loadAuthorsConfig(writeConfig(text));
    expect(hash).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('names a missing file', () => {
    const error = errorOf(join(dir, 'nope.json'));
    expect(error.message).toBe(`${join(dir, 'nope.json')}: file not found`);
    expect(error.name).toBe('AuthorsConfigError');
  });

  it.each([
    [
      '{\n  "authors": [\n    {"id": "a", "name": Yoshua Bengio"}\n  ]\n}\n',
      'invalid JSON at line 3, column 25: unexpected character (strings and names take double quotes)',
    ],
    [
      '{\n  "authors": [\n    {"id": "a" "name": "Yoshua Bengio"}\n  ]\n}\n',
      'invalid JSON at line 3, column 16: a comma is missing',
    ],
    ['{"authors": [\n', 'invalid JSON at line 2, column 1: a closing ] is missing'],
    [
      '{"authors": []} x',
      'invalid JSON at line 1, column 17: unexpected character (strings and names take double quotes)',
    ],
    ['{"authors": [] /* never closed', 'invalid JSON at line 1, column 16: a /* comment is not closed'],
  ])('places bad JSON by line and column: %j', (text, problem) => {
    const path = writeConfig(text);
    expect(errorOf(path).message).toBe(`${path}: ${problem}`);
    expect(errorOf(path).place).toMatchObject({ file: path, line: expect.any(Number) });
  });

  it('reads JSON with comments and trailing commas, as people write it by hand', () => {
    const path = writeConfig(`// The people I follow
{
  "authors": [
    { "id": "yoshua-bengio", "name": "Yoshua Bengio" }, // Mila
    /* not yet: { "id": "x", "name": "X Y" }, */
    { "id": "yann-lecun", "name": "Yann LeCun", "variants": ["Y. LeCun",], },
  ],
}
`);
    expect(loadAuthorsConfig(path).authors.map((author) => author.id)).toEqual(['yoshua-bengio', 'yann-lecun']);
  });

  it('gives a value that breaks a rule the line it is on', () => {
    const path = writeConfig('{\n  // who\n  "authors": [\n    { "id": "a", "name": "Bengio" },\n  ]\n}\n');
    const error = errorOf(path);
    expect(error.message).toBe(`${path}: $.authors[0].name: "Bengio" needs a given name and a surname`);
    expect(error.place).toEqual({
      file: path,
      at: '$.authors[0].name',
      line: 4,
      column: 26,
      problem: '$.authors[0].name: "Bengio" needs a given name and a surname',
    });
  });

  it.each([
    [[bengio, { id: 'x', name: '  ' }], '$.authors[1].name: missing or empty'],
    [[bengio, { id: 'x' }], '$.authors[1].name: missing or empty'],
    [[{ id: 'x', name: 42 }], '$.authors[0].name: expected a string, got number'],
    [[{ id: 'x', name: 'Bengio' }], '$.authors[0].name: "Bengio" needs a given name and a surname'],
    [[bengio, lecun, { ...lecun }], '$.authors[2].id: duplicate id "yann-lecun" (also $.authors[1])'],
    [
      [{ ...bengio, id: 'Yoshua Bengio' }],
      '$.authors[0].id: "Yoshua Bengio" is not a slug (lower-case letters, digits and single hyphens, e.g. "yoshua-bengio")',
    ],
    [[{ name: 'Yoshua Bengio' }], '$.authors[0].id: missing or empty'],
    [[bengio, { ...lecun, varients: ['Y. Le Cun'] }], '$.authors[1]: unknown key "varients"'],
    [[{ ...bengio, variants: 'Y. Bengio' }], '$.authors[0].variants: expected an array of strings, got string'],
    [[{ ...bengio, variants: ['Y. Bengio', 3] }], '$.authors[0].variants[1]: expected a string, got number'],
    [[{ ...bengio, not: [''] }], '$.authors[0].not[0]: missing or empty'],
    [['Yoshua Bengio'], '$.authors[0]: expected an object, got string'],
  ])('rejects %j', (authors, problem) => {
    const path = withAuthors(...authors);
    expect(errorOf(path).message).toBe(`${path}: ${problem}`);
  });

  it('rejects a bad top level', () => {
    expect(() => validateAuthorsConfig([], 'a.json')).toThrow(
      'a.json: $: expected an object with "authors", got an array',
    );
    expect(() => validateAuthorsConfig({ authors: [], starred: [] }, 'a.json')).toThrow(
      'a.json: $: unknown key "starred"',
    );
    expect(() => validateAuthorsConfig({ author: [] }, 'a.json')).toThrow('a.json: $: unknown key "author"');
    expect(() => validateAuthorsConfig({}, 'a.json')).toThrow(
      'a.json: $.authors: expected an array of authors, got undefined',
    );
  });

  it('fills in optional lists and trims names', () => {
    expect(validateAuthorsConfig({ authors: [{ id: 'a-b', name: ' Yoshua Bengio ' }] }, 'a.json')).toEqual([
      { id: 'a-b', name: 'Yoshua Bengio', variants: [], not: [] },
    ]);
  });
});
