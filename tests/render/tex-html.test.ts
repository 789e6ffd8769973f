// TeX as HTML: math to MathML by temml (a linear formula as the characters it draws), without inline styles (the CSP would block them), a formula
// temml cannot parse shown as written, accents decoded, everything else escaped.
import { describe, expect, it } from 'vitest';
import { renderMath, renderTexHtml } from '../../src/render/tex-html.ts';

describe('renderTexHtml', () => {
  it.each([
    ['$\\tilde{O}(\\sqrt{T})$', '<msqrt><mi>T</mi></msqrt>'],
    ['$\\frac{1}{n} \\log n$', '<mfrac><mn>1</mn><mi>n</mi></mfrac>'],
    ['$\\mathcal{O}(n^2)$', '<msup><mi>n</mi><mn>2</mn></msup>'],
  ])('renders %s to MathML', (tex, fragment) => {
    const html = renderTexHtml(`Bounds ${tex} here`);
    expect(html).toMatch(/^Bounds <math>.*<\/math> here$/);
    expect(html).toContain(fragment);
  });

  // A page lists 1,500 papers: a linear formula is the characters MathML would draw, no elements.
  it.each([
    ['$n$', '𝑛'],
    ['$O(n \\log n)$', '𝑂(𝑛\u2009log\u2061\u2009𝑛)'],
    ['$\\epsilon > 0$', '𝜖\u2009&gt;\u20090'],
    ['$O(n^3)$', '𝑂(𝑛³)'],
    ['$10^{-3}$', '10⁻³'],
    ['$\\mathbb{R}^d$', 'ℝ<sup>𝑑</sup>'],
    ['$x_{i,j}$', '𝑥<sub>𝑖,\u2009𝑗</sub>'],
    ['$h$', 'ℎ'],
  ])('writes %s as text', (tex, text) => {
    expect(renderTexHtml(`Bounds ${tex} here`)).toBe(`Bounds ${text} here`);
  });

  it('moves the styles temml writes into classes of our stylesheet, and drops the others', () => {
    const accent = renderMath('\\tilde{O}');
    expect(accent).not.toContain('style=');
    expect(accent).toContain('class="chr-med wbk-med tml-md0"');
    expect(renderMath('\\sum_i x_i', true)).toMatch(/^<math display="block" class="tml-display">/);
    expect(renderMath('\\color{red}{x}')).not.toContain('style=');
  });

  it('shows a formula it cannot parse as written, escaped, never an error', () => {
    expect(renderTexHtml('Rate $\\frac{1}{\\sqrt{n}$ & more')).toBe(
      'Rate <span class=tex>$\\frac{1}{\\sqrt{n}$</span> &amp; more',
    );
    expect(renderTexHtml('$\\href{javascript:alert(1)}{x}$')).toBe(
      '<span class=tex>$\\href{javascript:alert(1)}{x}$</span>',
    );
    expect(renderTexHtml('$<script>$')).not.toContain('<script>');
  });

  it('decodes text-mode accents and escapes the text around the math', () => {
    expect(renderTexHtml('Sch\\"olkopf & <b> $x < y$')).toBe('Schölkopf &amp; &lt;b&gt; 𝑥\u2009&lt;\u2009𝑦');
  });

  it('keeps inline and display forms of one formula apart in its cache', () => {
    const inline = renderTexHtml('$k$-means');
    const display = renderTexHtml('$$k$$-means');
    expect(inline).toBe('𝑘-means');
    expect(display).not.toBe(inline);
    expect(display).toContain('tml-display');
    // From the cache, the same markup again.
    expect(renderTexHtml('$k$-means')).toBe(inline);
    expect(renderTexHtml('$$k$$-means')).toBe(display);
  });
});
