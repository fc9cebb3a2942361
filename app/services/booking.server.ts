import { canCancel, cancellationEffects } from "~/domain/booking/cancellation";
import { decideCourseEnrolment } from "~/domain/booking/course-enrolment";
import { decideBooking, outcomeAfterSeatAttempt } from "~/domain/booking/decide-booking";
import { canPromote, pickNextToPromote, waitlistPosition } from "~/domain/booking/waitlist";
import { hasStarted } from "~/domain/time/interval";
import {
  findBookingForCancellation,
  findBookingViewByTokenHash,
  findBookingViewsOfPerson,
  findPersonBookings,
  findSessionForBooking,
  findWaitlist,
  findWaitlistedForPromotion,
  findWaitlists,
  sessionForEmailSelect,
  type BookingViewRow,
  type SessionForEmail,
} from "~/models/booking.server";
import { listOtherDatesWithSeats, toSessionInfo, type CatalogueSession, type SessionInfo } from "~/models/session.server";
import { prisma } from "~/utils/db.server";
import { createToken, hashToken } from "~/utils/tokens.server";

import { audit } from "./audit.server";
import { enqueueEmail, type EmailKind } from "./outbox.server";
import { recognisePerson, savePerson, type BookingPerson, type PersonInput } from "./person.server";
import { runTransaction, type TransactionClient } from "./transaction.server";

export type { PersonInput } from "./person.server";

export type BookingSource = "ONLINE" | "PHONE" | "WALK_IN" | "STAFF";

/** Where a resident manages one booking; the token is only known when the booking is made. */
export function manageBookingPath(token: string): string {
  return `/reservation/${token}`;
}

/** Where a resident without their booking link asks for a new one ("Retrouver mes réservations"). */
export const FIND_MY_BOOKINGS_PATH = "/mes-reservations";

// ---------------------------------------------------------------------------------------------
// Booking one session

export type BookSessionInput = {
  sessionId: string;
  person: PersonInput;
  source: BookingSource;
  /** The staff member booking on the person's behalf (phone, walk-in, staff pages). */
  bookedById?: string | null;
  now?: Date;
};

export type BookSessionResult =
  | {
      ok: true;
      bookingId: string;
      status: "CONFIRMED" | "WAITLISTED";
      manageToken: string;
      waitlistPosition: number | null;
      personId: string;
    }
  | {
      ok: false;
      code:
        | "SESSION_NOT_FOUND"
        | "SESSION_CANCELLED"
        | "BOOKING_CLOSED"
        | "ALREADY_BOOKED"
        | "OVERLAPS_OTHER_BOOKING"
        | "SESSION_FULL";
      conflictingSessionId?: string;
    };

/**
 * A seat if one is left, else a place on the waiting list. The person is recognised (or
 * created) in the same transaction that takes the seat and enqueues the email, so a refusal
 * leaves nothing behind and a success leaves everything.
 */
export async function bookSession(input: BookSessionInput): Promise<BookSessionResult> {
  const now = input.now ?? new Date();

  return runTransaction(async (tx): Promise<BookSessionResult> => {
    const session = await findSessionForBooking(tx, input.sessionId);
    const known = await recognisePerson(tx, input.person);
    const personBookings = known ? await findPersonBookings(tx, known.id, [input.sessionId]) : [];
    const existing = personBookings.find((b) => b.sessionId === input.sessionId) ?? null;

    const decision = decideBooking({ session, now, personBookings, existingBooking: existing });
    if (!decision.ok) {
      return decision.code === "OVERLAPS_OTHER_BOOKING"
        ? { ok: false, code: decision.code, conflictingSessionId: decision.conflictingSessionId }
        : { ok: false, code: decision.code };
    }
    if (session === null) throw new Error("decideBooking accepted a missing session");

    let outcome = decision.outcome;
    if (outcome === "CONFIRM") {
      const afterSeat = outcomeAfterSeatAttempt(await takeSeat(tx, session.id));
      if (!afterSeat.ok) return { ok: false, code: afterSeat.code };
      outcome = afterSeat.outcome;
    }
    const status = outcome === "CONFIRM" ? "CONFIRMED" : "WAITLISTED";

    const person = await savePerson(tx, input.person, known, { now, createdById: input.bookedById });
    const manageToken = createToken();
    const bookingId = await writeBooking(tx, {
      existingId: existing?.id ?? null,
      sessionId: session.id,
      personId: person.id,
      status,
      source: input.source,
      bookedById: input.bookedById ?? null,
      courseEnrolmentId: null,
      manageTokenHash: hashToken(manageToken),
      now,
    });
    const position = status === "WAITLISTED" ? waitlistPosition(bookingId, await findWaitlist(tx, session.id)) : null;

    await notifyBookingMade(tx, {
      kind: status === "CONFIRMED" ? "booking-confirmed" : "booking-waitlisted",
      person,
      session,
      bookingId,
      now,
      extra: { managePath: manageBookingPath(manageToken), waitlistPosition: position },
    });
    if (isMadeByStaff(input)) {
      await audit(tx, {
        action: "booking.create",
        entityType: "Booking",
        entityId: bookingId,
        actorUserId: input.bookedById ?? null,
        data: { sessionId: session.id, personId: person.id, status, source: input.source, rebooked: existing !== null },
        at: now,
      });
    }

    return { ok: true, bookingId, status, manageToken, waitlistPosition: position, personId: person.id };
  });
}

