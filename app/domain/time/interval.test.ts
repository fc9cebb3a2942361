import { describe, expect, it } from "vitest";
import { firstOverlapping, hasStarted, overlaps } from "./interval";

const slot = (start: string, end: string, id = `${start}-${end}`) => ({
  id,
  startsAt: new Date(`2026-03-03T${start}:00Z`),
  endsAt: new Date(`2026-03-03T${end}:00Z`),
});

describe("overlaps", () => {
  it("detects a partial overlap in either order", () => {
    expect(overlaps(slot("13:00", "15:00"), slot("14:00", "16:00"))).toBe(true);
    expect(overlaps(slot("14:00", "16:00"), slot("13:00", "15:00"))).toBe(true);
  });

  it("detects a slot contained in another", () => {
    expect(overlaps(slot("13:00", "17:00"), slot("14:00", "15:00"))).toBe(true);
  });

  it("treats identical slots as overlapping", () => {
    expect(overlaps(slot("14:00", "16:00"), slot("14:00", "16:00"))).toBe(true);
  });

  it("does not count back-to-back slots that only touch", () => {
    expect(overlaps(slot("14:00", "16:00"), slot("16:00", "18:00"))).toBe(false);
    expect(overlaps(slot("16:00", "18:00"), slot("14:00", "16:00"))).toBe(false);
  });

  it("does not count disjoint slots", () => {
    expect(overlaps(slot("09:00", "10:00"), slot("14:00", "16:00"))).toBe(false);
  });
});

describe("firstOverlapping", () => {
  it("returns the earliest-starting overlapping slot", () => {
    const others = [slot("15:00", "17:00", "late"), slot("13:00", "14:30", "early"), slot("18:00", "19:00", "apart")];
    expect(firstOverlapping(slot("14:00", "16:00"), others)?.id).toBe("early");
  });

  it("returns null when nothing overlaps", () => {
    expect(firstOverlapping(slot("14:00", "16:00"), [slot("16:00", "17:00")])).toBeNull();
    expect(firstOverlapping(slot("14:00", "16:00"), [])).toBeNull();
  });
});

describe("hasStarted", () => {
  const s = slot("14:00", "16:00");
  it("is false before the start", () => {
    expect(hasStarted(s, new Date("2026-03-03T13:59:59.999Z"))).toBe(false);
  });
  it("is true at the exact start instant", () => {
    expect(hasStarted(s, new Date("2026-03-03T14:00:00Z"))).toBe(true);
  });
  it("is true afterwards", () => {
    expect(hasStarted(s, new Date("2026-03-03T15:00:00Z"))).toBe(true);
  });
});
