import { describe, expect, it } from "vitest";
import { normalizePhone } from "./contact";
import { BIRTH_YEAR_MIN, EMAIL_MAX, NAME_MAX, PHONE_MAX } from "./limits";

describe("people limits", () => {
  it("holds the values the forms rely on", () => {
    expect(NAME_MAX).toBe(100);
    expect(EMAIL_MAX).toBe(254);
    expect(PHONE_MAX).toBe(30);
    expect(BIRTH_YEAR_MIN).toBe(1900);
  });

  it("leaves room for the longest usual writing of a French phone", () => {
    const longest = "+33 (0)6 12 34 56 78";
    expect(longest.length).toBeLessThanOrEqual(PHONE_MAX);
    expect(normalizePhone(longest)).toBe("+33612345678");
  });

  it("is what normalizePhone enforces on raw input", () => {
    const padded = `06${" ".repeat(PHONE_MAX + 1 - 10)}12345678`;
    expect(padded.length).toBe(PHONE_MAX + 1);
    expect(normalizePhone(padded)).toBeNull();
  });
});
