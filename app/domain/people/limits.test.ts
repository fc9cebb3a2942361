import { describe, expect, it } from "vitest";
import { formatPhone, normalizePhone } from "./contact";
import { PHONE_MAX } from "./limits";

// PHONE_MAX is the one limit the domain enforces itself (normalizePhone); the form's limits
// (NAME_MAX, EMAIL_MAX) are tested at their edge where they are enforced, in utils/booking-form.test.ts.
describe("PHONE_MAX", () => {
  it.each([
    "+33 (0)6 12 34 56 78",
    "00 33 (0)4 68 10 35 00",
    "00 262 (0)692 12 34 56",
    "+44 (0) 20 7946 0958",
    "+213 (0)5 51 23 45 67",
  ])("leaves room for %j, a usual writing of a valid number", (writing) => {
    expect(writing.length).toBeLessThanOrEqual(PHONE_MAX);
    expect(normalizePhone(writing)).not.toBeNull();
  });

  it("is what normalizePhone and formatPhone enforce on raw input: one character more and a valid number is refused", () => {
    const atTheLimit = `06${" ".repeat(PHONE_MAX - 10)}12345678`;
    expect(atTheLimit.length).toBe(PHONE_MAX);
    expect(normalizePhone(atTheLimit)).toBe("+33612345678");

    const overTheLimit = `06${" ".repeat(PHONE_MAX + 1 - 10)}12345678`;
    expect(normalizePhone(overTheLimit)).toBeNull();
    expect(formatPhone(overTheLimit)).toBeNull();
  });
});
