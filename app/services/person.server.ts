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
  consentServiceEmails: boolean;
  consentReminders: boolean;
  helperEmail: string | null;
};

/** The person a booking is made for, as the booking and its emails need them. */
export type BookingPerson = {
  id: string;
  firstName: string;
  lastName: string;
  /** Where this booking's emails go, or null when we may not or cannot write. */
  notifyEmail: string | null;
  locale: string;
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
 * Creates the person, or brings the recognised one up to date with what they just said. Only
 * what is newly given changes: an unticked consent box withdraws nothing (that has its own
 * page), a contact already on file is not overwritten (it may be a household's shared one).
 */
export async function savePerson(
  tx: TransactionClient,
  input: PersonInput,
  existing: PersonMatchRow | null,
  context: { now: Date; createdById?: string | null },
): Promise<BookingPerson> {
  const { now } = context;
  const email = input.email?.trim() || null;
  const phone = input.phone?.trim() || null;
  const helperEmail = input.helperEmail?.trim() || null;
  const emailNormalized = normalizeEmail(email);
  const phoneNormalized = normalizePhone(phone);

  if (existing === null) {
    const firstName = input.firstName.trim();
    const lastName = input.lastName.trim();
    const created = await tx.person.create({
      data: {
        firstName,
        lastName,
        nameKey: nameKey(firstName, lastName),
        email,
        emailNormalized,
        phone,
        phoneNormalized,
        communeId: input.communeId,
        ageBand: input.ageBand,
        preferredLanguage: input.preferredLanguage,
        consentServiceEmails: input.consentServiceEmails,
        consentReminders: input.consentReminders,
        consentsUpdatedAt: input.consentServiceEmails || input.consentReminders ? now : null,
        helperEmail,
        createdById: context.createdById ?? null,
        lastActivityAt: now,
      },
      select: { id: true, firstName: true, lastName: true, email: true, preferredLanguage: true, consentServiceEmails: true },
    });
    return toBookingPerson(created, email);
  }

  const grantsServiceEmails = input.consentServiceEmails && !existing.consentServiceEmails;
  const grantsReminders = input.consentReminders && !existing.consentReminders;
  const updated = await tx.person.update({
    where: { id: existing.id },
    data: {
      lastActivityAt: now,
      preferredLanguage: input.preferredLanguage,
      ...(input.communeId ? { communeId: input.communeId } : {}),
      ...(input.ageBand ? { ageBand: input.ageBand } : {}),
      ...(grantsServiceEmails ? { consentServiceEmails: true } : {}),
      ...(grantsReminders ? { consentReminders: true } : {}),
      ...(grantsServiceEmails || grantsReminders ? { consentsUpdatedAt: now } : {}),
      ...(existing.emailNormalized === null && emailNormalized ? { email, emailNormalized } : {}),
      ...(existing.phoneNormalized === null && phoneNormalized ? { phone, phoneNormalized } : {}),
      ...(helperEmail ? { helperEmail } : {}),
    },
    select: { id: true, firstName: true, lastName: true, email: true, preferredLanguage: true, consentServiceEmails: true },
  });
  return toBookingPerson(updated, email);
}

function toBookingPerson(
  person: { id: string; firstName: string; lastName: string; email: string | null; preferredLanguage: string; consentServiceEmails: boolean },
  typedEmail: string | null,
): BookingPerson {
  // The address typed on this very form is where they expect this booking's answer.
  const address = typedEmail ?? person.email;
  return {
    id: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    notifyEmail: person.consentServiceEmails ? address : null,
    locale: person.preferredLanguage,
  };
}
