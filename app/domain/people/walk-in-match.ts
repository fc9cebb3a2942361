// Finding someone who walked into a session without a booking, and telling a new person from one
// already known. A trainer sees nothing of residents beyond their rosters, so the search answers
// only a query precise enough to name one person (a full phone, a full email, a first name and the
// start of a last name), never a browse of the register, and shows only enough to recognise them.
import { normalizeEmail, normalizePhone } from "./contact";
import { nameKeyPart } from "./name-key";
import { firstNamesAgree } from "./same-person";

/** At most this many people are shown for one search: more means the query must be more precise. */
export const WALK_IN_SEARCH_LIMIT = 5;

/** Letters of the last name needed after a full first name before a name is searched. */
export const LAST_NAME_PREFIX_MIN = 2;

/** Longest query accepted (a long name with a compound last name fits). */
export const WALK_IN_QUERY_MAX = 120;

export type WalkInQuery =
  | { kind: "empty" }
  | { kind: "phone"; phoneNormalized: string }
  | { kind: "email"; emailNormalized: string }
  /** `exact`: name keys to compare whole ("first last", or "last first" as people also say it); `prefix`: the start of "first last". */
  | { kind: "name"; exact: string[]; prefix: string }
  /** Why the query cannot be searched: too short a name, a number or address that is not whole. */
  | { kind: "too-vague"; reason: "NAME_TOO_SHORT" | "PHONE_INCOMPLETE" | "EMAIL_INCOMPLETE" | "TOO_LONG" };

const PHONE_LIKE = /^\+?[\d\s.\-/()]+$/;
const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
/** A name key holds letters, digits and single spaces; anything else could act as a LIKE wildcard. */
const NOT_NAME_KEY = /[^\p{L}\p{N} ]/gu;

/** Reads what the trainer typed in the one search field: a phone, an email, or a name. */
export function parseWalkInQuery(raw: string): WalkInQuery {
  const text = raw.trim();
  if (text === "") return { kind: "empty" };
  if (text.length > WALK_IN_QUERY_MAX) return { kind: "too-vague", reason: "TOO_LONG" };
  if (text.includes("@")) {
    const email = normalizeEmail(text);
    return email !== null && EMAIL_LIKE.test(email)
      ? { kind: "email", emailNormalized: email }
      : { kind: "too-vague", reason: "EMAIL_INCOMPLETE" };
  }
  if (PHONE_LIKE.test(text) && /\d/.test(text)) {
    const phone = normalizePhone(text);
    return phone !== null
      ? { kind: "phone", phoneNormalized: phone }
      : { kind: "too-vague", reason: "PHONE_INCOMPLETE" };
  }
  const key = nameKeyPart(text).replace(NOT_NAME_KEY, "").replace(/\s+/g, " ").trim();
  const words = key.split(" ").filter(Boolean);
  const last = words.at(-1) ?? "";
  if (words.length < 2 || last.length < LAST_NAME_PREFIX_MIN) return { kind: "too-vague", reason: "NAME_TOO_SHORT" };
  // "Dupont Hélène" as well as "Hélène Dupont", whole; a compound name may split anywhere.
  const exact = new Set<string>();
  for (let i = 1; i < words.length; i++) exact.add([...words.slice(i), ...words.slice(0, i)].join(" "));
  exact.add(key);
  return { kind: "name", exact: [...exact], prefix: key };
}

export type AgeBand = "UNDER_18" | "FROM_18_TO_24" | "FROM_25_TO_39" | "FROM_40_TO_59" | "FROM_60_TO_69" | "FROM_70";

/** The funders' age band of someone born in `birthYear`, as of `now` (the age they reach this year). */
export function ageBandOfBirthYear(birthYear: number, now: Date): AgeBand {
  const age = now.getUTCFullYear() - birthYear;
  if (age < 18) return "UNDER_18";
  if (age < 25) return "FROM_18_TO_24";
  if (age < 40) return "FROM_25_TO_39";
  if (age < 60) return "FROM_40_TO_59";
  if (age < 70) return "FROM_60_TO_69";
  return "FROM_70";
}

export type KnownPerson = {
  id: string;
  firstName: string;
  lastName: string;
  nameKey: string;
  communeName: string | null;
  ageBand: AgeBand | null;
  birthYear: number | null;
};

