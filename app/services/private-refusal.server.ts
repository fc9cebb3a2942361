// A refusal that comes from a person's own bookings is hers to hear, not the form's poster's:
// see docs/decisions/010-an-unauthenticated-form-only-adds.md.
import { findSessionForBooking, type SessionForEmail } from "~/models/booking.server";
import { personOnFileRecipient } from "~/domain/booking/recipient";
import type { PersonalReason } from "~/domain/policy/booking-policy";
import type { PersonMatchRow } from "~/models/person.server";
import { FIND_MY_BOOKINGS_PATH } from "~/utils/booking-paths";

import { enqueueEmail } from "./outbox.server";
import type { TransactionClient } from "./transaction.server";

/** What the form's poster is told instead: the same words whoever they typed, with the same status. */
export const PRIVATE_REFUSAL = "PRIVATE_REFUSAL";

type Attempt =
  | { kind: "session"; session: SessionForEmail }
  | { kind: "course"; course: { id: string; title: string }; session: SessionForEmail | null };

/**
 * Explains the refusal to the contact on file, in the transaction that refused (it commits the
 * email and nothing else). It is about her other bookings, not the one tried, so it goes to her
 * stored address (`personOnFileRecipient`), never to the address typed on the form; like every
 * message about her bookings it needs no tick (decisions/015). At most one a day per person,
 * attempt and reason, so a stranger posting the form again and again sends no flood.
 * The payload holds no token: the email points to "Retrouver mes réservations", which asks for
 * the address again.
 */
export async function tellContactOnFile(
  tx: TransactionClient,
  refusal: {
    person: Pick<PersonMatchRow, "id" | "firstName" | "lastName" | "email" | "preferredLanguage">;
    code: PersonalReason;
    attempt: Attempt;
    conflictingSessionId?: string;
    now: Date;
  },
): Promise<void> {
  const { person, attempt, now } = refusal;
  const recipient = personOnFileRecipient(person);
  if (recipient === null) return;

  const conflicting = refusal.conflictingSessionId
    ? await findSessionForBooking(tx, refusal.conflictingSessionId)
    : null;
  const targetId = attempt.kind === "session" ? attempt.session.id : attempt.course.id;
  await enqueueEmail(tx, {
    kind: "booking-refused",
    recipient: recipient.email,
    locale: recipient.locale,
    dedupeKey: `booking-refused:${person.id}:${attempt.kind}:${targetId}:${refusal.code}:${now.toISOString().slice(0, 10)}`,
    payload: {
      reason: refusal.code,
      firstName: person.firstName,
      lastName: person.lastName,
      attemptedAt: now.toISOString(),
      course: attempt.kind === "course" ? attempt.course : null,
      session: attempt.session ? describe(attempt.session) : null,
      conflictingSession: conflicting ? describe(conflicting) : null,
      findBookingsPath: FIND_MY_BOOKINGS_PATH,
    },
  });
}

function describe(session: SessionForEmail) {
  return {
    id: session.id,
    workshopTitle: session.workshop.title,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    placeName: session.place.name,
    placePhone: session.place.phone,
  };
}
