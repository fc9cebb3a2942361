import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from "libphonenumber-js/max";

import { PHONE_MAX } from "./limits";

/** Trimmed and lower-cased; null when nothing was typed. Format checks belong to the form. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  const email = raw?.trim().toLowerCase() ?? "";
  return email === "" ? null : email;
}

// libphonenumber-js with its full ("max") metadata: it knows which blocks of numbers exist, kept up
// to date by the package, where a hand-kept prefix table only checked lengths.
const DEFAULT_REGION: CountryCode = "FR";

// The overseas departments are dialled from France with 0-prefixed numbers ("0692…") but have
// their own country codes; a national number that is not a valid French one is tried as theirs,
// so "0692…" and "+262 692…" are the same phone. Mayotte shares +262 with La Réunion, and
// Saint-Martin and Saint-Barthélemy share +590 with Guadeloupe.
const OVERSEAS_REGIONS: readonly CountryCode[] = ["RE", "GP", "GF", "MQ"];

/** Digits with the separators people actually type: spaces, dots, dashes, slashes, brackets. */
const PHONE_WRITING = /^\+?[\d\s.\-/()]+$/;

function parse(raw: string | null | undefined): PhoneNumber | null {
  const text = raw?.trim() ?? "";
  if (text === "" || text.length > PHONE_MAX || !PHONE_WRITING.test(text)) return null;
  // "+33 (0)6…" writes the trunk 0 in brackets: it is never dialled after the country code.
  const written = text.replace(/\(0\)/g, "");
  const international = written.startsWith("+") || written.replace(/\D/g, "").startsWith("00");
  for (const region of international ? [DEFAULT_REGION] : [DEFAULT_REGION, ...OVERSEAS_REGIONS]) {
    const phone = parsePhoneNumberFromString(written, region);
    if (phone?.isValid()) return phone;
  }
  return null;
}

/**
 * E.164 ("+33612345678") from any usual writing of a number that exists — French landline or
 * mobile, overseas, or another country's written with "+" or "00" — or null.
 */
export function normalizePhone(raw: string | null | undefined): string | null {
  return parse(raw)?.number ?? null;
}

/**
 * How the number is shown and stored for people to read: "06 12 34 56 78" for a French number,
 * "+44 20 7946 0958" for any other; null when it is not a valid number.
 */
export function formatPhone(raw: string | null | undefined): string | null {
  const phone = parse(raw);
  if (phone === null) return null;
  return phone.country === DEFAULT_REGION ? phone.formatNational() : phone.formatInternational();
}

/**
 * "m…@exemple.fr": enough for the person to recognise her address on a page that may be open
 * on a shared screen, not enough to copy it. The domain stays whole: people recognise it.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "…";
  return `${email.slice(0, 1)}…${email.slice(at)}`;
}
