// The tables behind tex-math.ts: TeX math commands as the Unicode characters they print (the
// symbols of "The Comprehensive LaTeX Symbol List" that arXiv titles and abstracts use), the
// sub- and superscript forms Unicode has, and the letter styles of \mathbb, \mathcal, \mathfrak
// (the Mathematical Alphanumeric Symbols block, with the older Letterlike Symbols filling its gaps).

/** Commands that print one symbol. */
// prettier-ignore
export const SYMBOLS: Readonly<Record<string, string>> = {
  // Greek: \epsilon and \phi as readers expect them (ε, φ), not TeX's lunate forms.
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
  varpi: 'ϖ', rho: 'ρ', varrho: 'ϱ', sigma: 'σ', varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'φ',
  varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', upmu: 'µ', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ',
  Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  // Operators and relations.
  times: '×', cdot: '·', pm: '±', mp: '∓', div: '÷', ast: '∗', star: '⋆', circ: '∘', bullet: '•',
  leq: '≤', le: '≤', geq: '≥', ge: '≥', leqslant: '⩽', geqslant: '⩾', neq: '≠', ne: '≠', approx: '≈',
  sim: '∼', simeq: '≃', cong: '≅', equiv: '≡', propto: '∝', ll: '≪', gg: '≫', lesssim: '≲', gtrsim: '≳',
  prec: '≺', succ: '≻', preceq: '⪯', succeq: '⪰', subset: '⊂', supset: '⊃', subseteq: '⊆', supseteq: '⊇',
  sqsubseteq: '⊑', in: '∈', notin: '∉', ni: '∋', cup: '∪', cap: '∩', setminus: '∖', emptyset: '∅',
  varnothing: '∅', forall: '∀', exists: '∃', neg: '¬', lnot: '¬', wedge: '∧', land: '∧', vee: '∨',
  lor: '∨', oplus: '⊕', otimes: '⊗', odot: '⊙', boxtimes: '⊠', uplus: '⊎', sqcup: '⊔', bigcup: '⋃',
  bigcap: '⋂', bigoplus: '⨁', coprod: '∐', sum: '∑', prod: '∏', int: '∫', oint: '∮', partial: '∂',
  nabla: '∇', infty: '∞', ell: 'ℓ', hbar: 'ℏ', Re: 'ℜ', Im: 'ℑ', aleph: 'ℵ', wp: '℘', imath: 'ı', jmath: 'ȷ',
  dagger: '†', ddagger: '‡', dag: '†', top: '⊤', bot: '⊥', perp: '⊥', parallel: '∥', mid: '∣', vert: '|',
  lvert: '|', rvert: '|', Vert: '‖', lVert: '‖', rVert: '‖', langle: '⟨', rangle: '⟩', lceil: '⌈',
  rceil: '⌉', lfloor: '⌊', rfloor: '⌋', lbrace: '{', rbrace: '}', lbrack: '[', rbrack: ']', backslash: '\\',
  cdots: '⋯', ldots: '…', dots: '…', vdots: '⋮', ddots: '⋱', prime: '′', angle: '∠', triangle: '△',
  checkmark: '✓', square: '□', Box: '□', diamond: '⋄', models: '⊨', vdash: '⊢', vDash: '⊨', dashv: '⊣',
  colon: ':', degree: '°', circledR: '®', S: '§', P: '¶', copyright: '©', textregistered: '®',
  // Arrows.
  to: '→', rightarrow: '→', leftarrow: '←', gets: '←', leftrightarrow: '↔', Rightarrow: '⇒',
  Leftarrow: '⇐', Leftrightarrow: '⇔', iff: '⟺', implies: '⟹', mapsto: '↦', longrightarrow: '⟶',
  longleftarrow: '⟵', Longrightarrow: '⟹', uparrow: '↑', downarrow: '↓', updownarrow: '↕',
  nearrow: '↗', searrow: '↘', hookrightarrow: '↪', rightleftharpoons: '⇌',
  // Escaped characters and spaces (`\ `, `\,` and friends are spaces to a reader; `\!` takes one away).
  '{': '{', '}': '}', '%': '%', '&': '&', _: '_', '#': '#', $: '$', '|': '‖', ' ': ' ', ',': ' ', ';': ' ',
  ':': ' ', '>': ' ', '!': '', '/': '', quad: ' ', qquad: ' ', space: ' ', '\\': ' ',
};

