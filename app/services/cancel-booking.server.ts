import { canCancel, cancellationEffects } from "~/domain/booking/cancellation";
import { canPromote, pickNextToPromote } from "~/domain/booking/waitlist";
import { findBookingForCancellation, findWaitlistedForPromotion } from "~/models/booking.server";
import { FIND_MY_BOOKINGS_PATH } from "~/utils/booking-paths";

import { audit } from "./audit.server";
import { notifyBookingMade, notifyEmailOf, takeSeat } from "./booking-steps.server";
import { runTransaction, type TransactionClient } from "./transaction.server";

export type CancelBookingInput = {
  bookingId: string;
  by: "PERSON" | "STAFF";
  actorUserId?: string | null;
  reason?: string | null;
  /** When set, a booking of anyone else answers NOT_FOUND: for pages where a resident is signed in by link. */
  personId?: string | null;
  now?: Date;
};

export type CancelBookingResult =
  | { ok: true; promotedBookingId: string | null }
  | { ok: false; code: "NOT_FOUND" | "ALREADY_CANCELLED" | "SESSION_STARTED" };

/**
 * A cancelled confirmed booking frees its seat, and the first on the waiting list takes it in
 * the same transaction, so the seat count never dips where another booking could grab it.
 */
export async function cancelBooking(input: CancelBookingInput): Promise<CancelBookingResult> {
  const now = input.now ?? new Date();

  return runTransaction(async (tx): Promise<CancelBookingResult> => {
    const booking = await findBookingForCancellation(tx, input.bookingId);
    if (booking === null || booking.session.deletedAt !== null) return { ok: false, code: "NOT_FOUND" };
    if (input.personId != null && booking.personId !== input.personId) return { ok: false, code: "NOT_FOUND" };

    const check = canCancel(booking, booking.session, now);
    if (!check.ok) return { ok: false, code: check.code };

    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: booking.status },
      data: {
        status: "CANCELLED",
        cancelledAt: now,
        cancelledBy: input.by,
        cancellationReason: input.reason ?? null,
        icsSequence: { increment: 1 },
      },
    });
    if (count === 0) return { ok: false, code: "ALREADY_CANCELLED" };

    const session = booking.session;
    let promotedBookingId: string | null = null;
    if (cancellationEffects(booking).freesSeat) {
      await tx.session.updateMany({
        where: { id: session.id, seatsTaken: { gt: 0 } },
        data: { seatsTaken: { decrement: 1 } },
      });
      if (canPromote(session, now)) {
        const next = pickNextToPromote(await findWaitlistedForPromotion(tx, session.id));
        if (next !== null && (await takeSeat(tx, session.id))) {
          await tx.booking.update({
            where: { id: next.id },
            data: { status: "CONFIRMED", promotedAt: now, confirmedAt: now, icsSequence: { increment: 1 } },
          });
          promotedBookingId = next.id;
          await notifyBookingMade(tx, {
            kind: "booking-promoted",
            person: { ...next.person, notifyEmail: notifyEmailOf(next.person), locale: next.person.preferredLanguage },
            session,
            bookingId: next.id,
            now,
            // The promoted person's manage token exists only in the link they already hold.
            extra: { findBookingsPath: FIND_MY_BOOKINGS_PATH },
          });
        }
      }
    }

    if (booking.courseEnrolmentId !== null) await closeEnrolmentIfEmpty(tx, booking.courseEnrolmentId, now);

    const canceller = booking.person;
    await notifyBookingMade(tx, {
      kind: "booking-cancelled",
      person: { ...canceller, notifyEmail: notifyEmailOf(canceller), locale: canceller.preferredLanguage },
      session,
      bookingId: booking.id,
      now,
      extra: { cancelledBy: input.by, sessionId: session.id },
    });
    await audit(tx, {
      action: "booking.cancel",
      entityType: "Booking",
      entityId: booking.id,
      actorUserId: input.actorUserId ?? null,
      data: {
        by: input.by,
        reason: input.reason ?? null,
        previousStatus: booking.status,
        sessionId: session.id,
        personId: booking.personId,
        promotedBookingId,
      },
      at: now,
    });

    return { ok: true, promotedBookingId };
  });
}

/** A cycle whose every session was cancelled one by one is no longer an enrolment. */
async function closeEnrolmentIfEmpty(tx: TransactionClient, enrolmentId: string, now: Date) {
  const active = await tx.booking.count({
    where: { courseEnrolmentId: enrolmentId, status: { in: ["CONFIRMED", "WAITLISTED"] } },
  });
  if (active === 0) {
    await tx.courseEnrolment.update({ where: { id: enrolmentId }, data: { status: "CANCELLED", cancelledAt: now } });
  }
}
