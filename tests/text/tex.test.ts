// TeX in arXiv metadata: math found and left alone, text-mode accents and letters decoded to Unicode.
import { describe, expect, it } from 'vitest';
import { decodeTexText, splitTex, texToPlain } from '../../src/text/tex.ts';

describe('decodeTexText', () => {
  it.each([
    ["G\\'abor Melis", 'Gábor Melis'],
    ['Bernhard Sch\\"olkopf', 'Bernhard Schölkopf'],
    ["Tom\\'a\\v{s} Ko\\v{c}isk\\'y", 'Tomáš Kočiský'],
    ['S{\\o}ren Hauberg', 'Søren Hauberg'],
    ['J\\"{u}rgen Schmidhuber', 'Jürgen Schmidhuber'],
    ['Fran\\c{c}ois Fleuret', 'François Fleuret'],
    ['Fran\\c cois', 'François'],
    ['Micha{\\l} Valko', 'Michał Valko'],
    ["\\'Alvaro", 'Álvaro'],
    ["Horv\\'ath", 'Horváth'],
    ["{\\'{\\i}}", 'í'],
    ["Mart\\'\\i n", 'Martín'],
    ['P\\r{a}l Orten', 'Pål Orten'],
    ['Erd\\H{o}s', 'Erdős'],
    ['Stra\\ss e', 'Straße'],
    ['{\\AA}ngstr{\\"o}m', 'Ångström'],
    ["Lenka Zdeborov\\'a", 'Lenka Zdeborová'],
    ['{BERT} and \\emph{large} models', 'BERT and large models'],
    ['Q\\&A over 50\\% of data', 'Q&A over 50% of data'],
    ['a~b', 'a\u00A0b'],
    ['sets \\{x\\}', 'sets {x}'],
  ])('%s -> %s', (tex, unicode) => {
    expect(decodeTexText(tex)).toBe(unicode);
  });

  it('leaves plain text and unknown commands as written', () => {
    expect(decodeTexText('Plain title, 3 < 4 & 5')).toBe('Plain title, 3 < 4 & 5');
    expect(decodeTexText('see \\cite{x}')).toBe('see \\cite{x}');
  });

  it('composes to NFC, so the result compares equal to typed text', () => {
    expect(decodeTexText('Sch\\"olkopf')).toBe('Schölkopf'.normalize('NFC'));
    expect(decodeTexText('Sch\\"olkopf').length).toBe('Schölkopf'.length);
  });
});

describe('splitTex', () => {
  it('finds inline and display math and leaves the rest as text', () => {
    expect(splitTex('A $O(n \\log n)$ bound and $$\\sum_i x_i$$ here')).toEqual([
      { math: false, source: 'A ' },
      { math: true, source: 'O(n \\log n)' },
      { math: false, source: ' bound and ' },
      { math: true, source: '\\sum_i x_i', display: true },
      { math: false, source: ' here' },
    ]);
    expect(splitTex('\\(x^2\\) and \\[y\\]')).toEqual([
      { math: true, source: 'x^2' },
      { math: false, source: ' and ' },
      { math: true, source: 'y', display: true },
    ]);
  });

  it('keeps prose between two stray dollars as text, and formulas with words in commands as math', () => {
    const stray = 'costs $5 for the noisy observations that arise in practice, or $k$ more';
    expect(splitTex(stray)).toEqual([{ math: false, source: stray }]);
    expect(splitTex('$x \\text{for all and every} y$')).toEqual([
      { math: true, source: 'x \\text{for all and every} y' },
    ]);
    expect(splitTex('$O(n \\log n + k \\log k)$')).toEqual([{ math: true, source: 'O(n \\log n + k \\log k)' }]);
  });

  it('keeps an unpaired or escaped dollar as text', () => {
    expect(splitTex('It costs \\$5 and $3')).toEqual([{ math: false, source: 'It costs \\$5 and $3' }]);
    expect(splitTex('No math here')).toEqual([{ math: false, source: 'No math here' }]);
  });
});

describe('texToPlain', () => {
  it('decodes text runs and keeps math as written', () => {
    expect(texToPlain('Sch\\"olkopf\'s $\\tilde{O}(\\sqrt{T})$ regret in $\\mathbb{R}^d$')).toBe(
      "Schölkopf's $\\tilde{O}(\\sqrt{T})$ regret in $\\mathbb{R}^d$",
    );
  });
});
