// Blog feeds through feedsmith: RSS 2.0, Atom and JSON Feed to plain items; anything else refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBlogFeed } from '../../src/fetcher/blog-feed.ts';
import { FeedError } from '../../src/fetcher/errors.ts';

const written = (name: string) => readFileSync(new URL(`../fixtures/written/${name}`, import.meta.url), 'utf8');

describe('parseBlogFeed', () => {
  it('reads RSS 2.0 as Jekyll writes it, markup and entities turned to text', () => {
    const feed = parseBlogFeed(written('blog-rss2-karpathy.xml'), 'https://karpathy.github.io/feed.xml');
    expect(feed.format).toBe('rss');
    expect(feed.items[0]).toEqual({
      id: 'https://karpathy.github.io/2026/04/28/recipe-again/',
      title: 'A Recipe for Training Neural Networks, again',
      url: 'https://karpathy.github.io/2026/04/28/recipe-again/',
      summary: 'Some few weeks ago I posted a tweet on “the most common neural net mistakes”.',
      published: '2026-04-28T03:00:00.000Z',
    });
    expect(feed.items[1]!.summary).toBe('There’s something magical about Recurrent Neural Networks (RNNs).');
  });

  it('reads Atom 1.0: the alternate link, the published date, an HTML title as text', () => {
    const feed = parseBlogFeed(written('blog-atom-greydanus.xml'), 'https://greydanus.github.io/feed.xml');
    expect(feed.format).toBe('atom');
    expect(feed.items[0]).toEqual({
      id: 'https://greydanus.github.io/2026/04/27/hnn-small',
      title: 'Hamiltonian Neural Networks < 100 lines & a pendulum',
      url: 'https://greydanus.github.io/2026/04/27/hnn-small/',
      summary: 'Learning conservation laws from data, in a notebook.',
      published: '2026-04-27T18:00:00.000Z',
    });
  });

  it('resolves relative links, keeps an item without guid by its link, and drops javascript: links and scripts', () => {
    const feed = parseBlogFeed(written('blog-rss2-distill.xml'), 'https://distill.pub/rss.xml');
    expect(feed.items[0]).toMatchObject({
      id: 'https://distill.pub/2017/feature-visualization/',
      url: 'https://distill.pub/2017/feature-visualization/',
    });
    expect(feed.items[1]).toEqual({ id: 'distill-bad-link', title: 'Bad link', summary: 'Text after a script.' });
  });

  it('reads JSON Feed 1.1', () => {
    const feed = parseBlogFeed(written('blog-jsonfeed.json'), 'https://json.example/feed.json');
    expect(feed).toEqual({
      format: 'json',
      items: [
        {
          id: 'post-1',
          title: 'Attention, from scratch',
          url: 'https://json.example/posts/1',
          summary: 'We build a transformer block in forty lines.',
          published: '2026-04-26T16:00:00.000Z',
        },
      ],
    });
  });

  it('shortens long summaries at a word', () => {
    const long = `<rss version="2.0"><channel><title>T</title><link>https://t.example/</link><description>d</description><item><title>x</title><guid>x</guid><description>${'word '.repeat(200)}</description></item></channel></rss>`;
    const [item] = parseBlogFeed(long, 'https://t.example/feed').items;
    expect(item!.summary.length).toBeLessThanOrEqual(401);
    expect(item!.summary).toMatch(/word…$/);
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body><h1>Moved</h1></body></html>'],
    ['plain text', 'Service Unavailable'],
    ['an empty body', ''],
    ['JSON that is no feed', '{"error": "not found"}'],
  ])('refuses %s with one line naming the URL', (_what, body) => {
    const parse = () => parseBlogFeed(body, 'https://blog.example/feed.xml');
    expect(parse).toThrow(FeedError);
    expect(parse).toThrow(/^https:\/\/blog\.example\/feed\.xml: not an RSS, Atom or JSON feed \(/);
  });
});
