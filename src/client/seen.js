// Seen, and resume. A paper the reader moved past (with the keys, or by scrolling it off the top
// of the window) is dimmed at once and told to the server in batches, a POST every few seconds at
// most, so the next visit, on any device, starts at the first paper not seen yet. Without this
// script, "Mark the rest seen" is a plain form.

/** @type {Set<string>} */
const unsent = new Set();
let sendTimer = 0;
let sendDelay = 2000;

/** Where this day's seen papers are told: `<p id=seen data-url=…>`. */
const seenUrl = () => document.getElementById('seen')?.dataset['url'];

/** "412 of 1,310 seen": the number goes up as papers are seen. @param {number} added */
const countSeen = (added) => {
  const count = document.getElementById('sc');
  if (!count) return;
  const seen = Number((count.textContent ?? '0').replace(/\D/g, '')) + added;
  count.textContent = formatCount(seen);
};

/** Marks a paper seen here and, soon, on the server. @param {HTMLElement | undefined} li */
const noteSeen = (li) => {
  const id = li?.dataset['p'];
  if (id === undefined || li?.classList.contains('sn') || seenUrl() === undefined) return;
  for (const copy of copiesOf(id)) copy.classList.add('sn');
  unsent.add(id);
  countSeen(1);
  if (sendTimer === 0) sendTimer = window.setTimeout(() => void sendSeen(), sendDelay);
};

/** Sends what was seen; what could not be sent is tried again later, less often. @param {boolean} [leaving] */
const sendSeen = async (leaving = false) => {
  window.clearTimeout(sendTimer);
  sendTimer = 0;
  const url = seenUrl();
  if (unsent.size === 0 || url === undefined) return;
  const ids = [...unsent];
  unsent.clear();
  const done = await post(url, JSON.stringify({ ids: ids.join(',') }), leaving);
  if (done) {
    sendDelay = 2000;
    return;
  }
  for (const id of ids) unsent.add(id);
  sendDelay = Math.min(sendDelay * 2, 60_000);
  if (!leaving) sendTimer = window.setTimeout(() => void sendSeen(), sendDelay);
};

// Leaving the page (or hiding it: a phone may never come back to say more) sends what is left.
addEventListener('pagehide', () => void sendSeen(true));
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void sendSeen(true);
});

/** "Mark the rest seen": every paper dimmed, the server told in one request. @param {HTMLButtonElement} button */
const seeTheRest = async (button) => {
  const done = await post(button.formAction, new URLSearchParams({ rest: '1' }));
  if (!done) return;
  const papers = listPapers();
  const ids = new Set(papers.filter((li) => !li.classList.contains('sn')).map((li) => li.dataset['p']));
  for (const li of papers) li.classList.add('sn');
  countSeen(ids.size);
  tell('Every paper of the day is marked seen.');
};

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.matches('form.seen')) {
    // "Mark this day read": opening the day with the script is reading it.
    event.preventDefault();
    void post(form.action, new URLSearchParams()).then((done) => done && form.remove());
    return;
  }
  const button = event.submitter;
  if (!(button instanceof HTMLButtonElement) || button.name !== 'rest' || !/\/seen$/.test(button.formAction)) return;
  event.preventDefault();
  void seeTheRest(button);
});

/** How many papers before and after the first one on screen are watched for leaving the window. */
const WATCHED_AROUND = 40;

/**
 * Papers scrolled off the top after being on screen are seen; a jump past them (a link, `n`) is not
 * reading. Only the papers around the window are watched, and the watch follows the scrolling
 * frame by frame: the browser computes every watched paper's place in each frame, and a thousand of
 * them cost 15 to 80 ms a key on a slow phone, where finding the papers around the window is a
 * dozen boxes read.
 */
const watchScrolling = () => {
  /** @type {WeakSet<Element>} */
  const shown = new WeakSet();
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) shown.add(entry.target);
      else if (shown.has(entry.target) && entry.boundingClientRect.bottom <= (entry.rootBounds?.top ?? 0))
        noteSeen(/** @type {HTMLElement} */ (entry.target));
    }
  });
  /** @type {Set<HTMLElement>} */
  let watched = new Set();
  const watchAround = () => {
    const first = firstOnScreen();
    const around = new Set(listPapers().slice(Math.max(0, first - WATCHED_AROUND), first + WATCHED_AROUND));
    for (const li of watched) if (!around.has(li)) observer.unobserve(li);
    for (const li of around) if (!watched.has(li)) observer.observe(li);
    watched = around;
  };
  let frame = 0;
  const soon = () => {
    if (frame === 0)
      frame = requestAnimationFrame(() => {
        frame = 0;
        watchAround();
      });
  };
  addEventListener('scroll', soon, { passive: true });
  watchAround();
};

/** Opening a day again: the current paper is the first one not seen yet (unless the address names one). */
const resume = () => {
  const unopened = document.querySelector('form.seen');
  if (unopened instanceof HTMLFormElement) unopened.requestSubmit();
  if (seenUrl() === undefined) return;
  watchScrolling();
  if (location.hash !== '' || !document.getElementById('sc')?.textContent?.match(/[1-9]/)) return;
  const papers = listPapers();
  // The first not seen in its own place (a "For you" copy comes again in its section), where the
  // seen line's link "on to the first not seen" leads too.
  const first = papers.findIndex((li) => li.id !== '' && !li.classList.contains('sn'));
  if (first < 0) return;
  // At the top of the window: the papers above it have not been laid out yet (content-visibility),
  // and as they are they grow; the browser keeps the first paper in the window where it is
  // (scroll anchoring), so one centred would be pushed down and out of sight.
  // With the keys off there is no current paper: the page opens there all the same.
  if (keysOn) selectPaper(first, 'start');
  else if (papers[first]) bringIntoView(papers[first], 'start');
};
