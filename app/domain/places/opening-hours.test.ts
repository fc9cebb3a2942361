import { describe, expect, it } from "vitest";
import { groupOpeningHours } from "./opening-hours";

describe("groupOpeningHours", () => {
  it("groups by weekday and orders days and slots", () => {
    const days = groupOpeningHours([
      { weekday: 3, opensAt: "14:00", closesAt: "18:00" },
      { weekday: 1, opensAt: "09:00", closesAt: "12:00" },
      { weekday: 3, opensAt: "09:00", closesAt: "12:30" },
    ]);
    expect(days).toEqual([
      { weekday: 1, slots: [{ opensAt: "09:00", closesAt: "12:00" }] },
      {
        weekday: 3,
        slots: [
          { opensAt: "09:00", closesAt: "12:30" },
          { opensAt: "14:00", closesAt: "18:00" },
        ],
      },
    ]);
  });

  it("returns nothing for a place without hours", () => {
    expect(groupOpeningHours([])).toEqual([]);
  });
});
