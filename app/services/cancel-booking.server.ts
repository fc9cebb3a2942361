import { bookingRecipient } from "~/domain/booking/recipient";
import { canPromote, pickNextToPromote } from "~/domain/booking/waitlist";
import { mayCancelBooking, type Actor, type CancelReason } from "~/domain/policy/booking-policy";
import { findBookingForCancellation, findWaitlistedForPromotion } from "~/models/booking.server";

import { audit } from "./audit.server";
import { syncScheduledEmails } from "./booking-schedule.server";
import { leaveWaitlist, notifyBookingMade, takeSeat } from "./booking-steps.server";
import { ConcurrentChange, runTransaction, type TransactionClient } from "./transaction.server";

export type CancelBookingInput = {
  bookingId: string;
  /** The manage link's holder, the signed-in resident, or staff cancelling for the person. */
  actor: Actor;
  reason?: string | null;
  now?: Date;
};

export type CancelBookingResult =
  | { ok: true; promotedBookingId: string | null }
  /** The policy's reason (`mayCancelBooking`); a booking the actor may not touch is NOT_FOUND, like an unknown one. */
  | { ok: false; code: "NOT_FOUND" | Exclude<CancelReason, "NOT_ALLOWED"> };

/**
 * A cancelled confirmed booking frees its seat, and the first on the waiting list takes it in
 * the same transaction, so the seat count never dips where another booking could grab it.
 */
export async function cancelBooking(input: CancelBookingInput): Promise<CancelBookingResult> {
  const now = input.now ?? new Date();
  const { actor } = input;
  const by = actor.kind === "staff" ? "STAFF" : "PERSON";

  return runTransaction(async (tx): Promise<CancelBookingResult> => {
    const booking = await findBookingForCancellation(tx, input.bookingId);
    if (booking === null || booking.session.deletedAt !== null) return { ok: false, code: "NOT_FOUND" };

    const answer = mayCancelBooking(actor, { booking, session: booking.session, now });
    // Someone else's booking is not found: its existence is not this actor's to learn.
    if (!answer.may) return { ok: false, code: answer.reason === "NOT_ALLOWED" ? "NOT_FOUND" : answer.reason };

    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: booking.status },
      data: {
        status: "CANCELLED",
        cancelledAt: now,
        cancelledBy: by,
        cancellationReason: input.reason ?? null,
        icsSequence: { increment: 1 },
      },
    });
    if (count === 0) return { ok: false, code: "ALREADY_CANCELLED" };
    await syncScheduledEmails(tx, booking.id, now);

    const session = booking.session;
    let promotedBookingId: string | null = null;
    if (booking.status === "WAITLISTED") await leaveWaitlist(tx, session.id);
    if (answer.freesSeat) {
      await tx.session.updateMany({
        where: { id: session.id, seatsTaken: { gt: 0 } },
        data: { seatsTaken: { decrement: 1 } },
      });
      if (canPromote(session, now)) {
        const next = pickNextToPromote(await findWaitlistedForPromotion(tx, session.id));
        if (next !== null && (await takeSeat(tx, session.id))) {
          // Only a booking still waiting is promoted: two cancellations at once must not both
          // promote the same person, nor bring back one she cancelled meanwhile.
          const { count: promoted } = await tx.booking.updateMany({
            where: { id: next.id, status: "WAITLISTED" },
            data: { status: "CONFIRMED", promotedAt: now, confirmedAt: now, icsSequence: { increment: 1 } },
          });
          if (promoted === 0) throw new ConcurrentChange(`waitlisted booking ${next.id}`);
          await leaveWaitlist(tx, session.id);
          promotedBookingId = next.id;
          await syncScheduledEmails(tx, next.id, now);
          await notifyBookingMade(tx, {
            kind: "booking-promoted",
            recipient: bookingRecipient(next),
            session,
            bookingId: next.id,
            now,
            // Its manage link, like every booking email's, is derived from bookingId when it is sent.
            extra: {},
          });
        }
      }
    }

    if (booking.courseEnrolmentId !== null) await closeEnrolmentIfEmpty(tx, booking.courseEnrolmentId, now);

    await notifyBookingMade(tx, {
      kind: "booking-cancelled",
      recipient: bookingRecipient(booking),
      session,
      bookingId: booking.id,
      now,
      extra: { cancelledBy: by, sessionId: session.id },
    });
    await audit(tx, {
      action: "booking.cancel",
      entityType: "Booking",
      entityId: booking.id,
      actorUserId: actor.kind === "staff" ? actor.userId : null,
      data: {
        by,
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
