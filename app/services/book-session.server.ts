import { isStaff } from "~/domain/policy/actor";
import { waitlistPosition } from "~/domain/booking/waitlist";
import {
  ANONYMOUS,
  answerAfterSeatAttempt,
  isPersonalReason,
  mayBookSession,
  mayHearPersonalReason,
  type Actor,
  type BookReason,
} from "~/domain/policy/booking-policy";
import { bookingContactOf, bookingRecipient } from "~/domain/booking/recipient";
import { findPersonBookings, findSessionForBooking, findWaitlist } from "~/models/booking.server";
import { manageTokenFor } from "~/utils/link-tokens.server";

import { audit } from "./audit.server";
import { syncScheduledEmails } from "./booking-schedule.server";
import { joinWaitlist, notifyBookingMade, takeSeat, writeBooking, type BookingSource } from "./booking-steps.server";
import { recognisePerson, savePerson, type PersonInput } from "./person.server";
import { PRIVATE_REFUSAL, tellContactOnFile } from "./private-refusal.server";
import { runTransaction } from "./transaction.server";

export type { PersonInput } from "./person.server";

export type BookSessionInput = {
  sessionId: string;
  person: PersonInput;
  source: BookingSource;
  /** Reminders before the workshop: on unless the form's box was unticked. */
  remindersWanted?: boolean;
  /** Who asks: the public form is anonymous (the default); staff book on the person's behalf. */
  actor?: Actor;
  now?: Date;
};

export type BookSessionResult =
  | {
      ok: true;
      bookingId: string;
      status: "CONFIRMED" | "WAITLISTED";
      manageToken: string;
      waitlistPosition: number | null;
      personId: string;
    }
  | {
      ok: false;
      code:
        | "SESSION_NOT_FOUND"
        /** The policy's reason (`mayBookSession`). */
        | BookReason
        /** Online, for a known person: refused for her own bookings, which only her contact on file is told. */
        | typeof PRIVATE_REFUSAL;
      conflictingSessionId?: string;
    };

/**
 * A seat if one is left, else a place on the waiting list. The person is recognised (or
 * created) in the same transaction that takes the seat and enqueues the email, so a refusal
 * leaves nothing behind and a success leaves everything.
 */
export async function bookSession(input: BookSessionInput): Promise<BookSessionResult> {
  const now = input.now ?? new Date();
  const actor = input.actor ?? ANONYMOUS;
  const bookedById = actor.kind === "staff" ? actor.userId : null;

  return runTransaction(async (tx): Promise<BookSessionResult> => {
    const session = await findSessionForBooking(tx, input.sessionId);
    if (session === null) return { ok: false, code: "SESSION_NOT_FOUND" };
    const known = await recognisePerson(tx, input.person);
    const personBookings = known ? await findPersonBookings(tx, known.id, [input.sessionId]) : [];
    const existing = personBookings.find((b) => b.sessionId === input.sessionId) ?? null;

    const answer = mayBookSession(actor, { session, now, personBookings, existingBooking: existing });
    // --- privacy of a refusal (decision 010) ---
    if (!answer.may && known && isPersonalReason(answer.reason) && !mayHearPersonalReason(actor)) {
      // What a person with no bookings would hear comes first (closed, cancelled, full), so
      // nothing in the answer depends on hers; the rest she hears by email.
      const asStranger = mayBookSession(actor, { session, now });
      if (!asStranger.may) return { ok: false, code: asStranger.reason };
      await tellContactOnFile(tx, {
        person: known,
        code: answer.reason,
        attempt: { kind: "session", session },
        conflictingSessionId: answer.conflictingSessionId,
        now,
      });
      return { ok: false, code: PRIVATE_REFUSAL };
    }
    // --- end privacy of a refusal ---
    if (!answer.may) {
      return answer.reason === "OVERLAPS_OTHER_BOOKING"
        ? { ok: false, code: answer.reason, conflictingSessionId: answer.conflictingSessionId }
        : { ok: false, code: answer.reason };
    }

    let outcome = answer.outcome;
    if (outcome === "CONFIRM") {
      const afterSeat = answerAfterSeatAttempt(await takeSeat(tx, session.id));
      if (!afterSeat.may) return { ok: false, code: afterSeat.reason };
      outcome = afterSeat.outcome;
    }
    // The count the policy read may be stale: the guarded update is what holds the cap.
    if (outcome === "WAITLIST" && !(await joinWaitlist(tx, session.id))) return { ok: false, code: "WAITLIST_FULL" };
    const status = outcome === "CONFIRM" ? "CONFIRMED" : "WAITLISTED";

    const person = await savePerson(tx, input.person, known, { now, createdById: bookedById });
    const contact = bookingContactOf({
      email: input.person.email,
      phone: input.person.phone,
      locale: input.person.preferredLanguage,
    });
    const bookingId = await writeBooking(tx, {
      existingId: existing?.id ?? null,
      sessionId: session.id,
      personId: person.id,
      status,
      source: input.source,
      bookedById,
      courseEnrolmentId: null,
      contact,
      remindersWanted: input.remindersWanted ?? true,
      now,
    });
    const position = status === "WAITLISTED" ? waitlistPosition(bookingId, await findWaitlist(tx, session.id)) : null;

    await notifyBookingMade(tx, {
      kind: status === "CONFIRMED" ? "booking-confirmed" : "booking-waitlisted",
      recipient: bookingRecipient({ ...contact, person }),
      session,
      bookingId,
      now,
      extra: { waitlistPosition: position },
    });
    await syncScheduledEmails(tx, bookingId, now);
    if (isStaff(actor)) {
      await audit(tx, {
        action: "booking.create",
        entityType: "Booking",
        entityId: bookingId,
        actorUserId: bookedById,
        data: { sessionId: session.id, personId: person.id, status, source: input.source, rebooked: existing !== null },
        at: now,
      });
    }

    // The link the poster is sent on to: computed, never stored (docs/decisions/016).
    const manageToken = manageTokenFor(bookingId);
    return { ok: true, bookingId, status, manageToken, waitlistPosition: position, personId: person.id };
  });
}
