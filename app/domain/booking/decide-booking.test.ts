import { describe, expect, it } from "vitest";
import {
  decideBooking,
  findConflictingBooking,
  isFull,
  outcomeAfterSeatAttempt,
  seatsLeft,
  type BookableSession,
  type BookingRequest,
  type PersonBooking,
} from "./decide-booking";

const at = (iso: string) => new Date(iso);

function session(overrides: Partial<BookableSession> = {}): BookableSession {
  return {
    id: "s1",
    status: "SCHEDULED",
    startsAt: at("2026-03-03T13:00:00Z"),
    endsAt: at("2026-03-03T15:00:00Z"),
    capacity: 8,
    seatsTaken: 3,
    ...overrides,
  };
}

function request(overrides: Partial<BookingRequest> = {}): BookingRequest {
  return {
    session: session(),
    now: at("2026-03-01T09:00:00Z"),
    personBookings: [],
    existingBooking: null,
    ...overrides,
  };
}

function booking(
  sessionId: string,
  start: string,
  end: string,
  status: PersonBooking["status"] = "CONFIRMED",
): PersonBooking {
  return { sessionId, status, startsAt: at(start), endsAt: at(end) };
}

describe("decideBooking", () => {
  it("confirms when a seat is free", () => {
    expect(decideBooking(request())).toEqual({ ok: true, outcome: "CONFIRM" });
  });

  it("confirms the last free seat", () => {
    expect(decideBooking(request({ session: session({ capacity: 8, seatsTaken: 7 }) }))).toEqual({
      ok: true,
      outcome: "CONFIRM",
    });
  });

  it("offers the waiting list when the session is exactly full", () => {
    expect(decideBooking(request({ session: session({ capacity: 8, seatsTaken: 8 }) }))).toEqual({
      ok: true,
      outcome: "WAITLIST",
    });
  });

  it("never confirms beyond capacity, even if the counter is already over", () => {
    expect(decideBooking(request({ session: session({ capacity: 8, seatsTaken: 9 }) }))).toEqual({
      ok: true,
      outcome: "WAITLIST",
    });
  });

  it("treats a zero-capacity session as full", () => {
    expect(decideBooking(request({ session: session({ capacity: 0, seatsTaken: 0 }) }))).toEqual({
      ok: true,
      outcome: "WAITLIST",
    });
  });

  it("refuses a full session whose waiting list is closed", () => {
    const full = session({ seatsTaken: 8, waitlistOpen: false });
    expect(decideBooking(request({ session: full }))).toEqual({ ok: false, code: "SESSION_FULL" });
  });

  it("still confirms a free seat when the waiting list is closed", () => {
    const open = session({ seatsTaken: 2, waitlistOpen: false });
    expect(decideBooking(request({ session: open }))).toEqual({ ok: true, outcome: "CONFIRM" });
  });

  it("reports a missing session", () => {
    expect(decideBooking(request({ session: null }))).toEqual({ ok: false, code: "SESSION_NOT_FOUND" });
  });

  it("refuses a cancelled session", () => {
    expect(decideBooking(request({ session: session({ status: "CANCELLED" }) }))).toEqual({
      ok: false,
      code: "SESSION_CANCELLED",
    });
  });

  it("refuses a completed session", () => {
    expect(decideBooking(request({ session: session({ status: "COMPLETED" }) }))).toEqual({
      ok: false,
      code: "BOOKING_CLOSED",
    });
  });

  it("closes booking at the very instant the session starts", () => {
    expect(decideBooking(request({ now: at("2026-03-03T13:00:00Z") }))).toEqual({ ok: false, code: "BOOKING_CLOSED" });
  });

  it("still accepts one millisecond before the start", () => {
    expect(decideBooking(request({ now: at("2026-03-03T12:59:59.999Z") }))).toEqual({ ok: true, outcome: "CONFIRM" });
  });

  it("refuses a session in progress", () => {
    expect(decideBooking(request({ now: at("2026-03-03T14:00:00Z") }))).toEqual({ ok: false, code: "BOOKING_CLOSED" });
  });

  it("refuses a second booking and says which status the first one has", () => {
    expect(decideBooking(request({ existingBooking: { status: "CONFIRMED" } }))).toEqual({
      ok: false,
      code: "ALREADY_BOOKED",
      status: "CONFIRMED",
    });
    expect(decideBooking(request({ existingBooking: { status: "WAITLISTED" } }))).toEqual({
      ok: false,
      code: "ALREADY_BOOKED",
      status: "WAITLISTED",
    });
  });

  it("lets a person book again after cancelling", () => {
    expect(decideBooking(request({ existingBooking: { status: "CANCELLED" } }))).toEqual({
      ok: true,
      outcome: "CONFIRM",
    });
  });

  it("refuses a booking overlapping a confirmed one and names it", () => {
    const other = booking("other", "2026-03-03T14:00:00Z", "2026-03-03T16:00:00Z");
    expect(decideBooking(request({ personBookings: [other] }))).toEqual({
      ok: false,
      code: "OVERLAPS_OTHER_BOOKING",
      conflictingSessionId: "other",
    });
  });

  it("counts a waitlisted booking as an overlap too", () => {
    const other = booking("queued", "2026-03-03T12:00:00Z", "2026-03-03T13:30:00Z", "WAITLISTED");
    expect(decideBooking(request({ personBookings: [other] }))).toEqual({
      ok: false,
      code: "OVERLAPS_OTHER_BOOKING",
      conflictingSessionId: "queued",
    });
  });

  it("ignores an overlapping booking that was cancelled", () => {
    const other = booking("dropped", "2026-03-03T13:00:00Z", "2026-03-03T15:00:00Z", "CANCELLED");
    expect(decideBooking(request({ personBookings: [other] }))).toEqual({ ok: true, outcome: "CONFIRM" });
  });

  it("accepts back-to-back sessions that touch but do not overlap", () => {
    const before = booking("morning", "2026-03-03T11:00:00Z", "2026-03-03T13:00:00Z");
    const after = booking("late", "2026-03-03T15:00:00Z", "2026-03-03T17:00:00Z");
    expect(decideBooking(request({ personBookings: [before, after] }))).toEqual({ ok: true, outcome: "CONFIRM" });
  });

  it("refuses an overlap even when the session is full, before offering the waiting list", () => {
    const other = booking("other", "2026-03-03T13:00:00Z", "2026-03-03T15:00:00Z");
    expect(decideBooking(request({ session: session({ seatsTaken: 8 }), personBookings: [other] }))).toMatchObject({
      ok: false,
      code: "OVERLAPS_OTHER_BOOKING",
    });
  });

  it("checks cancellation before anything else about the person", () => {
    expect(
      decideBooking(request({ session: session({ status: "CANCELLED" }), existingBooking: { status: "CONFIRMED" } })),
    ).toEqual({ ok: false, code: "SESSION_CANCELLED" });
  });
});

