// The page's stylesheet and keyboard script, served as /style.css and /app.js so the
// Content-Security-Policy can forbid every inline style and script (no hashes to keep in sync).
import { createHash } from 'node:crypto';

export const STYLE_CSS = `:root{color-scheme:light dark;--bg:#fdfdfb;--fg:#1b1b1b;--mute:#666;--line:#ddd;--link:#0b57a4;--star:#fff4cc;--accent:#b8860b}
@media (prefers-color-scheme:dark){:root{--bg:#15171a;--fg:#e4e4e4;--mute:#9a9a9a;--line:#333;--link:#8ab4f8;--star:#2c2815;--accent:#e0b341}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:48rem;padding:.75rem;background:var(--bg);color:var(--fg);font:16px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif}
a{color:var(--link)}
header,footer{color:var(--mute);font-size:.9rem}
header a,footer a{margin-right:.6rem}
h1{font-size:1.35rem;margin:.6rem 0}
h2{font-size:1.1rem;margin:1.4rem 0 .4rem;border-bottom:1px solid var(--line)}
h3{font-size:.95rem;margin:.8rem 0 .2rem;color:var(--mute)}
ol{padding-left:1.4rem;margin:.2rem 0}
li{margin:.25rem 0}
li>a:first-child{text-decoration:none}
.s{background:var(--star);border-left:4px solid var(--accent);padding:.5rem .7rem;margin:.7rem 0;border-radius:4px;list-style:none}
.s h3{color:var(--fg);font-size:1.02rem;margin:0 0 .25rem}
.who{font-weight:600;color:var(--accent)}
.m{color:var(--mute);font-size:.88rem}
mark{background:none;color:inherit;font-weight:700;text-decoration:underline var(--accent) 2px}
details{margin:.3rem 0}
summary{cursor:pointer}
.n{border:1px solid var(--line);border-radius:4px;padding:.6rem .8rem;margin:1rem 0}
.warn{border-color:#c0392b}
table{border-collapse:collapse;font-size:.9rem}
td,th{padding:.1rem .6rem .1rem 0;text-align:left}
input[type=search]{width:70%;padding:.3rem;font:inherit}
.r a{display:list-item;margin:.25rem 0 .25rem 1.4rem;list-style:disc}
.cur{outline:2px solid var(--accent);outline-offset:2px}
`;

// j/k move between papers, o opens the current one; the page works without it.
export const APP_JS = `(()=>{let i=-1;const items=()=>[...document.querySelectorAll('main li,.r>a')];
addEventListener('keydown',e=>{if(e.target.closest&&e.target.closest('input,textarea')||e.ctrlKey||e.metaKey||e.altKey)return;
const l=items();if(!l.length)return;if(e.key==='j'||e.key==='k'){l[i]&&l[i].classList.remove('cur');
i=Math.max(0,Math.min(l.length-1,i+(e.key==='j'?1:-1)));const p=l[i];p.classList.add('cur');
const d=p.closest('details');if(d)d.open=true;p.scrollIntoView({block:'center'})}
else if(e.key==='o'&&l[i]){const a=l[i].matches('a')?l[i]:l[i].querySelector('a');if(a)location.href=a.href}})})();
`;

function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}

/** Versioned asset URLs: the content hash lets the browser cache them for a year. */
export const STYLE_PATH = `/style.${fingerprint(STYLE_CSS)}.css`;
export const SCRIPT_PATH = `/app.${fingerprint(APP_JS)}.js`;
