import { describe, expect, test } from "vitest";

import { TAP_MAX_AGE_MS, decideMark, isAttendanceStatus, tapTime, winningTap, type Tap } from "./marks";

const NOW = new Date("2026-12-03T10:00:00.000Z");
const ms = (offset: number) => new Date(NOW.getTime() + offset);

describe("tapTime", () => {
  test("places the tap as long before now as the phone says it waited", () => {
    expect(tapTime("5000", NOW)).toEqual(ms(-5_000));
    expect(tapTime(60_000, NOW)).toEqual(ms(-60_000));
  });

  test("a phone whose clock is 5 minutes slow: a tap made 2 s ago is placed 2 s ago, not 5 minutes back", () => {
    // The phone only measures a duration; its wall clock never reaches the server.
    expect(tapTime("2000", NOW)).toEqual(ms(-2_000));
  });

  test("never further back than 12 hours", () => {
    expect(tapTime(String(2 * TAP_MAX_AGE_MS), NOW)).toEqual(ms(-TAP_MAX_AGE_MS));
    expect(tapTime(String(NOW.getTime()), NOW)).toEqual(ms(-TAP_MAX_AGE_MS));
  });

  test.each([undefined, null, "", "abc", "12.5", "-5", "1e12", "99999999999999999", 0, -1, Number.NaN, 1.5, {}])(
    "now when the elapsed time is missing, negative or unreadable: %s",
    (value) => {
      expect(tapTime(value, NOW)).toEqual(NOW);
    },
  );
});

describe("decideMark", () => {
  test("the first tap creates the mark", () => {
    expect(decideMark(null, { status: "PRESENT", at: NOW })).toBe("create");
  });

  test("a later tap with another status changes it", () => {
    expect(decideMark({ status: "PRESENT", markedAt: ms(-1) }, { status: "ABSENT", at: NOW })).toBe("change");
  });

  test("a later tap with the same status only moves the time on", () => {
    expect(decideMark({ status: "LATE", markedAt: ms(-1) }, { status: "LATE", at: NOW })).toBe("refresh");
  });

  test("an older tap, or a replay of the stored one, changes nothing", () => {
    expect(decideMark({ status: "PRESENT", markedAt: NOW }, { status: "ABSENT", at: ms(-1) })).toBe("keep");
    expect(decideMark({ status: "PRESENT", markedAt: NOW }, { status: "PRESENT", at: NOW })).toBe("keep");
    expect(decideMark({ status: "PRESENT", markedAt: NOW }, { status: "EXCUSED", at: NOW })).toBe("keep");
  });

  test("applied to taps arriving in any order, the stored mark ends as the last tap", () => {
    const taps: Tap[] = [
      { status: "PRESENT", at: ms(0) },
      { status: "ABSENT", at: ms(1_000) },
      { status: "PRESENT", at: ms(2_000) },
      { status: "EXCUSED", at: ms(1_500) },
    ];
    const orders = [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
      [0, 2, 1, 3],
      [2, 0, 3, 1],
      [1, 3, 0, 2],
    ];
    for (const order of orders) {
      let stored: { status: Tap["status"]; markedAt: Date } | null = null;
      for (const index of order) {
        const tap = taps[index];
        const decision = decideMark(stored, tap);
        if (decision !== "keep") stored = { status: tap.status, markedAt: tap.at };
      }
      expect(stored, `order ${order.join(",")}`).toEqual({ status: "PRESENT", markedAt: ms(2_000) });
    }
  });
});

describe("winningTap", () => {
  test("the latest tap; the first of equal ones; none for no tap", () => {
    const a: Tap = { status: "PRESENT", at: ms(0) };
    const b: Tap = { status: "ABSENT", at: ms(5) };
    const c: Tap = { status: "LATE", at: ms(5) };
    expect(winningTap([a, b, c])).toBe(b);
    expect(winningTap([c, a, b])).toBe(c);
    expect(winningTap([])).toBeNull();
  });
});

test("isAttendanceStatus knows the four marks only", () => {
  expect(["PRESENT", "LATE", "EXCUSED", "ABSENT"].every(isAttendanceStatus)).toBe(true);
  expect(isAttendanceStatus("present")).toBe(false);
  expect(isAttendanceStatus(null)).toBe(false);
});
