import { describe, expect, it } from "vitest";
import { isActiveBooking } from "./statuses";

describe("isActiveBooking", () => {
  it("counts confirmed and waitlisted bookings as active", () => {
    expect(isActiveBooking("CONFIRMED")).toBe(true);
    expect(isActiveBooking("WAITLISTED")).toBe(true);
  });
  it("does not count a cancelled booking", () => {
    expect(isActiveBooking("CANCELLED")).toBe(false);
  });
});
