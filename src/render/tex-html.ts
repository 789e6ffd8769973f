// Text with TeX as HTML: math rendered to MathML on the server by temml (https://temml.org), so
// the browser needs no script and no font; text-mode accents decoded to Unicode (text/tex.ts).
// A formula temml cannot parse is shown as written, never as an error.
import temml from 'temml';
import { decodeTexText, splitTex } from '../text/tex.ts';
import { escapeHtml } from './escape.ts';
import { flattenMathml } from './math-text.ts';

// temml writes a few inline styles, which the page's CSP (style-src admits only our stylesheet's hash)
// would block. The ones that matter become classes of our stylesheet (html-assets.ts); the rest
// (colours, table padding) are dropped, and the formula stays readable without them.
const STYLE_CLASSES: Readonly<Record<string, string>> = {
  // An accent keeps the size of its base rather than shrinking to script size (temml's own comment).
  'math-depth:0;': 'tml-md0',
  // Display math: `math.tml-display` carries it.
  'display:block math;': '',
};
// temml writes `class` right before `style` (MathNode.toMarkup).
const STYLED = /(?: class="([^"]*)")? style="([^"]*)"/g;

function moveStylesToClasses(markup: string): string {
  if (!markup.includes(' style="')) return markup;
  return markup.replace(STYLED, (_whole, classes: string | undefined, style: string) => {
    const names = [...(classes ?? '').split(' '), STYLE_CLASSES[style] ?? ''].filter(Boolean);
    return names.length > 0 ? ` class="${names.join(' ')}"` : '';
  });
}

/** One formula as MathML, or its source as written when temml cannot parse it. */
export function renderMath(source: string, display = false): string {
  try {
    // trust stays false (the default): no \href, \includegraphics or \class from arXiv metadata.
    const markup = temml.renderToString(source, { displayMode: display, throwOnError: true });
    // A linear formula as the characters MathML would draw (math-text.ts): no elements to lay out.
    return flattenMathml(markup) ?? moveStylesToClasses(markup);
  } catch {
    const delimiter = display ? '$$' : '$';
    return `<span class=tex>${escapeHtml(`${delimiter}${source}${delimiter}`)}</span>`;
  }
}

// Formulas already rendered, by source, for the life of the process: a page renders `$k$` or
// `$\\epsilon$` many times over, and the day's page is rendered again after every change (a save,
// a hide, a fetch), each time with the same formulas. The oldest are dropped past MATH_CACHE_SIZE
// (a day holds a few thousand; an entry is about a kilobyte of MathML).
const MATH_CACHE_SIZE = 8000;
const formulas = new Map<string, string>();

/** Empties the cache of formulas: a bench measures the first render of a day's formulas with it. */
export function forgetRenderedMath(): void {
  formulas.clear();
}

function renderCachedMath(source: string, display: boolean): string {
  const key = display ? `$$${source}` : source;
  let markup = formulas.get(key);
  if (markup === undefined) {
    formulas.set(key, (markup = renderMath(source, display)));
    if (formulas.size > MATH_CACHE_SIZE) formulas.delete(formulas.keys().next().value!);
  }
  return markup;
}

/** Text as people read it: math as MathML, accents as Unicode, everything else escaped. */
export function renderTexHtml(text: string): string {
  const segments = splitTex(text);
  if (segments.length === 1 && !segments[0]!.math) return escapeHtml(decodeTexText(text));
  return segments
    .map((segment) =>
      segment.math
        ? renderCachedMath(segment.source, segment.display === true)
        : escapeHtml(decodeTexText(segment.source)),
    )
    .join('');
}
