// What each outbox row's payload holds, shared by the writers (booking services, schedulers) and
// the composer. Ids and small facts only — never a token (docs/decisions/016): links are derived
// at send time. Everything else (times, place, names) is read fresh when the email is composed,
// so a row written a week ago still tells the truth.
import { BOOKING_EMAIL_KINDS } from "~/domain/email/why-not-send";

import type { EmailKind } from "./contract";

export type ReminderMoment = "days-before" | "morning";

export type BookingConfirmedPayload = Record<string, never>;
export type BookingWaitlistedPayload = { waitlistPosition: number };
export type BookingPromotedPayload = Record<string, never>;
export type BookingCancelledPayload = Record<string, never>;

/** Written by app/services/private-refusal.server.ts (the shape it already had). */
export type BookingRefusedSession = {
  id: string;
  workshopTitle: string;
  startsAt: string;
  endsAt: string;
  placeName: string;
  placePhone: string | null;
};
export type BookingRefusedPayload = {
  reason: "ALREADY_BOOKED" | "OVERLAPS_OTHER_BOOKING" | "ALREADY_ENROLLED";
  firstName: string;
  lastName: string;
  attemptedAt: string;
  course: { id: string; title: string } | null;
  session: BookingRefusedSession | null;
  conflictingSession: BookingRefusedSession | null;
  findBookingsPath?: string;
};

/** bookingId column: the first booking of the enrolment. */
export type EnrolmentConfirmedPayload = { courseEnrolmentId: string };

/** The AccessToken row's id: its link's token is derived from it (bookingsLinkTokenFor). */
export type BookingsLinkPayload = { accessTokenId: string; expiresAt: string; firstName: string };

export type ReminderPayload = {
  moment: ReminderMoment;
  /** The relative's copy (Person.helperEmail, when the person agreed). */
  toHelper?: true;
  /** The session's start when the row was written: a row whose session moved since is dropped. */
  startsAt: string;
};

export type SessionCancelledPayload = Record<string, never>;

export type SessionMovedPayload = {
  reason?: string;
  previous: { startsAt: string; placeId: string; room: string | null };
};

/** bookingId column: the booking at the session that just ended; thank-you or "we missed you" is chosen at send time. */
export type FollowUpPayload = Record<string, never>;

/** sessionId column null: one email per trainer and day (a Paris day key, "2026-12-04"). */
export type TrainerRosterPayload = { trainerId: string; day: string };

/** The StaffPasswordReset row's id: its link's token is derived from it (passwordResetTokenFor). */
export type StaffPasswordResetPayload = { passwordResetId: string };

export type EmailPayloads = {
  "booking-confirmed": BookingConfirmedPayload;
  "booking-waitlisted": BookingWaitlistedPayload;
  "booking-promoted": BookingPromotedPayload;
  "booking-cancelled": BookingCancelledPayload;
  "booking-refused": BookingRefusedPayload;
  "enrolment-confirmed": EnrolmentConfirmedPayload;
  "bookings-link": BookingsLinkPayload;
  reminder: ReminderPayload;
  "session-cancelled": SessionCancelledPayload;
  "session-moved": SessionMovedPayload;
  "follow-up": FollowUpPayload;
  "trainer-roster": TrainerRosterPayload;
  "staff-password-reset": StaffPasswordResetPayload;
};

export type EmailPayload<K extends EmailKind> = EmailPayloads[K];

export { BOOKING_EMAIL_KINDS };

export type BookingEmailKind = (typeof BOOKING_EMAIL_KINDS)[number];

export function isBookingEmailKind(kind: EmailKind): kind is BookingEmailKind {
  return (BOOKING_EMAIL_KINDS as readonly EmailKind[]).includes(kind);
}