// ---------------------------------------------------------------------------------------------
// Enrolling in a course (cycle): every session confirmed, or nothing

export type EnrolInCourseInput = {
  courseId: string;
  person: PersonInput;
  source: BookingSource;
  bookedById?: string | null;
  now?: Date;
};

export type EnrolInCourseResult =
  | {
      ok: true;
      enrolmentId: string;
      bookings: { bookingId: string; sessionId: string; manageToken: string }[];
      personId: string;
    }
  | {
      ok: false;
      code:
        | "COURSE_NOT_FOUND"
        | "COURSE_EMPTY"
        | "ALREADY_ENROLLED"
        | "BOOKING_CLOSED"
        | "ALREADY_BOOKED"
        | "COURSE_FULL"
        | "OVERLAPS_OTHER_BOOKING";
      sessionId?: string;
      conflictingSessionId?: string;
    };

export async function enrolInCourse(input: EnrolInCourseInput): Promise<EnrolInCourseResult> {
  const now = input.now ?? new Date();

  return runTransaction<EnrolInCourseResult>(async (tx, abort) => {
    const course = await tx.course.findFirst({
      where: { id: input.courseId, deletedAt: null },
      select: {
        id: true,
        title: true,
        sessions: {
          where: { deletedAt: null },
          orderBy: [{ startsAt: "asc" }, { id: "asc" }],
          select: { ...sessionForEmailSelect, status: true, capacity: true, seatsTaken: true },
        },
      },
    });
    if (course === null) return { ok: false, code: "COURSE_NOT_FOUND" };

    const known = await recognisePerson(tx, input.person);
    const sessionIds = course.sessions.map((s) => s.id);
    const personBookings = known ? await findPersonBookings(tx, known.id, sessionIds) : [];
    const existingEnrolment = known
      ? await tx.courseEnrolment.findUnique({
          where: { courseId_personId: { courseId: course.id, personId: known.id } },
          select: { id: true, status: true },
        })
      : null;

    const decision = decideCourseEnrolment({ sessions: course.sessions, personBookings, now, existingEnrolment });
    if (!decision.ok) return decision;

    // Seats first: if one is gone, abort rolls back the seats already taken, and nothing else
    // has been written yet.
    for (const { sessionId } of decision.bookings) {
      if (!(await takeSeat(tx, sessionId))) abort({ ok: false, code: "COURSE_FULL", sessionId });
    }

    const person = await savePerson(tx, input.person, known, { now, createdById: input.bookedById });
    const enrolmentId = existingEnrolment
      ? (
          await tx.courseEnrolment.update({
            where: { id: existingEnrolment.id },
            data: { status: "CONFIRMED", cancelledAt: null },
            select: { id: true },
          })
        ).id
      : (
          await tx.courseEnrolment.create({
            data: { courseId: course.id, personId: person.id, status: "CONFIRMED" },
            select: { id: true },
          })
        ).id;

    const bookings: { bookingId: string; sessionId: string; manageToken: string }[] = [];
    for (const [index, { sessionId }] of decision.bookings.entries()) {
      const session = course.sessions.find((s) => s.id === sessionId)!;
      const manageToken = createToken();
      const bookingId = await writeBooking(tx, {
        existingId: personBookings.find((b) => b.sessionId === sessionId)?.id ?? null,
        sessionId,
        personId: person.id,
        status: "CONFIRMED",
        source: input.source,
        bookedById: input.bookedById ?? null,
        courseEnrolmentId: enrolmentId,
        manageTokenHash: hashToken(manageToken),
        now,
      });
      bookings.push({ bookingId, sessionId, manageToken });
      await notifyBookingMade(tx, {
        kind: "booking-confirmed",
        person,
        session,
        bookingId,
        now,
        extra: {
          managePath: manageBookingPath(manageToken),
          waitlistPosition: null,
          course: { id: course.id, title: course.title, sessionNumber: index + 1, sessionCount: decision.bookings.length },
        },
      });
    }

    if (isMadeByStaff(input)) {
      await audit(tx, {
        action: "course.enrol",
        entityType: "CourseEnrolment",
        entityId: enrolmentId,
        actorUserId: input.bookedById ?? null,
        data: { courseId: course.id, personId: person.id, source: input.source, bookingIds: bookings.map((b) => b.bookingId) },
        at: now,
      });
    }

    return { ok: true, enrolmentId, bookings, personId: person.id };
  });
}

