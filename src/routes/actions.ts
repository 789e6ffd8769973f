// The POST routes of the reader's actions; each calls one function of actions/. routes/writes.ts
// has checked the request first (same site; the token unless the client is this machine's), and
// routes/posts.ts reads the body, bounded, and checks it against the route's schema. A browser without JavaScript
// posts a form and is sent back (303) to the page it came from, at the paper's anchor, so the page
// does not jump; the page's script asks for JSON (Accept) and updates the page in place.
import type { Context as HonoContext, Hono } from 'hono';
import * as v from 'valibot';
import { ActionError } from '../actions/errors.ts';
import { markStoredPapers, readPaperIds, type MarkAction } from '../actions/marks.ts';
import { setDefaultSort } from '../actions/order.ts';
import { markDaySeen, markPapersSeen, readSeenIds } from '../actions/seen.ts';
import { starFromPage } from '../actions/star.ts';
import { addWatch, removeWatch } from '../actions/watches.ts';
import { parseDay } from '../calendar/days.ts';
import { renderErrorPage } from '../render/html-layout.ts';
import { flag, NO_FIELDS, registerPost, text, wholeNumber } from './posts.ts';
import { baseUrlOf, type Site } from './site.ts';

const MARKS: Readonly<Record<string, MarkAction>> = {
  save: { kind: 'saved', undo: false },
  unsave: { kind: 'saved', undo: true },
  hide: { kind: 'hidden', undo: false },
  unhide: { kind: 'hidden', undo: true },
};
const PAPER_ACTION = /^\/papers\/(.{1,80})\/(save|unsave|hide|unhide|star)$/;
// A paper's or a group's anchor on the day page (`p-2611.01234`, `new-stat.ML`).
const ANCHOR = /^[\w./-]{1,100}$/;
// A day's page on this site, where a star from a paper's authors page lands.
const DAY_PAGE = /^\/(?:digest\/\d{4}-\d{2}-\d{2})?$/;

// What the page's forms send (and a script may, as JSON): `a`, the author pressed (star); `then`,
// where a hidden paper's form lands (hide).
const PaperBody = v.strictObject({
  a: v.optional(wholeNumber(0, 100_000, "the author's position, from 0")),
  then: v.optional(v.pipe(text(100, 'an anchor of the page'), v.regex(ANCHOR, 'expected an anchor of the page'))),
  // From a paper's authors page (star): the day's page to land back on.
  back: v.optional(v.pipe(text(100, 'a day page of this site'), v.regex(DAY_PAGE, 'expected / or /digest/YYYY-MM-DD'))),
});
const OrderBody = v.strictObject({ sort: v.picklist(['arxiv', 'score'], 'expected arxiv or score (sort)') });
// The day opened; with `ids` (comma-separated) those of its papers seen; with `rest=1` all of them.
const SeenBody = v.strictObject({
  ids: v.optional(text(40_000, 'comma-separated arXiv ids')),
  rest: v.optional(flag('whether every paper of the day is seen')),
});
const WatchBody = v.strictObject({
  q: text(1000, "the watch's query"),
  mail: v.optional(flag('whether the mail lists its matches')),
});

const wantsJson = (c: HonoContext): boolean => (c.req.header('accept') ?? '').includes('application/json');

/** Back where the form was, at `anchor`: the Referer when it is this site's page, else `fallback`. */
function goBack(site: Site, c: HonoContext, fallback: string, anchor: string): Response {
  const base = baseUrlOf(site, c);
  const referer = c.req.header('referer');
  let back = `${base}${fallback}`;
  if (referer !== undefined && (referer.startsWith(`${base}/`) || referer === base)) back = referer.replace(/#.*$/, '');
  return c.redirect(`${back}#${anchor}`, 303);
}

/** What an action answers: JSON for the page's script, or where a plain form goes back to. */
interface Done {
  json: object;
  back: () => Response;
}

/** Runs an action; its failure is a 4xx with the message (JSON or a page), never a 500. */
async function act(site: Site, c: HonoContext, run: () => Promise<Done> | Done) {
  try {
    const done = await run();
    // Built only when sent: c.redirect sets a Location header on the context.
    return wantsJson(c) ? c.json(done.json) : done.back();
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    if (wantsJson(c)) return c.json({ error: error.message }, error.status);
    return c.html(renderErrorPage(baseUrlOf(site, c), error.status, error.message), error.status);
  }
}

function decodeId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ActionError(400, 'that is not an arXiv id');
  }
}