/** What a trainer is shown of someone found: enough to ask « C'est bien vous ? », nothing more. */
export type PersonGlimpse = {
  id: string;
  firstName: string;
  /** The whole last name only when the trainer typed it whole; otherwise its initial. */
  lastName: string;
  lastNameIsInitial: boolean;
  communeName: string | null;
  ageBand: AgeBand | null;
};

function initialOf(lastName: string): string {
  const first = [...lastName.trim()][0];
  return first ? first.toLocaleUpperCase("fr") : "";
}

/**
 * The glimpse of a person for a search or a duplicate warning. `typedNameKeys`: the whole names
 * the trainer typed (a name search's exact keys, or the new person's name key): matching one of
 * them, the last name tells nothing new and is shown in full.
 */
export function glimpseOf(person: KnownPerson, typedNameKeys: readonly string[], now: Date): PersonGlimpse {
  const typedWhole = typedNameKeys.includes(person.nameKey);
  return {
    id: person.id,
    firstName: person.firstName,
    lastName: typedWhole ? person.lastName : initialOf(person.lastName),
    lastNameIsInitial: !typedWhole,
    communeName: person.communeName,
    ageBand: person.ageBand ?? (person.birthYear !== null ? ageBandOfBirthYear(person.birthYear, now) : null),
  };
}

export type NewPersonContact = {
  firstName: string;
  lastName: string;
  nameKey: string;
  emailNormalized: string | null;
  phoneNormalized: string | null;
};

export type ExistingContact = {
  id: string;
  firstName: string;
  nameKey: string;
  emailNormalized: string | null;
  phoneNormalized: string | null;
};

/**
 * How an existing record relates to a new person about to be created:
 * - `SAME_CONTACT`: same phone or email and a first name that agrees — it is them; the walk-in
 *   must use that record (a second one would be a duplicate);
 * - `SHARED_CONTACT`: same phone or email, another first name — a household member sharing the
 *   landline or the address (docs/decisions/003), who may get a record of their own once the
 *   trainer says so;
 * - `SAME_NAME`: the same name with other (or no) contacts — perhaps them, perhaps a namesake:
 *   the trainer must say which.
 */
export type CandidateKind = "SAME_CONTACT" | "SHARED_CONTACT" | "SAME_NAME";

export function candidateKind(input: NewPersonContact, existing: ExistingContact): CandidateKind | null {
  const sharesContact =
    (input.phoneNormalized !== null && input.phoneNormalized === existing.phoneNormalized) ||
    (input.emailNormalized !== null && input.emailNormalized === existing.emailNormalized);
  if (sharesContact) return firstNamesAgree(input.firstName, existing.firstName) ? "SAME_CONTACT" : "SHARED_CONTACT";
  return input.nameKey === existing.nameKey ? "SAME_NAME" : null;
}

export type DuplicateDecision =
  | { create: true }
  /** Candidates the trainer has not yet ruled out; `mustReuse`: one is certainly the same person. */
  | { create: false; candidates: { id: string; kind: CandidateKind }[]; mustReuse: boolean };

/**
 * Whether a new record may be made. Never over a `SAME_CONTACT` match; over the other kinds only
 * when the trainer said « C'est une autre personne » for every one of them (`ruledOut`: the ids
 * shown when they said it; a candidate that appeared since must be shown too).
 */
export function decideNewPerson(
  input: NewPersonContact,
  existing: readonly ExistingContact[],
  ruledOut: readonly string[],
): DuplicateDecision {
  const candidates = existing.flatMap((person) => {
    const kind = candidateKind(input, person);
    return kind === null ? [] : [{ id: person.id, kind }];
  });
  const mustReuse = candidates.some((c) => c.kind === "SAME_CONTACT");
  if (!mustReuse && candidates.every((c) => ruledOut.includes(c.id))) return { create: true };
  const order: Record<CandidateKind, number> = { SAME_CONTACT: 0, SHARED_CONTACT: 1, SAME_NAME: 2 };
  return {
    create: false,
    candidates: [...candidates].sort((a, b) => order[a.kind] - order[b.kind]),
    mustReuse,
  };
}

/** Walk-ins counted without a name, per tap of the form: a small group at most. */
export const ANONYMOUS_COUNT_MIN = 1;
export const ANONYMOUS_COUNT_MAX = 30;

/** A form's one-time key: what `crypto.randomBytes(…).toString("base64url")` makes, plus a purpose suffix. */
export const REQUEST_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}(:[A-Za-z0-9_-]{1,70})?$/;