// ---------------------------------------------------------------------------------------------
// Cancelling

export type CancelBookingInput = {
  bookingId: string;
  by: "PERSON" | "STAFF";
  actorUserId?: string | null;
  reason?: string | null;
  /** When set, a booking of anyone else answers NOT_FOUND: for pages where a resident is signed in by link. */
  personId?: string | null;
  now?: Date;
};

export type CancelBookingResult =
  | { ok: true; promotedBookingId: string | null }
  | { ok: false; code: "NOT_FOUND" | "ALREADY_CANCELLED" | "SESSION_STARTED" };

/**
 * A cancelled confirmed booking frees its seat, and the first on the waiting list takes it in
 * the same transaction, so the seat count never dips where another booking could grab it.
 */
export async function cancelBooking(input: CancelBookingInput): Promise<CancelBookingResult> {
  const now = input.now ?? new Date();

  return runTransaction(async (tx): Promise<CancelBookingResult> => {
    const booking = await findBookingForCancellation(tx, input.bookingId);
    if (booking === null || booking.session.deletedAt !== null) return { ok: false, code: "NOT_FOUND" };
    if (input.personId != null && booking.personId !== input.personId) return { ok: false, code: "NOT_FOUND" };

    const check = canCancel(booking, booking.session, now);
    if (!check.ok) return { ok: false, code: check.code };

    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: booking.status },
      data: {
        status: "CANCELLED",
        cancelledAt: now,
        cancelledBy: input.by,
        cancellationReason: input.reason ?? null,
      },
    });
    if (count === 0) return { ok: false, code: "ALREADY_CANCELLED" };

    const session = booking.session;
    let promotedBookingId: string | null = null;
    if (cancellationEffects(booking).freesSeat) {
      await tx.session.updateMany({
        where: { id: session.id, seatsTaken: { gt: 0 } },
        data: { seatsTaken: { decrement: 1 } },
      });
      if (canPromote(session, now)) {
        const next = pickNextToPromote(await findWaitlistedForPromotion(tx, session.id));
        if (next !== null && (await takeSeat(tx, session.id))) {
          await tx.booking.update({
            where: { id: next.id },
            data: { status: "CONFIRMED", promotedAt: now, confirmedAt: now },
          });
          promotedBookingId = next.id;
          await notifyBookingMade(tx, {
            kind: "booking-promoted",
            person: { ...next.person, notifyEmail: notifyEmailOf(next.person), locale: next.person.preferredLanguage },
            session,
            bookingId: next.id,
            now,
            // The promoted person's manage token exists only in the link they already hold.
            extra: { findBookingsPath: FIND_MY_BOOKINGS_PATH },
          });
        }
      }
    }

    if (booking.courseEnrolmentId !== null) await closeEnrolmentIfEmpty(tx, booking.courseEnrolmentId, now);

    const canceller = booking.person;
    await notifyBookingMade(tx, {
      kind: "booking-cancelled",
      person: { ...canceller, notifyEmail: notifyEmailOf(canceller), locale: canceller.preferredLanguage },
      session,
      bookingId: booking.id,
      now,
      extra: { cancelledBy: input.by, sessionId: session.id },
    });
    await audit(tx, {
      action: "booking.cancel",
      entityType: "Booking",
      entityId: booking.id,
      actorUserId: input.actorUserId ?? null,
      data: {
        by: input.by,
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

// ---------------------------------------------------------------------------------------------
// Reading bookings back

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
  /** The cancel button's rule, evaluated at `now`. */
  canCancel: boolean;
  /** The session has started (or ended): the page shows it as past. */
  isPast: boolean;
  person: { id: string; firstName: string; lastName: string };
  session: SessionInfo;
};

/** The booking behind a manage link, or null for an unknown token (say nothing more). */
export async function findBookingByManageToken(token: string, now: Date = new Date()): Promise<ManagedBooking | null> {
  // A real token is 43 characters; anything much longer is not worth hashing.
  if (token.length === 0 || token.length > 128) return null;
  const row = await findBookingViewByTokenHash(prisma, hashToken(token));
  if (row === null) return null;
  const waitlist = row.status === "WAITLISTED" ? await findWaitlist(prisma, row.session.id) : [];
  return toManagedBooking(row, waitlist, now);
}

/** Upcoming bookings soonest first; past ones (session started) most recent first. Cancelled ones included. */
export async function listPersonBookings(
  personId: string,
  now: Date = new Date(),
): Promise<{ upcoming: ManagedBooking[]; past: ManagedBooking[] }> {
  const rows = await findBookingViewsOfPerson(prisma, personId);
  const waitlistedSessionIds = rows.filter((r) => r.status === "WAITLISTED").map((r) => r.session.id);
  const waitlists = waitlistedSessionIds.length > 0 ? await findWaitlists(prisma, waitlistedSessionIds) : new Map();
  const bookings = rows.map((row) => toManagedBooking(row, waitlists.get(row.session.id) ?? [], now));
  return {
    upcoming: bookings.filter((b) => !b.isPast),
    past: bookings.filter((b) => b.isPast).reverse(),
  };
}

/** Other upcoming dates of the same workshop with a seat left: what to offer when a session is full. */
export async function suggestOtherDates(sessionId: string, now: Date = new Date(), limit = 3): Promise<CatalogueSession[]> {
  const session = await prisma.session.findUnique({ where: { id: sessionId }, select: { workshopId: true } });
  if (session === null) return [];
  return listOtherDatesWithSeats(prisma, { workshopId: session.workshopId, excludeSessionId: sessionId, now, limit });
}

function toManagedBooking(
  row: BookingViewRow,
  waitlist: Parameters<typeof waitlistPosition>[1],
  now: Date,
): ManagedBooking {
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
    canCancel: canCancel(row, row.session, now).ok,
    isPast: hasStarted(row.session, now),
    person: row.person,
    session: toSessionInfo(row.session, now),
  };
}

// ---------------------------------------------------------------------------------------------
// Shared steps

/** The guarded update: the only place a seat is taken, and it cannot oversell. */
async function takeSeat(tx: TransactionClient, sessionId: string): Promise<boolean> {
  const { count } = await tx.session.updateMany({
    where: { id: sessionId, status: "SCHEDULED", seatsTaken: { lt: prisma.session.fields.capacity } },
    data: { seatsTaken: { increment: 1 } },
  });
  return count === 1;
}

/** Creates the booking, or brings a cancelled row for the same person and session back to life. */
async function writeBooking(
  tx: TransactionClient,
  booking: {
    existingId: string | null;
    sessionId: string;
    personId: string;
    status: "CONFIRMED" | "WAITLISTED";
    source: BookingSource;
    bookedById: string | null;
    courseEnrolmentId: string | null;
    manageTokenHash: string;
    now: Date;
  },
): Promise<string> {
  const { now } = booking;
  const data = {
    status: booking.status,
    source: booking.source,
    bookedById: booking.bookedById,
    courseEnrolmentId: booking.courseEnrolmentId,
    manageTokenHash: booking.manageTokenHash,
    confirmedAt: booking.status === "CONFIRMED" ? now : null,
    waitlistedAt: booking.status === "WAITLISTED" ? now : null,
    promotedAt: null,
    cancelledAt: null,
    cancelledBy: null,
    cancellationReason: null,
  };
  if (booking.existingId !== null) {
    await tx.booking.update({ where: { id: booking.existingId }, data, select: { id: true } });
    return booking.existingId;
  }
  const created = await tx.booking.create({
    data: { ...data, sessionId: booking.sessionId, personId: booking.personId },
    select: { id: true },
  });
  return created.id;
}

function notifyEmailOf(person: { email: string | null; consentServiceEmails: boolean }): string | null {
  return person.consentServiceEmails ? person.email : null;
}

/**
 * Enqueues one booking email if the person can and may receive it (phone-only people get none;
 * staff tell them). Keyed by booking, kind and instant: a re-booking after a cancellation is a
 * new email, a retried transaction is not.
 */
async function notifyBookingMade(
  tx: TransactionClient,
  email: {
    kind: Extract<EmailKind, "booking-confirmed" | "booking-waitlisted" | "booking-promoted" | "booking-cancelled">;
    person: Pick<BookingPerson, "firstName" | "lastName" | "notifyEmail" | "locale">;
    session: SessionForEmail;
    bookingId: string;
    now: Date;
    extra: Record<string, unknown>;
  },
): Promise<void> {
  const { person, session } = email;
  if (person.notifyEmail === null) return;
  await enqueueEmail(tx, {
    kind: email.kind,
    recipient: person.notifyEmail,
    locale: person.locale,
    dedupeKey: `${email.kind}:${email.bookingId}:${email.now.toISOString()}`,
    payload: {
      bookingId: email.bookingId,
      firstName: person.firstName,
      lastName: person.lastName,
      workshopTitle: session.workshop.title,
      whatToBring: session.workshop.whatToBring,
      devicesLent: session.workshop.devicesLent,
      placeName: session.place.name,
      placeAddress: session.place.addressLine,
      placePostcode: session.place.postcode,
      placeCommune: session.place.commune.name,
      placePhone: session.place.phone,
      room: session.room,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      ...email.extra,
    },
  });
}

function isMadeByStaff(input: { source: BookingSource; bookedById?: string | null }): boolean {
  return input.source !== "ONLINE" || input.bookedById != null;
}
