// `/` before the first day is stored: one short paragraph saying what is happening (fetching, or why
// arXiv cannot be reached and when the next try is), what the reader can do meanwhile (import a file
// they have, read Start here), and a page that loads itself again until the day arrives, with or
// without JavaScript (a meta refresh).
import { formatEasternTime } from '../calendar/eastern.ts';
import type { FetchRunView, RoundPartView, StatusView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { readableUrls } from './format.ts';
import { renderPage } from './html-layout.ts';
import { renderRoundNotice } from './html-pages.ts';

export interface FirstStartMeta {
  baseUrl: string;
  status: StatusView;
  /** The last request to arXiv, if any: what the page says when the scheduler says nothing. */
  lastRun?: FetchRunView | undefined;
  /** The other parts of the round (blogs, authors…): their problems, folded below. */
  parts: readonly RoundPartView[];
}

/** Seconds between the page's own reloads: a reload the data has not moved is a 304. */
export const FIRST_START_REFRESH_S = 15;

export function renderFirstStartHtml(meta: FirstStartMeta): string {
  const base = meta.baseUrl;
  const meanwhile =
    `Meanwhile, import a file of papers you have (arXiv's RSS, API or OAI-PMH XML): ` +
    `<code>npx arxiv-curator import &lt;file&gt;</code>, or read the classics on <a href="${base}/start">Start here</a>. ` +
    'This page updates itself.';
  return renderPage({
    title: 'No digest yet · arxiv-curator',
    baseUrl: base,
    refresh: FIRST_START_REFRESH_S,
    body: `<h1>No digest is stored yet</h1><p role=status>${escapeHtml(describeActivity(meta))} ${meanwhile}</p>
${renderRoundNotice(meta.parts)}`,
  });
}

/** What is happening, one or two sentences ending with a full stop. */
function describeActivity({ status, lastRun }: FirstStartMeta): string {
  const next = status.nextRunAt === undefined ? undefined : formatEasternTime(status.nextRunAt);
  if (status.activity !== undefined) return sentence(readableUrls(status.activity));
  if (lastRun?.error)
    return `The last fetch of arXiv failed (${readableUrls(lastRun.error)}).${next ? ` The next try is at ${next}.` : ''}`;
  if (next !== undefined) return `The first fetch from arXiv is due at ${next}.`;
  return 'No fetch is scheduled in this process: "npx arxiv-curator fetch" stores the latest day.';
}

function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
