import { firstOverlapping, hasStarted, type TimeSlot } from "../time/interval";
import { isActiveBooking, type ActiveBookingStatus, type BookingStatus, type SessionStatus } from "./statuses";
import { isWaitlistFull } from "./waitlist";

export interface BookableSession extends TimeSlot {
  id: string;
  status: SessionStatus;
  capacity: number;
  /** Confirmed seats, as stored on the session row. */
  seatsTaken: number;
  /** No such column yet: absent means the waiting list is open. */
  waitlistOpen?: boolean;
  /** Bookings on the waiting list, as stored on the session row (`Session.waitlistCount`). */
  waitlistCount?: number;
}

/** One of the person's bookings on another session, with that session's times. */
export interface PersonBooking extends TimeSlot {
  sessionId: string;
  status: BookingStatus;
}

export interface BookingRequest {
  /** null when the session id from the request matched nothing. */
  session: BookableSession | null;
  now: Date;
  personBookings: readonly PersonBooking[];
  /** This person's booking on this very session, if a row exists (it may be cancelled). */
  existingBooking: { status: BookingStatus } | null;
}

export type BookingOutcome = "CONFIRM" | "WAITLIST";

export type BookingRefusal =
  | { ok: false; code: "SESSION_NOT_FOUND" }
  | { ok: false; code: "SESSION_CANCELLED" }
  | { ok: false; code: "ALREADY_BOOKED"; status: ActiveBookingStatus }
  | { ok: false; code: "BOOKING_CLOSED" }
  | { ok: false; code: "OVERLAPS_OTHER_BOOKING"; conflictingSessionId: string }
  | { ok: false; code: "SESSION_FULL" }
  | { ok: false; code: "WAITLIST_FULL" };

export type BookingDecision = { ok: true; outcome: BookingOutcome } | BookingRefusal;

export type BookingRefusalCode = BookingRefusal["code"];

export function seatsLeft(session: Pick<BookableSession, "capacity" | "seatsTaken">): number {
  return Math.max(0, session.capacity - session.seatsTaken);
}

export function isFull(session: Pick<BookableSession, "capacity" | "seatsTaken">): boolean {
  return seatsLeft(session) === 0;
}

export function isBookingClosed(session: Pick<BookableSession, "status" | "startsAt">, now: Date): boolean {
  return session.status === "COMPLETED" || hasStarted(session, now);
}

/**
 * What to attempt for this request. A CONFIRM is only an intention: the service must take the
 * seat with the guarded update (`seatsTaken < capacity`) and pass its result to
 * `outcomeAfterSeatAttempt`, since the seat count read here may already be stale.
 */
export function decideBooking(request: BookingRequest): BookingDecision {
  const { session, now } = request;
  if (session === null) return { ok: false, code: "SESSION_NOT_FOUND" };
  if (session.status === "CANCELLED") return { ok: false, code: "SESSION_CANCELLED" };

  // Checked before the time rules so a resubmitted form hears "you are already registered".
  const existing = request.existingBooking;
  if (existing !== null && isActiveBooking(existing.status)) {
    return { ok: false, code: "ALREADY_BOOKED", status: existing.status };
  }

  if (isBookingClosed(session, now)) return { ok: false, code: "BOOKING_CLOSED" };

  const conflict = findConflictingBooking(session, request.personBookings);
  if (conflict !== null) {
    return { ok: false, code: "OVERLAPS_OTHER_BOOKING", conflictingSessionId: conflict.sessionId };
  }

  if (!isFull(session)) return { ok: true, outcome: "CONFIRM" };
  return outcomeWhenNoSeat(session.waitlistOpen, session.waitlistCount);
}

/**
 * Waitlisted bookings count as well as confirmed ones: a waitlisted booking may be promoted
 * without asking, and the promotion must not leave the person in two places at once.
 */
export function findConflictingBooking(
  session: Pick<BookableSession, "id" | "startsAt" | "endsAt">,
  personBookings: readonly PersonBooking[],
): PersonBooking | null {
  const others = personBookings.filter((b) => b.sessionId !== session.id && isActiveBooking(b.status));
  return firstOverlapping(session, others);
}

/** The final outcome once the guarded seat update has run (or found no seat). */
export function outcomeAfterSeatAttempt(
  seatGranted: boolean,
  waitlistOpen?: boolean,
): { ok: true; outcome: BookingOutcome } | { ok: false; code: "SESSION_FULL" | "WAITLIST_FULL" } {
  return seatGranted ? { ok: true, outcome: "CONFIRM" } : outcomeWhenNoSeat(waitlistOpen);
}

/**
 * With no seat: the waiting list, unless it is closed or already as long as `WAITLIST_CAP`.
 * The count read here may be stale too: the service joins the list with the guarded update
 * `waitlistCount < WAITLIST_CAP`, which is what keeps the cap under concurrent requests.
 */
function outcomeWhenNoSeat(
  waitlistOpen: boolean | undefined,
  waitlistCount = 0,
): { ok: true; outcome: "WAITLIST" } | { ok: false; code: "SESSION_FULL" | "WAITLIST_FULL" } {
  if (waitlistOpen === false) return { ok: false, code: "SESSION_FULL" };
  if (isWaitlistFull(waitlistCount)) return { ok: false, code: "WAITLIST_FULL" };
  return { ok: true, outcome: "WAITLIST" };
}
