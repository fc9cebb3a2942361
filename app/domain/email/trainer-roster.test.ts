import { describe, expect, test } from "vitest";

import { rosterWindow, rostersToWrite } from "./trainer-roster";

describe("rosterWindow", () => {
  test("runs to the end of tomorrow in Paris, a 25-hour day included", () => {
    // Saturday 24 October 2026, 21:00 Paris (CEST): tomorrow is the autumn Sunday, 25 hours long.
    expect(rosterWindow(new Date("2026-10-24T19:00:00.000Z"))).toEqual({
      from: new Date("2026-10-24T19:00:00.000Z"),
      until: new Date("2026-10-25T23:00:00.000Z"),
    });
    // Just after Paris midnight on 2 December: tomorrow is 3 December.
    expect(rosterWindow(new Date("2026-12-01T23:30:00.000Z")).until).toEqual(new Date("2026-12-03T23:00:00.000Z"));
  });
});

describe("rostersToWrite", () => {
  const now = new Date("2026-12-01T09:00:00.000Z");
  const lea = { trainerId: "lea", email: "lea@example.org" };
  const paul = { trainerId: "paul", email: "paul@example.org" };

  test("one row per trainer and day, due at 18:00 Paris the evening before", () => {
    const rows = rostersToWrite(
      [
        { startsAt: new Date("2026-12-02T09:00:00.000Z"), trainers: [lea] },
        { startsAt: new Date("2026-12-02T13:00:00.000Z"), trainers: [lea, paul] },
      ],
      now,
    );
    expect(rows).toEqual([
      {
        trainerId: "lea",
        email: "lea@example.org",
        day: "2026-12-02",
        sendAfter: new Date("2026-12-01T17:00:00.000Z"),
        dedupeKey: "trainer-roster:lea:2026-12-02",
      },
      {
        trainerId: "paul",
        email: "paul@example.org",
        day: "2026-12-02",
        sendAfter: new Date("2026-12-01T17:00:00.000Z"),
        dedupeKey: "trainer-roster:paul:2026-12-02",
      },
    ]);
  });

  test("the Paris day, not the UTC one: a session at 00:30 Paris belongs to that day", () => {
    const [row] = rostersToWrite([{ startsAt: new Date("2026-12-02T23:30:00.000Z"), trainers: [lea] }], now);
    expect(row.day).toBe("2026-12-03");
    expect(row.sendAfter).toEqual(new Date("2026-12-02T17:00:00.000Z"));
  });

  test("sessions already begun and trainers without an address are left out", () => {
    expect(
      rostersToWrite(
        [
          { startsAt: now, trainers: [lea] },
          { startsAt: new Date("2026-12-02T09:00:00.000Z"), trainers: [{ trainerId: "x", email: null }] },
        ],
        now,
      ),
    ).toEqual([]);
  });
});
