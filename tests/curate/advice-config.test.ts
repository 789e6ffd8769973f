// The configuration files of the rest of the advice, refused like authors.json: file, JSON path, reason.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AuthorsConfigError, loadAuthorsConfig } from '../../src/curate/authors-config.ts';
import { FeedsConfigError, loadFeedsConfig } from '../../src/curate/feeds-config.ts';
import { ReadingListError, loadReadingList } from '../../src/curate/reading-list.ts';

const dir = mkdtempSync(join(tmpdir(), 'advice-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const write = (value: unknown): string => {
  const path = join(dir, `config-${files++}.json`);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const shipped = (name: string) => fileURLToPath(new URL(`../../config/${name}`, import.meta.url));

function messageOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('loaded');
}

describe('config/feeds.json', () => {
  it('ships Karpathy, Distill and the adviser’s blog', () => {
    expect(loadFeedsConfig(shipped('feeds.json')).map((feed) => feed.id)).toEqual(['karpathy', 'distill', 'greydanus']);
  });

  it.each([
    [
      { feeds: [{ id: 'k', title: 'K', url: 'https://k.example/feed.xml', tags: [] }] },
      '$.feeds[0]: unknown key "tags"',
    ],
    [{ feeds: [{ id: 'K B', title: 'K', url: 'https://k.example/' }] }, '$.feeds[0].id: "K B" is not a slug'],
    [
      { feeds: [{ id: 'k', title: 'K', url: 'javascript:alert(1)' }] },
      '$.feeds[0].url: "javascript:alert(1)" is not an http(s) URL',
    ],
    [{ feeds: [{ id: 'k', url: 'https://k.example/' }] }, '$.feeds[0].title: missing or empty'],
    [
      {
        feeds: [
          { id: 'k', title: 'K', url: 'https://a.example/' },
          { id: 'k', title: 'L', url: 'https://b.example/' },
        ],
      },
      '$.feeds[1].id: duplicate id "k" (also $.feeds[0])',
    ],
    [{ blogs: [] }, '$: unknown key "blogs"'],
    ['{"feeds": [,]}', 'invalid JSON at line 1, column 12'],
  ])('refuses %j', (value, problem) => {
    const path = write(value);
    const message = messageOf(() => loadFeedsConfig(path));
    expect(message).toContain(`${path}: ${problem}`);
    expect(() => loadFeedsConfig(path)).toThrow(FeedsConfigError);
  });
});

describe('config/reading-list.json', () => {
  it('ships the advice’s classics, with the four arXiv ids and AlexNet’s proceedings page', () => {
    const entries = loadReadingList(shipped('reading-list.json'));
    expect(entries.flatMap((entry) => entry.arxiv ?? [])).toEqual(['1308.0850', '1410.5401', '1312.5602', '1406.2661']);
    expect(entries.find((entry) => entry.id === 'alexnet')?.links[0]?.url).toMatch(/^https:\/\/papers\.nips\.cc\//);
    expect(entries.find((entry) => entry.id === 'yosinski')?.links[0]?.url).toBe('/authors/jason-yosinski');
  });

  it.each([
    [{ entries: [{ id: 'a', title: 'T', authors: ['X Y'], why: 'w', arxiv: '1406.2661v2' }] }, '$.entries[0].arxiv'],
    [{ entries: [{ id: 'a', title: 'T', authors: ['X Y'], why: 'w' }] }, '$.entries[0]: give an arXiv id or'],
    [{ entries: [{ id: 'a', title: 'T', authors: ['X Y'], why: 'w', arxiv: '1406.2661', year: '2014' }] }, '.year'],
    [
      { entries: [{ id: 'a', title: 'T', authors: ['X Y'], why: 'w', links: [{ label: 'x', url: 'javascript:x' }] }] },
      '$.entries[0].links[0].url',
    ],
    [{ entries: [{ id: 'a', title: 'T', authors: [], why: 'w', arxiv: '1406.2661' }] }, '$.entries[0].authors'],
    [
      { entries: [{ id: 'a', title: 'T', authors: ['X Y'], why: 'w', arxiv: '1406.2661', read: true }] },
      'unknown key "read"',
    ],
  ])('refuses %j', (value, problem) => {
    const path = write(value);
    expect(messageOf(() => loadReadingList(path))).toContain(problem);
    expect(() => loadReadingList(path)).toThrow(ReadingListError);
  });
});

describe('the arxiv key of config/authors.json', () => {
  it('takes an arXiv author identifier or an ORCID iD', () => {
    const path = write({
      authors: [
        { id: 'geoffrey-hinton', name: 'Geoffrey Hinton', arxiv: 'hinton_g_1' },
        { id: 'yoshua-bengio', name: 'Yoshua Bengio', arxiv: '0000-0002-9322-3515' },
      ],
    });
    expect(loadAuthorsConfig(path).authors.map((author) => author.arxiv)).toEqual([
      'hinton_g_1',
      '0000-0002-9322-3515',
    ]);
  });

  it('refuses anything else, saying where to find one', () => {
    const path = write({
      authors: [{ id: 'geoffrey-hinton', name: 'Geoffrey Hinton', arxiv: 'https://arxiv.org/a/hinton_g_1' }],
    });
    expect(messageOf(() => loadAuthorsConfig(path))).toBe(
      `${path}: $.authors[0].arxiv: "https://arxiv.org/a/hinton_g_1" is not an arXiv author identifier such as "hinton_g_1" (from https://arxiv.org/a/<id>) or an ORCID iD`,
    );
    expect(() => loadAuthorsConfig(path)).toThrow(AuthorsConfigError);
  });
});
