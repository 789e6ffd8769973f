// The page's stylesheet, inline in every page and admitted by its hash (html-assets.ts), so the
// Content-Security-Policy forbids every other inline style. Colours meet WCAG 2.1 AA (4.5:1 for text) on their backgrounds in
// light and dark; the axe-core test in tests/browser checks them. The compact view clips a paper's
// line of controls to no height rather than leaving it out (display:none): once a page has loaded,
// Chromium looks through its forms for a visible control, working out each hidden one's style on
// its own (1.5 s for a day's 2,600 Save and Hide buttons); a button that takes the focus opens it.

const PAGE_CSS = `:root{color-scheme:light dark;--bg:#fdfdfb;--fg:#1b1b1b;--mute:#5c5c5c;--line:#d6d6d6;--link:#0b57a4;--star:#fff4cc;--accent:#7a5600;--edge:#b8860b;--warn:#b3261e}
@media (prefers-color-scheme:dark){:root{--bg:#15171a;--fg:#e4e4e4;--mute:#a6a6a6;--line:#3a3a3a;--link:#8ab4f8;--star:#2c2815;--accent:#e8c15a;--edge:#e0b341;--warn:#f28b82}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:48rem;padding:.75rem;background:var(--bg);color:var(--fg);font:16px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;overflow-wrap:break-word}
a{color:var(--link)}
header,footer{color:var(--mute);font-size:.9rem}
header a{margin-right:.6rem}
footer{margin-top:2rem}
footer button{font:inherit;color:var(--link);background:none;border:0;padding:0;text-decoration:underline;cursor:pointer}
h1{font-size:1.35rem;margin:.6rem 0}
h2{font-size:1.15rem;margin:1.6rem 0 .4rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1rem 0 .2rem;color:var(--mute)}
main li h3,main li h4{font-size:1rem;line-height:1.55;margin:0;color:var(--fg);font-weight:600}
main li h3 a,main li h4 a{text-decoration:none}
ol{padding-left:2.1rem;margin:.2rem 0}
.nb{list-style:none;padding-left:0}
.nb>li{display:block;position:relative;padding-left:2.1rem}
.nb>li::before{content:attr(data-n) ".";position:absolute;left:0;width:1.7rem;text-align:right;line-height:1.55;font-variant-numeric:tabular-nums}
.d3>li{padding-left:2.7rem}
.d3>li::before{width:2.3rem}
.d4>li{padding-left:3.3rem}
.d4>li::before{width:2.9rem}
.nb>li.s{margin-left:0;padding-left:.7rem}
.nb>li.s::before{content:none}
li{margin:.2rem 0 .9rem}
.toc ol{padding-left:1.2rem}
.toc li{margin:.15rem 0}
.s{background:var(--star);border-left:4px solid var(--edge);padding:.5rem .7rem;border-radius:4px;list-style:none;margin-left:-2.1rem}
.who{font-weight:600;color:var(--accent)}
.m{color:var(--mute);font-size:.88rem}
.au{font-size:.92rem}
mark{background:none;color:inherit;font-weight:700;text-decoration:underline var(--edge) 2px}
details{margin:.15rem 0}
summary{display:block;cursor:pointer;color:var(--link)}
summary::-webkit-details-marker{display:none}
summary::before{content:"▸ " / ""}
details[open]>summary::before{content:"▾ " / ""}
.more summary::before{content:none}
.ab{margin:.1rem 0 .2rem}
.more,.more summary{display:inline}
.more[open]>summary{display:none}
.sec>summary{color:var(--fg)}
.sec>summary h2{display:inline-block;margin-bottom:.4rem}
.filter fieldset{border:1px solid var(--line);border-radius:4px;padding:.3rem .6rem;margin:.5rem 0}
.filter label{margin-right:.6rem;white-space:nowrap}
.n{border:1px solid var(--line);border-radius:4px;padding:.6rem .8rem;margin:1rem 0;overflow-wrap:anywhere}
.warn{border-color:var(--warn)}
table{border-collapse:collapse;font-size:.9rem}
td,th{padding:.1rem .6rem .1rem 0;text-align:left}
input[type=search]{width:70%;padding:.3rem;font:inherit}
[aria-current=true]{outline:2px solid var(--edge);outline-offset:3px;border-radius:2px}
sub,sup{line-height:0}
.tex{font-family:ui-monospace,monospace;font-size:.9em}
dialog{max-width:26rem;background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:6px}
dialog kbd{display:inline-block;min-width:1.4em;text-align:center;border:1px solid var(--line);border-radius:3px}
dialog dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem .8rem}
dialog dd{margin:0}
.au a{color:inherit;text-decoration:underline var(--line) 1px;text-underline-offset:2px}
.au a:hover,.au a:focus-visible{text-decoration-color:currentColor}
.m button,.seen button,.inline button,.stars button,#st button,button.fold{font:inherit;font-size:.85rem;color:var(--link);background:var(--bg);border:1px solid var(--line);border-radius:4px;min-height:1.75rem;padding:.1rem .6rem;margin:.15rem .1rem;cursor:pointer}
.m button[aria-pressed=true],.stars button[aria-pressed=true]{background:var(--star);color:var(--fg)}
.stars{margin:.3rem 0;padding:0;list-style:none}
.h{border-left:4px dashed var(--line);padding-left:.5rem}
.h .ab{display:none}
.sn>h3 a,.sn>h4 a{color:var(--mute);font-weight:400}
.score{display:inline-block;min-width:2.7em;color:var(--accent);font-variant-numeric:tabular-nums}
.cut{border-top:2px dashed var(--edge);margin:.8rem 0;padding-top:.3rem;font-weight:600}
#st{position:fixed;z-index:2;bottom:.75rem;left:50%;transform:translateX(-50%);width:max-content;max-width:calc(100% - 1.5rem);margin:0;padding:.45rem .9rem;border-radius:6px;background:var(--fg);color:var(--bg);box-shadow:0 2px 8px #0005}
#st:empty{display:none}
#st button{color:var(--fg)}
main li[data-p]{content-visibility:auto;contain-intrinsic-size:auto 8rem;scroll-margin-top:.5rem;margin-bottom:.3rem}
main li[data-p]>.m{padding-bottom:.6rem}
main li.s{margin-bottom:.9rem}
main li.s>.m{padding-bottom:0}
main li[aria-current=true]{content-visibility:visible}
#foryou>ol,#watches>ol{content-visibility:auto;contain-intrinsic-size:auto 40rem}
.ab>summary{padding:.15rem 0}

.v h3 a::before,.v h4 a::before{content:"✓ "}
.why{color:var(--accent);font-size:.9rem}
.c{color:var(--accent)}
.inline{display:inline}
.w,.t body{max-width:72rem}
.w .ab{max-width:45rem}
.t main li>h3,.t main li>h4,.t main li>.au{margin-right:5.5rem}
.t main li>.why,.t main li>.who{display:none}
.t main li>.m{height:0;overflow:hidden;padding-bottom:0}
.t main li[aria-current=true]>.m,.t main .ab[open]+.m,.t main li>.m:focus-within{height:auto}
.t .au{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.t .ab{margin:0}
.t .ab:not([open])>summary{position:absolute;right:0;top:0;font-size:.88rem}
.t .s{padding:.2rem .6rem}
.t main li.s{margin-bottom:.3rem}
`;

