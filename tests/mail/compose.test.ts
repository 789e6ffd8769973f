// The message as a pure function of the digest: subject, Message-ID, recipients and the HTML part.
import { describe, expect, it } from 'vitest';
import {
  composeDigestMail,
  createDigestMessageId,
  formatShortDay,
  formatSubject,
  parseRecipients,
} from '../../src/mail/compose.ts';
import type { DigestPaper, StarredMatch } from '../../src/types.ts';
import { buildDigestView } from '../../src/views/digest.ts';

/** The shape the tests write a day in; the renderers take its view. */
interface Digest {
  date: string;
  papers: DigestPaper[];
}
const view = (digest: Digest) => buildDigestView(digest.date, digest.papers);

function star(name: string, as = name): StarredMatch {
  return { authorId: name.toLowerCase().replace(/\W+/g, '-'), name, as, confidence: 'exact' };
}

function paper(id: string, over: Partial<DigestPaper> = {}): DigestPaper {
  return {
    id,
    version: 1,
    title: `Paper ${id}`,
    abstract: 'An abstract.',
    authors: ['Ada Lovelace'],
    categories: ['cs.LG'],
    announceType: 'new',
    starred: [],
    ...over,
  };
}

const many = (n: number, type: DigestPaper['announceType'] = 'new') =>
  Array.from({ length: n }, (_, i) => paper(`2611.${String(i + 100).padStart(5, '0')}`, { announceType: type }));

describe('the subject', () => {
  it('counts starred papers with their authors and new submissions', () => {
    const digest: Digest = {
      date: '2026-11-26',
      papers: [
        paper('2611.00001', { starred: [star('Yoshua Bengio')] }),
        paper('2611.00002', { announceType: 'cross', starred: [star('Quoc V. Le', 'Quoc Le'), star('Yoshua Bengio')] }),
        ...many(142),
        ...many(5, 'replace'),
      ],
    };
    expect(formatSubject(view(digest))).toBe(
      'arXiv digest Thu, 26 Nov: 2 by starred authors (Yoshua Bengio, Quoc V. Le) · 143 new',
    );
  });

  it('leaves out the parentheses when no starred author published', () => {
    expect(formatSubject(view({ date: '2026-11-26', papers: many(143) }))).toBe(
      'arXiv digest Thu, 26 Nov: 0 by starred authors · 143 new',
    );
  });

  it('shortens a long list of names', () => {
    const papers = ['A One', 'B Two', 'C Three', 'D Four', 'E Five'].map((name, i) =>
      paper(`2611.0000${i}`, { starred: [star(name)] }),
    );
    expect(formatSubject(view({ date: '2026-11-26', papers }))).toBe(
      'arXiv digest Thu, 26 Nov: 5 by starred authors (A One, B Two, C Three +2 more) · 5 new',
    );
  });

  it('writes the day as "Day, DD Mon"', () => {
    expect(formatShortDay('2026-03-02')).toBe('Mon, 02 Mar');
    expect(formatShortDay('2026-11-26')).toBe('Thu, 26 Nov');
  });
});

describe('the Message-ID', () => {
  it('is stable per day and recipient set, whatever the order or case', () => {
    const id = createDigestMessageId('2026-11-26', ['a@example.org', 'b@example.org']);
    expect(id).toMatch(/^<digest-2026-11-26\.[0-9a-f]{10}@arxiv-curator>$/);
    expect(createDigestMessageId('2026-11-26', ['B@example.org', 'a@example.org'])).toBe(id);
    expect(createDigestMessageId('2026-11-26', ['a@example.org'])).not.toBe(id);
    expect(createDigestMessageId('2026-11-27', ['a@example.org', 'b@example.org'])).not.toBe(id);
  });

  it('reads bare addresses from DIGEST_TO', () => {
    expect(parseRecipients('"Lovelace, Ada" <ada@example.org>, bob@example.org')).toEqual([
      'ada@example.org',
      'bob@example.org',
    ]);
    expect(parseRecipients('nobody')).toEqual([]);
  });
});

describe('the HTML part', () => {
  const hostile = '<script>alert(1)</script> & <img src=x onerror=alert(2)>';
  const digest: Digest = {
    date: '2026-11-26',
    papers: [
      paper('2611.00001', {
        title: hostile,
        authors: ['Yoshua Bengio', '<b>Eve</b>'],
        starred: [star('Yoshua Bengio')],
        comment: '"quoted" & <i>',
      }),
      paper('2611.00002', { title: 'Plain & simple', authors: ['Mallory <m@x>'] }),
      paper('2611.00003', { announceType: 'replace', categories: ['stat.ML', 'cs.LG'] }),
    ],
  };
  const compose = (publicUrl: boolean) =>
    composeDigestMail(view(digest), {
      recipients: ['a@example.org'],
      baseUrl: 'https://curator.example.org',
      publicUrl,
    });
  const mail = compose(true);
  const { html } = mail;

  it('escapes every title, author and comment', () => {
    expect(html).not.toMatch(/<script|<img|<b>Eve|<i>|onerror=alert\(2\)>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &lt;i&gt;');
  });

  it('has no style block, script or external asset', () => {
    expect(html).not.toMatch(/<(style|script|link|img|iframe|object)\b/i);
    expect(html).not.toMatch(/\s(src|background)="/i);
  });

  it('shows the starred paper with its name marked and arXiv links, and leaves the rest to the page', () => {
    expect(html).toContain('<b>★ Yoshua Bengio</b>');
    expect(html).toContain('<a href="https://arxiv.org/abs/2611.00001"><b>');
    expect(html).toContain('<a href="https://arxiv.org/pdf/2611.00001v1">pdf</a>');
    expect(html).toContain('<a href="https://curator.example.org/digest/2026-11-26#p-2611.00001">save or hide</a>');
    // Papers nobody asked for stay on the page, which the last line links with the day's counts.
    expect(html).not.toContain('2611.00002');
    expect(html).toContain('3 papers today: Starred authors 1, New submissions 1, Replacements 1.');
    expect(html).toContain('<a href="https://curator.example.org/digest/2026-11-26">The whole day on the site</a>');
    expect(html).not.toContain('PUBLIC_URL');
  });

  it('says in one line how to set PUBLIC_URL when it is not set', () => {
    const local = compose(false);
    for (const part of [local.html, local.text])
      expect(part.match(/set PUBLIC_URL to the address you reach arxiv-curator at/g)).toHaveLength(1);
  });

  it('goes into the message next to the text part, which carries the same papers', () => {
    expect(mail.text).toContain(hostile);
    expect(mail.text).not.toContain('2611.00002');
    expect(mail.messageId).toBe(createDigestMessageId('2026-11-26', ['a@example.org']));
  });
});
