// Field limits shared by the booking and staff forms (Zod schemas) and the domain rules.

/** First name, last name, helper name. */
export const NAME_MAX = 100;

/** RFC 5321 caps a forward path at 256 octets including the angle brackets. */
export const EMAIL_MAX = 254;

/** Room for any usual writing, e.g. "+33 (0)6 12 34 56 78", not only the E.164 form. */
export const PHONE_MAX = 30;

/** Free text about accessibility needs (wheelchair, hearing loop, large print…). */
export const ACCESSIBILITY_NEEDS_MAX = 500;

export const BIRTH_YEAR_MIN = 1900;
