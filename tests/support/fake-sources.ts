// Bodies for the daily round's other sources, played on loopback by startFakeArxiv (any path):
//   buildApiAtom(entries)    an arXiv API answer (the real capture's head, fetcher/FORMATS.md §3) with these entries
//   writtenFixture(name)     a file of tests/fixtures/written/ (see its README: written from the docs)
//   replySlow(body, ms)      headers at once, then nothing for `ms`, then the body
import { readFileSync } from 'node:fs';
import { readFixture, replyText, type Reply } from './fake-arxiv.ts';

export interface ApiEntry {
  id: string;
  title: string;
  authors: string[];
  primary: string;
  /** ISO instant of the first version. */
  published: string;
  version?: number;
}

export function buildApiAtom(entries: readonly ApiEntry[]): string {
  const fixture = readFixture('api-query-cat_cs.LG_OR_cat_cs.AI-max20-2026-04-30.xml');
  const head = fixture
    .slice(0, fixture.indexOf('<entry>'))
    .replace(/<opensearch:totalResults>\d+/, `<opensearch:totalResults>${entries.length}`);
  const body = entries.map(
    (entry) => `<entry>
    <id>http://arxiv.org/abs/${entry.id}v${entry.version ?? 1}</id>
    <title>${entry.title}</title>
    <updated>${entry.published}</updated>
    <summary>An abstract of ${entry.title}.</summary>
    <category term="${entry.primary}" scheme="http://arxiv.org/schemas/atom"/>
    <published>${entry.published}</published>
    <arxiv:primary_category term="${entry.primary}"/>
    ${entry.authors.map((name) => `<author><name>${name}</name></author>`).join('')}
  </entry>`,
  );
  return `${head}${body.join('\n')}\n</feed>\n`;
}

export function writtenFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/written/${name}`, import.meta.url), 'utf8');
}

export function replySlow(body: string, ms: number): Reply {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const timer = setTimeout(() => res.end(body), ms);
    res.on('close', () => clearTimeout(timer));
  };
}

export { replyText };
