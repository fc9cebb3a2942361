import { describe, expect, it } from "vitest";

import type { PersonBooking } from "../booking/decide-booking";
import { ANONYMOUS, type Actor, type Permission } from "./actor";
import {
  WAITLIST_CAP,
  courseSessionsOn,
  mayBookSession,
  mayCancelBooking,
  mayChangeReminders,
  mayEnrolInCourse,
  offersOtherDates,
  sessionTiming,
  type BookQuestion,
  type CancelQuestion,
  type EnrolQuestion,
  type RemindersQuestion,
} from "./booking-policy";

const NOW = new Date("2026-03-01T09:00:00Z");
const HOUR = 60 * 60 * 1000;

const staff = (permissions: Permission[]): Actor => ({
  kind: "staff",
  userId: "u1",
  roles: ["MEDIATOR"],
  permissions,
  placeIds: [],
});

const ACTORS: Record<string, Actor> = {
  anonymous: ANONYMOUS,
  "manage link": { kind: "manage-link", bookingId: "b1" },
  "bookings session": { kind: "resident", personId: "p1", contactEmailNormalized: "p1@example.org" },
  "staff who may book": staff(["create:booking:any", "update:booking:any"]),
};

// Tuesday 3 March 2026, 14:00–16:00 Paris (13:00–15:00 UTC).
function session(overrides: Partial<BookQuestion["session"]> = {}): BookQuestion["session"] {
  return {
    id: "s1",
    status: "SCHEDULED",
    startsAt: new Date("2026-03-03T13:00:00Z"),
    endsAt: new Date("2026-03-03T15:00:00Z"),
    capacity: 8,
    seatsTaken: 3,
    waitlistCount: 0,
    ...overrides,
  };
}

const other = (sessionId: string, start: string, end: string): PersonBooking => ({
  sessionId,
  status: "CONFIRMED",
  startsAt: new Date(start),
  endsAt: new Date(end),
});

describe("mayBookSession", () => {
  describe.each(Object.entries(ACTORS))("for %s", (_name, actor) => {
    it("a seat while one is left", () => {
      expect(mayBookSession(actor, { session: session(), now: NOW })).toEqual({ may: true, outcome: "CONFIRM" });
    });

    it("the waiting list when full, until the list holds WAITLIST_CAP people", () => {
      const full = { capacity: 8, seatsTaken: 8 };
      expect(
        mayBookSession(actor, { session: session({ ...full, waitlistCount: WAITLIST_CAP - 1 }), now: NOW }),
      ).toEqual({
        may: true,
        outcome: "WAITLIST",
      });
      expect(mayBookSession(actor, { session: session({ ...full, waitlistCount: WAITLIST_CAP }), now: NOW })).toEqual({
        may: false,
        reason: "WAITLIST_FULL",
      });
    });

    it("a waiting list that is full does not matter while a seat is left", () => {
      expect(mayBookSession(actor, { session: session({ waitlistCount: WAITLIST_CAP }), now: NOW })).toEqual({
        may: true,
        outcome: "CONFIRM",
      });
    });

    it("SESSION_FULL when the waiting list is closed", () => {
      const closedList = session({ seatsTaken: 8, waitlistOpen: false });
      expect(mayBookSession(actor, { session: closedList, now: NOW })).toEqual({ may: false, reason: "SESSION_FULL" });
    });

    it("SESSION_CANCELLED for a session the place cancelled, even with seats", () => {
      expect(mayBookSession(actor, { session: session({ status: "CANCELLED" }), now: NOW })).toEqual({
        may: false,
        reason: "SESSION_CANCELLED",
      });
    });

    it("BOOKING_CLOSED from the exact start, and once completed", () => {
      const s = session();
      expect(mayBookSession(actor, { session: s, now: new Date(s.startsAt.getTime() - 1) }).may).toBe(true);
      expect(mayBookSession(actor, { session: s, now: s.startsAt })).toEqual({ may: false, reason: "BOOKING_CLOSED" });
      expect(mayBookSession(actor, { session: session({ status: "COMPLETED" }), now: NOW })).toEqual({
        may: false,
        reason: "BOOKING_CLOSED",
      });
    });

    it("ALREADY_BOOKED and OVERLAPS_OTHER_BOOKING once the person is known", () => {
      expect(
        mayBookSession(actor, { session: session(), now: NOW, existingBooking: { status: "WAITLISTED" } }),
      ).toEqual({
        may: false,
        reason: "ALREADY_BOOKED",
      });
      const busy = [other("s9", "2026-03-03T14:00:00Z", "2026-03-03T16:00:00Z")];
      expect(mayBookSession(actor, { session: session(), now: NOW, personBookings: busy })).toEqual({
        may: false,
        reason: "OVERLAPS_OTHER_BOOKING",
        conflictingSessionId: "s9",
      });
    });
  });

  it("staff without create:booking:any may not book for anyone", () => {
    expect(mayBookSession(staff(["update:booking:any"]), { session: session(), now: NOW })).toEqual({
      may: false,
      reason: "NOT_ALLOWED",
    });
  });

  it("staff get no seat beyond capacity and no place beyond the cap (no over-capacity path yet)", () => {
    const bookingStaff = ACTORS["staff who may book"];
    expect(
      mayBookSession(bookingStaff, { session: session({ seatsTaken: 8, waitlistCount: WAITLIST_CAP }), now: NOW }),
    ).toEqual({
      may: false,
      reason: "WAITLIST_FULL",
    });
  });
});

