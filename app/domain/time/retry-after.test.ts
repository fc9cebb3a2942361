import { describe, expect, test } from "vitest";

import { retryAfterInWords, retryAfterSeconds } from "./retry-after";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe("retryAfterInWords", () => {
  test("minutes up to an hour, rounded up, in each language of the site", () => {
    expect(retryAfterInWords(11 * MINUTE + 1, "fr")).toBe("dans 12 minutes");
    expect(retryAfterInWords(12 * MINUTE, "en")).toBe("in 12 minutes");
    expect(retryAfterInWords(12 * MINUTE, "es")).toBe("dentro de 12 minutos");
    expect(retryAfterInWords(2 * MINUTE, "ar")).toBe("خلال دقيقتين");
    expect(retryAfterInWords(HOUR, "fr")).toBe("dans 60 minutes");
  });

  test("never 'in 0 minutes': a few seconds left is one minute", () => {
    expect(retryAfterInWords(3 * SECOND, "fr")).toBe("dans 1 minute");
    expect(retryAfterInWords(0, "en")).toBe("in 1 minute");
  });

  test("hours beyond an hour, rounded up", () => {
    expect(retryAfterInWords(HOUR + MINUTE, "fr")).toBe("dans 2 heures");
    expect(retryAfterInWords(18 * HOUR, "en")).toBe("in 18 hours");
    expect(retryAfterInWords(5 * HOUR, "ar")).toBe("خلال 5 ساعات");
  });
});

describe("retryAfterSeconds", () => {
  test("whole seconds rounded up, at least one", () => {
    expect(retryAfterSeconds(40 * MINUTE)).toBe(2400);
    expect(retryAfterSeconds(1500)).toBe(2);
    expect(retryAfterSeconds(0)).toBe(1);
  });
});
