// What a resident may type in a free-text field. Names, notes and emails end up in emails, cards,
// calendar files and staff screens: a control character (NUL, an ESC sequence, a line break in a
// name) or a bidi override (U+202E turns "gpj.exe" around) would reach all of them.

/** Why a text was refused; each reason has its own message (forms:safeText.*). */
export type UnsafeTextReason = "control" | "bidi";

/**
 * C0 controls (U+0000–U+001F), DEL and the C1 controls (U+0080–U+009F), and the line and
 * paragraph separators U+2028/U+2029. Tab, line feed and carriage return are allowed only in
 * multi-line fields.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this rule's whole point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/u;
const LINE_BREAK_OR_TAB = /[\t\n\r]/u;

/**
 * Embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069) reorder what follows them
 * until a terminator that may never come. The implicit marks (U+200E LRM, U+200F RLM, U+061C ALM)
 * are allowed: phone keyboards insert them in Arabic text, and they reorder nothing beyond their
 * neighbours.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/** The first reason to refuse `text`, or null when it is safe to store and show. */
export function unsafeTextReason(text: string, options: { multiline?: boolean } = {}): UnsafeTextReason | null {
  if (CONTROL.test(text)) return "control";
  if (!options.multiline && LINE_BREAK_OR_TAB.test(text)) return "control";
  if (BIDI_CONTROL.test(text)) return "bidi";
  return null;
}

export function isSafeText(text: string, options: { multiline?: boolean } = {}): boolean {
  return unsafeTextReason(text, options) === null;
}
