import { describe, expect, it } from 'vitest';
import { escapeControlCharacters, hasControlCharacters, stripControlCharacters } from '../../src/text/control.ts';

describe('control characters', () => {
  it.each([
    ['\u001b[2JCleared', 'Cleared'],
    ['Red \u001b[31mtitle\u001b[0m', 'Red title'],
    ['Link \u001b]8;;https://evil.example\u0007here\u001b]8;;\u0007', 'Link here'],
    ['OSC ended by ST \u001b]0;title\u001b\\done', 'OSC ended by ST done'],
    ['C1 CSI \u009b2Jgone', 'C1 CSI gone'],
    ['carriage\rreturn, bell\u0007, NUL\u0000, DEL\u007f, C1\u0085', 'carriagereturn, bell, NUL, DEL, C1'],
    ['a lone ESC at the end\u001b', 'a lone ESC at the end'],
    ['bidi: \u202egpj.exe\u202c \u2067isolated\u2069 \u202aembedded\u202c', 'bidi: gpj.exe isolated embedded'],
  ])('strips %j', (text, clean) => {
    expect(stripControlCharacters(text)).toBe(clean);
    expect(hasControlCharacters(clean)).toBe(false);
  });

  it('keeps tabs, line feeds and every printable character, TeX and accents included', () => {
    // Hebrew and Arabic need no explicit bidi formatting; the marks LRM and RLM stay.
    const text =
      'Caf\u00e9 \t $\\alpha$ < & \u2014 \u00a0x\nnext \u{1f600} \u05e9\u05dc\u05d5\u05dd\u200f \u0645\u0631\u062d\u0628\u0627\u200e';
    expect(stripControlCharacters(text)).toBe(text);
    expect(hasControlCharacters(text)).toBe(false);
  });

  it('escapes for logs: the characters show without acting', () => {
    expect(escapeControlCharacters('a\u001b[2Jb\u0085')).toBe('a\\u001b[2Jb\\u0085');
  });
});
