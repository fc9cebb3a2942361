// Whether an email written earlier is still warranted when its time comes. An outbox row is
// written when something happens; by the time it is due the booking may be cancelled, the
// session cancelled or moved, the person gone. Sending it anyway sends someone to a closed door
// or confuses them twice, so the composer asks this rule first and drops the row with its reason.
import type { BookingStatus, SessionStatus } from "../booking/statuses";
import { hasStarted } from "../time/interval";

/** The kinds of app/services/email/contract.ts (the domain imports nothing from services). */
export type MailKind =
  | "booking-confirmed"
  | "booking-waitlisted"
  | "booking-promoted"
  | "booking-cancelled"
  | "booking-refused"
  | "enrolment-confirmed"
  | "bookings-link"
  | "reminder"
  | "session-cancelled"
  | "session-moved"
  | "follow-up"
  | "trainer-roster"
  | "staff-password-reset";

export type DropReason =
  | "person gone"
  | "booking not found"
  | "booking cancelled"
  | "session cancelled"
  | "session not cancelled"
  | "session moved"
  | "session started"
  | "session over"
  | "not confirmed"
  | "reminders stopped"
  | "helper copy not wanted"
  | "no attendance marked"
  | "link expired"
  | "trainer gone"
  | "no session that day"
  | "account closed";

/** What the composer read of the current state; each kind looks at the facts it needs. */
export type SendFacts = {
  /** null when the person was deleted; `gone` when anonymised or soft-deleted. */
  person?: { gone: boolean; helperReceivesReminders?: boolean } | null;
  booking?: { status: BookingStatus; remindersWanted: boolean } | null;
  session?: { status: SessionStatus; startsAt: Date; endsAt: Date; deleted: boolean } | null;
  /** Reminders: the start the row was written for, and whether it is the relative's copy. */
  reminder?: { writtenForStartsAt: Date; toHelper: boolean };
  /** Follow-ups: whether staff marked anyone's attendance at the session. */
  attendanceMarked?: boolean;
  accessLink?: { expiresAt: Date; usedAt: Date | null } | null;
  trainer?: { active: boolean; sessionsThatDay: number } | null;
  /** A staff password reset: its link, and whether the account can still sign in. */
  passwordReset?: { expiresAt: Date; usedAt: Date | null; accountActive: boolean } | null;
};

/** The kinds about one booking: they carry its manage link, its .ics and the one-click stop of reminders. */
export const BOOKING_EMAIL_KINDS = [
  "booking-confirmed",
  "booking-waitlisted",
  "booking-promoted",
  "booking-cancelled",
  "enrolment-confirmed",
  "reminder",
  "session-cancelled",
  "session-moved",
  "follow-up",
] as const satisfies readonly MailKind[];

const ABOUT_A_BOOKING: ReadonlySet<MailKind> = new Set(BOOKING_EMAIL_KINDS);

/** Why this row should not be sent now, or null when it should. */
export function whyNotSend(kind: MailKind, facts: SendFacts, now: Date): DropReason | null {
  if (facts.person === null || facts.person?.gone) return "person gone";

  if (kind === "bookings-link") {
    const link = facts.accessLink;
    if (!link || link.usedAt !== null || link.expiresAt.getTime() <= now.getTime()) return "link expired";
    return null;
  }
  if (kind === "staff-password-reset") {
    const reset = facts.passwordReset;
    if (!reset || !reset.accountActive) return "account closed";
    if (reset.usedAt !== null || reset.expiresAt.getTime() <= now.getTime()) return "link expired";
    return null;
  }
  if (kind === "trainer-roster") {
    if (!facts.trainer?.active) return "trainer gone";
    if (facts.trainer.sessionsThatDay === 0) return "no session that day";
    return null;
  }
  if (!ABOUT_A_BOOKING.has(kind)) return null;

  const { booking, session } = facts;
  if (!booking || !session || session.deleted) return "booking not found";

  if (kind === "session-cancelled") return session.status === "CANCELLED" ? null : "session not cancelled";
  if (session.status === "CANCELLED") return "session cancelled";
  if (booking.status === "CANCELLED" && kind !== "booking-cancelled") return "booking cancelled";

  if (kind === "follow-up") return facts.attendanceMarked ? null : "no attendance marked";
  if (kind === "booking-cancelled") return null;

  if (kind === "reminder") {
    if (facts.reminder && facts.reminder.writtenForStartsAt.getTime() !== session.startsAt.getTime()) {
      return "session moved";
    }
    if (hasStarted(session, now)) return "session started";
    if (booking.status !== "CONFIRMED") return "not confirmed";
    if (!booking.remindersWanted) return "reminders stopped";
    if (facts.reminder?.toHelper && !facts.person?.helperReceivesReminders) return "helper copy not wanted";
    return null;
  }
  // News about a session that is already over helps no one.
  if (now.getTime() >= session.endsAt.getTime()) return "session over";
  return null;
}
