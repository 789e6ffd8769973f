// The first requests of a kind cost the web thread V8's compiling of everything they run, and run
// in its interpreter until called a few times: the first saves after a start took 5 to 14 ms of
// its own, a stall for every other request then, where the later took 1 to 2. At the start, serve
// asks itself, over loopback and a few times over, what the page asks most (a save and a hide of a
// paper that is not stored, as the page's script and as a plain form post them, and a plain
// GET): nothing is written, and the reader's first clicks find that path compiled. (V8's flags
// for compiling everything early cost more: a slower start and first page, and 10 to 20 MB.)
import { request } from 'node:http';

/** A well-formed arXiv id no paper will have before December 2099: the actions answer 404 after all the rest. */
const NO_PAPER = '9912.99999';

const ASKS: readonly { path: string; body?: string; type?: string; accept?: string }[] = [
  // Not /healthz: it keeps its answer for 5 s, and would keep the one from before the scheduler started.
  { path: 'robots.txt' },
  { path: `papers/${NO_PAPER}/save`, body: '{}', type: 'application/json', accept: 'application/json' },
  { path: `papers/${NO_PAPER}/hide`, body: 'then=p-x', type: 'application/x-www-form-urlencoded' },
  {
    path: `papers/${NO_PAPER}/unsave`,
    body: '',
    type: 'application/x-www-form-urlencoded',
    accept: 'application/json',
  },
];

/** Where this server is reached from this machine: an unspecified address listens on loopback too. */
function localUrl(url: string): URL {
  const local = new URL(url);
  if (local.hostname === '0.0.0.0') local.hostname = '127.0.0.1';
  if (local.hostname === '[::]') local.hostname = '[::1]';
  return local;
}

/** Gives up on an answer after this long: the start never waits on its own warming for longer. */
const ASK_TIMEOUT_MS = 2000;

/** One request; its status, or 0 when it got no answer. */
function ask(base: URL, { path, body, type, accept }: (typeof ASKS)[number]): Promise<number> {
  return new Promise((done) => {
    const headers: Record<string, string> = { 'sec-fetch-site': 'same-origin', origin: base.origin };
    if (type !== undefined) headers['content-type'] = type;
    if (accept !== undefined) headers['accept'] = accept;
    const sent = request(new URL(path, base), { method: body === undefined ? 'GET' : 'POST', headers }, (answer) => {
      const status = answer.statusCode ?? 0;
      answer
        .resume()
        .once('end', () => done(status))
        .once('error', () => done(0));
    });
    // A server that cannot be asked (a firewall, a name it does not answer to) is warmed by its readers.
    sent.once('error', () => done(0));
    sent.setTimeout(ASK_TIMEOUT_MS, () => sent.destroy());
    sent.end(body);
  });
}

/** Rounds of the requests: enough calls for V8 to have compiled and optimised the path. */
const ROUNDS = 5;

/** Asks the server at `url` the warming requests, one after another; the last round's statuses (0: none). Never fails. */
export async function warmUp(url: string): Promise<number[]> {
  const base = localUrl(url);
  let statuses: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    statuses = [];
    for (const one of ASKS) statuses.push(await ask(base, one));
  }
  return statuses;
}
