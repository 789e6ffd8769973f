// The other HTML pages: days without a digest, one starred author, the fetch notice.
import { formatLongDay } from '../calendar/days.ts';
import { formatEasternTime } from '../calendar/eastern.ts';
import type { AuthorPageView, FetchRunView, NoDigestKind, RoundPartView, StatusView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { renderPage } from './html-layout.ts';
import { describeMatch, readableUrls } from './format.ts';
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
 * What the fetcher is doing, for the top of a page whose day has no digest yet (`missing`: the day
 * `/` is waiting for, named when the page shows an older one): the scheduler's own words while it
 * works or waits to retry ("Fetching the last 7 announcement days: 3/7", "arXiv cannot be reached
 * (…). Trying again at …"), else the last fetch's failure and the next attempt; '' when there is
 * nothing to say.
 */
export function renderFetchNotice(run: FetchRunView | undefined, status: StatusView, missing?: string): string {
  const waiting = missing === undefined ? '' : `The digest of ${formatLongDay(missing)} is not here yet. `;
  if (status.activity) return `<div class=n role=status>${escapeHtml(waiting + readableUrls(status.activity))}</div>\n`;
  const next = status.nextRunAt
    ? `Next attempt: ${formatEasternTime(status.nextRunAt)}.`
    : 'No next attempt is scheduled.';
  if (run === undefined || run.error === null)
    return waiting === '' || status.nextRunAt === undefined
      ? ''
      : `<div class=n role=status>${escapeHtml(`${waiting}${next}`)}</div>\n`;
  const when = formatEasternTime(run.finishedAt ?? run.startedAt);
  const failed = `The last fetch failed (${when}): ${readableUrls(run.error)}.`;
  return `<div class="n warn" role=status>${escapeHtml(`${waiting}${failed} ${next}`)}</div>\n`;
}

const PART_NAMES: Readonly<Record<string, string>> = {
  authors: 'Starred authors’ uploads',
  'reading-list': 'Reading list',
  blogs: 'Blogs',
  popularity: 'Popularity counts',
};

/**
 * What the other parts of the last round could not do, folded: a part that failed as a whole in one
 * line (its first problem says why: with no network, every request of it failed alike), a part that
 * did its work one line per problem (a blog feed gone); '' when all went well.
 */
export function renderRoundNotice(parts: readonly RoundPartView[]): string {
  const lines = parts.flatMap((part) => {
    const name = PART_NAMES[part.part] ?? part.part;
    const [first, ...rest] = part.problems;
    const more = rest.length > 0 ? `; ${rest.length} more like it` : '';
    const failed = first === undefined ? part.summary : `${part.summary} (${first}${more})`;
    const problems = part.ok ? part.problems : [failed];
    return problems.map((problem) => `<li>${escapeHtml(`${name}: ${readableUrls(problem)}`)}`);
  });
  if (lines.length === 0) return '';
  const count = lines.length === 1 ? 'a problem' : `${lines.length} problems`;
  return `<details class="n warn"><summary>The last daily round had ${count}</summary><ul>${lines.join('')}</ul></details>
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
