// Control characters never reach a terminal, a text digest, a mail or a log line: a title
// carrying `ESC [2J` would clear the reader's screen, `ESC ]8;;…` plant a hidden link, a CR
// overwrite the line it is on. What goes: ECMA-48 escape sequences whole (CSI `ESC [ … final`,
// OSC `ESC ] … BEL|ST`, and their C1 forms), then every C0 character but TAB and LF, DEL and C1.
// Pure; used at ingest (the stored text is clean) and again at every text output's edge.

/* eslint-disable no-control-regex -- matching control characters is what this module is for */
const ANY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const ESCAPE_SEQUENCES =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[ -/]*[0-~]?/g;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function hasControlCharacters(text: string): boolean {
  return ANY_CONTROL.test(text);
}

/** The text without escape sequences and control characters (TAB and LF stay). */
export function stripControlCharacters(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '');
}

/** For a log line: the control characters written as `\u001b`, so they show without acting. */
export function escapeControlCharacters(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
