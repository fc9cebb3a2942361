// What a resident holding a manage link or a bookings session is shown of their bookings.
import { calendarSequence } from "~/domain/booking/calendar-sequence";
import { waitlistPosition, type WaitlistEntry } from "~/domain/booking/waitlist";
import {
  mayCancelBooking,
  mayChangeReminders,
  sessionTiming,
  type Actor,
  type CancelAnswer,
  type RemindersAnswer,
  type SessionTiming,
} from "~/domain/policy/booking-policy";
import {
  findBookingViewByTokenHash,
  findBookingViewsOfPerson,
  findWaitlist,
  findWaitlists,
  type BookingViewRow,
} from "~/models/booking.server";
import {
  listOtherDatesWithSeats,
  toSessionInfo,
  type CatalogueSession,
  type SessionInfo,
} from "~/models/session.server";
import { prisma } from "~/utils/db.server";
import type { ResidentAccess } from "~/utils/resident-session.server";
import { hashToken } from "~/utils/tokens.server";

import type { BookingSource } from "./booking-steps.server";

export type ManagedBooking = {
  id: string;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  source: BookingSource;
  createdAt: Date;
  confirmedAt: Date | null;
  waitlistedAt: Date | null;
  promotedAt: Date | null;
  cancelledAt: Date | null;
  /** "PERSON" or "STAFF" once cancelled. */
  cancelledBy: string | null;
  /** Set when the booking is one session of a course enrolment. */
  courseEnrolmentId: string | null;
  /** 1-based, only while WAITLISTED. */
  waitlistPosition: number | null;
  /** The policy's answer for the actor reading the page (manage link or bookings session), at `now`. */
  cancel: CancelAnswer;
  /** Where the session stands by the clock. */
  timing: SessionTiming;
  /** The session has started (or ended): the page shows it as past. */
  isPast: boolean;
  person: { id: string; firstName: string; lastName: string };
  session: SessionInfo;
  /** The calendar file's SEQUENCE: grows with every change of the booking or its session. */
  calendarSequence: number;
  /** Where this booking's messages go (the contact given with it, decisions/015) and its reminders choice. */
  messages: {
    email: string | null;
    phone: string | null;
    remindersWanted: boolean;
    /** The policy's answer for the actor reading the page: may they stop or restart the reminders now. */
    changeReminders: RemindersAnswer;
  };
};

/** The booking behind a manage link, or null for an unknown token (say nothing more). */
export async function findBookingByManageToken(token: string, now: Date = new Date()): Promise<ManagedBooking | null> {
  // A real token is 43 characters; anything much longer is not worth hashing.
  if (token.length === 0 || token.length > 128) return null;
  const row = await findBookingViewByTokenHash(prisma, hashToken(token));
  if (row === null) return null;
  const waitlist = row.status === "WAITLISTED" ? await findWaitlist(prisma, row.session.id) : [];
  return toManagedBooking(row, waitlist, { kind: "manage-link", bookingId: row.id }, now);
}

/**
 * A bookings session's list: the person's bookings made with the contact email the link was
 * asked with (all of hers for a session without one). Upcoming soonest first; past ones (session
 * started) most recent first. Cancelled ones included.
 */
export async function listPersonBookings(
  access: ResidentAccess,
  now: Date = new Date(),
): Promise<{ upcoming: ManagedBooking[]; past: ManagedBooking[] }> {
  const rows = await findBookingViewsOfPerson(prisma, access.personId, access.contactEmailNormalized);
  const waitlistedSessionIds = rows.filter((r) => r.status === "WAITLISTED").map((r) => r.session.id);
  const waitlists =
    waitlistedSessionIds.length > 0
      ? await findWaitlists(prisma, waitlistedSessionIds)
      : new Map<string, WaitlistEntry[]>();
  const actor: Actor = { kind: "resident", ...access };
  const bookings = rows.map((row) => toManagedBooking(row, waitlists.get(row.session.id) ?? [], actor, now));
  return {
    upcoming: bookings.filter((b) => !b.isPast),
    past: bookings.filter((b) => b.isPast).reverse(),
  };
}

/** Other upcoming dates of the same workshop with a seat left: what to offer when a session is full. */
export async function suggestOtherDates(
  sessionId: string,
  now: Date = new Date(),
  limit = 3,
): Promise<CatalogueSession[]> {
  const session = await prisma.session.findUnique({ where: { id: sessionId }, select: { workshopId: true } });
  if (session === null) return [];
  return listOtherDatesWithSeats(prisma, { workshopId: session.workshopId, excludeSessionId: sessionId, now, limit });
}

function toManagedBooking(
  row: BookingViewRow,
  waitlist: Parameters<typeof waitlistPosition>[1],
  actor: Actor,
  now: Date,
): ManagedBooking {
  const timing = sessionTiming(row.session, now);
  return {
    id: row.id,
    status: row.status,
    source: row.source,
    createdAt: row.createdAt,
    confirmedAt: row.confirmedAt,
    waitlistedAt: row.waitlistedAt,
    promotedAt: row.promotedAt,
    cancelledAt: row.cancelledAt,
    cancelledBy: row.cancelledBy,
    courseEnrolmentId: row.courseEnrolmentId,
    waitlistPosition: row.status === "WAITLISTED" ? waitlistPosition(row.id, waitlist) : null,
    cancel: mayCancelBooking(actor, { booking: { ...row, personId: row.person.id }, session: row.session, now }),
    timing,
    isPast: timing !== "upcoming",
    person: row.person,
    session: toSessionInfo(row.session, now),
    calendarSequence: calendarSequence(row, row.session),
    messages: {
      email: row.contactEmail,
      phone: row.contactPhone,
      remindersWanted: row.remindersWanted,
      changeReminders: mayChangeReminders(actor, {
        booking: { ...row, personId: row.person.id },
        session: row.session,
        now,
        wanted: !row.remindersWanted,
      }),
    },
  };
}
