// The compact view (titles and authors only, each abstract one key or tap away) and the folded
// abstracts of the starred and "For you" papers, both remembered on this device. `?view=titles`
// renders the compact view on the server (`<html class=t>`); the `t` key switches here without a
// reload, the address following along.

const isCompact = () => document.documentElement.classList.contains('t');

/** @type {HTMLDetailsElement[] | undefined} */
let openingCache;

/**
 * The abstracts that start open: the starred papers' and For you's. Found within their sections
 * and kept once the page is complete: `t` must not walk the whole document.
 */
const openingAbstracts = () => {
  if (openingCache) return openingCache;
  const found = ['starred', 'foryou'].flatMap((id) => [
    ...(document.getElementById(id)?.querySelectorAll('details.ab') ?? []),
  ]);
  const abstracts = found.filter((details) => details instanceof HTMLDetailsElement);
  if (document.readyState !== 'loading') openingCache = abstracts;
  return abstracts;
};

/** @type {HTMLButtonElement[]} */
const foldButtons = [];

/** Folds or opens the starred and For you abstracts. @param {boolean} folded */
const foldOpening = (folded) => {
  for (const details of openingAbstracts()) if (details.open === folded) details.open = !folded;
  for (const button of foldButtons) button.textContent = folded ? 'Open abstracts' : 'Fold abstracts';
};

const isFolded = () => isCompact() || readSetting('fold') === 'on';

/** Runs `then` after the next paint. @param {() => void} then */
const afterPaint = (then) => requestAnimationFrame(() => setTimeout(then));

/**
 * What follows the view after its first paint: the address (a new one makes the browser revisit
 * the links of a long page, 15 ms of a slow phone's key press) and, back from the compact view,
 * the starred and For you abstracts opening again (their formulas laid out while the reader waits
 * to see the view change, on a phone).
 */
const followView = () =>
  afterPaint(() => {
    foldOpening(isFolded());
    const url = new URL(location.href);
    if (isCompact()) url.searchParams.set('view', 'titles');
    else url.searchParams.delete('view');
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  });

/** Switches the compact view, keeping the current paper (or the one at the top) in sight. @param {boolean} compact */
const showCompact = (compact) => {
  const anchor = currentPaper() ?? listPapers()[firstOnScreen()];
  document.documentElement.classList.toggle('t', compact);
  writeSetting('view', compact ? 'titles' : 'full');
  // Folding shrinks the page: at once. Opening waits for the paint (followView).
  if (compact) foldOpening(true);
  if (anchor) bringIntoView(anchor, currentPaper() ? 'center' : 'start');
  followView();
};

/**
 * For you and the watches are lists of links to the day's papers, hundreds of lines on a day the
 * ranking is unsure of. The browser lays them out and paints them only near the window (the
 * stylesheet's content-visibility): every key that changes the page otherwise walked all their
 * lines again (a quarter of what `t` and `j` cost). Until first drawn, a list's height is
 * estimated from its number of lines, so the scroll bar and the papers below sit about right.
 */
const estimateLinkLists = () => {
  for (const list of document.querySelectorAll('#foryou > ol, #watches > ol'))
    if (list instanceof HTMLElement) list.style.containIntrinsicSize = `auto ${list.childElementCount * 3.4}rem`;
};

/** A "Fold abstracts" button in the starred and For you headings. */
const addFoldButtons = () => {
  for (const heading of document.querySelectorAll('#starred > h2, #foryou > h2')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'fold';
    button.addEventListener('click', () => {
      const folded = readSetting('fold') !== 'on';
      writeSetting('fold', folded ? 'on' : 'off');
      foldOpening(folded || isCompact());
    });
    heading.after(button);
    foldButtons.push(button);
  }
  foldOpening(isFolded());
};

// The device's choice applies as soon as the script runs, before the page has finished arriving,
// unless the address asks for a view.
if (!new URL(location.href).searchParams.has('view') && readSetting('view') === 'titles')
  document.documentElement.classList.add('t');
