import { format } from "date-fns";
import { describe, expect, it } from "vitest";
import { inParis, PARIS_TIME_ZONE } from "./paris";

describe("inParis", () => {
  it("reads instants as Paris wall-clock time, winter (UTC+1) and summer (UTC+2)", () => {
    expect(PARIS_TIME_ZONE).toBe("Europe/Paris");
    expect(format(new Date("2026-03-03T13:00:00Z"), "yyyy-MM-dd HH:mm", { in: inParis })).toBe("2026-03-03 14:00");
    expect(format(new Date("2026-07-14T12:00:00Z"), "yyyy-MM-dd HH:mm", { in: inParis })).toBe("2026-07-14 14:00");
  });
});
