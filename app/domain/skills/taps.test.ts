import { describe, expect, test } from "vitest";

import { SKILL_TAP_MAX_AGE_MS, isTapId, parseElapsedMs, tapAssessedAt } from "./taps";

const NOW = new Date(Date.UTC(2026, 11, 3, 10));
const HOUR = 60 * 60 * 1000;

describe("when a tap happened", () => {
  test("is the server's time minus the elapsed time the phone measured", () => {
    expect(tapAssessedAt(0, NOW)).toEqual(NOW);
    expect(tapAssessedAt(90_000, NOW)).toEqual(new Date(NOW.getTime() - 90_000));
  });

  test("is never in the future, nor more than 12 hours back", () => {
    expect(tapAssessedAt(-5_000, NOW)).toEqual(NOW);
    expect(tapAssessedAt(30 * HOUR, NOW)).toEqual(new Date(NOW.getTime() - 12 * HOUR));
    expect(tapAssessedAt(Number.NaN, NOW)).toEqual(NOW);
    expect(SKILL_TAP_MAX_AGE_MS).toBe(12 * HOUR);
  });
});

describe("the elapsed time, as a form sends it", () => {
  test("absent is 0: a form sent without JavaScript is sent when tapped", () => {
    expect(parseElapsedMs(null)).toBe(0);
    expect(parseElapsedMs(undefined)).toBe(0);
    expect(parseElapsedMs("")).toBe(0);
  });

  test("a number of milliseconds is read, rounded and clamped into [0, 12 h]", () => {
    expect(parseElapsedMs("1500")).toBe(1500);
    expect(parseElapsedMs(" 12.6 ")).toBe(13);
    expect(parseElapsedMs("-400")).toBe(0);
    expect(parseElapsedMs("9999999999999999")).toBe(12 * HOUR);
  });

  test("anything else is refused (null), not guessed at", () => {
    for (const raw of ["abc", "1e9", "12ms", "Infinity", "NaN", "0x10", "1".repeat(17), "--1"]) {
      expect(parseElapsedMs(raw)).toBeNull();
    }
    expect(parseElapsedMs(new Blob(["1"]))).toBeNull();
  });
});

describe("a tap id", () => {
  test("is 8 to 64 url-safe characters", () => {
    expect(isTapId("Ab3_-x9Z")).toBe(true);
    expect(isTapId("a".repeat(64))).toBe(true);
    for (const bad of [null, undefined, 12345678, "", "short", "a".repeat(65), "with space!", "é".repeat(10)]) {
      expect(isTapId(bad)).toBe(false);
    }
  });
});
