import { describe, expect, test } from "vitest";

import {
  followUpKey,
  planScheduledEmails,
  reminderKey,
  type BookingForSchedule,
  type ExistingRow,
} from "./scheduled-emails";

// A workshop on Tuesday 31 March 2026, 14:00–16:00 CEST.
const startsAt = new Date("2026-03-31T12:00:00.000Z");
const endsAt = new Date("2026-03-31T14:00:00.000Z");
const DAYS_BEFORE = new Date("2026-03-29T08:00:00.000Z");
const MORNING = new Date("2026-03-31T06:00:00.000Z");
const FOLLOW_UP = new Date("2026-03-31T17:00:00.000Z");
const EARLY = new Date("2026-03-20T10:00:00.000Z");

function booking(overrides: Partial<BookingForSchedule> = {}): BookingForSchedule {
  return {
    id: "b1",
    status: "CONFIRMED",
    remindersWanted: true,
    contactEmail: "marie@example.org",
    locale: "ar",
    helperEmail: null,
    session: { status: "SCHEDULED", startsAt, endsAt, deleted: false },
    ...overrides,
  };
}

function existingFrom(plan: ReturnType<typeof planScheduledEmails>, state = "PENDING"): ExistingRow[] {
  return plan.write.map((row, i) => ({ id: `row${i}`, ...row, state }));
}

describe("a confirmed booking with a contact", () => {
  test("gets both reminders and a follow-up, in its language, keyed by booking, moment and time", () => {
    const plan = planScheduledEmails(booking(), [], EARLY);
    expect(plan.drop).toEqual([]);
    expect(plan.write).toEqual([
      {
        kind: "reminder",
        dedupeKey: reminderKey("b1", "days-before", startsAt, false),
        recipient: "marie@example.org",
        locale: "ar",
        sendAfter: DAYS_BEFORE,
        payload: { moment: "days-before", startsAt: startsAt.toISOString() },
        existingId: null,
      },
      {
        kind: "reminder",
        dedupeKey: reminderKey("b1", "morning", startsAt, false),
        recipient: "marie@example.org",
        locale: "ar",
        sendAfter: MORNING,
        payload: { moment: "morning", startsAt: startsAt.toISOString() },
        existingId: null,
      },
      {
        kind: "follow-up",
        dedupeKey: followUpKey("b1", endsAt),
        recipient: "marie@example.org",
        locale: "ar",
        sendAfter: FOLLOW_UP,
        payload: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
        existingId: null,
      },
    ]);
  });

  test("asked again in the same state, it writes nothing (a retry or a second call)", () => {
    const first = planScheduledEmails(booking(), [], EARLY);
    expect(planScheduledEmails(booking(), existingFrom(first), EARLY)).toEqual({ write: [], drop: [] });
    // Even once the days-before moment is near or past: a pending row is the sender's to send.
    expect(planScheduledEmails(booking(), existingFrom(first), new Date("2026-03-29T09:00:00.000Z"))).toEqual({
      write: [],
      drop: [],
    });
  });

  test("booked less than 12 hours before the days-before moment: only the morning reminder", () => {
    const plan = planScheduledEmails(booking(), [], new Date("2026-03-28T21:00:00.000Z"));
    expect(plan.write.map((r) => r.payload.moment ?? r.kind)).toEqual(["morning", "follow-up"]);
  });

  test("booked after the morning moment: no reminder, still the follow-up", () => {
    const plan = planScheduledEmails(booking(), [], new Date("2026-03-31T07:00:00.000Z"));
    expect(plan.write.map((r) => r.kind)).toEqual(["follow-up"]);
  });

  test("a helper who agreed gets a copy of each reminder, not the follow-up", () => {
    const plan = planScheduledEmails(booking({ helperEmail: "fils@example.org" }), [], EARLY);
    const toHelper = plan.write.filter((r) => r.recipient === "fils@example.org");
    expect(toHelper.map((r) => [r.kind, r.payload])).toEqual([
      ["reminder", { moment: "days-before", startsAt: startsAt.toISOString(), toHelper: true }],
      ["reminder", { moment: "morning", startsAt: startsAt.toISOString(), toHelper: true }],
    ]);
    expect(toHelper.map((r) => r.dedupeKey)).toEqual([
      reminderKey("b1", "days-before", startsAt, true),
      reminderKey("b1", "morning", startsAt, true),
    ]);
  });

  test("a phone-only booking: only the helper's copies, if any", () => {
    expect(planScheduledEmails(booking({ contactEmail: null }), [], EARLY).write).toEqual([]);
    const plan = planScheduledEmails(booking({ contactEmail: null, helperEmail: "fils@example.org" }), [], EARLY);
    expect(plan.write.map((r) => r.recipient)).toEqual(["fils@example.org", "fils@example.org"]);
  });
});

