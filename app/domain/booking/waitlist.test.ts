import { describe, expect, it } from "vitest";
import { canPromote, orderWaitlist, pickNextToPromote, waitlistPosition, type WaitlistEntry } from "./waitlist";

const entry = (id: string, waitlistedAt: string | null, createdAt: string): WaitlistEntry => ({
  id,
  waitlistedAt: waitlistedAt === null ? null : new Date(waitlistedAt),
  createdAt: new Date(createdAt),
});

const queue = [
  entry("c", "2026-03-01T10:02:00Z", "2026-03-01T10:02:00Z"),
  entry("a", "2026-03-01T10:00:00Z", "2026-03-01T10:00:00Z"),
  entry("b", "2026-03-01T10:01:00Z", "2026-03-01T10:01:00Z"),
];

describe("pickNextToPromote", () => {
  it("picks whoever joined the waiting list first", () => {
    expect(pickNextToPromote(queue)?.id).toBe("a");
  });

  it("returns null for an empty waiting list", () => {
    expect(pickNextToPromote([])).toBeNull();
  });

  it("uses waitlistedAt, not createdAt: a booking confirmed then bumped keeps its later queue time", () => {
    const bookedEarlyQueuedLate = entry("early", "2026-03-01T12:00:00Z", "2026-03-01T08:00:00Z");
    const queuedFirst = entry("queued", "2026-03-01T11:00:00Z", "2026-03-01T11:00:00Z");
    expect(pickNextToPromote([bookedEarlyQueuedLate, queuedFirst])?.id).toBe("queued");
  });

  it("breaks a tie on waitlistedAt by createdAt", () => {
    const same = "2026-03-01T10:00:00Z";
    const younger = entry("younger", same, "2026-03-01T09:30:00Z");
    const older = entry("older", same, "2026-03-01T09:00:00Z");
    expect(pickNextToPromote([younger, older])?.id).toBe("older");
  });

  it("breaks a full tie by id", () => {
    const t = "2026-03-01T10:00:00Z";
    expect(pickNextToPromote([entry("zz", t, t), entry("aa", t, t)])?.id).toBe("aa");
  });

  it("falls back to createdAt when waitlistedAt is missing", () => {
    const legacy = entry("legacy", null, "2026-03-01T09:00:00Z");
    const recent = entry("recent", "2026-03-01T09:30:00Z", "2026-03-01T09:30:00Z");
    expect(pickNextToPromote([recent, legacy])?.id).toBe("legacy");
  });

  it("does not reorder the caller's array", () => {
    const input = [...queue];
    pickNextToPromote(input);
    orderWaitlist(input);
    expect(input.map((e) => e.id)).toEqual(["c", "a", "b"]);
  });
});

describe("waitlistPosition", () => {
  it("gives a 1-based position in queue order", () => {
    expect(waitlistPosition("a", queue)).toBe(1);
    expect(waitlistPosition("b", queue)).toBe(2);
    expect(waitlistPosition("c", queue)).toBe(3);
  });

  it("returns null for a booking not on the list", () => {
    expect(waitlistPosition("nobody", queue)).toBeNull();
  });

  it("agrees with pickNextToPromote on who is first", () => {
    const first = pickNextToPromote(queue);
    expect(first && waitlistPosition(first.id, queue)).toBe(1);
  });
});

describe("canPromote", () => {
  const startsAt = new Date("2026-03-03T13:00:00Z");

  it("allows promotion into a scheduled session that has not started", () => {
    expect(canPromote({ status: "SCHEDULED", startsAt }, new Date("2026-03-03T12:59:00Z"))).toBe(true);
  });

  it("refuses once the session starts, from the exact start instant", () => {
    expect(canPromote({ status: "SCHEDULED", startsAt }, startsAt)).toBe(false);
    expect(canPromote({ status: "SCHEDULED", startsAt }, new Date("2026-03-03T14:00:00Z"))).toBe(false);
  });

  it("refuses for a cancelled or completed session", () => {
    const before = new Date("2026-03-01T00:00:00Z");
    expect(canPromote({ status: "CANCELLED", startsAt }, before)).toBe(false);
    expect(canPromote({ status: "COMPLETED", startsAt }, before)).toBe(false);
  });
});
