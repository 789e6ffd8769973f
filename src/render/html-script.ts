// The page's only script, served from our origin (/app.<hash>.js) under a CSP without inline
// scripts. Keyboard shortcuts for skimming; the page works fully without it. Single-key shortcuts
// can be turned off (WCAG 2.1 SC 2.1.4) from the footer or the list `?` shows, and the footer
// mentions keys only when this script runs.
// Loaded `async`: it runs while a long page still arrives, so the keys work long before the page
// has finished loading; what needs the footer waits for it.
// Triage: the page's forms (save, hide, star an author, mark read) work without this script as
// POSTs answered by a 303 back to the paper; with it they are sent with fetch (the browser adds
// Origin, which the server checks) and the page is updated in place, the result read out in the
// status line (role=status).
const TRIAGE_JS = `(() => {
  const say = (text) => { const status = document.getElementById('st'); if (status) status.textContent = text; };
  const send = async (url, body) => {
    try {
      const response = await fetch(url, { method: 'POST', body, headers: { accept: 'application/json' } });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) say(data.error || 'That did not work (' + response.status + ').');
      return response.ok ? data : undefined;
    } catch { say('The server cannot be reached.'); return undefined; }
  };
  const button = (text, action, pressed) => {
    const b = document.createElement('button');
    b.textContent = text;
    if (action) b.formAction = action;
    if (pressed) b.setAttribute('aria-pressed', 'true');
    return b;
  };
  const showMark = (form, mark) => {
    const base = form.action.replace(/\\/save$/, '');
    const save = mark === 'saved' ? button('Saved', base + '/unsave', true) : button('Save');
    const hide = mark === 'hidden' ? button('Hidden', base + '/unhide', true) : button('Hide', base + '/hide');
    const [first, second] = form.querySelectorAll('button');
    first.replaceWith(save);
    second.replaceWith(hide);
    const item = form.closest('li');
    item?.classList.toggle('v', mark === 'saved');
    item?.classList.toggle('h', mark === 'hidden');
  };
  const marked = (data) => data.mark === 'saved' ? 'Saved.' : data.mark === 'hidden' ? 'Hidden: it will not show again (press Hidden to undo).' : 'Done.';
  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method !== 'post' || !form.matches('.act,.au,.seen')) return;
    event.preventDefault();
    const submitter = event.submitter;
    // formAction without the attribute is the page's own URL (HTML §4.10.18.6), not the form's action.
    const url = submitter?.hasAttribute('formaction') ? submitter.formAction : form.action;
    const data = await send(url, new URLSearchParams(new FormData(form, submitter)));
    if (!data) return;
    if (form.matches('.seen')) { form.remove(); return; }
    if (form.matches('.act')) {
      for (const other of document.querySelectorAll('form.act')) if (other.action === form.action) showMark(other, data.mark);
      say(marked(data));
      return;
    }
    for (const other of form.querySelectorAll('button')) {
      if (other.textContent !== submitter.textContent) continue;
      const name = other.textContent;
      other.textContent = '';
      if (data.starred) { const mark = document.createElement('mark'); mark.textContent = name; other.append(mark); }
      else other.append(name);
    }
    say((data.starred ? 'Starred ' : 'Unstarred ') + data.name + ': ' + data.reflagged + ' stored papers flagged. Reload to see them in Starred authors.');
  });
  // Opening a day is what marks it read; the script says so when the page has arrived.
  const markRead = () => { const form = document.querySelector('form.seen'); if (form) form.requestSubmit(); };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', markRead);
  else markRead();
})();
`;

const KEYS_JS = `(() => {
  const KEYS = [['j / k', 'next / previous paper'], ['n / p', 'next / previous section'],
    ['a', 'open or close the abstract'], ['o', 'open the paper on arXiv in a new tab'], ['?', 'show this list']];
  let storage;
  try { storage = window.localStorage; } catch { storage = undefined; }
  let on = storage?.getItem('arxiv-curator-keys') !== 'off';
  let current = -1;
  let dialog;
  let toggle;
  const help = document.createElement('button');
  help.type = 'button';
  const papers = () => [...document.querySelectorAll('main section>ol>li,main .sec>ol>li')];
  const headings = () => [...document.querySelectorAll('main h2,main h3[id]')].filter((h) => h.getClientRects().length);
  const element = (tag, text) => { const e = document.createElement(tag); if (text) e.textContent = text; return e; };
  const show = () => { if (toggle) toggle.checked = on; help.textContent = on ? 'Keys: press ? for the list' : 'Keyboard shortcuts are off'; };

  const openHelp = () => {
    if (!dialog) {
      dialog = element('dialog');
      dialog.setAttribute('aria-labelledby', 'keys-title');
      const title = element('h2', 'Keyboard shortcuts');
      title.id = 'keys-title';
      const list = element('dl');
      for (const [key, what] of KEYS) { const dt = element('dt'); dt.append(element('kbd', key)); list.append(dt, element('dd', what)); }
      toggle = element('input');
      toggle.type = 'checkbox';
      toggle.addEventListener('change', () => { on = toggle.checked; storage?.setItem('arxiv-curator-keys', on ? 'on' : 'off'); show(); });
      const label = element('label');
      label.append(toggle, ' Shortcuts on');
      const close = element('button', 'Close');
      close.type = 'button';
      close.addEventListener('click', () => dialog.close());
      dialog.append(title, list, label, ' ', close);
      document.body.append(dialog);
      show();
    }
    dialog.showModal();
  };
  help.addEventListener('click', openHelp);
  const addToFooter = () => { const footer = document.getElementById('keys'); if (footer) footer.append(' · ', help); show(); };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', addToFooter);
  else addToFooter();

  const select = (index) => {
    const all = papers();
    if (!all.length) return;
    all[current]?.classList.remove('cur');
    current = Math.max(0, Math.min(all.length - 1, index));
    const paper = all[current];
    const section = paper.closest('details.sec');
    if (section) section.open = true;
    paper.classList.add('cur');
    paper.scrollIntoView({ block: 'center' });
  };
  const jump = (forward) => {
    const list = headings();
    const target = forward ? list.find((h) => h.getBoundingClientRect().top > 8) : list.reverse().find((h) => h.getBoundingClientRect().top < -8);
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    const after = papers().findIndex((p) => target.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (after >= 0) { papers()[current]?.classList.remove('cur'); current = after - 1; }
  };
  const paper = () => papers()[current];
  addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || dialog?.open) return;
    if (event.target.closest && event.target.closest('input,textarea,select,[contenteditable]')) return;
    if (!on) return;
    if (event.key === '?') openHelp();
    else if (event.key === 'j' || event.key === 'k') select(current + (event.key === 'j' ? 1 : -1));
    else if (event.key === 'n' || event.key === 'p') jump(event.key === 'n');
    else if (event.key === 'a' && paper()) { const d = paper().querySelector('details.ab'); if (d) d.open = !d.open; }
    else if (event.key === 'o' && paper()) { const a = paper().querySelector('h3 a,h4 a'); if (a) window.open(a.href, '_blank', 'noopener'); }
    else return;
    event.preventDefault();
  });
})();
`;

export const APP_JS = KEYS_JS + TRIAGE_JS;