describe("findConflictingBooking", () => {
  it("ignores the person's booking on this same session", () => {
    const same = booking("s1", "2026-03-03T13:00:00Z", "2026-03-03T15:00:00Z");
    expect(findConflictingBooking(session(), [same])).toBeNull();
  });

  it("returns the earliest of several conflicts", () => {
    const later = booking("later", "2026-03-03T14:30:00Z", "2026-03-03T16:00:00Z");
    const earlier = booking("earlier", "2026-03-03T12:30:00Z", "2026-03-03T13:30:00Z");
    expect(findConflictingBooking(session(), [later, earlier])?.sessionId).toBe("earlier");
  });
});

describe("outcomeAfterSeatAttempt", () => {
  it("confirms when the guarded update took a seat", () => {
    expect(outcomeAfterSeatAttempt(true)).toEqual({ ok: true, outcome: "CONFIRM" });
  });

  it("falls back to the waiting list when the seat went to someone else", () => {
    expect(outcomeAfterSeatAttempt(false)).toEqual({ ok: true, outcome: "WAITLIST" });
  });

  it("refuses when no seat was granted and the waiting list is closed", () => {
    expect(outcomeAfterSeatAttempt(false, false)).toEqual({ ok: false, code: "SESSION_FULL" });
    expect(outcomeAfterSeatAttempt(true, false)).toEqual({ ok: true, outcome: "CONFIRM" });
  });
});

describe("seatsLeft / isFull", () => {
  it("counts free seats and never goes negative", () => {
    expect(seatsLeft({ capacity: 8, seatsTaken: 3 })).toBe(5);
    expect(seatsLeft({ capacity: 8, seatsTaken: 8 })).toBe(0);
    expect(seatsLeft({ capacity: 8, seatsTaken: 10 })).toBe(0);
  });

  it("is full exactly when no seat is left", () => {
    expect(isFull({ capacity: 8, seatsTaken: 7 })).toBe(false);
    expect(isFull({ capacity: 8, seatsTaken: 8 })).toBe(true);
  });
});
