import type { DbClient } from "./session.server";

/**
 * Fields the matching rule compares, plus the contact on file a booking's emails use. A form
 * updates none of them (decision 010).
 */
const personMatchSelect = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  emailNormalized: true,
  phone: true,
  phoneNormalized: true,
  preferredLanguage: true,
  consentServiceEmails: true,
} as const;

export type PersonMatchRow = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  emailNormalized: string | null;
  phone: string | null;
  phoneNormalized: string | null;
  preferredLanguage: string;
  consentServiceEmails: boolean;
};

/** Live people sharing the normalised email or phone; the domain then decides who is who. */
export async function findPersonsByContact(
  db: DbClient,
  contact: { emailNormalized: string | null; phoneNormalized: string | null },
): Promise<PersonMatchRow[]> {
  const or = [
    ...(contact.emailNormalized ? [{ emailNormalized: contact.emailNormalized }] : []),
    ...(contact.phoneNormalized ? [{ phoneNormalized: contact.phoneNormalized }] : []),
  ];
  if (or.length === 0) return [];
  return db.person.findMany({
    where: { deletedAt: null, anonymised: false, OR: or },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: personMatchSelect,
  });
}

/** Everyone reachable at this email (a household may share one). */
export async function findPersonsByEmail(db: DbClient, emailNormalized: string) {
  return db.person.findMany({
    where: { deletedAt: null, anonymised: false, emailNormalized },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, firstName: true, email: true },
  });
}