// MathML from temml: the rules of its Temml-Local.css (0.13.5) that the formulas in arXiv titles
// and abstracts use, without its web font (system math fonts only: nothing to download), plus
// the classes tex-html.ts puts in place of temml's inline styles.
const MATH_CSS = `math{font-family:"Cambria Math","STIX Two Math","Noto Sans Math",math;font-style:normal;font-weight:normal;line-height:normal;text-indent:0;text-transform:none;letter-spacing:normal;direction:ltr;display:inline-flex;flex-wrap:wrap;align-items:baseline}
math.tml-display{display:block math;width:100%}
.tml-md0{math-depth:0}
.mathcal{font-feature-settings:'ss01'}
.tml-right{text-align:right}
.tml-left{text-align:left}
@supports (not (-moz-appearance:none)){.tml-sml-pad{padding-left:.05em}.tml-med-pad{padding-left:.1em}.tml-lrg-pad{padding-left:.15em}}
@supports (-webkit-backdrop-filter:blur(1px)){.wbk-acc{transform:translate(0,.431em)}.wbk-sml{transform:translate(.07em,0)}.wbk-sml-acc{transform:translate(.07em,.431em)}.wbk-med{transform:translate(.14em,0)}.wbk-med-acc{transform:translate(.14em,.431em)}.wbk-lrg{transform:translate(.21em,0)}.wbk-lrg-acc{transform:translate(.21em,.431em)}}
@supports (not (-webkit-backdrop-filter:blur(1px))) and (not (-moz-appearance:none)){.chr-sml{transform:translate(.07em,0)}.chr-med{transform:translate(.14em,0)}.chr-lrg{transform:translate(.21em,0)}menclose{position:relative;padding:.5ex 0}.tml-overline{padding:.1em 0 0;border-top:.065em solid}.tml-underline{padding:0 0 .1em;border-bottom:.065em solid}.tml-fbox{padding:3pt;border:1px solid}}
`;

export const STYLE_CSS = PAGE_CSS + MATH_CSS;
