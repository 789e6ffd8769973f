// Every real capture in tests/fixtures/arxiv/ (see SOURCES.md) goes through parseFeed:
// a count per file, golden JSON for the small ones, spot checks for the big ones.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/fetcher/errors.ts';
import { parseFeed } from '../../src/fetcher/parse.ts';
import type { FeedFormat } from '../../src/types.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/arxiv');
const GOLDEN = join(import.meta.dirname, '../fixtures/golden');

interface Expectation {
  format: FeedFormat;
  papers: number;
  totalResults?: number;
  startIndex?: number;
  itemsPerPage?: number;
  resumptionToken?: string;
}

const EXPECTED: Record<string, Expectation | { throws: string }> = {
  'api-error-http400-incorrect-id-format-abc-2026-04-12.xml': {
    throws: 'arXiv API error: incorrect id format for abc',
  },
  'api-query-all_testing-start0-max100-2026-04-12.xml': {
    format: 'atom',
    papers: 100,
    totalResults: 214881,
    startIndex: 0,
    itemsPerPage: 100,
  },
  'api-query-all_testing-start10-max10-2026-04-12.xml': {
    format: 'atom',
    papers: 10,
    totalResults: 214881,
    startIndex: 10,
    itemsPerPage: 10,
  },
  'api-query-au_del_maestro-max10-legacy-format-2016-10-09.xml': {
    format: 'atom',
    papers: 10,
    totalResults: 31,
    startIndex: 0,
    itemsPerPage: 10,
  },
  'api-query-cat_cs.LG_OR_cat_cs.AI-max20-2026-04-30.xml': {
    format: 'atom',
    papers: 20,
    totalResults: 364218,
    startIndex: 0,
    itemsPerPage: 20,
  },
  'api-query-id_list-0000.0000-empty-2026-04-12.xml': {
    format: 'atom',
    papers: 0,
    totalResults: 0,
    startIndex: 0,
    itemsPerPage: 100,
  },
  'api-query-id_list-0808.05394_1707.08567-one-invalid-2026-04-12.xml': {
    format: 'atom',
    papers: 1,
    totalResults: 1,
    startIndex: 0,
    itemsPerPage: 100,
  },
  'api-query-id_list-astro-ph_0601001-oldstyle-affiliations-2026-05-11.xml': {
    format: 'atom',
    papers: 1,
    totalResults: 1,
    startIndex: 0,
    itemsPerPage: 100,
  },
  'oai-listrecords-arXiv-new-endpoint-set-physics_physics_plasm-ph-2026-01-05-3records.xml': {
    format: 'oai',
    papers: 3,
  },
  'oai-listrecords-arXiv-set-cs-2016-03-09-page001.xml': {
    format: 'oai',
    papers: 1000,
    resumptionToken: '1122234|1001',
  },
  'oai-listrecords-arXiv-set-cs-2016-03-09-page103-final.xml': { format: 'oai', papers: 538 },
  'rss1-rdf-legacy-hep-ex-2021-07-08-EDITED-3items.xml': { format: 'rdf', papers: 3 },
  'rss2-cs-EMPTY-sunday-2026-03-29.xml': { format: 'rss', papers: 0 },
  'rss2-cs.LG+cs.AI+cs.CL+stat.ML-2026-09-24-trimmed-4items.xml': { format: 'rss', papers: 4 },
  'rss2-cs.LG-2026-04-27-trimmed-3items.xml': { format: 'rss', papers: 3 },
};

const fixtureNames = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.xml'))
  .sort();
const read = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

