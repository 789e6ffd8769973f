// The other HTML pages: days without a digest, one starred author, the fetch notice.
import { formatLongDay } from '../calendar/days.ts';
import { formatEasternTime } from '../calendar/eastern.ts';
import type { AuthorPageView, FetchRunView, NoDigestKind, RoundPartView, StatusView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { renderPage } from './html-layout.ts';
import { describeMatch } from './format.ts';
import { attr, renderAuthors } from './html-paper.ts';
import { renderTexHtml } from './tex-html.ts';

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

const PART_NAMES: Readonly<Record<string, string>> = {
  authors: 'Starred authors’ uploads',
  'reading-list': 'Reading list',
  blogs: 'Blogs',
  popularity: 'Popularity counts',
};

/** One warning listing what the other parts of the last round could not do; '' when all went well. */
export function renderRoundNotice(parts: readonly RoundPartView[]): string {
  const lines = parts.flatMap((part) => {
    const name = PART_NAMES[part.part] ?? part.part;
    const problems = part.problems.length > 0 ? part.problems : part.ok ? [] : [part.summary];
    return problems.map((problem) => `<li>${escapeHtml(name)}: ${escapeHtml(problem)}`);
  });
  if (lines.length === 0) return '';
  return `<div class="n warn" role=status>The last daily round had problems:<ul>${lines.join('')}</ul></div>
`;
}

export function renderAuthorHtml(baseUrl: string, page: AuthorPageView): string {
  const { author, papers } = page;
  const items = papers.map((paper) => {
    const match = paper.starred.find((star) => star.authorId === author.id);
    return `<li><a href=${attr(paper.links.abs)}>${renderTexHtml(paper.title)}</a><div class=au>${renderAuthors(paper.authors, paper.starred, paper.shownAuthors)}</div>
<div class=m><a href="${baseUrl}/digest/${paper.day}">${paper.day}</a> · ${escapeHtml(paper.announceType)} · ${escapeHtml(paper.categories[0] ?? '')}${match ? ` · ${escapeHtml(describeMatch(match))}` : ''}</div>\n`;
  });
  const list = items.length > 0 ? `<ol>${items.join('')}</ol>` : '<p>No stored paper by this author yet.</p>';
  const feed = `<p class=m><a href="${baseUrl}/authors/${author.id}.xml">RSS feed for ${escapeHtml(author.name)}</a></p>`;
  return renderPage({
    title: `${author.name} · arxiv-curator`,
    baseUrl,
    body: `<h1>★ ${escapeHtml(author.name)}</h1>${feed}${list}`,
  });
}
