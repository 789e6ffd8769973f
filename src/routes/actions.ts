// The POST routes of the reader's actions; each calls one function of actions/. routes/writes.ts
// has checked the request first (same site; the token off loopback). A browser without JavaScript
// posts a form and is sent back (303) to the page it came from, at the paper's anchor, so the page
// does not jump; the page's script asks for JSON (Accept) and updates the page in place.
import type { Context as HonoContext, Hono } from 'hono';
import { ActionError } from '../actions/errors.ts';
import { markStoredPapers, readPaperIds, type MarkAction } from '../actions/marks.ts';
import { setDefaultSort } from '../actions/order.ts';
import { markDaySeen, markPapersSeen, readSeenIds } from '../actions/seen.ts';
import { toggleStar } from '../actions/star.ts';
import { addWatch, removeWatch } from '../actions/watches.ts';
import { parseDay } from '../calendar/days.ts';
import { renderErrorPage } from '../render/html-layout.ts';
import { getPaperAuthors } from '../store/read/papers.ts';
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

/** A form's fields, or a JSON object's (what a script sends: JSON needs no Origin, see writes.ts). */
async function readForm(c: HonoContext): Promise<Record<string, string>> {
  const type = c.req.header('content-type') ?? '';
  if (type.includes('json')) {
    const body: unknown = await c.req.json().catch(() => undefined);
    if (typeof body !== 'object' || body === null) return {};
    return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, String(value)]));
  }
  if (!type.includes('form')) return {};
  const form = await c.req.parseBody();
  return Object.fromEntries(
    Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function decodeId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ActionError(400, 'that is not an arXiv id');
  }
}

/** `POST /papers/<id>/save|unsave|hide|unhide|star`. */
async function runPaperAction(site: Site, c: HonoContext, onWrite: () => void): Promise<Done> {
  const { context } = site;
  const match = PAPER_ACTION.exec(c.req.path);
  if (match === null)
    throw new ActionError(400, 'a paper action is /papers/<arXiv id>/save, unsave, hide, unhide or star');
  const [id] = readPaperIds(context, [decodeId(match[1]!)]);
  const back = () => goBack(site, c, '/', `p-${id}`);
  if (match[2] === 'star') {
    const form = await readForm(c);
    const index = Number(form['a']);
    if (!Number.isInteger(index) || index < 0) throw new ActionError(400, 'star needs a=<author number, from 0>');
    const result = await toggleStar(context, getPaperAuthors(context.db, id!)!, index);
    onWrite();
    // From the paper's authors page: back to the paper on its day's page.
    const page = form['back'];
    const landing =
      page !== undefined && DAY_PAGE.test(page) ? () => c.redirect(`${baseUrlOf(site, c)}${page}#p-${id}`, 303) : back;
    return { json: result, back: landing };
  }
  const action = MARKS[match[2]!]!;
  const changed = await markStoredPapers(context, [id!], action);
  if (changed > 0) onWrite();
  // A hidden paper leaves the page: the form says which anchor follows it.
  const then = match[2] === 'hide' ? (await readForm(c))['then'] : undefined;
  const landing = then !== undefined && ANCHOR.test(then) ? () => goBack(site, c, '/', then) : back;
  return { json: { id, mark: action.undo ? null : action.kind, changed }, back: landing };
}

export function registerActionRoutes(app: Hono, site: Site, onWrite: () => void): void {
  const { context } = site;
  app.post('/papers/*', (c) => act(site, c, () => runPaperAction(site, c, onWrite)));
  app.post('/watches', (c) =>
    act(site, c, async () => {
      const form = await readForm(c);
      const slug = await addWatch(context, form['q'] ?? '', { mail: form['mail'] !== '0' });
      return { json: { slug }, back: () => goBack(site, c, '/watches', `watch-${slug}`) };
    }),
  );
  app.post('/watches/:slug/remove', (c) =>
    act(site, c, async () => {
      await removeWatch(context, c.req.param('slug'));
      return { json: { removed: c.req.param('slug') }, back: () => goBack(site, c, '/watches', 'watches') };
    }),
  );
  app.post('/settings/order', (c) =>
    act(site, c, async () => {
      const sort = await setDefaultSort(context, (await readForm(c))['sort']);
      return { json: { sort }, back: () => goBack(site, c, '/', 'contents') };
    }),
  );
  // The day opened; with `ids` (comma-separated) those of its papers seen; with `rest=1` all of them.
  app.post('/digest/:day/seen', (c) =>
    act(site, c, async () => {
      const day = parseDay(c.req.param('day'));
      if (day === undefined) throw new ActionError(400, 'a day is YYYY-MM-DD');
      const form = await readForm(c);
      const papers = form['rest'] === '1' ? 'rest' : form['ids'] === undefined ? undefined : readSeenIds(form['ids']);
      if (papers === undefined) {
        await markDaySeen(context, day);
        return { json: { day, seen: true }, back: () => goBack(site, c, `/digest/${day}`, 'archive') };
      }
      const added = await markPapersSeen(context, day, papers);
      return { json: { day, seen: true, papers: added }, back: () => goBack(site, c, `/digest/${day}`, 'seen') };
    }),
  );
}
