// The keys: one key per action, listed on `?`, ignored while typing in a field, and all of them
// can be turned off (WCAG 2.1 SC 2.1.4: single-character shortcuts), from that list or the footer.

/** @type {[string, string][]} */
const KEY_LIST = [
  ['j / k', 'next / previous paper'],
  ['s', 'save the paper, then go to the next'],
  ['h', 'hide the paper, then go to the next'],
  ['u', 'undo the last save or hide'],
  ['a', 'open or close the abstract'],
  ['o', 'open the paper on arXiv in a new tab'],
  ['n / p', 'next / previous section'],
  ['t', 'titles only, or everything'],
  ['?', 'show this list'],
];

let keysOn = readSetting('keys') !== 'off';
/** @type {HTMLDialogElement | undefined} */
let keyDialog;
/** @type {HTMLInputElement | undefined} */
let keysToggle;
const footerButton = document.createElement('button');
footerButton.type = 'button';

/** @param {string} tag @param {string} [text] */
const make = (tag, text) => {
  const element = document.createElement(tag);
  if (text) element.textContent = text;
  return element;
};

const showKeysState = () => {
  if (keysToggle) keysToggle.checked = keysOn;
  footerButton.textContent = keysOn ? 'Keys: press ? for the list' : 'Keyboard shortcuts are off';
};

const openKeyList = () => {
  if (!keyDialog) {
    keyDialog = /** @type {HTMLDialogElement} */ (make('dialog'));
    keyDialog.setAttribute('aria-labelledby', 'keys-title');
    const title = make('h2', 'Keyboard shortcuts');
    title.id = 'keys-title';
    const list = make('dl');
    for (const [key, what] of KEY_LIST) {
      const term = make('dt');
      term.append(make('kbd', key));
      list.append(term, make('dd', what));
    }
    const toggle = /** @type {HTMLInputElement} */ (make('input'));
    toggle.type = 'checkbox';
    toggle.addEventListener('change', () => {
      keysOn = toggle.checked;
      writeSetting('keys', keysOn ? 'on' : 'off');
      // No keys, no current paper.
      if (!keysOn) currentPaper()?.removeAttribute('aria-current');
      if (!keysOn) currentIndex = -1;
      showKeysState();
    });
    keysToggle = toggle;
    const label = make('label');
    label.append(toggle, ' Shortcuts on');
    const close = /** @type {HTMLButtonElement} */ (make('button', 'Close'));
    close.type = 'button';
    const dialog = keyDialog;
    close.addEventListener('click', () => dialog.close());
    keyDialog.append(title, list, label, ' ', close);
    document.body.append(keyDialog);
    showKeysState();
  }
  keyDialog.showModal();
};
footerButton.addEventListener('click', openKeyList);

/** The next (or previous) section's heading below (above) the top of the window. @param {boolean} forward */
const jumpSection = (forward) => {
  const headings = [...document.querySelectorAll('main h2, main h3[id]')].filter((h) => h.getClientRects().length);
  const target = forward
    ? headings.find((h) => h.getBoundingClientRect().top > 8)
    : headings.reverse().find((h) => h.getBoundingClientRect().top < -8);
  if (!target) return;
  bringIntoView(target, 'start');
  const after = listPapers().findIndex((li) => target.compareDocumentPosition(li) & Node.DOCUMENT_POSITION_FOLLOWING);
  if (after < 0) return;
  currentPaper()?.removeAttribute('aria-current');
  currentIndex = after - 1;
};

/** @param {number} step */
const movePaper = (step) => selectPaper(currentIndex < 0 ? firstOnScreen() : currentIndex + step);

const toggleAbstract = () => {
  if (currentIndex < 0) selectPaper(firstOnScreen());
  const abstract = currentPaper()?.querySelector('details.ab');
  if (abstract instanceof HTMLDetailsElement) abstract.open = !abstract.open;
};

const openOnArxiv = () => {
  const link = currentPaper()?.querySelector('h3 a, h4 a');
  if (link instanceof HTMLAnchorElement) window.open(link.href, '_blank', 'noopener');
};

/** @type {Record<string, () => void>} */
const KEY_ACTIONS = {
  j: () => movePaper(1),
  k: () => movePaper(-1),
  s: () => markCurrent('saved'),
  h: () => markCurrent('hidden'),
  u: () => void undoChange(),
  a: toggleAbstract,
  o: openOnArxiv,
  n: () => jumpSection(true),
  p: () => jumpSection(false),
  t: () => showCompact(!isCompact()),
  '?': openKeyList,
};

addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || keyDialog?.open || !keysOn) return;
  if (event.target instanceof Element && event.target.closest('input, textarea, select, [contenteditable]')) return;
  const action = Object.hasOwn(KEY_ACTIONS, event.key) ? KEY_ACTIONS[event.key] : undefined;
  if (!action) return;
  event.preventDefault();
  action();
});

whenParsed(() => {
  const footer = document.getElementById('keys');
  if (footer) footer.append(' · ', footerButton);
  showKeysState();
  estimateLinkLists();
  addFoldButtons();
  resume();
});
