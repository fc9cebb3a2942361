// Makes a booking's scheduled emails (reminders, the helper's copies, the follow-up) match what
// the booking is now. Every use case that changes a booking, or the session it is on, calls it
// once per booking in its own transaction, after the change (docs/decisions/019).
import { DEFAULT_EMAIL_TIMING, type EmailTiming } from "~/domain/email/email-timing";
import { planScheduledEmails, SCHEDULED_KINDS } from "~/domain/email/scheduled-emails";
import { env } from "~/utils/env.server";

import { enqueueEmail } from "./outbox.server";
import type { TransactionClient } from "./transaction.server";

/** The timing rules with what the environment sets (REMINDER_DAYS_BEFORE, …_HOUR). */
export function configuredEmailTiming(): EmailTiming {
  return {
    ...DEFAULT_EMAIL_TIMING,
    daysBefore: env.REMINDER_DAYS_BEFORE,
    daysBeforeAt: env.REMINDER_DAYS_BEFORE_HOUR,
    morningAt: env.REMINDER_MORNING_HOUR,
  };
}

/**
 * Writes the rows the booking calls for and drops (state DROPPED, with the reason, so the outbox
 * view says why) those it no longer does. Idempotent: a retried transaction or a second call in
 * the same state writes nothing. Reads the booking's rows through the bookingId index only.
 */
export async function syncScheduledEmails(
  tx: TransactionClient,
  bookingId: string,
  now: Date,
  timing: EmailTiming = configuredEmailTiming(),
): Promise<void> {
  const booking = await tx.booking.findUnique({
    where: { id: bookingId },
    select: {
      id: true,
      status: true,
      remindersWanted: true,
      contactEmail: true,
      locale: true,
      sessionId: true,
      person: { select: { helperEmail: true, helperReceivesReminders: true, deletedAt: true, anonymised: true } },
      session: { select: { status: true, startsAt: true, endsAt: true, deletedAt: true } },
    },
  });
  if (booking === null) return;
  const existing = await tx.outboxEmail.findMany({
    where: { bookingId, kind: { in: [...SCHEDULED_KINDS] } },
    select: { id: true, kind: true, dedupeKey: true, state: true, recipient: true, locale: true, sendAfter: true },
  });

  const { person, session } = booking;
  const gone = person.deletedAt !== null || person.anonymised;
  const plan = planScheduledEmails(
    {
      id: booking.id,
      status: booking.status,
      remindersWanted: booking.remindersWanted && !gone,
      contactEmail: booking.contactEmail?.trim() || null,
      locale: booking.locale,
      helperEmail: person.helperReceivesReminders ? person.helperEmail?.trim() || null : null,
      session: {
        status: session.status,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        deleted: session.deletedAt !== null,
      },
    },
    existing,
    now,
    timing,
  );

  for (const { id, reason } of plan.drop) {
    // Guarded: a row the sender sent meanwhile stays sent.
    await tx.outboxEmail.updateMany({
      where: { id, state: "PENDING" },
      data: { state: "DROPPED", droppedAt: now, dropReason: reason },
    });
  }
  for (const { existingId, ...row } of plan.write) {
    if (existingId === null) {
      await enqueueEmail(tx, { ...row, bookingId: booking.id, sessionId: booking.sessionId });
      continue;
    }
    await tx.outboxEmail.updateMany({
      where: { id: existingId, state: { in: ["PENDING", "DROPPED"] } },
      data: {
        state: "PENDING",
        recipient: row.recipient,
        locale: row.locale,
        sendAfter: row.sendAfter,
        payload: JSON.stringify(row.payload),
        droppedAt: null,
        dropReason: null,
        // A corrected or revived row starts afresh: a sender holding the old version loses its
        // claim (its "sent" no longer matches), and the new one is sent in turn.
        lockedUntil: null,
        attempts: 0,
        lastError: null,
      },
    });
  }
}
