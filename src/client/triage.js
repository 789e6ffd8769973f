// Save and Hide, with and without the keys. The buttons are in their list's form (`form.pl`, each
// naming its address in formaction): without this script they are plain POSTs
// answered by a 303 back to the paper; with it they are sent with fetch and the page changes in
// place at once (the server's answer confirms it, or the change is taken back and the reason said).

/** @typedef {'saved' | 'hidden' | undefined} Mark */
/** @typedef {{ id: string, base: string, before: Mark, after: Mark }} MarkChange */

/** @param {Element} li @returns {Mark} */
const markOf = (li) => (li.classList.contains('v') ? 'saved' : li.classList.contains('h') ? 'hidden' : undefined);

/** The paper's address under /papers/, from its Save button. @param {Element} li */
const paperBase = (li) => {
  const save = li.querySelector('.m>button');
  return save instanceof HTMLButtonElement ? save.formAction.replace(/\/(?:un)?save$/, '') : undefined;
};

/**
 * Shows a paper's mark on every copy of it: the pressed button says so and undoes it.
 * @param {string} id @param {string} base @param {Mark} mark
 */
const showMark = (id, base, mark) => {
  for (const li of copiesOf(id)) {
    li.classList.toggle('v', mark === 'saved');
    li.classList.toggle('h', mark === 'hidden');
    const [save, hide] = li.querySelectorAll('.m>button');
    if (!(save instanceof HTMLButtonElement) || !(hide instanceof HTMLButtonElement)) continue;
    setButton(
      save,
      mark === 'saved' ? 'Saved' : 'Save',
      `${base}/${mark === 'saved' ? 'unsave' : 'save'}`,
      mark === 'saved',
    );
    setButton(
      hide,
      mark === 'hidden' ? 'Hidden' : 'Hide',
      `${base}/${mark === 'hidden' ? 'unhide' : 'hide'}`,
      mark === 'hidden',
    );
  }
};

/** @param {HTMLButtonElement} button @param {string} text @param {string} action @param {boolean} pressed */
const setButton = (button, text, action, pressed) => {
  button.textContent = text;
  button.formAction = action;
  if (pressed) button.setAttribute('aria-pressed', 'true');
  else button.removeAttribute('aria-pressed');
};

/** @type {MarkChange[]} */
const undoable = [];

/** The action that takes the paper from `from` back to `to`. @param {Mark} from @param {Mark} to */
const actionBetween = (from, to) =>
  to === 'saved' ? 'save' : to === 'hidden' ? 'hide' : from === 'saved' ? 'unsave' : 'unhide';

const SAID = {
  saved: 'Saved to the library.',
  hidden: 'Hidden: it will not show again.',
  none: 'Taken off.',
};

/**
 * Changes a paper's mark: shown at once, sent, taken back if the server refuses.
 * @param {string} id @param {string} base @param {Mark} after @param {boolean} [undoing]
 */
const changeMark = async (id, base, after, undoing = false) => {
  const first = copiesOf(id)[0];
  const before = first ? markOf(first) : undefined;
  if (before === after) return;
  showMark(id, base, after);
  const done = await post(`${base}/${actionBetween(before, after)}`, new URLSearchParams());
  if (!done) {
    showMark(id, base, before);
    return;
  }
  if (undoing) {
    tell('Undone.');
    return;
  }
  const change = { id, base, before, after };
  undoable.push(change);
  tell(SAID[after ?? 'none'], () => void undoChange(change));
};

/** Takes back a change (the last one by default: the `u` key). @param {MarkChange | undefined} change */
const undoChange = async (change = undoable.at(-1)) => {
  if (!change) {
    tell('Nothing to undo.');
    return;
  }
  undoable.splice(undoable.indexOf(change), 1);
  await changeMark(change.id, change.base, change.before, true);
};

/** The `s` and `h` keys: mark the current paper, then go to the next one. @param {'saved' | 'hidden'} mark */
const markCurrent = (mark) => {
  if (currentIndex < 0) selectPaper(firstOnScreen());
  const li = currentPaper();
  const base = li && paperBase(li);
  if (!li || base === undefined) return;
  void changeMark(/** @type {string} */ (li.dataset['p']), base, mark);
  selectPaper(currentIndex + 1);
};

document.addEventListener('submit', (event) => {
  const form = event.target;
  const button = event.submitter;
  if (!(form instanceof HTMLFormElement) || !form.matches('form.pl') || !(button instanceof HTMLButtonElement)) return;
  const action = /\/(save|unsave|hide|unhide)$/.exec(button.formAction)?.[1];
  const li = button.closest('li[data-p]');
  if (action === undefined || !(li instanceof HTMLElement)) return;
  event.preventDefault();
  const after = action === 'save' ? 'saved' : action === 'hide' ? 'hidden' : undefined;
  void changeMark(/** @type {string} */ (li.dataset['p']), button.formAction.replace(/\/\w+$/, ''), after);
});
