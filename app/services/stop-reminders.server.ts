// "Arrêter les rappels": the one-click link of every booking email (List-Unsubscribe with
// List-Unsubscribe-Post, RFC 8058). Its token is derived from the booking id and the link key,
// so it is checked by recomputing it; it proves control of the booking's reminders only.
import { mayChangeReminders } from "~/domain/policy/booking-policy";
import { formatSessionTime } from "~/domain/time/format-session-time";
import type { Language } from "~/utils/i18n";
import { prisma } from "~/utils/db.server";
import { isStopRemindersToken } from "~/utils/link-tokens.server";

import { audit } from "./audit.server";
import { syncScheduledEmails } from "./booking-schedule.server";
import { runTransaction } from "./transaction.server";

/** The reason the schedule gives the rows it drops when reminders are stopped (domain/email/scheduled-emails). */
export const REMINDERS_STOPPED = "reminders-stopped";

export type StopLinkView = { workshopTitle: string; when: string; remindersWanted: boolean };

const bookingSelect = {
  id: true,
  personId: true,
  status: true,
  contactEmail: true,
  contactEmailNormalized: true,
  remindersWanted: true,
  session: { select: { status: true, startsAt: true, endsAt: true, workshop: { select: { title: true } } } },
} as const;

function isLinkOf(bookingId: string, token: string): boolean {
  // Derived tokens are 43 characters; anything far off is not worth the HMAC.
  return (
    bookingId.length > 0 &&
    bookingId.length <= 64 &&
    token.length > 0 &&
    token.length <= 128 &&
    isStopRemindersToken(bookingId, token)
  );
}

/** What the confirmation page shows, or null for a link that is not one (the page answers 404). */
export async function readStopLink(bookingId: string, token: string, language: Language): Promise<StopLinkView | null> {
  if (!isLinkOf(bookingId, token)) return null;
  const booking = await prisma.booking.findFirst({
    where: { id: bookingId, person: { deletedAt: null, anonymised: false } },
    select: bookingSelect,
  });
  if (booking === null) return null;
  return {
    workshopTitle: booking.session.workshop.title,
    when: formatSessionTime(booking.session.startsAt, booking.session.endsAt, language),
    remindersWanted: booking.remindersWanted,
  };
}

export type StopRemindersResult =
  { ok: true; alreadyStopped: boolean; dropped: number } | { ok: false; code: "NOT_FOUND" };

/**
 * Turns the booking's reminders off and drops those already written, in one transaction; a
 * second post (mail providers may repeat it) changes nothing and says so.
 */
export async function stopRemindersByLink(input: {
  bookingId: string;
  token: string;
  now?: Date;
}): Promise<StopRemindersResult> {
  const now = input.now ?? new Date();
  if (!isLinkOf(input.bookingId, input.token)) return { ok: false, code: "NOT_FOUND" };
  return runTransaction(async (tx) => {
    const booking = await tx.booking.findFirst({
      where: { id: input.bookingId, person: { deletedAt: null, anonymised: false } },
      select: bookingSelect,
    });
    if (booking === null) return { ok: false, code: "NOT_FOUND" } as const;
    const answer = mayChangeReminders(
      { kind: "stop-reminders-link", bookingId: input.bookingId },
      { booking, session: booking.session, now, wanted: false },
    );
    if (!answer.may) return { ok: false, code: "NOT_FOUND" } as const;
    const alreadyStopped = !booking.remindersWanted;

    const pending = { bookingId: booking.id, kind: "reminder", state: "PENDING" } as const;
    const before = await tx.outboxEmail.count({ where: pending });
    await tx.booking.updateMany({ where: { id: booking.id, remindersWanted: true }, data: { remindersWanted: false } });
    // The schedule follows the booking: its pending reminders are dropped, saying why.
    await syncScheduledEmails(tx, booking.id, now);
    const count = before - (await tx.outboxEmail.count({ where: pending }));
    if (!alreadyStopped || count > 0) {
      await audit(tx, {
        action: "booking.reminders-stopped",
        entityType: "Booking",
        entityId: booking.id,
        data: { via: "stop-reminders-link", droppedReminders: count },
        at: now,
      });
    }
    return { ok: true, alreadyStopped, dropped: count } as const;
  });
}
