import { normalizeEmail, normalizePhone } from "~/domain/people/contact";
import { nameKey } from "~/domain/people/name-key";
import { findMatchingPerson } from "~/domain/people/same-person";
import type { AgeBand } from "~/generated/prisma/enums";
import { findPersonsByContact, type PersonMatchRow } from "~/models/person.server";

import type { TransactionClient } from "./transaction.server";

export type Locale = "fr" | "en" | "es" | "ar";

export type PersonInput = {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  communeId: string | null;
  ageBand: AgeBand | null;
  preferredLanguage: Locale;
  /** Optional messages (suggestions of other workshops): the only ones that need a tick (decisions/015). */
  consentSuggestions: boolean;
  helperEmail: string | null;
};

/**
 * The person a booking is made for, as the booking and its emails need them. Where the emails go
 * is the booking's own contact, not the person's (`bookingRecipient`, docs/decisions/015).
 */
export type BookingPerson = {
  id: string;
  firstName: string;
  lastName: string;
};

/**
 * The existing record this form describes, if any: candidates share the normalised email or
 * phone, and the domain rule picks among them (same first name, so spouses stay apart).
 * Reads only, so a refused booking leaves no trace; call it inside the booking transaction so
 * two simultaneous first bookings of a new person cannot both miss and both create.
 */
export async function recognisePerson(tx: TransactionClient, input: PersonInput): Promise<PersonMatchRow | null> {
  const candidates = await findPersonsByContact(tx, {
    emailNormalized: normalizeEmail(input.email),
    phoneNormalized: normalizePhone(input.phone),
  });
  return findMatchingPerson(
    { firstName: input.firstName, lastName: input.lastName, email: input.email, phone: input.phone },
    candidates.map((c) => ({ ...c, email: c.emailNormalized, phone: c.phoneNormalized })),
  );
}

/**
 * Creates the person, or finds the recognised one unchanged. A booking form is not signed in:
 * whoever knows an email and a first name can post it, so it may add a person and a booking but
 * never change what is stored about someone (language, consents, commune, age band, contacts,
 * helper's email). Only `lastActivityAt`, which is bookkeeping, moves. Stored details change
 * from the manage page, the bookings session or the staff pages
 * (docs/decisions/010-an-unauthenticated-form-only-adds.md).
 */
export async function savePerson(
  tx: TransactionClient,
  input: PersonInput,
  existing: PersonMatchRow | null,
  context: { now: Date; createdById?: string | null },
): Promise<BookingPerson> {
  const { now } = context;

  if (existing === null) {
    const email = input.email?.trim() || null;
    const phone = input.phone?.trim() || null;
    const firstName = input.firstName.trim();
    const lastName = input.lastName.trim();
    const created = await tx.person.create({
      data: {
        firstName,
        lastName,
        nameKey: nameKey(firstName, lastName),
        email,
        emailNormalized: normalizeEmail(email),
        phone,
        phoneNormalized: normalizePhone(phone),
        communeId: input.communeId,
        ageBand: input.ageBand,
        preferredLanguage: input.preferredLanguage,
        consentSuggestions: input.consentSuggestions,
        consentsUpdatedAt: input.consentSuggestions ? now : null,
        helperEmail: input.helperEmail?.trim() || null,
        createdById: context.createdById ?? null,
        lastActivityAt: now,
      },
      select: bookingPersonSelect,
    });
    return toBookingPerson(created);
  }

  const touched = await tx.person.update({
    where: { id: existing.id },
    data: { lastActivityAt: now },
    select: bookingPersonSelect,
  });
  return toBookingPerson(touched);
}

const bookingPersonSelect = { id: true, firstName: true, lastName: true } as const;

function toBookingPerson(person: BookingPerson): BookingPerson {
  return { id: person.id, firstName: person.firstName, lastName: person.lastName };
}
