import type { TransactionClient } from "./transaction.server";

export type EmailKind =
  | "booking-confirmed"
  | "booking-waitlisted"
  | "booking-promoted"
  | "booking-cancelled"
  /** A booking form refused for a reason in the person's own bookings: told to the contact on file. */
  | "booking-refused"
  | "bookings-link"
  | "reminder"
  | "follow-up"
  | "session-cancelled";

export type OutboxEmailInput = {
  kind: EmailKind;
  recipient: string;
  locale: string;
  /** Everything the template needs: the sender renders from this alone, long after the change. */
  payload: Record<string, unknown>;
  /** Same key, same email: a retried change enqueues nothing twice. */
  dedupeKey: string;
  sendAfter?: Date;
};

/**
 * Written in the caller's transaction, so the email exists exactly when the change it reports
 * was committed. An existing row with the same dedupeKey is left untouched, sent or not.
 */
export async function enqueueEmail(tx: TransactionClient, email: OutboxEmailInput): Promise<void> {
  await tx.outboxEmail.upsert({
    where: { dedupeKey: email.dedupeKey },
    update: {},
    create: {
      kind: email.kind,
      recipient: email.recipient,
      locale: email.locale,
      payload: JSON.stringify(email.payload),
      dedupeKey: email.dedupeKey,
      sendAfter: email.sendAfter ?? new Date(),
    },
  });
}
