import { describe, expect, test } from "vitest";

import { MAX_SEND_ATTEMPTS, RETRY_DELAYS_MS, afterFailedAttempt, describeSendError } from "./send-retry";

const NOW = new Date("2026-12-01T09:00:00.000Z");
const MINUTE = 60_000;

describe("afterFailedAttempt", () => {
  test("retries after 1 min, 5 min, 30 min, 2 h, then 6 h", () => {
    const waits = [1, 2, 3, 4, 5].map((attempts) => {
      const next = afterFailedAttempt(attempts, NOW);
      if (!("retryAt" in next)) throw new Error(`gave up after ${attempts}`);
      return (next.retryAt.getTime() - NOW.getTime()) / MINUTE;
    });
    expect(waits).toEqual([1, 5, 30, 120, 360]);
  });

  test("every wait is longer than the one before", () => {
    for (let i = 1; i < RETRY_DELAYS_MS.length; i++) expect(RETRY_DELAYS_MS[i]).toBeGreaterThan(RETRY_DELAYS_MS[i - 1]);
  });

  test(`gives up after the ${MAX_SEND_ATTEMPTS}th attempt, and beyond`, () => {
    expect(MAX_SEND_ATTEMPTS).toBe(6);
    expect(afterFailedAttempt(MAX_SEND_ATTEMPTS, NOW)).toEqual({ giveUp: true });
    expect(afterFailedAttempt(MAX_SEND_ATTEMPTS + 3, NOW)).toEqual({ giveUp: true });
    expect(afterFailedAttempt(MAX_SEND_ATTEMPTS - 1, NOW)).toHaveProperty("retryAt");
  });
});

describe("describeSendError", () => {
  test("keeps the error's kind and message", () => {
    expect(describeSendError(new TypeError("connect ECONNREFUSED 127.0.0.1:2525"))).toBe(
      "TypeError: connect ECONNREFUSED 127.0.0.1:2525",
    );
  });

  test("blanks out an email address a mail server's refusal quotes", () => {
    expect(describeSendError(new Error("550 5.1.1 <jane.doe@example.org>: Recipient address rejected"))).toBe(
      "Error: 550 5.1.1 <[address]>: Recipient address rejected",
    );
  });

  test("blanks out anything shaped like a token", () => {
    const token = "Xk2_9fQ-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const described = describeSendError(new Error(`bad link https://p.example/reservation/${token} in body`));
    expect(described).not.toContain(token);
    expect(described).toContain("https://p.example/reservation/[…] in body");
  });

  test("is cut to its maximum length", () => {
    const described = describeSendError(new Error("x ".repeat(1000)), 100);
    expect(described).toHaveLength(100);
    expect(described.endsWith("…")).toBe(true);
  });

  test("says something for what is not an Error", () => {
    expect(describeSendError({ weird: true })).toBe("Unknown error");
  });
});