describe("mayCancelBooking", () => {
  const question = (overrides: Partial<CancelQuestion> = {}): CancelQuestion => ({
    booking: { id: "b1", personId: "p1", status: "CONFIRMED", contactEmailNormalized: "p1@example.org" },
    session: { status: "SCHEDULED", startsAt: new Date("2026-03-03T13:00:00Z") },
    now: NOW,
    ...overrides,
  });

  it("the link's holder, the person signed in, and staff with update:booking:any may cancel", () => {
    for (const actor of [ACTORS["manage link"], ACTORS["bookings session"], ACTORS["staff who may book"]]) {
      expect(mayCancelBooking(actor, question())).toEqual({ may: true, freesSeat: true });
    }
  });

  it("a waitlisted booking may be cancelled and frees no seat", () => {
    const waitlisted = question({
      booking: { id: "b1", personId: "p1", status: "WAITLISTED", contactEmailNormalized: "p1@example.org" },
    });
    expect(mayCancelBooking(ACTORS["manage link"], waitlisted)).toEqual({ may: true, freesSeat: false });
  });

  it("NOT_ALLOWED for anyone without proof of control: anonymous, another link, another person, staff without the permission", () => {
    const strangers: Actor[] = [
      ANONYMOUS,
      { kind: "manage-link", bookingId: "b2" },
      { kind: "resident", personId: "p2", contactEmailNormalized: null },
      // Her, signed in by a link asked with another email than this booking's.
      { kind: "resident", personId: "p1", contactEmailNormalized: "other@example.org" },
      staff(["create:booking:any"]),
    ];
    for (const actor of strangers)
      expect(mayCancelBooking(actor, question())).toEqual({ may: false, reason: "NOT_ALLOWED" });
  });

  it("NOT_ALLOWED comes before any fact about the booking, so nothing is learnt from it", () => {
    const cancelled = question({
      booking: { id: "b1", personId: "p1", status: "CANCELLED", contactEmailNormalized: "p1@example.org" },
    });
    expect(mayCancelBooking(ANONYMOUS, cancelled)).toEqual({ may: false, reason: "NOT_ALLOWED" });
  });

  it.each(Object.entries(ACTORS).filter(([name]) => name !== "anonymous"))(
    "SESSION_CANCELLED for a session the place cancelled, whether or not the booking went with it (%s)",
    (_name, actor) => {
      const session = { status: "CANCELLED" as const, startsAt: new Date("2026-03-03T13:00:00Z") };
      expect(mayCancelBooking(actor, question({ session }))).toEqual({ may: false, reason: "SESSION_CANCELLED" });
      const both = question({
        session,
        booking: { id: "b1", personId: "p1", status: "CANCELLED", contactEmailNormalized: "p1@example.org" },
      });
      expect(mayCancelBooking(actor, both)).toEqual({ may: false, reason: "SESSION_CANCELLED" });
    },
  );

  it.each(Object.entries(ACTORS).filter(([name]) => name !== "anonymous"))("ALREADY_CANCELLED (%s)", (_name, actor) => {
    const cancelled = question({
      booking: { id: "b1", personId: "p1", status: "CANCELLED", contactEmailNormalized: "p1@example.org" },
    });
    expect(mayCancelBooking(actor, cancelled)).toEqual({ may: false, reason: "ALREADY_CANCELLED" });
  });

  it.each(Object.entries(ACTORS).filter(([name]) => name !== "anonymous"))(
    "SESSION_STARTED from the exact start or once completed, staff included (%s)",
    (_name, actor) => {
      const startsAt = new Date("2026-03-03T13:00:00Z");
      expect(mayCancelBooking(actor, question({ now: new Date(startsAt.getTime() - 1) })).may).toBe(true);
      expect(mayCancelBooking(actor, question({ now: startsAt }))).toEqual({ may: false, reason: "SESSION_STARTED" });
      const completed = question({ session: { status: "COMPLETED", startsAt } });
      expect(mayCancelBooking(actor, completed)).toEqual({ may: false, reason: "SESSION_STARTED" });
    },
  );
});

