import { decideBooking, seatsLeft, type BookableSession, type PersonBooking } from "./decide-booking";
import { isActiveBooking, type BookingStatus } from "./statuses";

/** A session as it sits in its course: `courseOrder` is set by staff, and may be missing. */
export interface CourseSessionOrder {
  id: string;
  startsAt: Date;
  courseOrder?: number | null;
}

/**
 * The one order of a course's sessions, everywhere (pages, emails' "session 2 of 4", the
 * enrolment): `courseOrder` first (sessions without one after those with one), then start
 * time, then id so it never wavers. Sorted here rather than by the database, whose place for
 * NULLs differs between SQLite and PostgreSQL.
 */
export function compareCourseOrder(a: CourseSessionOrder, b: CourseSessionOrder): number {
  const ao = a.courseOrder ?? Number.POSITIVE_INFINITY;
  const bo = b.courseOrder ?? Number.POSITIVE_INFINITY;
  if (ao !== bo) return ao < bo ? -1 : 1;
  return a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function inCourseOrder<T extends CourseSessionOrder>(sessions: readonly T[]): T[] {
  return [...sessions].sort(compareCourseOrder);
}

export interface CourseEnrolmentRequest {
  /** Every session of the course; cancelled occurrences are left out of the enrolment. */
  sessions: readonly (BookableSession & { courseOrder?: number | null })[];
  /** The person's bookings elsewhere, and any on these sessions. */
  personBookings: readonly PersonBooking[];
  now: Date;
  /** The person's CourseEnrolment row for this course, if one exists (it may be cancelled). */
  existingEnrolment?: { status: BookingStatus } | null;
}

export type CourseEnrolmentRefusal =
  | { ok: false; code: "COURSE_EMPTY" }
  | { ok: false; code: "ALREADY_ENROLLED" }
  | { ok: false; code: "BOOKING_CLOSED"; sessionId: string }
  | { ok: false; code: "ALREADY_BOOKED"; sessionId: string }
  | { ok: false; code: "OVERLAPS_OTHER_BOOKING"; sessionId: string; conflictingSessionId: string }
  | { ok: false; code: "COURSE_FULL"; sessionId: string };

export type CourseEnrolmentDecision =
  { ok: true; bookings: { sessionId: string; outcome: "CONFIRM" }[] } | CourseEnrolmentRefusal;

type CourseSession = Pick<BookableSession, "status" | "startsAt" | "capacity" | "seatsTaken">;

const isOn = (session: Pick<BookableSession, "status">) => session.status !== "CANCELLED";

/** The seats of a course are those of its fullest session still on (none when nothing is on). */
export function courseSeatsLeft(
  sessions: readonly Pick<CourseSession, "status" | "capacity" | "seatsTaken">[],
): number {
  const on = sessions.filter(isOn);
  return on.length === 0 ? 0 : Math.min(...on.map((session) => seatsLeft(session)));
}

/**
 * A cycle is taken whole or not at all, with a confirmed seat in every session: there is no
 * waiting list for a course, since a partial cycle is not what the person asked for. The
 * service takes each seat with the guarded update and rolls everything back (COURSE_FULL)
 * if one fails. The first refusal in course order (`compareCourseOrder`) is reported.
 */
export function decideCourseEnrolment(request: CourseEnrolmentRequest): CourseEnrolmentDecision {
  if (request.existingEnrolment && isActiveBooking(request.existingEnrolment.status)) {
    return { ok: false, code: "ALREADY_ENROLLED" };
  }

  const sessions = inCourseOrder(request.sessions.filter(isOn));
  if (sessions.length === 0) return { ok: false, code: "COURSE_EMPTY" };

  // The course's own sessions join the person's bookings, so two of them clash only if they
  // truly overlap in time.
  const courseSlots: PersonBooking[] = sessions.map((s) => ({
    sessionId: s.id,
    status: "CONFIRMED",
    startsAt: s.startsAt,
    endsAt: s.endsAt,
  }));
  const personBookings = [...request.personBookings, ...courseSlots];

  const bookings: { sessionId: string; outcome: "CONFIRM" }[] = [];
  for (const session of sessions) {
    const refusal = refusalFor(session, request, personBookings);
    if (refusal) return refusal;
    bookings.push({ sessionId: session.id, outcome: "CONFIRM" });
  }
  return { ok: true, bookings };
}

function refusalFor(
  session: BookableSession,
  request: CourseEnrolmentRequest,
  personBookings: readonly PersonBooking[],
): CourseEnrolmentRefusal | null {
  const existing = request.personBookings.find((b) => b.sessionId === session.id) ?? null;
  const decision = decideBooking({ session, now: request.now, personBookings, existingBooking: existing });
  const sessionId = session.id;

  if (decision.ok) return decision.outcome === "CONFIRM" ? null : { ok: false, code: "COURSE_FULL", sessionId };
  switch (decision.code) {
    case "SESSION_FULL":
    case "WAITLIST_FULL":
      return { ok: false, code: "COURSE_FULL", sessionId };
    case "OVERLAPS_OTHER_BOOKING":
      return { ok: false, code: decision.code, sessionId, conflictingSessionId: decision.conflictingSessionId };
    case "ALREADY_BOOKED":
    case "BOOKING_CLOSED":
      return { ok: false, code: decision.code, sessionId };
    case "SESSION_NOT_FOUND":
    case "SESSION_CANCELLED":
      // Cancelled sessions were left out above; refusing here keeps "all or none" safe regardless.
      return { ok: false, code: "BOOKING_CLOSED", sessionId };
  }
}
