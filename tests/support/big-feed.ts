// A full-size day of the combined RSS feed, built from the real items of the captured feeds
// (no full-day capture exists): each real item repeated under fresh ids, in arXiv's order.
import { readFixture } from './fake-arxiv.ts';

const FEED = 'rss2-cs.LG+cs.AI+cs.CL+stat.ML-2026-09-24-trimmed-4items.xml';

/**
 * `count` items: the real `new` items for the first 45%, then the `cross` one, then the `replace`
 * one. `day` moves the feed to another announcement day, with ids of its own.
 */
export function buildFullRssDay(count: number, day = '2026-09-24'): string {
  const xml = readFixture(FEED).replaceAll('Thu, 24 Sep 2026', formatRfc822Day(day));
  const items = [...xml.matchAll(/<item>[\s\S]*?<\/item>/g)].map((match) => match[0]);
  const byType = (type: string) =>
    items.filter((item) => item.includes(`<arxiv:announce_type>${type}</arxiv:announce_type>`));
  const [news, crosses, replaces] = [byType('new'), byType('cross'), byType('replace')];
  const built: string[] = [];
  for (let n = 0; n < count; n++) {
    const share = n / count;
    const pool = share < 0.45 ? news : share < 0.6 ? crosses : replaces;
    built.push(renumber(pool[n % pool.length]!, n, day));
  }
  const start = xml.indexOf('<item>');
  const end = xml.lastIndexOf('</item>') + '</item>'.length;
  return `${xml.slice(0, start)}${built.join('\n')}${xml.slice(end)}`;
}

/** Every mention of the item's id (guid, link, description) becomes YYMM.NNNNN of the day. */
function renumber(item: string, n: number, day: string): string {
  const id = /oai:arXiv\.org:([^<]+?)v\d+</.exec(item)![1]!;
  const base = Number(day.slice(8, 10)) * 2500;
  return item.split(id).join(`${day.slice(2, 4)}${day.slice(5, 7)}.${String(base + n).padStart(5, '0')}`);
}

/** "Fri, 25 Sep 2026" for the RSS dates. */
function formatRfc822Day(day: string): string {
  return new Date(`${day}T12:00:00Z`).toUTCString().slice(0, 16);
}
