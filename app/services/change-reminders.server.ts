import { mayChangeReminders, type Actor, type RemindersReason } from "~/domain/policy/booking-policy";

import { syncScheduledEmails } from "./booking-schedule.server";
import { runTransaction } from "./transaction.server";

export type ChangeRemindersInput = {
  bookingId: string;
  /** The manage link's holder, the signed-in resident, or staff. */
  actor: Actor;
  wanted: boolean;
  now?: Date;
};

export type ChangeRemindersResult =
  | { ok: true; changed: boolean }
  /** The policy's reason (`mayChangeReminders`); a booking the actor may not touch is NOT_FOUND, like an unknown one. */
  | { ok: false; code: "NOT_FOUND" | Exclude<RemindersReason, "NOT_ALLOWED"> };

/**
 * "Ne plus recevoir de rappels" (or receive them again) for one booking: a setting of the booking
 * its link's holder may change (decisions/015), never the stored person's. The reminder rows
 * follow the booking: the email cycle re-times or drops them from `remindersWanted`.
 */
export async function changeReminders(input: ChangeRemindersInput): Promise<ChangeRemindersResult> {
  const now = input.now ?? new Date();
  return runTransaction(async (tx): Promise<ChangeRemindersResult> => {
    const booking = await tx.booking.findUnique({
      where: { id: input.bookingId },
      select: {
        id: true,
        personId: true,
        status: true,
        contactEmail: true,
        contactEmailNormalized: true,
        remindersWanted: true,
        session: { select: { status: true, startsAt: true, deletedAt: true } },
      },
    });
    if (booking === null || booking.session.deletedAt !== null) return { ok: false, code: "NOT_FOUND" };
    const answer = mayChangeReminders(input.actor, { booking, session: booking.session, now, wanted: input.wanted });
    if (!answer.may) return { ok: false, code: answer.reason === "NOT_ALLOWED" ? "NOT_FOUND" : answer.reason };
    if (booking.remindersWanted === input.wanted) return { ok: true, changed: false };
    await tx.booking.update({ where: { id: booking.id }, data: { remindersWanted: input.wanted } });
    // The reminder rows follow: dropped when stopped, written again when restarted.
    await syncScheduledEmails(tx, booking.id, now);
    return { ok: true, changed: true };
  });
}
