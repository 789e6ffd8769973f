// arXiv serves UTF-8. A body or file that is not valid UTF-8 is refused with where it goes wrong,
// rather than decoded with U+FFFD in place of what was there (TextDecoder's default, which
// stored titles silently changed).

/** Not UTF-8; `message` says at which byte and line. */
export class Utf8Error extends Error {
  override name = 'Utf8Error';
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** Decodes `bytes` (a leading BOM is dropped); throws Utf8Error naming the first bad byte. */
export function decodeUtf8Strict(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    const at = findInvalidUtf8(bytes);
    let line = 1;
    for (let k = bytes.indexOf(10); k !== -1 && k < at; k = bytes.indexOf(10, k + 1)) line += 1;
    throw new Utf8Error(`not valid UTF-8 at byte ${at} (line ${line}): arXiv serves UTF-8`);
  }
}

/** Offset of the first byte that starts no valid UTF-8 sequence (RFC 3629 §4), or bytes.length. */
function findInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1]!;
    // Overlong forms, surrogates and code points past U+10FFFF.
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f)) return i;
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return bytes.length;
}
