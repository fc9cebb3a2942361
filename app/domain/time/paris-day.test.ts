import { describe, expect, it } from "vitest";
import { parisDayBounds, parisDayKey, parseParisDayKey } from "./paris-day";

const utc = (iso: string) => new Date(`${iso}Z`);
const hours = (b: { start: Date; end: Date }) => (b.end.getTime() - b.start.getTime()) / 3_600_000;

describe("parisDayBounds", () => {
  it("bounds a winter day at Paris midnights (UTC+1)", () => {
    const bounds = parisDayBounds(utc("2026-03-03T13:00:00"));
    expect(bounds.start.toISOString()).toBe("2026-03-02T23:00:00.000Z");
    expect(bounds.end.toISOString()).toBe("2026-03-03T23:00:00.000Z");
  });

  it("bounds a summer day at Paris midnights (UTC+2)", () => {
    const bounds = parisDayBounds(utc("2026-03-30T12:00:00"));
    expect(bounds.start.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(bounds.end.toISOString()).toBe("2026-03-30T22:00:00.000Z");
  });

  it("gives the spring-change day 23 hours", () => {
    const bounds = parisDayBounds(utc("2026-03-29T12:00:00"));
    expect(bounds.start.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(bounds.end.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(hours(bounds)).toBe(23);
  });

  it("gives the autumn-change day 25 hours", () => {
    const bounds = parisDayBounds(utc("2026-10-25T12:00:00"));
    expect(bounds.start.toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(bounds.end.toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(hours(bounds)).toBe(25);
  });

  it("returns the Monday after the autumn change in winter time", () => {
    const bounds = parisDayBounds(utc("2026-10-26T08:00:00"));
    expect(bounds.start.toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(bounds.end.toISOString()).toBe("2026-10-26T23:00:00.000Z");
  });

  it("places an instant late in the UTC evening on the next Paris day", () => {
    const bounds = parisDayBounds(utc("2026-03-02T23:30:00"));
    expect(bounds.start.toISOString()).toBe("2026-03-02T23:00:00.000Z");
  });

  it("includes Paris midnight itself in its day, and excludes the next one", () => {
    const { start, end } = parisDayBounds(utc("2026-03-02T23:00:00"));
    expect(start.toISOString()).toBe("2026-03-02T23:00:00.000Z");
    expect(parisDayBounds(end).start.getTime()).toBe(end.getTime());
  });

  it("returns plain Dates, ready for a database query", () => {
    const { start, end } = parisDayBounds(utc("2026-03-03T13:00:00"));
    expect(start.constructor).toBe(Date);
    expect(end.constructor).toBe(Date);
  });
});

describe("parisDayKey", () => {
  it("names the Paris calendar day", () => {
    expect(parisDayKey(utc("2026-03-03T13:00:00"))).toBe("2026-03-03");
    expect(parisDayKey(utc("2026-03-02T23:30:00"))).toBe("2026-03-03");
    expect(parisDayKey(utc("2026-07-13T21:59:59"))).toBe("2026-07-13");
    expect(parisDayKey(utc("2026-07-13T22:00:00"))).toBe("2026-07-14");
  });
});

describe("parseParisDayKey", () => {
  it("gives the Paris midnight of the day, in winter and summer", () => {
    expect(parseParisDayKey("2026-03-03")?.toISOString()).toBe("2026-03-02T23:00:00.000Z");
    expect(parseParisDayKey("2026-03-30")?.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(parseParisDayKey("2026-10-26")?.toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("round-trips with parisDayKey and parisDayBounds", () => {
    const midnight = parseParisDayKey("2026-10-25");
    expect(midnight && parisDayKey(midnight)).toBe("2026-10-25");
    expect(midnight && parisDayBounds(midnight).start.getTime()).toBe(midnight?.getTime());
  });

  it("rejects what is not a real day", () => {
    expect(parseParisDayKey("2026-02-30")).toBeNull();
    expect(parseParisDayKey("2026-13-01")).toBeNull();
    expect(parseParisDayKey("2026-3-3")).toBeNull();
    expect(parseParisDayKey("03/03/2026")).toBeNull();
    expect(parseParisDayKey("")).toBeNull();
  });

  it("accepts 29 February in a leap year only", () => {
    expect(parseParisDayKey("2028-02-29")).not.toBeNull();
    expect(parseParisDayKey("2026-02-29")).toBeNull();
  });
});
