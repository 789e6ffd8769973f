// The compact view (titles and authors only, each abstract one key or tap away) and the folded
// abstracts of the starred and "For you" papers, both remembered on this device. `?view=titles`
// renders the compact view on the server (`<html class=t>`); the `t` key switches here without a
// reload, the address following along.

const isCompact = () => document.documentElement.classList.contains('t');

/** The abstracts that start open: the starred papers' and For you's. */
const openingAbstracts = () => [...document.querySelectorAll('#starred details.ab, #foryou details.ab')];

/** Folds or opens the starred and For you abstracts. @param {boolean} folded */
const foldOpening = (folded) => {
  for (const details of openingAbstracts()) if (details instanceof HTMLDetailsElement) details.open = !folded;
  for (const button of document.querySelectorAll('button.fold'))
    button.textContent = folded ? 'Open abstracts' : 'Fold abstracts';
};

const isFolded = () => isCompact() || readSetting('fold') === 'on';

/** Switches the compact view, keeping the current paper (or the one at the top) in sight. @param {boolean} compact */
const showCompact = (compact) => {
  const anchor = currentPaper() ?? listPapers()[firstOnScreen()];
  document.documentElement.classList.toggle('t', compact);
  writeSetting('view', compact ? 'titles' : 'full');
  foldOpening(isFolded());
  const url = new URL(location.href);
  if (compact) url.searchParams.set('view', 'titles');
  else url.searchParams.delete('view');
  history.replaceState(history.state, '', url);
  if (anchor) bringIntoView(anchor, currentPaper() ? 'center' : 'start');
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
  }
  foldOpening(isFolded());
};

// The device's choice applies as soon as the script runs, before the page has finished arriving,
// unless the address asks for a view.
if (!new URL(location.href).searchParams.has('view') && readSetting('view') === 'titles')
  document.documentElement.classList.add('t');