describe("a booking that no longer calls for them: pending rows dropped with the reason", () => {
  const pending = existingFrom(planScheduledEmails(booking({ helperEmail: "fils@example.org" }), [], EARLY));

  test.each([
    ["cancelled by the person", { status: "CANCELLED" as const }, "booking-cancelled"],
    ["on the waiting list", { status: "WAITLISTED" as const }, "booking-waitlisted"],
    ["reminders stopped", { remindersWanted: false }, "reminders-stopped"],
    [
      "session cancelled by the place",
      { session: { status: "CANCELLED" as const, startsAt, endsAt, deleted: false } },
      "session-cancelled",
    ],
  ])("%s", (_label, change, reason) => {
    const plan = planScheduledEmails(booking({ helperEmail: "fils@example.org", ...change }), pending, EARLY);
    expect(plan.write).toEqual([]);
    expect(plan.drop).toEqual(pending.map((row) => ({ id: row.id, reason })));
  });

  test("sent and failed rows are history: never dropped", () => {
    const sent = pending.map((row, i) => ({ ...row, state: i % 2 ? "SENT" : "FAILED" }));
    expect(planScheduledEmails(booking({ status: "CANCELLED" }), sent, EARLY)).toEqual({ write: [], drop: [] });
  });

  test("the helper's copy stops alone when the person withdraws it", () => {
    const plan = planScheduledEmails(booking(), pending, EARLY);
    expect(plan.write).toEqual([]);
    expect(plan.drop).toEqual(
      pending
        .filter((r) => r.recipient === "fils@example.org")
        .map((r) => ({ id: r.id, reason: "helper-copy-stopped" })),
    );
  });
});

describe("a moved session", () => {
  const pending = existingFrom(planScheduledEmails(booking(), [], EARLY));
  const moved = { status: "SCHEDULED" as const, deleted: false };

  test("re-timed: the old rows dropped as moved, new rows at the new moments", () => {
    // Two days later, Thursday 2 April 2026 at 10:00 CEST.
    const newStart = new Date("2026-04-02T08:00:00.000Z");
    const newEnd = new Date("2026-04-02T10:00:00.000Z");
    const plan = planScheduledEmails(
      booking({ session: { ...moved, startsAt: newStart, endsAt: newEnd } }),
      pending,
      EARLY,
    );
    expect(plan.drop).toEqual(pending.map((row) => ({ id: row.id, reason: "session-moved" })));
    expect(plan.write.map((r) => [r.dedupeKey, r.sendAfter.toISOString()])).toEqual([
      [reminderKey("b1", "days-before", newStart, false), "2026-03-31T08:00:00.000Z"],
      [reminderKey("b1", "morning", newStart, false), "2026-04-02T06:00:00.000Z"],
      [followUpKey("b1", newEnd), "2026-04-02T13:00:00.000Z"],
    ]);
  });

  test("moved to a day so close that the days-before moment is already near: that reminder is not written", () => {
    const now = new Date("2026-03-30T20:00:00.000Z");
    const newStart = new Date("2026-04-01T12:00:00.000Z"); // days-before = 30 March 10:00, passed
    const plan = planScheduledEmails(
      booking({ session: { ...moved, startsAt: newStart, endsAt: new Date("2026-04-01T14:00:00.000Z") } }),
      pending,
      now,
    );
    expect(plan.write.map((r) => r.payload.moment ?? r.kind)).toEqual(["morning", "follow-up"]);
    expect(plan.drop).toHaveLength(3);
  });

  test("moved back to the first time: the dropped rows come back instead of new ones", () => {
    const dropped = pending.map((row) => ({ ...row, state: "DROPPED" }));
    const plan = planScheduledEmails(booking(), dropped, EARLY);
    expect(plan.write.map((r) => r.existingId)).toEqual(dropped.map((row) => row.id));
    expect(plan.drop).toEqual([]);
  });
});

test("booked again after a cancellation: the dropped rows come back if still ahead", () => {
  const dropped = existingFrom(planScheduledEmails(booking(), [], EARLY), "DROPPED");
  const plan = planScheduledEmails(booking(), dropped, new Date("2026-03-29T09:00:00.000Z"));
  // The days-before moment has passed by then: only the morning one and the follow-up return.
  expect(plan.write.map((r) => [r.existingId, r.payload.moment ?? r.kind])).toEqual([
    [dropped[1].id, "morning"],
    [dropped[2].id, "follow-up"],
  ]);
});

test("a new contact or language corrects the pending rows in place", () => {
  const pending = existingFrom(planScheduledEmails(booking(), [], EARLY));
  const plan = planScheduledEmails(booking({ contactEmail: "marie.d@example.org", locale: "fr" }), pending, EARLY);
  expect(plan.drop).toEqual([]);
  expect(plan.write.map((r) => [r.existingId, r.recipient, r.locale])).toEqual(
    pending.map((row) => [row.id, "marie.d@example.org", "fr"]),
  );
});
