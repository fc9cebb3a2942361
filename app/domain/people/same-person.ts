import { normalizeEmail, normalizePhone } from "./contact";
import { nameKey, nameKeyPart } from "./name-key";

/** Raw or already normalised contact fields: normalising twice gives the same result. */
export interface PersonContact {
  firstName: string;
  lastName: string;
  email?: string | null;
  phone?: string | null;
}

function sharedContactCount(a: PersonContact, b: PersonContact): number {
  const email = normalizeEmail(a.email);
  const phone = normalizePhone(a.phone);
  return (
    Number(email !== null && email === normalizeEmail(b.email)) +
    Number(phone !== null && phone === normalizePhone(b.phone))
  );
}

/** Equal once normalised, or one is the leading part of a compound name (Jean / Jean-Pierre). */
export function firstNamesAgree(a: string, b: string): boolean {
  const left = nameKeyPart(a).split(" ").filter(Boolean);
  const right = nameKeyPart(b).split(" ").filter(Boolean);
  if (left.length === 0 || right.length === 0) return left.length === right.length;
  if (left.join("") === right.join("")) return true;
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  return shorter.every((token, i) => token === longer[i]);
}

/**
 * Recognised by email OR phone; the last name is not compared, since people book under a
 * birth name one day and a married name the next.
 */
export function isSamePerson(candidate: PersonContact, existing: PersonContact): boolean {
  // Senior couples often share one email or phone, so a shared contact with another first name is the spouse.
  return sharedContactCount(candidate, existing) > 0 && firstNamesAgree(candidate.firstName, existing.firstName);
}

/**
 * The best match when several records qualify (duplicates made before a merge): same full
 * name first, then most contacts shared, then the caller's order.
 */
export function findMatchingPerson<P extends PersonContact>(candidate: PersonContact, people: readonly P[]): P | null {
  const candidateKey = nameKey(candidate.firstName, candidate.lastName);
  const score = (person: P) =>
    (nameKey(person.firstName, person.lastName) === candidateKey ? 10 : 0) + sharedContactCount(candidate, person);

  let best: P | null = null;
  let bestScore = -1;
  for (const person of people) {
    if (!isSamePerson(candidate, person)) continue;
    const s = score(person);
    if (s > bestScore) [best, bestScore] = [person, s];
  }
  return best;
}
