// The one answer to "may this actor do this now, and if not, why". Services ask it before they
// write and carry its answer in the view data they return; pages only put the answer in words.
// The rules themselves stay in ../booking (the building blocks); this module adds who is asking.

import { canCancel, cancellationEffects } from "../booking/cancellation";
import {
  decideCourseEnrolment,
  inCourseOrder,
  type CourseEnrolmentRefusal,
  type CourseEnrolmentRequest,
} from "../booking/course-enrolment";
import {
  decideBooking,
  outcomeAfterSeatAttempt,
  type BookableSession,
  type BookingOutcome,
  type BookingRefusalCode,
  type PersonBooking,
} from "../booking/decide-booking";
import type { BookingStatus, SessionStatus } from "../booking/statuses";
import { hasStarted, type TimeSlot } from "../time/interval";
import { hasPermission, type Actor } from "./actor";

export { ANONYMOUS, type Actor } from "./actor";
export { WAITLIST_CAP } from "../booking/waitlist";
export { compareCourseOrder, inCourseOrder } from "../booking/course-enrolment";

// ---------------------------------------------------------------------------------------------
// What the one asking may hear of a refusal (docs/decisions/010)

/** Reasons that come from the named person's own bookings: hers to hear, not a form poster's. */
export type PersonalReason = "ALREADY_BOOKED" | "OVERLAPS_OTHER_BOOKING" | "ALREADY_ENROLLED";

export function isPersonalReason(reason: string): reason is PersonalReason {
  return reason === "ALREADY_BOOKED" || reason === "OVERLAPS_OTHER_BOOKING" || reason === "ALREADY_ENROLLED";
}

/**
 * A form posted without proof of the contact it names (an anonymous resident) never hears a
 * reason drawn from that person's other bookings: it hears what anyone with no bookings would
 * hear, and she is told by email. Those who proved who they are (a link, a session) or staff may.
 */
export function mayHearPersonalReason(actor: Actor): boolean {
  return actor.kind !== "anonymous";
}

// ---------------------------------------------------------------------------------------------
// Booking one session: a seat, or a place on the waiting list

export type BookReason = Exclude<BookingRefusalCode, "SESSION_NOT_FOUND"> | "NOT_ALLOWED";

export type BookAnswer =
  { may: true; outcome: BookingOutcome } | { may: false; reason: BookReason; conflictingSessionId?: string };

/**
 * A session whose seats are gone (its waiting list open, or full too) offers the other dates of
 * its workshop that still have a seat, before its waiting list: the session and booking pages.
 */
export function offersOtherDates(answer: BookAnswer): boolean {
  if (answer.may) return answer.outcome === "WAITLIST";
  return answer.reason === "SESSION_FULL" || answer.reason === "WAITLIST_FULL";
}

export interface BookQuestion {
  /** `waitlistCount` is required here: the cap is part of the answer a page shows. */
  session: BookableSession & { waitlistCount: number };
  now: Date;
  /** The person's bookings, once the person is known (signed in, recognised, or named by staff). */
  personBookings?: readonly PersonBooking[];
  /** The person's row on this very session, if any (it may be cancelled). */
  existingBooking?: { status: BookingStatus } | null;
}

/**
 * Residents book for themselves without an account, so any resident may ask (the service only
 * ever adds); staff book on someone's behalf with `create:booking:any`. Staff get the same
 * rules otherwise: no booking after the start, no seat beyond capacity and no place beyond the
 * waiting-list cap, until an explicit over-capacity path exists.
 */
export function mayBookSession(actor: Actor, question: BookQuestion): BookAnswer {
  if (!mayBookFor(actor)) return { may: false, reason: "NOT_ALLOWED" };
  const decision = decideBooking({
    session: question.session,
    now: question.now,
    personBookings: question.personBookings ?? [],
    existingBooking: question.existingBooking ?? null,
  });
  if (decision.ok) return { may: true, outcome: decision.outcome };
  switch (decision.code) {
    case "SESSION_NOT_FOUND":
      throw new Error("decideBooking reported a missing session it was given");
    case "OVERLAPS_OTHER_BOOKING":
      return { may: false, reason: decision.code, conflictingSessionId: decision.conflictingSessionId };
    default:
      return { may: false, reason: decision.code };
  }
}

/**
 * The answer once the guarded seat update has run: a seat, else the waiting list (which the
 * service then joins with its own guarded update, answering WAITLIST_FULL if that fails).
 */
export function answerAfterSeatAttempt(seatGranted: boolean, waitlistOpen?: boolean): BookAnswer {
  const outcome = outcomeAfterSeatAttempt(seatGranted, waitlistOpen);
  return outcome.ok ? { may: true, outcome: outcome.outcome } : { may: false, reason: outcome.code };
}

function mayBookFor(actor: Actor): boolean {
  return actor.kind !== "staff" || hasPermission(actor, "create:booking:any");
}

// ---------------------------------------------------------------------------------------------
// Enrolling in a course (a cycle taken whole)

export type EnrolReason = CourseEnrolmentRefusal["code"] | "NOT_ALLOWED";

export type EnrolAnswer =
  | { may: true; bookings: { sessionId: string; outcome: "CONFIRM" }[] }
  | { may: false; reason: EnrolReason; sessionId?: string; conflictingSessionId?: string };

export type EnrolQuestion = Omit<CourseEnrolmentRequest, "personBookings"> & {
  personBookings?: CourseEnrolmentRequest["personBookings"];
};

