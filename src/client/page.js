// What the parts of the page's script share: the papers in page order, the current one, the
// status line, the device's settings, and sending a form with fetch. The script is loaded `async`:
// it may run while a long page still arrives, so nothing here assumes the page is complete.

/** The device's settings (localStorage), or nothing where the browser refuses storage. */
const settings = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();

/** @param {string} key */
const readSetting = (key) => settings?.getItem(`arxiv-curator-${key}`) ?? undefined;

/** @param {string} key @param {string} value */
const writeSetting = (key, value) => {
  try {
    settings?.setItem(`arxiv-curator-${key}`, value);
  } catch {
    // Full or refused: the setting lasts for this page only.
  }
};

/** Runs `start` once the page has arrived (at once if it has). @param {() => void} start */
const whenParsed = (start) => {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
};

/** @type {HTMLElement[] | undefined} */
let paperCache;

/**
 * Every paper of the page in order, copies included (a "For you" paper is also in its section).
 * Kept once the page is complete: the list is long, and a key press must not walk the document.
 * @returns {HTMLElement[]}
 */
const listPapers = () => {
  if (paperCache) return paperCache;
  /** @type {HTMLElement[]} */
  // The day's papers name themselves (data-p); a search's hits are its section's list. "For you" and
  // the watches list links to papers in their places, not papers: the keys pass them by.
  const found = [...document.querySelectorAll('main li[data-p], main section:not(#foryou, #watches) > ol > li')].filter(
    (e) => e instanceof HTMLElement,
  );
  if (document.readyState !== 'loading') paperCache = found;
  return found;
};

/** @type {Map<string, HTMLElement[]> | undefined} */
let copiesCache;

/**
 * The copies of a paper on the page (its place in its section, a search's hit). Indexed once the
 * page is complete: a save reads them three times, and a key press must not walk the list.
 * @param {string} id
 */
const copiesOf = (id) => {
  const all = listPapers();
  if (all !== paperCache) return all.filter((li) => li.dataset['p'] === id);
  if (!copiesCache) {
    copiesCache = new Map();
    for (const li of all) {
      const key = li.dataset['p'] ?? '';
      const copies = copiesCache.get(key);
      if (copies) copies.push(li);
      else copiesCache.set(key, [li]);
    }
  }
  return copiesCache.get(id) ?? [];
};

/** Index of the current paper in listPapers(), -1 before the first key. */
let currentIndex = -1;

const currentPaper = () => (currentIndex >= 0 ? listPapers()[currentIndex] : undefined);

/**
 * Makes a paper the current one: aria-current on it alone, its folded section opened, scrolled
 * into view (by default only as far as needed, so moving down a list scrolls a paper at a time).
 * The paper left behind going forward was read: it is seen.
 * @param {number} index @param {'nearest' | 'start' | 'center'} [block]
 */
const selectPaper = (index, block = 'nearest') => {
  const all = listPapers();
  if (all.length === 0) return;
  const left = currentPaper();
  left?.removeAttribute('aria-current');
  if (left && index > currentIndex) noteSeen(left);
  currentIndex = Math.max(0, Math.min(all.length - 1, index));
  const paper = /** @type {HTMLElement} */ (all[currentIndex]);
  const section = paper.closest('details.sec');
  if (section instanceof HTMLDetailsElement) section.open = true;
  paper.setAttribute('aria-current', 'true');
  bringIntoView(paper, block);
};

/** @type {Map<string, number>} */
const scrollMargins = new Map();

/** An element's scroll-margin-top in px, read once per kind of element (the papers share one). @param {Element} element */
const scrollMargin = (element) => {
  const kind = element.tagName;
  let margin = scrollMargins.get(kind);
  if (margin === undefined) {
    margin = parseFloat(getComputedStyle(element).scrollMarginTop) || 0;
    scrollMargins.set(kind, margin);
  }
  return margin;
};

/**
 * Scrolls an element into the window as scrollIntoView would, from its box alone. The papers are
 * `content-visibility: auto`: scrollIntoView lays out the page around a paper not drawn yet (20
 * to 45 ms a key on a desktop), where its box is known at once. The top keeps the papers'
 * scroll-margin-top; a paper taller than the window shows its top.
 * @param {Element} element @param {'nearest' | 'start' | 'center'} [block]
 */
const bringIntoView = (element, block = 'nearest') => {
  const box = element.getBoundingClientRect();
  const margin = scrollMargin(element);
  const top = box.top - margin;
  let delta = 0;
  if (block === 'start') delta = top;
  else if (block === 'center') delta = box.top - (innerHeight - box.height) / 2;
  else if (top < 0) delta = top;
  else if (box.bottom > innerHeight) delta = Math.min(box.bottom - innerHeight, top);
  if (delta !== 0) window.scrollBy({ top: delta, behavior: 'instant' });
};

/** The first paper whose top is on screen, for a first key pressed after scrolling. */
const firstOnScreen = () => {
  const all = listPapers();
  // Binary search on the papers' tops: reading every box of a long page would take long.
  let low = 0;
  let high = all.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (/** @type {HTMLElement} */ (all[middle]).getBoundingClientRect().bottom < 0) low = middle + 1;
    else high = middle;
  }
  return low;
};

/**
 * A count with thousands separators ("1,310"), as the server writes them. Not toLocaleString: its
 * first call loads the locale's data, 150 ms on a slow phone, inside the key press that needs it.
 * @param {number} count
 */
const formatCount = (count) => String(count).replace(/\B(?=(\d{3})+$)/g, ',');

let statusTimer = 0;

/**
 * Says what happened in the status line (role=status, fixed at the bottom of the window), with an
 * Undo button when there is something to undo; it goes by itself after a few seconds.
 * @param {string} text @param {(() => void) | undefined} [undo]
 */
const tell = (text, undo) => {
  const region = document.getElementById('st');
  if (!region) return;
  region.replaceChildren(text);
  if (undo) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Undo';
    button.addEventListener('click', () => {
      region.replaceChildren();
      undo();
    });
    region.append(' ', button);
  }
  clearTimeout(statusTimer);
  statusTimer = window.setTimeout(() => region.replaceChildren(), undo ? 8000 : 4000);
};

/**
 * The JSON object of an answer, or an empty one.
 * @param {Response} response @returns {Promise<Record<string, unknown>>}
 */
const readAnswer = (response) =>
  response.json().then(
    /** @param {unknown} value @returns {Record<string, unknown>} */
    (value) => (typeof value === 'object' && value !== null ? /** @type {Record<string, unknown>} */ (value) : {}),
    () => ({}),
  );

/**
 * POSTs to the server asking for JSON (the browser adds Origin, which the server checks); the
 * answer's data, or undefined after saying what went wrong.
 * @param {string} url @param {URLSearchParams | string} body @param {boolean} [keepalive]
 * @returns {Promise<Record<string, unknown> | undefined>}
 */
const post = async (url, body, keepalive = false) => {
  try {
    const headers = {
      accept: 'application/json',
      ...(typeof body === 'string' && { 'content-type': 'application/json' }),
    };
    const response = await fetch(url, { method: 'POST', body, headers, keepalive });
    const data = await readAnswer(response);
    if (response.ok) return data;
    tell(typeof data['error'] === 'string' ? data['error'] : `That did not work (${response.status}).`);
  } catch {
    tell('The server cannot be reached: nothing was changed.');
  }
  return undefined;
};
