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

/**
 * Everyone who booked with this contact email (a household may share one), with the address as
 * it was typed on one of those bookings: "retrouver mes réservations" writes there.
 */
export async function findPersonsByBookingContact(db: DbClient, contactEmailNormalized: string) {
  const bookings = await db.booking.findMany({
    where: { contactEmailNormalized, contactEmail: { not: null }, person: { deletedAt: null, anonymised: false } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { contactEmail: true, person: { select: { id: true, firstName: true, createdAt: true } } },
  });
  const byPerson = new Map<string, { id: string; firstName: string; contactEmail: string; createdAt: Date }>();
  for (const booking of bookings) {
    if (!byPerson.has(booking.person.id) && booking.contactEmail !== null) {
      byPerson.set(booking.person.id, { ...booking.person, contactEmail: booking.contactEmail });
    }
  }
  return [...byPerson.values()].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
}