/** `POST /papers/<id>/save|unsave|hide|unhide|star`. */
async function runPaperAction(
  site: Site,
  c: HonoContext,
  body: v.InferOutput<typeof PaperBody>,
  onWrite: () => void,
): Promise<Done> {
  const { context } = site;
  const match = PAPER_ACTION.exec(c.req.path);
  if (match === null)
    throw new ActionError(400, 'a paper action is /papers/<arXiv id>/save, unsave, hide, unhide or star');
  const [id] = readPaperIds(context, [decodeId(match[1]!)]);
  const back = () => goBack(site, c, '/', `p-${id}`);
  if (match[2] === 'star') {
    if (body.a === undefined) throw new ActionError(400, 'a: star needs a=<author number, from 0>');
    const result = await starFromPage(context, id!, body.a);
    onWrite();
    // From the paper's authors page: back to the paper on its day's page.
    const page = body.back;
    const landing = page !== undefined ? () => c.redirect(`${baseUrlOf(site, c)}${page}#p-${id}`, 303) : back;
    return { json: result, back: landing };
  }
  const action = MARKS[match[2]!]!;
  const changed = await markStoredPapers(context, [id!], action);
  if (changed > 0) onWrite();
  // A hidden paper leaves the page: the form says which anchor follows it.
  const { then } = body;
  const landing = match[2] === 'hide' && then !== undefined ? () => goBack(site, c, '/', then) : back;
  return { json: { id, mark: action.undo ? null : action.kind, changed }, back: landing };
}

export function registerActionRoutes(app: Hono, site: Site, onWrite: () => void): void {
  const { context } = site;
  registerPost(app, site, '/papers/*', { body: PaperBody }, (c, body) =>
    act(site, c, () => runPaperAction(site, c, body, onWrite)),
  );
  registerPost(app, site, '/watches', { body: WatchBody }, (c, body) =>
    act(site, c, async () => {
      const slug = await addWatch(context, body.q, { mail: body.mail ?? true });
      return { json: { slug }, back: () => goBack(site, c, '/watches', `watch-${slug}`) };
    }),
  );
  registerPost(app, site, '/watches/:slug/remove', { body: NO_FIELDS }, (c) =>
    act(site, c, async () => {
      const slug = c.req.param('slug') ?? '';
      await removeWatch(context, slug);
      return { json: { removed: slug }, back: () => goBack(site, c, '/watches', 'watches') };
    }),
  );
  registerPost(app, site, '/settings/order', { body: OrderBody }, (c, body) =>
    act(site, c, async () => {
      const sort = await setDefaultSort(context, body.sort);
      return { json: { sort }, back: () => goBack(site, c, '/', 'contents') };
    }),
  );
  registerPost(app, site, '/digest/:day/seen', { body: SeenBody }, (c, body) =>
    act(site, c, async () => {
      const day = parseDay(c.req.param('day') ?? '');
      if (day === undefined) throw new ActionError(400, 'a day is YYYY-MM-DD');
      const papers = body.rest === true ? 'rest' : body.ids === undefined ? undefined : readSeenIds(body.ids);
      if (papers === undefined) {
        await markDaySeen(context, day);
        return { json: { day, seen: true }, back: () => goBack(site, c, `/digest/${day}`, 'archive') };
      }
      const added = await markPapersSeen(context, day, papers);
      return { json: { day, seen: true, papers: added }, back: () => goBack(site, c, `/digest/${day}`, 'seen') };
    }),
  );
}
