import type { EmailKind } from "./email/contract";
import { limitEmailToRecipient } from "./rate-limits.server";
import type { TransactionClient } from "./transaction.server";

export type { EmailKind };

export type OutboxEmailInput = {
  kind: EmailKind;
  recipient: string;
  locale: string;
  /** What the template needs besides the current rows: ids and words, never a token or a link (decisions/016). */
  payload: Record<string, unknown>;
  /** Same key, same email: a retried change enqueues nothing twice. */
  dedupeKey: string;
  sendAfter?: Date;
  /** The booking the email is about: the composer derives its manage link from it at send time. */
  bookingId?: string | null;
  /** The session it is about: a reminder is re-timed or dropped with it. */
  sessionId?: string | null;
};

/**
 * The emails that anyone on the public site can make us send to an address they type — a booking's
 * receipt, a "retrouver mes réservations" link, a staff password-reset link. They count against EMAILS_PER_RECIPIENT, kind by
 * kind; over it
 * they are not queued, and the page that made them already says what they would have said.
 * Reminders, promotions and cancellations carry news the person needs and no stranger can make
 * them repeat (bookings are limited per contact), so they are never held back.
 */
export const CAPPED_EMAIL_KINDS: ReadonlySet<EmailKind> = new Set([
  "booking-confirmed",
  "booking-waitlisted",
  "enrolment-confirmed",
  "bookings-link",
  "staff-password-reset",
]);

export type EnqueueOutcome = "queued" | "already-queued" | "over-recipient-limit";

/**
 * Written in the caller's transaction, so the email exists exactly when the change it reports
 * was committed. An existing row with the same dedupeKey is left untouched, sent or not.
 */
export async function enqueueEmail(tx: TransactionClient, email: OutboxEmailInput): Promise<EnqueueOutcome> {
  const existing = await tx.outboxEmail.findUnique({ where: { dedupeKey: email.dedupeKey }, select: { id: true } });
  if (existing !== null) return "already-queued";
  if (CAPPED_EMAIL_KINDS.has(email.kind) && !(await limitEmailToRecipient(tx, email.kind, email.recipient)).ok) {
    return "over-recipient-limit";
  }
  await tx.outboxEmail.upsert({
    where: { dedupeKey: email.dedupeKey },
    update: {},
    create: {
      kind: email.kind,
      recipient: email.recipient,
      locale: email.locale,
      payload: JSON.stringify(email.payload),
      dedupeKey: email.dedupeKey,
      bookingId: email.bookingId ?? null,
      sessionId: email.sessionId ?? null,
      sendAfter: email.sendAfter ?? new Date(),
    },
  });
  return "queued";
}
