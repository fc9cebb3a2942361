// Where a booking's messages go: the one rule (docs/decisions/015). The contact typed on the
// booking's form is the booking's; the stored person's contact is never used for it, and the
// form never changes the stored person (decision 010).
import { normalizeEmail } from "../people/contact";

/** An email's addressee: the address, the language it is written in, and how to greet them. */
export type EmailRecipient = { email: string; locale: string; firstName: string; lastName: string };

/** What a booking keeps of the form that made it: where its messages go, in which language. */
export type BookingContact = {
  contactEmail: string | null;
  contactEmailNormalized: string | null;
  contactPhone: string | null;
  locale: string;
};

/** The booking's own contact, from the form that made (or re-made) it. */
export function bookingContactOf(form: { email: string | null; phone: string | null; locale: string }): BookingContact {
  const email = form.email?.trim() || null;
  return {
    contactEmail: email,
    contactEmailNormalized: normalizeEmail(email),
    contactPhone: form.phone?.trim() || null,
    locale: form.locale,
  };
}

/**
 * Every message about a booking (confirmation, waiting list, promotion, cancellation, reminders,
 * follow-up) goes here: to the email given with the booking, in the booking's language. They are
 * service messages: no tick is needed. Null for a booking made with a phone only.
 */
export function bookingRecipient(booking: {
  contactEmail: string | null;
  locale: string;
  person: { firstName: string; lastName: string };
}): EmailRecipient | null {
  if (!booking.contactEmail) return null;
  return {
    email: booking.contactEmail,
    locale: booking.locale,
    firstName: booking.person.firstName,
    lastName: booking.person.lastName,
  };
}

/**
 * A message about a person rather than one booking (a form refused because of her other
 * bookings): to the contact on file, in her stored language — never to an address a form typed.
 */
export function personOnFileRecipient(person: {
  email: string | null;
  preferredLanguage: string;
  firstName: string;
  lastName: string;
}): EmailRecipient | null {
  if (!person.email) return null;
  return {
    email: person.email,
    locale: person.preferredLanguage,
    firstName: person.firstName,
    lastName: person.lastName,
  };
}