describe("mayEnrolInCourse", () => {
  // Three Tuesdays; staff numbered them against the calendar (the 10th is session 1).
  const course = (overrides: Partial<BookQuestion["session"]>[] = []): EnrolQuestion["sessions"] =>
    [
      {
        id: "c-b",
        courseOrder: 1,
        startsAt: new Date("2026-03-10T13:00:00Z"),
        endsAt: new Date("2026-03-10T15:00:00Z"),
      },
      {
        id: "c-a",
        courseOrder: 2,
        startsAt: new Date("2026-03-03T13:00:00Z"),
        endsAt: new Date("2026-03-03T15:00:00Z"),
      },
      {
        id: "c-c",
        courseOrder: null,
        startsAt: new Date("2026-03-17T13:00:00Z"),
        endsAt: new Date("2026-03-17T15:00:00Z"),
      },
    ].map((s, i) => ({ status: "SCHEDULED" as const, capacity: 8, seatsTaken: 2, ...s, ...overrides[i] }));

  it("every session confirmed, in course order (courseOrder, then start time), for residents and booking staff", () => {
    for (const actor of Object.values(ACTORS)) {
      expect(mayEnrolInCourse(actor, { sessions: course(), now: NOW })).toEqual({
        may: true,
        bookings: ["c-b", "c-a", "c-c"].map((sessionId) => ({ sessionId, outcome: "CONFIRM" })),
      });
    }
  });

  it("the same order for the pages' list, cancelled sessions left out", () => {
    const sessions = course([{}, { status: "CANCELLED" }]);
    expect(courseSessionsOn(sessions).map((s) => s.id)).toEqual(["c-b", "c-c"]);
  });

  it("COURSE_FULL when one session has no seat (no waiting list for a course)", () => {
    expect(mayEnrolInCourse(ANONYMOUS, { sessions: course([{}, { seatsTaken: 8 }]), now: NOW })).toEqual({
      may: false,
      reason: "COURSE_FULL",
      sessionId: "c-a",
    });
  });

  it("BOOKING_CLOSED once a session still on has started", () => {
    const started = new Date("2026-03-03T13:00:00Z");
    expect(mayEnrolInCourse(ANONYMOUS, { sessions: course(), now: started })).toMatchObject({
      may: false,
      reason: "BOOKING_CLOSED",
    });
  });

  it("COURSE_EMPTY when every session was cancelled", () => {
    const sessions = course([{ status: "CANCELLED" }, { status: "CANCELLED" }, { status: "CANCELLED" }]);
    expect(mayEnrolInCourse(ANONYMOUS, { sessions, now: NOW })).toEqual({ may: false, reason: "COURSE_EMPTY" });
  });

  it("ALREADY_ENROLLED, ALREADY_BOOKED and OVERLAPS_OTHER_BOOKING once the person is known", () => {
    const resident = ACTORS["bookings session"];
    expect(
      mayEnrolInCourse(resident, { sessions: course(), now: NOW, existingEnrolment: { status: "CONFIRMED" } }),
    ).toEqual({
      may: false,
      reason: "ALREADY_ENROLLED",
    });
    expect(
      mayEnrolInCourse(resident, {
        sessions: course(),
        now: NOW,
        personBookings: [other("c-a", "2026-03-03T13:00:00Z", "2026-03-03T15:00:00Z")],
      }),
    ).toEqual({ may: false, reason: "ALREADY_BOOKED", sessionId: "c-a" });
    expect(
      mayEnrolInCourse(resident, {
        sessions: course(),
        now: NOW,
        personBookings: [other("x", "2026-03-17T14:00:00Z", "2026-03-17T16:00:00Z")],
      }),
    ).toEqual({ may: false, reason: "OVERLAPS_OTHER_BOOKING", sessionId: "c-c", conflictingSessionId: "x" });
  });

  it("staff without create:booking:any may not enrol anyone", () => {
    expect(mayEnrolInCourse(staff([]), { sessions: course(), now: NOW })).toEqual({
      may: false,
      reason: "NOT_ALLOWED",
    });
  });
});

describe("offersOtherDates", () => {
  it("a session whose seats are gone offers other dates first: waiting list open or full", () => {
    expect(offersOtherDates({ may: true, outcome: "WAITLIST" })).toBe(true);
    expect(offersOtherDates({ may: false, reason: "WAITLIST_FULL" })).toBe(true);
    expect(offersOtherDates({ may: false, reason: "SESSION_FULL" })).toBe(true);
  });

  it("not while seats are left, nor for a closed or cancelled session", () => {
    expect(offersOtherDates({ may: true, outcome: "CONFIRM" })).toBe(false);
    expect(offersOtherDates({ may: false, reason: "BOOKING_CLOSED" })).toBe(false);
    expect(offersOtherDates({ may: false, reason: "SESSION_CANCELLED" })).toBe(false);
  });
});

