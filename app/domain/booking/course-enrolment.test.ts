import { describe, expect, it } from "vitest";
import { courseSeatsLeft, decideCourseEnrolment, type CourseEnrolmentRequest } from "./course-enrolment";
import type { BookableSession, PersonBooking } from "./decide-booking";

// A three-week cycle, Tuesdays 14:00–16:00 Paris (13:00–15:00 UTC in winter).
function week(n: number, overrides: Partial<BookableSession> = {}): BookableSession {
  const day = String(3 + 7 * (n - 1)).padStart(2, "0");
  return {
    id: `week${n}`,
    status: "SCHEDULED",
    startsAt: new Date(`2026-03-${day}T13:00:00Z`),
    endsAt: new Date(`2026-03-${day}T15:00:00Z`),
    capacity: 10,
    seatsTaken: 4,
    ...overrides,
  };
}

function request(overrides: Partial<CourseEnrolmentRequest> = {}): CourseEnrolmentRequest {
  return {
    sessions: [week(1), week(2), week(3)],
    personBookings: [],
    now: new Date("2026-03-01T09:00:00Z"),
    existingEnrolment: null,
    ...overrides,
  };
}

const other = (
  sessionId: string,
  start: string,
  end: string,
  status: PersonBooking["status"] = "CONFIRMED",
): PersonBooking => ({
  sessionId,
  status,
  startsAt: new Date(start),
  endsAt: new Date(end),
});

describe("decideCourseEnrolment", () => {
  it("confirms every session, in time order, when all have a free seat", () => {
    const decision = decideCourseEnrolment(request({ sessions: [week(3), week(1), week(2)] }));
    expect(decision).toEqual({
      ok: true,
      bookings: [
        { sessionId: "week1", outcome: "CONFIRM" },
        { sessionId: "week2", outcome: "CONFIRM" },
        { sessionId: "week3", outcome: "CONFIRM" },
      ],
    });
  });

  it("refuses the whole course when a single session is exactly full", () => {
    const decision = decideCourseEnrolment(request({ sessions: [week(1), week(2, { seatsTaken: 10 }), week(3)] }));
    expect(decision).toEqual({ ok: false, code: "COURSE_FULL", sessionId: "week2" });
  });

  it("accepts a session with exactly one seat left", () => {
    const decision = decideCourseEnrolment(request({ sessions: [week(1, { seatsTaken: 9 }), week(2)] }));
    expect(decision.ok).toBe(true);
  });

  it("refuses once the first session has started", () => {
    const decision = decideCourseEnrolment(request({ now: new Date("2026-03-03T13:00:00Z") }));
    expect(decision).toEqual({ ok: false, code: "BOOKING_CLOSED", sessionId: "week1" });
  });

  it("refuses when one session is already completed", () => {
    const decision = decideCourseEnrolment(request({ sessions: [week(1, { status: "COMPLETED" }), week(2)] }));
    expect(decision).toEqual({ ok: false, code: "BOOKING_CLOSED", sessionId: "week1" });
  });

  it("refuses when a session overlaps another booking of the person, naming both", () => {
    const clash = other("yoga", "2026-03-10T14:00:00Z", "2026-03-10T15:30:00Z");
    expect(decideCourseEnrolment(request({ personBookings: [clash] }))).toEqual({
      ok: false,
      code: "OVERLAPS_OTHER_BOOKING",
      sessionId: "week2",
      conflictingSessionId: "yoga",
    });
  });

  it("counts a waitlisted booking elsewhere as an overlap", () => {
    const queued = other("queued", "2026-03-17T12:00:00Z", "2026-03-17T13:30:00Z", "WAITLISTED");
    expect(decideCourseEnrolment(request({ personBookings: [queued] }))).toMatchObject({
      code: "OVERLAPS_OTHER_BOOKING",
      sessionId: "week3",
    });
  });

  it("accepts another booking that ends exactly when a course session starts", () => {
    const touching = other("morning", "2026-03-03T11:00:00Z", "2026-03-03T13:00:00Z");
    expect(decideCourseEnrolment(request({ personBookings: [touching] })).ok).toBe(true);
  });

  it("does not treat the course's own sessions as overlapping each other", () => {
    // Two sessions on the same afternoon, back to back.
    const first = week(1);
    const second = week(1, { id: "week1b", startsAt: first.endsAt, endsAt: new Date("2026-03-03T17:00:00Z") });
    expect(decideCourseEnrolment(request({ sessions: [first, second] })).ok).toBe(true);
  });

  it("does refuse a course whose own sessions truly overlap", () => {
    const first = week(1);
    const second = week(1, {
      id: "week1b",
      startsAt: new Date("2026-03-03T14:00:00Z"),
      endsAt: new Date("2026-03-03T16:00:00Z"),
    });
    expect(decideCourseEnrolment(request({ sessions: [first, second] }))).toEqual({
      ok: false,
      code: "OVERLAPS_OTHER_BOOKING",
      sessionId: "week1",
      conflictingSessionId: "week1b",
    });
  });

  it("leaves cancelled occurrences out of the enrolment", () => {
    const decision = decideCourseEnrolment(
      request({ sessions: [week(1), week(2, { status: "CANCELLED", seatsTaken: 10 }), week(3)] }),
    );
    expect(decision).toEqual({
      ok: true,
      bookings: [
        { sessionId: "week1", outcome: "CONFIRM" },
        { sessionId: "week3", outcome: "CONFIRM" },
      ],
    });
  });

  it("reports an empty course, or one whose sessions are all cancelled", () => {
    expect(decideCourseEnrolment(request({ sessions: [] }))).toEqual({ ok: false, code: "COURSE_EMPTY" });
    expect(decideCourseEnrolment(request({ sessions: [week(1, { status: "CANCELLED" })] }))).toEqual({
      ok: false,
      code: "COURSE_EMPTY",
    });
  });

  it("refuses a second enrolment, but allows one after cancelling", () => {
    expect(decideCourseEnrolment(request({ existingEnrolment: { status: "CONFIRMED" } }))).toEqual({
      ok: false,
      code: "ALREADY_ENROLLED",
    });
    expect(decideCourseEnrolment(request({ existingEnrolment: { status: "CANCELLED" } })).ok).toBe(true);
  });

  it("refuses when the person already holds a booking on one of the sessions", () => {
    const held = other("week2", "2026-03-10T13:00:00Z", "2026-03-10T15:00:00Z");
    expect(decideCourseEnrolment(request({ personBookings: [held] }))).toEqual({
      ok: false,
      code: "ALREADY_BOOKED",
      sessionId: "week2",
    });
  });

  it("reports the first problem in session order", () => {
    const decision = decideCourseEnrolment(
      request({ sessions: [week(1), week(2, { seatsTaken: 10 }), week(3, { status: "COMPLETED" })] }),
    );
    expect(decision).toMatchObject({ code: "COURSE_FULL", sessionId: "week2" });
  });

  it("does not reorder the caller's sessions", () => {
    const sessions = [week(3), week(1)];
    decideCourseEnrolment(request({ sessions }));
    expect(sessions.map((s) => s.id)).toEqual(["week3", "week1"]);
  });
});

describe("courseSeatsLeft", () => {
  it("is the seats of the fullest session still on", () => {
    expect(
      courseSeatsLeft([week(1), week(2, { seatsTaken: 9 }), week(3, { status: "CANCELLED", seatsTaken: 10 })]),
    ).toBe(1);
  });

  it("is none when no session is on", () => {
    expect(courseSeatsLeft([week(1, { status: "CANCELLED" })])).toBe(0);
    expect(courseSeatsLeft([])).toBe(0);
  });
});
