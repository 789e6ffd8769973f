// Every POST route is declared here, with the shape of its body: `registerPost(app, site, path,
// { body: v.strictObject({...}) }, (c, body) => ...)`. The body is read only after routes/writes.ts
// decided who may write (and a route's `admit`, the sign-in's rate limit, said yes), and only up to
// its limit: 1 MB, less for /login. A larger Content-Length is a 413 before a byte is read; a body
// without one (chunked) is counted as it arrives and refused at the limit, never held whole. Then
// a form (urlencoded or multipart) or JSON object is checked against the route's schema (valibot:
// a few kB of validators against hand-written checks per field, each with its own gaps); anything
// else is a 400 that names the field: a wrong type, an unknown field, a repeated one. A POST route
// registered another way is refused (writes.ts, `isDeclaredPost`), so a new route cannot skip this.
import type { Context as HonoContext, Handler, Hono, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { matchedRoutes } from 'hono/route';
import * as v from 'valibot';
import { renderErrorPage } from '../render/html-layout.ts';
import { baseUrlOf, type Site } from './site.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

/** The schema of a body: an object of fields (form values are strings; JSON may give numbers and booleans). */
export type BodySchema = v.GenericSchema<Record<string, unknown>, Record<string, unknown>>;

export interface PostSpec<S extends BodySchema> {
  body: S;
  /** Default MAX_BODY_BYTES. */
  maxBytes?: number;
  /** Runs before the body is read: a Response refuses the request (a rate limit). */
  admit?: (c: HonoContext) => Response | undefined;
}

const declared = new WeakSet<Handler>();

export function registerPost<S extends BodySchema>(
  app: Hono,
  site: Site,
  path: string,
  spec: PostSpec<S>,
  handler: (c: HonoContext, body: v.InferOutput<S>) => Response | Promise<Response>,
): void {
  const maxBytes = spec.maxBytes ?? MAX_BODY_BYTES;
  const limit: (c: HonoContext, next: Next) => Promise<Response | void> = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      // The rest of the body is not wanted: the connection closes after the answer.
      c.header('Connection', 'close');
      return refuse(site, c, 413, `The request's body is larger than the ${formatLimit(maxBytes)} this address takes.`);
    },
  });
  const route: Handler = async (c: HonoContext) => {
    const refused = spec.admit?.(c);
    if (refused !== undefined) return refused;
    let answer: Response | undefined;
    const tooLarge = await limit(c, async () => {
      const read = await readBody(c);
      if (read instanceof Unreadable) return void (answer = refuse(site, c, read.status, read.message));
      const parsed = v.safeParse(spec.body, read, { abortEarly: true });
      answer = parsed.success ? await handler(c, parsed.output) : refuse(site, c, 400, describeIssue(parsed.issues[0]));
    });
    return tooLarge ?? answer!;
  };
  declared.add(route);
  app.post(path, route);
}

/** False when a POST route that matched this request was not declared through registerPost. */
export function isDeclaredPost(c: HonoContext): boolean {
  return matchedRoutes(c).every((route) => route.method !== 'POST' || declared.has(route.handler));
}

/** An error as JSON, or as a page when the client asked for HTML (a browser's form). */
export function refuse(site: Site, c: HonoContext, status: 400 | 401 | 403 | 413 | 415 | 429 | 500, message: string) {
  if (!(c.req.header('accept') ?? '').includes('text/html')) return c.json({ error: message }, status);
  return c.html(renderErrorPage(baseUrlOf(site, c), status, message), status);
}

class Unreadable {
  readonly status: 400 | 415;
  readonly message: string;
  constructor(status: 400 | 415, message: string) {
    this.status = status;
    this.message = message;
  }
}

/** The body's fields, or why they cannot be read. An empty body has none. */
async function readBody(c: HonoContext): Promise<Record<string, unknown> | Unreadable> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (/^multipart\/form-data|^application\/x-www-form-urlencoded/.test(type)) {
    const form = await c.req.parseBody({ all: true });
    const repeated = Object.keys(form).find((key) => Array.isArray(form[key]));
    return repeated === undefined ? form : new Unreadable(400, `${repeated}: given more than once`);
  }
  const text = await c.req.text();
  if (text.trim() === '') return {};
  if (!/^application\/(?:[\w.-]+\+)?json\b/.test(type)) return new Unreadable(415, 'Send a form or a JSON object.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return new Unreadable(400, `The body is not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return new Unreadable(400, 'The body must be a JSON object.');
  return value as Record<string, unknown>;
}

/** `q: expected the watch's query (text)`; the field first, as the reader looks for it. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const field = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  if (issue.type === 'strict_object') return `${field}: ${issue.expected === 'never' ? 'unexpected field' : 'missing'}`;
  return field === '' ? issue.message : `${field}: ${issue.message}`;
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} kB`;
}

// Fields as forms send them (text) and as JSON may (numbers, booleans).

/** A whole number from `min` to `max`, as text or a JSON number. */
export function wholeNumber(min: number, max: number, what: string) {
  const message = `expected a whole number from ${min} to ${max} (${what})`;
  return v.pipe(
    v.union([v.pipe(v.string(), v.regex(/^\d{1,9}$/), v.transform(Number)), v.number()], message),
    v.integer(message),
    v.minValue(min, message),
    v.maxValue(max, message),
  );
}

/** Text of at most `max` characters. */
export function text(max: number, what: string) {
  const message = `expected ${what} (text of at most ${max} characters)`;
  return v.pipe(v.string(message), v.maxLength(max, message));
}

/** `1`/`0` in a form, true/false in JSON. */
export function flag(what: string) {
  const message = `expected 1 or 0, or true or false (${what})`;
  return v.pipe(
    v.union([v.picklist(['0', '1']), v.boolean()], message),
    v.transform((value) => value === true || value === '1'),
  );
}

/** The empty body of an action that takes no fields. */
export const NO_FIELDS = v.strictObject({});
