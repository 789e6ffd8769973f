// Starring is its own control: an author's name searches that author, and the paper's "☆ star"
// link opens the list of its authors, each with a button "Star <name>" or "Unstar <name>". Without
// this script the link is a page of those buttons (plain forms that land back at the paper); with
// it the list opens under the paper, built when asked for (a day has thousands of names).

/**
 * The authors' links of a paper, in the paper's order (the server numbers authors from 0): the
 * names shown; a long list's folded names are text, starred from the paper's authors page.
 * @param {Element} li
 */
const authorLinks = (li) => [...li.querySelectorAll('.au > a')];

/** @param {Element} link */
const isStarred = (link) => link.querySelector('mark') !== null;

/** @param {HTMLButtonElement} button @param {string} name @param {boolean} starred */
const labelStar = (button, name, starred) => {
  button.textContent = `${starred ? 'Unstar' : 'Star'} ${name}`;
  button.setAttribute('aria-pressed', String(starred));
};

/** The name in every copy of the paper shown as starred or not. @param {string} id @param {number} index @param {boolean} starred */
const showStar = (id, index, starred) => {
  for (const li of copiesOf(id)) {
    const link = authorLinks(li)[index];
    if (!link || isStarred(link) === starred) continue;
    const name = link.textContent ?? '';
    if (starred) {
      const mark = document.createElement('mark');
      mark.textContent = name;
      link.replaceChildren(mark);
    } else link.replaceChildren(name);
  }
};

/** @param {number} count */
const papersSaid = (count) => `${formatCount(count)} stored paper${count === 1 ? '' : 's'}`;

/** Stars or unstars the paper's author `index`; says how many stored papers that name flags. */
const toggleAuthor = async (/** @type {HTMLElement} */ li, /** @type {number} */ index, undoing = false) => {
  const id = /** @type {string} */ (li.dataset['p']);
  const base = paperBase(li);
  if (base === undefined) return;
  const data = await post(`${base}/star`, new URLSearchParams({ a: String(index) }));
  if (!data) return;
  const starred = data['starred'] === true;
  const name = String(data['name']);
  const papers = Number(data['papers'] ?? 0);
  showStar(id, index, starred);
  for (const button of li.querySelectorAll(`.stars button[data-i="${index}"]`))
    if (button instanceof HTMLButtonElement) labelStar(button, name, starred);
  if (undoing) return tell(`Undone: ${name} is ${starred ? 'starred' : 'not starred'} again.`);
  const said = starred
    ? `Starred ${name}: ${papersSaid(papers)} by that name flagged (reload to see them under Starred authors).`
    : `Unstarred ${name}: ${papersSaid(papers)} no longer flagged.`;
  tell(said, () => void toggleAuthor(li, index, true));
};

/** The list of the paper's authors with their star buttons, under the paper. @param {HTMLElement} li */
const openStars = (li) => {
  const open = li.querySelector('.stars');
  if (open) {
    open.remove();
    return;
  }
  const group = document.createElement('div');
  group.className = 'stars';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'Star or unstar an author of this paper');
  authorLinks(li).forEach((link, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset['i'] = String(index);
    labelStar(button, link.textContent ?? '', isStarred(link));
    button.addEventListener('click', () => void toggleAuthor(li, index));
    group.append(button, ' ');
  });
  if (li.querySelector('.au .more')) {
    const all = document.createElement('a');
    all.href = li.querySelector('a.sa')?.getAttribute('href') ?? '';
    all.textContent = 'every author…';
    group.append(all);
  }
  li.append(group);
  group.querySelector('button')?.focus();
};

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a.sa') : null;
  const li = link?.closest('li[data-p]');
  if (!(li instanceof HTMLElement) || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  openStars(li);
});
