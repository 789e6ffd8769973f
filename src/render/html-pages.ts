// The other HTML pages: days without a digest, one starred author, the fetch notice.
import { formatLongDay } from '../calendar/days.ts';
import { formatEasternTime } from '../calendar/eastern.ts';
import type { AuthorPageView, FetchRunView, NoDigestKind, StatusView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { renderPage } from './html-layout.ts';
import { describeMatch } from './format.ts';
import { attr, linkFrom, renderAuthors } from './html-paper.ts';

export interface NoDigestMeta {
  baseUrl: string;
  day?: string;
  kind: NoDigestKind;
  previous?: string | undefined;
  notice?: string;
}

export function describeNoDigest(kind: NoDigestKind, day: string | undefined): string {
  const on = day === undefined ? '' : ` on ${formatLongDay(day)}`;
  switch (kind) {
    case 'weekend':
      return `No arXiv announcement${on} (weekend)`;
    case 'holiday':
      return `No arXiv announcement${on} (holiday)`;
    case 'empty':
      return `No arXiv announcement${on} (the feed was empty)`;
    case 'future':
      return `Nothing announced${on} yet`;
    case 'not-fetched':
      return `The digest${on} is not fetched yet`;
    case 'nothing-stored':
      return 'No digest is stored yet: the first fetch has not completed';
  }
}

export function renderNoDigestHtml(meta: NoDigestMeta): string {
  const base = meta.baseUrl;
  const previous = meta.previous
    ? `<p><a href="${base}/digest/${meta.previous}">← Previous digest: ${escapeHtml(formatLongDay(meta.previous))}</a></p>`
    : '';
  const text = describeNoDigest(meta.kind, meta.day);
  return renderPage({
    title: `${text} · arxiv-curator`,
    baseUrl: base,
    body: `<h1>${escapeHtml(text)}</h1>${previous}`,
    ...(meta.notice && { notice: meta.notice }),
  });
}

/**
 * What the fetcher is doing, for the top of every day page: the scheduler's own words while it
 * works or waits to retry ("Fetching the last 7 announcement days: 3/7", "arXiv cannot be
 * reached (…). Trying again at …"), else the last fetch's failure and the next attempt; '' when
 * there is nothing to say.
 */
export function renderFetchNotice(run: FetchRunView | undefined, status: StatusView): string {
  if (status.activity) return `<div class=n role=status>${escapeHtml(status.activity)}</div>\n`;
  if (run === undefined || run.error === null) return '';
  const when = formatEasternTime(run.finishedAt ?? run.startedAt);
  const next = status.nextRunAt
    ? `Next attempt: ${formatEasternTime(status.nextRunAt)}.`
    : 'No next attempt is scheduled.';
  return `<div class="n warn" role=status>The last fetch failed (${escapeHtml(when)}): ${escapeHtml(run.error)}. ${next}</div>\n`;
}

export function renderAuthorHtml(baseUrl: string, page: AuthorPageView): string {
  const { author, papers } = page;
  const items = papers.map((paper) => {
    const match = paper.starred.find((star) => star.authorId === author.id);
    return `<li><a href=${attr(linkFrom(page.linkBase, paper.links.abs))}>${escapeHtml(paper.title)}</a><br><span class=m>${renderAuthors(paper.authors, paper.starred)}<br>
<a href="${baseUrl}/digest/${paper.day}">${paper.day}</a> · ${escapeHtml(paper.announceType)} · ${escapeHtml(paper.categories[0] ?? '')}${match ? ` · ${escapeHtml(describeMatch(match))}` : ''}</span>\n`;
  });
  const list = items.length > 0 ? `<ol>${items.join('')}</ol>` : '<p>No stored paper by this author yet.</p>';
  const feed = `<p class=m><a href="${baseUrl}/authors/${author.id}.xml">RSS feed for ${escapeHtml(author.name)}</a></p>`;
  return renderPage({
    title: `${author.name} · arxiv-curator`,
    baseUrl,
    linkBase: page.linkBase,
    body: `<h1>★ ${escapeHtml(author.name)}</h1>${feed}${list}`,
  });
}