/** Named functions, set upright in TeX and read as words. */
export const FUNCTIONS = new Set([
  ...['log', 'ln', 'lg', 'exp', 'sin', 'cos', 'tan', 'cot', 'sec', 'csc', 'arcsin', 'arccos', 'arctan'],
  ...['sinh', 'cosh', 'tanh', 'coth', 'max', 'min', 'sup', 'inf', 'lim', 'limsup', 'liminf', 'arg', 'det'],
  ...['dim', 'ker', 'deg', 'gcd', 'hom', 'Pr', 'mod', 'bmod', 'argmax', 'argmin'],
]);

/** Commands that only size, space or style what follows: a reader sees nothing of them. */
export const IGNORED = new Set([
  ...['left', 'right', 'middle', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl', 'biggr'],
  ...['displaystyle', 'textstyle', 'scriptstyle', 'scriptscriptstyle', 'limits', 'nolimits', 'nonumber'],
  ...['tiny', 'scriptsize', 'footnotesize', 'small', 'normalsize', 'large', 'Large', 'LARGE', 'huge', 'Huge'],
  ...['bf', 'rm', 'it', 'sf', 'tt', 'sl', 'sc', 'em', 'boldmath', 'unboldmath', 'normalfont', 'mathstrut'],
]);

/** Commands whose one argument reads as it is (only the style changes). */
export const STYLES = new Set([
  ...['mathbf', 'mathrm', 'mathit', 'mathsf', 'mathtt', 'mathnormal', 'boldsymbol', 'bm', 'pmb', 'operatorname'],
  ...['bold', 'mathring', 'underbrace', 'overbrace', 'hbox'],
]);

/** Commands whose argument is text, not math. */
export const TEXT_STYLES = new Set([
  ...['text', 'textrm', 'textbf', 'textit', 'texttt', 'textsf', 'textsl', 'textsc', 'textup', 'textmd'],
  ...['textnormal', 'emph', 'mbox', 'url'],
]);

/** Accents over one argument, as Unicode combining marks (composed where Unicode has the letter). */
// prettier-ignore
export const ACCENT_MARKS: Readonly<Record<string, string>> = {
  tilde: '\u0303', widetilde: '\u0303', hat: '\u0302', widehat: '\u0302', bar: '\u0304', Bar: '\u0304', overline: '\u0305',
  underline: '\u0332', vec: '\u20D7', dot: '\u0307', ddot: '\u0308', check: '\u030C', acute: '\u0301',
  grave: '\u0300', breve: '\u0306',
};

function zip(from: string, to: string): Map<string, string> {
  const targets = [...to];
  return new Map([...from].map((char, i) => [char, targets[i]!]));
}

// Unicode has a superscript form for every digit and most letters (not q, C, F, Q, S, X, Y, Z).
export const SUPERSCRIPTS = zip(
  '0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWαβγδεθιφχ′*∘⊤',
  '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵅᵝᵞᵟᵋᶿᶥᵠᵡ′*°ᵀ',
);
export const SUBSCRIPTS = zip('0123456789+-=()aehijklmnoprstuvxβγρφχ', '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ');

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/** A letter style of the Mathematical Alphanumeric Symbols block, with the Letterlike Symbols' older letters. */
function letterStyle(upper: number, lower: number | undefined, older: Record<string, string>, digits?: number) {
  const map = new Map<string, string>();
  [...UPPER].forEach((char, i) => map.set(char, older[char] ?? String.fromCodePoint(upper + i)));
  if (lower !== undefined)
    [...LOWER].forEach((char, i) => map.set(char, older[char] ?? String.fromCodePoint(lower + i)));
  if (digits !== undefined) for (let d = 0; d < 10; d++) map.set(String(d), String.fromCodePoint(digits + d));
  return map;
}

const DOUBLE_STRUCK = letterStyle(
  0x1d538,
  0x1d552,
  { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' },
  0x1d7d8,
);
// prettier-ignore
const SCRIPT = letterStyle(0x1d49c, 0x1d4b6, {
  B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ', e: 'ℯ', g: 'ℊ', o: 'ℴ',
});
const FRAKTUR = letterStyle(0x1d504, 0x1d51e, { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' });

/** The letter styles by command; `\cal` and `\frak` switch the rest of their group. */
export const LETTER_STYLES: Readonly<Record<string, ReadonlyMap<string, string>>> = {
  mathbb: DOUBLE_STRUCK,
  Bbb: DOUBLE_STRUCK,
  mathbbm: DOUBLE_STRUCK,
  mathcal: SCRIPT,
  mathscr: SCRIPT,
  cal: SCRIPT,
  mathfrak: FRAKTUR,
  frak: FRAKTUR,
};