describe('every arXiv capture in tests/fixtures/arxiv', () => {
  it('has an expectation here, so a new fixture cannot slip in untested', () => {
    expect(fixtureNames).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(fixtureNames)('%s', (name) => {
    const expected = EXPECTED[name];
    if (expected === undefined) throw new Error(`no expectation for ${name}`);
    if ('throws' in expected) {
      expect(() => parseFeed(read(name), name)).toThrow(FeedError);
      expect(() => parseFeed(read(name), name)).toThrow(`${name}: ${expected.throws}`);
      return;
    }
    const feed = parseFeed(read(name), name);
    const { papers, ...rest } = expected;
    expect(feed.papers).toHaveLength(papers);
    expect(feed).toMatchObject(rest);
    if (!('resumptionToken' in rest)) expect(feed.resumptionToken).toBeUndefined();
    for (const paper of feed.papers) {
      expect(paper.title).not.toMatch(/^\s|\s$|\s\s|\n/);
      expect(paper.abstract).not.toMatch(/^\s|\s$|\s\s|\n/);
      expect(paper.categories.length).toBeGreaterThan(0);
    }
  });
});

const GOLDEN_FIXTURES = [
  'rss2-cs.LG-2026-04-27-trimmed-3items.xml',
  'rss2-cs.LG+cs.AI+cs.CL+stat.ML-2026-09-24-trimmed-4items.xml',
  'rss2-cs-EMPTY-sunday-2026-03-29.xml',
  'rss1-rdf-legacy-hep-ex-2021-07-08-EDITED-3items.xml',
  'oai-listrecords-arXiv-new-endpoint-set-physics_physics_plasm-ph-2026-01-05-3records.xml',
  'api-query-id_list-astro-ph_0601001-oldstyle-affiliations-2026-05-11.xml',
  'api-query-au_del_maestro-max10-legacy-format-2016-10-09.xml',
];

describe('golden files (checked by eye against the XML)', () => {
  it.each(GOLDEN_FIXTURES)('%s matches its golden JSON', (name) => {
    const golden = join(GOLDEN, name.replace(/\.xml$/, '.json'));
    expect(existsSync(golden)).toBe(true);
    expect(parseFeed(read(name), name)).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });
});

describe('large OAI pages from 2016', () => {
  const page1 = parseFeed(read('oai-listrecords-arXiv-set-cs-2016-03-09-page001.xml'), 'page1');
  const byId = new Map(page1.papers.map((p) => [p.id, p]));

  it('decodes numeric character references in names', () => {
    expect(byId.get('0704.0062')?.authors).toContain('Rastislav Šrámek');
  });

  it('joins forenames, keyname and suffix, and keeps a collaboration with only a keyname', () => {
    expect(byId.get('0704.0802')?.authors).toContain('Robert W. Heath, Jr.');
    expect(byId.get('0705.0564')?.authors).toContain('Robert W. Heath Jr');
    expect(byId.get('0708.0603')?.authors).toContain('Slamet');
  });

  it('gives version 1 to never-updated records and null to updated ones', () => {
    expect(byId.get('0704.0046')).toMatchObject({ version: 1, published: '2007-04-01', updated: '2007-04-01' });
    expect(byId.get('0704.0002')).toMatchObject({ version: null, published: '2007-03-30', updated: '2008-12-13' });
    expect(page1.papers.filter((p) => p.version === null)).toHaveLength(243); // 243 <updated> elements
  });

  it('collapses the line breaks of wrapped titles', () => {
    expect(byId.get('0708.2571')?.title).toBe(
      'On the Security of the Cha-Ko-Lee-Han-Cheon Braid Group Public Key Cryptosystem',
    );
  });

  it('reads old-style ids and an empty last-page token as "no more pages"', () => {
    const last = parseFeed(read('oai-listrecords-arXiv-set-cs-2016-03-09-page103-final.xml'), 'page103');
    expect(last.resumptionToken).toBeUndefined();
    expect(last.papers.map((p) => p.id)).toContain('math/0611918');
  });
});

describe('API captures of 2026', () => {
  const feed = parseFeed(read('api-query-all_testing-start0-max100-2026-04-12.xml'), 'api');

  it('puts arxiv:primary_category first and lists no category twice', () => {
    for (const paper of feed.papers) expect(new Set(paper.categories).size).toBe(paper.categories.length);
    expect(feed.papers[0]?.categories).toEqual(['cs.SE', 'cs.LG']);
  });

  it('decodes &lt; &gt; &amp; in summaries once', () => {
    const all = feed.papers.map((p) => p.abstract).join(' ');
    expect(all).not.toMatch(/&(lt|gt|amp);/);
  });

  it('drops the invalid id of an id_list silently, as arXiv does', () => {
    const one = parseFeed(read('api-query-id_list-0808.05394_1707.08567-one-invalid-2026-04-12.xml'), 'x');
    expect(one.papers.map((p) => `${p.id}v${p.version}`)).toEqual(['1707.08567v1']);
  });
});