/** Same actors as booking a session (a course is bookings); its sessions are taken in course order. */
export function mayEnrolInCourse(actor: Actor, question: EnrolQuestion): EnrolAnswer {
  if (!mayBookFor(actor)) return { may: false, reason: "NOT_ALLOWED" };
  const decision = decideCourseEnrolment({ ...question, personBookings: question.personBookings ?? [] });
  if (decision.ok) return { may: true, bookings: decision.bookings };
  return {
    may: false,
    reason: decision.code,
    ...("sessionId" in decision ? { sessionId: decision.sessionId } : {}),
    ...("conflictingSessionId" in decision ? { conflictingSessionId: decision.conflictingSessionId } : {}),
  };
}

/** A course's sessions still on, in course order: what the pages list and number. */
export function courseSessionsOn<
  T extends { id: string; startsAt: Date; courseOrder?: number | null; status: SessionStatus },
>(sessions: readonly T[]): T[] {
  return inCourseOrder(sessions.filter((session) => session.status !== "CANCELLED"));
}

// ---------------------------------------------------------------------------------------------
// Cancelling a booking

export type CancelReason = "NOT_ALLOWED" | "SESSION_CANCELLED" | "ALREADY_CANCELLED" | "SESSION_STARTED";

export type CancelAnswer = { may: true; freesSeat: boolean } | { may: false; reason: CancelReason };

/** A booking as the rules about acting on it read it. */
export type BookingActedOn = {
  id: string;
  personId: string;
  status: BookingStatus;
  /** The contact email given with the booking, normalised: a signed-in resident acts on those made with hers. */
  contactEmailNormalized?: string | null;
};

export interface CancelQuestion {
  booking: BookingActedOn;
  session: { status: SessionStatus; startsAt: Date };
  now: Date;
}

/**
 * Only someone who proved control of the booking cancels it: the holder of its manage link,
 * the person signed in by the link sent to her contact, or staff with `update:booking:any`.
 * A session cancelled by the place comes first: cancelling the booking too would change
 * nothing for anyone, and the resident should read that the place cancelled it. After the
 * start nobody cancels, staff included: absence is recorded at attendance (émargement).
 */
export function mayCancelBooking(actor: Actor, question: CancelQuestion): CancelAnswer {
  const { booking, session, now } = question;
  if (!mayCancelFor(actor, booking)) return { may: false, reason: "NOT_ALLOWED" };
  if (session.status === "CANCELLED") return { may: false, reason: "SESSION_CANCELLED" };
  const check = canCancel(booking, session, now);
  if (!check.ok) return { may: false, reason: check.code };
  return { may: true, freesSeat: cancellationEffects(booking).freesSeat };
}

/** Who proved control of this booking: its link's holder, the person signed in by the link sent to its contact, staff. */
function controlsBooking(actor: Actor, booking: BookingActedOn): boolean {
  switch (actor.kind) {
    case "anonymous":
      return false;
    case "manage-link":
      return actor.bookingId === booking.id;
    case "resident":
      return (
        actor.personId === booking.personId &&
        (actor.contactEmailNormalized === null ||
          actor.contactEmailNormalized === (booking.contactEmailNormalized ?? null))
      );
    case "staff":
      return hasPermission(actor, "update:booking:any");
  }
}

function mayCancelFor(actor: Actor, booking: BookingActedOn): boolean {
  return controlsBooking(actor, booking);
}

// ---------------------------------------------------------------------------------------------
// Stopping (or restarting) the reminders of a booking

export type RemindersReason =
  "NOT_ALLOWED" | "NO_EMAIL" | "SESSION_CANCELLED" | "ALREADY_CANCELLED" | "SESSION_STARTED";

export type RemindersAnswer = { may: true } | { may: false; reason: RemindersReason };

export interface RemindersQuestion {
  booking: BookingActedOn & { contactEmail: string | null };
  session: { status: SessionStatus; startsAt: Date };
  now: Date;
  /** What the actor asks for: reminders on (true) or off (false). */
  wanted: boolean;
}

/**
 * Holds the one-click "stop the reminders" link of one booking's emails (List-Unsubscribe,
 * RFC 8058): it proves that much and nothing more — it cannot restart them, nor cancel.
 */
export type StopLinkHolder = { kind: "stop-reminders-link"; bookingId: string };

/**
 * Whoever controls the booking (the same actors as for cancelling) may change its own settings,
 * reminders included: the manage link's holder changes only this booking, never the stored person
 * (decision 010). Stopping only takes messages away, so it is allowed at any time, as often as
 * asked, and also to the holder of the emails' stop link. Restarting only while reminders could
 * still come: an email to send them to, the booking active, the session on and not begun.
 */
export function mayChangeReminders(actor: Actor | StopLinkHolder, question: RemindersQuestion): RemindersAnswer {
  const { booking, session, now, wanted } = question;
  const controls =
    actor.kind === "stop-reminders-link" ? actor.bookingId === booking.id && !wanted : controlsBooking(actor, booking);
  if (!controls) return { may: false, reason: "NOT_ALLOWED" };
  if (!wanted) return { may: true };
  if (session.status === "CANCELLED") return { may: false, reason: "SESSION_CANCELLED" };
  if (booking.status === "CANCELLED") return { may: false, reason: "ALREADY_CANCELLED" };
  if (now.getTime() >= session.startsAt.getTime()) return { may: false, reason: "SESSION_STARTED" };
  if (!booking.contactEmail) return { may: false, reason: "NO_EMAIL" };
  return { may: true };
}

// ---------------------------------------------------------------------------------------------
// A fact the pages show beside the answers

export type SessionTiming = "upcoming" | "started" | "past";

/** Where a session stands by the clock: not yet begun, under way, or over. */
export function sessionTiming(session: TimeSlot, now: Date): SessionTiming {
  if (!hasStarted(session, now)) return "upcoming";
  return now.getTime() < session.endsAt.getTime() ? "started" : "past";
}
