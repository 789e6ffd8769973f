// Most formulas in arXiv titles and abstracts are a letter or a short linear expression (`$n$`,
// `$O(n^3)$`, `$\epsilon > 0$`). temml writes each as MathML, 2 to 15 elements; a day's page has
// 1,500 of them, a quarter of all its elements. Where the MathML only sets letters in italic,
// digits and operators upright and scripts raised, the same characters say it without elements:
// Unicode's mathematical italic letters (what a browser draws for `<mi>x</mi>`: MathML Core's
// math-auto transform), thin spaces around operators, Unicode digits as scripts or <sup>/<sub>.
// Anything else (fractions, roots, accents, styled alphabets, display math) stays MathML.
import { escapeHtml } from './escape.ts';

interface MathNode {
  tag: string;
  attrs: string;
  children: (MathNode | string)[];
}

const TAG = /<(\/?)([a-z]+)([^>]*)>|([^<]+)/g;
const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const FLAT = new Set(['math', 'mrow', 'mpadded', 'mi', 'mn', 'mo', 'mtext', 'mspace', 'msub', 'msup']);

function decode(text: string): string {
  return text.replace(ENTITY, (_whole, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    name ? NAMED[name.toLowerCase()]! : String.fromCodePoint(parseInt(hex ?? dec!, hex ? 16 : 10)),
  );
}

/** temml's markup as a tree; undefined where it holds an element that needs MathML to be drawn. */
function parse(markup: string): MathNode | undefined {
  const root: MathNode = { tag: '', attrs: '', children: [] };
  const open: MathNode[] = [root];
  for (const [, close, tag, attrs, text] of markup.matchAll(TAG)) {
    const parent = open.at(-1)!;
    if (text !== undefined) parent.children.push(decode(text));
    else if (close) open.pop();
    else {
      // temml's italic-correction padding (tml-*-pad) is the one class text can do without.
      const styled = /class="(?!tml-(?:sml|med|lrg)-pad")|mathvariant="(?!normal")|stretchy="true"|display="block"/;
      if (!FLAT.has(tag!) || styled.test(attrs!)) return undefined;
      const node = { tag: tag!, attrs: attrs!, children: [] };
      parent.children.push(node);
      if (!attrs!.endsWith('/')) open.push(node);
    }
  }
  return root.children.length === 1 && typeof root.children[0] !== 'string' ? root.children[0] : undefined;
}

/** The letter as MathML draws a one-letter identifier: mathematical italic (ℎ for h: Unicode's gap). */
function italic(char: string): string {
  const code = char.codePointAt(0)!;
  if (char === 'h') return 'ℎ';
  if (code >= 0x61 && code <= 0x7a) return String.fromCodePoint(0x1d44e + code - 0x61);
  if (code >= 0x41 && code <= 0x5a) return String.fromCodePoint(0x1d434 + code - 0x41);
  if (code >= 0x3b1 && code <= 0x3c9) return String.fromCodePoint(0x1d6fc + code - 0x3b1);
  const variant = { ϵ: '𝜖', ϑ: '𝜗', ϰ: '𝜘', ϕ: '𝜙', ϱ: '𝜚', ϖ: '𝜛' }[char];
  return variant ?? char;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾';
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎';
const SCRIPTABLE = '0123456789+−=()';
// Relations and binary operators get thin spaces on both sides, as MathML gives them.
const SPACED = new Set([...'=<>≤≥≠≈∼≃≡∈∉⊂⊆⊃⊇→←↦⇒⇔+−±×·∖∪∩∘⊕⊗']);

function textOf(node: MathNode | string): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

function renderScript(script: MathNode | string, tag: 'sup' | 'sub'): string {
  const text = textOf(script);
  if ([...text].every((char) => SCRIPTABLE.includes(char))) {
    const table = tag === 'sup' ? SUPERSCRIPT : SUBSCRIPT;
    return [...text].map((char) => [...table][SCRIPTABLE.indexOf(char)]).join('');
  }
  return `<${tag}>${renderNode(script)}</${tag}>`;
}

function renderRow(children: readonly (MathNode | string)[]): string {
  return children
    .map((child, i) => {
      if (typeof child === 'string' || child.tag !== 'mo') return renderNode(child);
      const text = textOf(child);
      const infix = i > 0 && i < children.length - 1 && (children[i - 1] as MathNode).tag !== 'mo';
      if (text === ',') return ',\u2009';
      return infix && SPACED.has(text) ? `\u2009${escapeHtml(text)}\u2009` : escapeHtml(text);
    })
    .join('');
}

function renderNode(node: MathNode | string): string {
  if (typeof node === 'string') return escapeHtml(node);
  switch (node.tag) {
    case 'mi': {
      const text = textOf(node);
      return escapeHtml([...text].length === 1 && !node.attrs.includes('mathvariant') ? italic(text) : text);
    }
    case 'mspace':
      return /width="0?\.[0-2]/.test(node.attrs) ? '\u2009' : '\u2005';
    case 'msub':
    case 'msup': {
      const [base, script] = node.children;
      if (base === undefined || script === undefined || node.children.length !== 2) return '';
      return renderNode(base) + renderScript(script, node.tag === 'msup' ? 'sup' : 'sub');
    }
    default:
      return renderRow(node.children);
  }
}

/** The formula as text (and <sup>/<sub>) where that draws it as MathML would; undefined otherwise. */
export function flattenMathml(markup: string): string | undefined {
  const tree = parse(markup);
  return tree?.tag === 'math' ? renderNode(tree) : undefined;
}
