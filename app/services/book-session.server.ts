import { decideBooking, outcomeAfterSeatAttempt } from "~/domain/booking/decide-booking";
import { waitlistPosition } from "~/domain/booking/waitlist";
import { findPersonBookings, findSessionForBooking, findWaitlist } from "~/models/booking.server";
import { manageBookingPath } from "~/utils/booking-paths";
import { createToken, hashToken } from "~/utils/tokens.server";

import { audit } from "./audit.server";
import { isMadeByStaff, notifyBookingMade, takeSeat, writeBooking, type BookingSource } from "./booking-steps.server";
import { recognisePerson, savePerson, type PersonInput } from "./person.server";
import { isPersonalRefusal, PRIVATE_REFUSAL, tellContactOnFile } from "./private-refusal.server";
import { runTransaction } from "./transaction.server";

export type { PersonInput } from "./person.server";

export type BookSessionInput = {
  sessionId: string;
  person: PersonInput;
  source: BookingSource;
  /** The staff member booking on the person's behalf (phone, walk-in, staff pages). */
  bookedById?: string | null;
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
        | "SESSION_CANCELLED"
        | "BOOKING_CLOSED"
        | "ALREADY_BOOKED"
        | "OVERLAPS_OTHER_BOOKING"
        | "SESSION_FULL"
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

  return runTransaction(async (tx): Promise<BookSessionResult> => {
    const session = await findSessionForBooking(tx, input.sessionId);
    const known = await recognisePerson(tx, input.person);
    const personBookings = known ? await findPersonBookings(tx, known.id, [input.sessionId]) : [];
    const existing = personBookings.find((b) => b.sessionId === input.sessionId) ?? null;

    const decision = decideBooking({ session, now, personBookings, existingBooking: existing });
    // --- privacy of a refusal (decision 010) ---
    if (!decision.ok && known && session && !isMadeByStaff(input) && isPersonalRefusal(decision.code)) {
      // What a person with no bookings would hear comes first (closed, cancelled, full), so
      // nothing in the answer depends on hers; the rest she hears by email.
      const asStranger = decideBooking({ session, now, personBookings: [], existingBooking: null });
      if (!asStranger.ok) return { ok: false, code: asStranger.code };
      await tellContactOnFile(tx, {
        person: known,
        code: decision.code,
        attempt: { kind: "session", session },
        conflictingSessionId: decision.code === "OVERLAPS_OTHER_BOOKING" ? decision.conflictingSessionId : undefined,
        now,
      });
      return { ok: false, code: PRIVATE_REFUSAL };
    }
    // --- end privacy of a refusal ---
    if (!decision.ok) {
      return decision.code === "OVERLAPS_OTHER_BOOKING"
        ? { ok: false, code: decision.code, conflictingSessionId: decision.conflictingSessionId }
        : { ok: false, code: decision.code };
    }
    if (session === null) throw new Error("decideBooking accepted a missing session");

    let outcome = decision.outcome;
    if (outcome === "CONFIRM") {
      const afterSeat = outcomeAfterSeatAttempt(await takeSeat(tx, session.id));
      if (!afterSeat.ok) return { ok: false, code: afterSeat.code };
      outcome = afterSeat.outcome;
    }
    const status = outcome === "CONFIRM" ? "CONFIRMED" : "WAITLISTED";

    const person = await savePerson(tx, input.person, known, { now, createdById: input.bookedById });
    const manageToken = createToken();
    const bookingId = await writeBooking(tx, {
      existingId: existing?.id ?? null,
      sessionId: session.id,
      personId: person.id,
      status,
      source: input.source,
      bookedById: input.bookedById ?? null,
      courseEnrolmentId: null,
      manageTokenHash: hashToken(manageToken),
      now,
    });
    const position = status === "WAITLISTED" ? waitlistPosition(bookingId, await findWaitlist(tx, session.id)) : null;

    await notifyBookingMade(tx, {
      kind: status === "CONFIRMED" ? "booking-confirmed" : "booking-waitlisted",
      person,
      session,
      bookingId,
      now,
      extra: { managePath: manageBookingPath(manageToken), waitlistPosition: position },
    });
    if (isMadeByStaff(input)) {
      await audit(tx, {
        action: "booking.create",
        entityType: "Booking",
        entityId: bookingId,
        actorUserId: input.bookedById ?? null,
        data: { sessionId: session.id, personId: person.id, status, source: input.source, rebooked: existing !== null },
        at: now,
      });
    }

    return { ok: true, bookingId, status, manageToken, waitlistPosition: position, personId: person.id };
  });
}
