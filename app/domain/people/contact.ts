import { PHONE_MAX } from "./limits";

/** Trimmed and lower-cased; null when nothing was typed. Format checks belong to the form. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  const email = raw?.trim().toLowerCase() ?? "";
  return email === "" ? null : email;
}

// Overseas departments are reached from France with a French 0-prefixed number but have their
// own country code; mapping them keeps "0692…" and "+262 692…" the same phone.
const OVERSEAS_PREFIXES: Record<string, string> = {
  "0262": "262", "0692": "262", "0693": "262", // La Réunion
  "0269": "262", "0639": "262", // Mayotte
  "0590": "590", "0690": "590", "0691": "590", // Guadeloupe, Saint-Martin, Saint-Barthélemy
  "0594": "594", "0694": "594", // Guyane
  "0596": "596", "0696": "596", "0697": "596", // Martinique
};

const FRENCH_NATIONAL = /^0[1-9]\d{8}$/;
const FRENCH_SIGNIFICANT = /^[1-9]\d{8}$/;
/** E.164: a country code not starting with 0, at most 15 digits in all. */
const INTERNATIONAL = /^[1-9]\d{6,14}$/;
/** Digits with the separators people actually type: spaces, dots, dashes, slashes, brackets. */
const PHONE_WRITING = /^\+?[\d\s.\-/()]+$/;

/**
 * E.164 ("+33612345678") from any usual writing of a French number, or "+…" / "00…" for other
 * countries; null when it cannot be a phone number.
 */
export function normalizePhone(raw: string | null | undefined): string | null {
  const text = raw?.trim() ?? "";
  if (text === "" || text.length > PHONE_MAX || !PHONE_WRITING.test(text)) return null;

  // "+33 (0)6…" writes the trunk 0 in brackets: it is never dialled after the country code.
  let digits = text.replace(/\(0\)/g, "").replace(/[^\d+]/g, "");
  if (digits.startsWith("00")) digits = `+${digits.slice(2)}`;
  return digits.startsWith("+") ? internationalToE164(digits.slice(1)) : frenchNationalToE164(digits);
}

function frenchNationalToE164(digits: string): string | null {
  if (!FRENCH_NATIONAL.test(digits)) return null;
  const countryCode = OVERSEAS_PREFIXES[digits.slice(0, 4)] ?? "33";
  return `+${countryCode}${digits.slice(1)}`;
}

function internationalToE164(digits: string): string | null {
  if (digits.startsWith("33")) {
    let significant = digits.slice(2);
    // "+33 06 12 34 56 78" is a common mix of both writings.
    if (FRENCH_NATIONAL.test(significant)) significant = significant.slice(1);
    return FRENCH_SIGNIFICANT.test(significant) ? `+33${significant}` : null;
  }
  return INTERNATIONAL.test(digits) ? `+${digits}` : null;
}