describe("sessionTiming", () => {
  const s = { startsAt: new Date("2026-03-03T13:00:00Z"), endsAt: new Date("2026-03-03T15:00:00Z") };
  it("upcoming before the start, started from it, past from the end", () => {
    expect(sessionTiming(s, new Date(s.startsAt.getTime() - 1))).toBe("upcoming");
    expect(sessionTiming(s, s.startsAt)).toBe("started");
    expect(sessionTiming(s, new Date(s.endsAt.getTime() - HOUR))).toBe("started");
    expect(sessionTiming(s, s.endsAt)).toBe("past");
  });
});

describe("mayChangeReminders", () => {
  const question = (overrides: Partial<RemindersQuestion> = {}): RemindersQuestion => ({
    booking: {
      id: "b1",
      personId: "p1",
      status: "CONFIRMED",
      contactEmail: "P1@example.org",
      contactEmailNormalized: "p1@example.org",
    },
    session: { status: "SCHEDULED", startsAt: new Date("2026-03-03T13:00:00Z") },
    now: NOW,
    wanted: true,
    ...overrides,
  });

  it("whoever controls the booking may stop or restart its reminders: its link, the person signed in with its email, staff", () => {
    for (const actor of [ACTORS["manage link"], ACTORS["bookings session"], ACTORS["staff who may book"]]) {
      expect(mayChangeReminders(actor, question())).toEqual({ may: true });
    }
  });

  it("NOT_ALLOWED for anyone else, before any fact about the booking", () => {
    const strangers: Actor[] = [
      ANONYMOUS,
      { kind: "manage-link", bookingId: "b2" },
      { kind: "resident", personId: "p1", contactEmailNormalized: "other@example.org" },
      staff(["create:booking:any"]),
    ];
    const cancelled = question({ booking: { ...question().booking, status: "CANCELLED" } });
    for (const actor of strangers) {
      expect(mayChangeReminders(actor, cancelled)).toEqual({ may: false, reason: "NOT_ALLOWED" });
    }
  });

  it("only while reminders could still come: an email, the booking and the session on, not yet begun", () => {
    const actor = ACTORS["manage link"];
    const base = question();
    expect(mayChangeReminders(actor, question({ booking: { ...base.booking, contactEmail: null } }))).toEqual({
      may: false,
      reason: "NO_EMAIL",
    });
    expect(mayChangeReminders(actor, question({ booking: { ...base.booking, status: "CANCELLED" } }))).toEqual({
      may: false,
      reason: "ALREADY_CANCELLED",
    });
    expect(mayChangeReminders(actor, question({ session: { ...base.session, status: "CANCELLED" } }))).toEqual({
      may: false,
      reason: "SESSION_CANCELLED",
    });
    expect(mayChangeReminders(actor, question({ now: base.session.startsAt }))).toEqual({
      may: false,
      reason: "SESSION_STARTED",
    });
  });
  it("stopping is allowed at any time to whoever controls the booking: cancelled, started, no email", () => {
    const late = question({
      wanted: false,
      booking: { ...question().booking, status: "CANCELLED", contactEmail: null },
      session: { status: "CANCELLED", startsAt: NOW },
    });
    for (const actor of [ACTORS["manage link"], ACTORS["bookings session"], ACTORS["staff who may book"]]) {
      expect(mayChangeReminders(actor, late)).toEqual({ may: true });
    }
  });

  it("the emails' one-click stop link may stop this booking's reminders, never restart them, never another's", () => {
    const link = { kind: "stop-reminders-link", bookingId: "b1" } as const;
    expect(mayChangeReminders(link, question({ wanted: false }))).toEqual({ may: true });
    expect(mayChangeReminders(link, question({ wanted: true }))).toEqual({ may: false, reason: "NOT_ALLOWED" });
    expect(mayChangeReminders({ kind: "stop-reminders-link", bookingId: "b2" }, question({ wanted: false }))).toEqual({
      may: false,
      reason: "NOT_ALLOWED",
    });
  });

  it("stopping is still NOT_ALLOWED to anyone who does not control the booking", () => {
    for (const actor of [ANONYMOUS, { kind: "manage-link", bookingId: "b2" } as const, staff(["create:booking:any"])]) {
      expect(mayChangeReminders(actor, question({ wanted: false }))).toEqual({ may: false, reason: "NOT_ALLOWED" });
    }
  });
});
