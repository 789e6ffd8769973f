// TeX as HTML: math to MathML by temml, without inline styles (the CSP would block them), a formula
// temml cannot parse shown as written, accents decoded, everything else escaped.
import { describe, expect, it } from 'vitest';
import { renderMath, renderTexHtml } from '../../src/render/tex-html.ts';

describe('renderTexHtml', () => {
  it.each([
    ['$O(n \\log n)$', '<mi>log</mi>'],
    ['$\\tilde{O}(\\sqrt{T})$', '<msqrt><mi>T</mi></msqrt>'],
    ['$\\mathbb{R}^d$', '<msup><mi>ℝ</mi><mi>d</mi></msup>'],
    ['$n < m$', '<mo>&lt;</mo>'],
  ])('renders %s to MathML', (tex, fragment) => {
    const html = renderTexHtml(`Bounds ${tex} here`);
    expect(html).toMatch(/^Bounds <math>.*<\/math> here$/);
    expect(html).toContain(fragment);
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
    expect(renderTexHtml('Sch\\"olkopf & <b> $x$')).toBe('Schölkopf &amp; &lt;b&gt; <math><mi>x</mi></math>');
  });

  it('keeps inline and display forms of one formula apart in its cache', () => {
    const inline = renderTexHtml('$k$-means');
    const display = renderTexHtml('$$k$$-means');
    expect(inline).toBe('<math><mi>k</mi></math>-means');
    expect(display).not.toBe(inline);
    expect(display).toContain('tml-display');
    // From the cache, the same markup again.
    expect(renderTexHtml('$k$-means')).toBe(inline);
    expect(renderTexHtml('$$k$$-means')).toBe(display);
  });
});
