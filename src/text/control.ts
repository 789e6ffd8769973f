// Control characters never reach a terminal, a text digest, a mail or a log line: a title
// carrying `ESC [2J` would clear the reader's screen, `ESC ]8;;…` plant a hidden link, a CR
// overwrite the line it is on. What goes: ECMA-48 escape sequences whole (CSI `ESC [ … final`,
// OSC `ESC ] … BEL|ST`, and their C1 forms), then every C0 character but TAB and LF, DEL and C1,
// and Unicode's explicit bidi embeddings, overrides and isolates (U+202A-E, U+2066-9): an RLO
// shows `gpj.exe` as `exe.jpg` (CVE-2021-42574, "Trojan Source"); text of either direction reads
// right without them (the bidi algorithm orders it), and the marks LRM and RLM stay.
// Pure; used at ingest of every source (arXiv, blogs, Hugging Face, the hand-edited files), so the
// stored text is clean, and again at every text output's edge.

/* eslint-disable no-control-regex -- matching control characters is what this module is for */
const ANY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const ESCAPE_SEQUENCES =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[ -/]*[0-~]?/g;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function hasControlCharacters(text: string): boolean {
  return ANY_CONTROL.test(text);
}

/** The text without escape sequences, control characters (TAB and LF stay) and bidi overrides. */
export function stripControlCharacters(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '');
}

/** For a log line: the control characters written as `\u001b`, so they show without acting. */
export function escapeControlCharacters(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
