// What the three parts of the email cycle agree on:
// - the booking services and schedulers write outbox rows (kind, recipient, locale, payload with
//   ids only — never a token — bookingId/sessionId columns, sendAfter);
// - the composer (compose.server.ts) turns one due row into a message, reading the current state
//   of the booking, session and place, or says why the row is no longer warranted;
// - the sender (app/jobs) claims due rows, asks the composer, sends, records the outcome.

export const EMAIL_KINDS = [
  "booking-confirmed",
  "booking-waitlisted",
  "booking-promoted",
  "booking-cancelled",
  /** A booking form refused for a reason in the person's own bookings: told to the contact on file. */
  "booking-refused",
  /** All the dates of a course, in one email. */
  "enrolment-confirmed",
  "bookings-link",
  /** payload.moment: "days-before" | "morning"; payload.toHelper: true for the relative's copy. */
  "reminder",
  /** Everyone booked or waiting, when staff cancel the session; with other dates of the workshop. */
  "session-cancelled",
  /** Everyone booked or waiting, when staff move the session (time, place or room). */
  "session-moved",
  /** After the workshop: a thank-you to those present, a "we missed you" to absentees (chosen at send time). */
  "follow-up",
  /** The evening before: each trainer's roster for the next day. */
  "trainer-roster",
  /** « Mot de passe oublié ? »: a staff account's single-use link to set a new password. */
  "staff-password-reset",
] as const;

export type EmailKind = (typeof EMAIL_KINDS)[number];

export type OutboxState = "PENDING" | "SENT" | "FAILED" | "DROPPED";

/** An outbox row as the composer reads it. */
export type OutboxRowToCompose = {
  id: string;
  kind: EmailKind;
  recipient: string;
  locale: string;
  payload: Record<string, unknown>;
  bookingId: string | null;
  sessionId: string | null;
  sendAfter: Date;
  createdAt: Date;
};

export type EmailAttachment = { filename: string; contentType: string; content: string };

export type ComposedEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachment[];
  /** e.g. List-Unsubscribe and List-Unsubscribe-Post for the one-click stop of reminders. */
  headers: Record<string, string>;
};

export type Composition = { send: ComposedEmail } | { drop: string };

/** Implemented by app/services/email/compose.server.ts; the sender only ever calls this. */
export type ComposeEmail = (row: OutboxRowToCompose, now: Date) => Promise<Composition>;
