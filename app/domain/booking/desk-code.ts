// The short code printed on a booking card, for the reception desk to find the booking when a
// resident calls or walks in. It opens nothing by itself (docs/decisions/021): only staff with
// the right permission can look it up.

/**
 * Digits and capitals a person reads aloud or copies without doubt: no 0/O, 1/I/L (the classic
 * confusions), and only one of each remaining look-alike pair (B/8, G/6, S/5, Z/2, U/V, Q/O),
 * so a misread character can be mapped back to the one printed.
 */
export const DESK_CODE_ALPHABET = "23456789ACDEFHJKMNPRTVWXY";
export const DESK_CODE_LENGTH = 8;

/** What a person may type or read for a character of the alphabet (lower case is handled apart). */
const LOOK_ALIKES: Readonly<Record<string, string>> = { B: "8", G: "6", S: "5", Z: "2", U: "V" };

/**
 * A new code from random bytes (one byte per character, rejection-sampled so every character is
 * equally likely): 25^8 ≈ 1.5 × 10^11 codes, so a clash with the unique column is rare and a
 * retry settles it.
 */
export function deskCodeFromBytes(next: () => number): string {
  const limit = 256 - (256 % DESK_CODE_ALPHABET.length);
  let code = "";
  while (code.length < DESK_CODE_LENGTH) {
    const byte = next();
    if (byte < limit) code += DESK_CODE_ALPHABET[byte % DESK_CODE_ALPHABET.length];
  }
  return code;
}

/**
 * What a staff member typed, as stored: upper case, without spaces, dashes or dots, look-alikes
 * mapped to the character printed. Null when it cannot be a code (wrong length, a character no
 * code contains): nothing to look up.
 */
export function normaliseDeskCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s\-.·_]/g, "");
  let code = "";
  for (const char of compact) {
    const mapped = LOOK_ALIKES[char] ?? char;
    if (!DESK_CODE_ALPHABET.includes(mapped)) return null;
    code += mapped;
  }
  return code.length === DESK_CODE_LENGTH ? code : null;
}

/** "K7PM 3XRA": two groups of four, easier to read over the phone. */
export function formatDeskCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}
