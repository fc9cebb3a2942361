import { describe, expect, test } from "vitest";

import { markingSummary, sheetToComplete } from "./summary";

const NOW = new Date("2026-12-03T10:00:00.000Z");

describe("markingSummary", () => {
  test("counts the confirmed people with a mark", () => {
    expect(markingSummary(["a", "b", "c"], ["a", "c"])).toEqual({
      expected: 3,
      marked: 2,
      unmarked: 1,
      complete: false,
    });
  });

  test("walk-ins and marks of people no longer booked do not count towards it", () => {
    expect(markingSummary(["a"], ["a", "walk-in", "cancelled"])).toEqual({
      expected: 1,
      marked: 1,
      unmarked: 0,
      complete: true,
    });
  });

  test("a session nobody booked has nothing to mark", () => {
    expect(markingSummary([], [])).toEqual({ expected: 0, marked: 0, unmarked: 0, complete: true });
  });
});

describe("sheetToComplete", () => {
  const incomplete = markingSummary(["a", "b"], ["a"]);
  const complete = markingSummary(["a"], ["a"]);

  test("an ended session with someone unmarked stands out", () => {
    expect(sheetToComplete({ status: "SCHEDULED", endsAt: new Date(NOW.getTime() - 1) }, incomplete, NOW)).toBe(true);
    expect(sheetToComplete({ status: "COMPLETED", endsAt: NOW }, incomplete, NOW)).toBe(true);
  });

  test("not before its end, not once complete, not when cancelled", () => {
    expect(sheetToComplete({ status: "SCHEDULED", endsAt: new Date(NOW.getTime() + 1) }, incomplete, NOW)).toBe(false);
    expect(sheetToComplete({ status: "SCHEDULED", endsAt: new Date(NOW.getTime() - 1) }, complete, NOW)).toBe(false);
    expect(sheetToComplete({ status: "CANCELLED", endsAt: new Date(NOW.getTime() - 1) }, incomplete, NOW)).toBe(false);
  });
});
