import { describe, expect, test } from "vitest";

import { groupMySessions, sessionGroup } from "./my-sessions";

// 23:30 in Paris on 3 December (UTC+1).
const NOW = new Date("2026-12-03T22:30:00.000Z");
const at = (iso: string) => ({ id: iso, startsAt: new Date(iso) });

describe("sessionGroup", () => {
  test("today is the Paris day: a session at 08:00 Paris is today until midnight Paris", () => {
    expect(sessionGroup(at("2026-12-03T07:00:00.000Z"), NOW)).toBe("today");
    expect(sessionGroup(at("2026-12-03T22:45:00.000Z"), NOW)).toBe("today");
  });

  test("after Paris midnight is upcoming, before today's midnight is past", () => {
    // 00:15 Paris on the 4th.
    expect(sessionGroup(at("2026-12-03T23:15:00.000Z"), NOW)).toBe("upcoming");
    // 23:00 Paris on the 2nd.
    expect(sessionGroup(at("2026-12-02T22:00:00.000Z"), NOW)).toBe("past");
  });
});

test("groupMySessions: today and upcoming from the earliest, past from the most recent", () => {
  const sessions = [
    at("2026-11-20T09:00:00.000Z"),
    at("2026-12-10T09:00:00.000Z"),
    at("2026-12-03T14:00:00.000Z"),
    at("2026-12-02T09:00:00.000Z"),
    at("2026-12-05T09:00:00.000Z"),
    at("2026-12-03T08:00:00.000Z"),
  ];
  const groups = groupMySessions(sessions, NOW);
  expect(groups.today.map((s) => s.id)).toEqual(["2026-12-03T08:00:00.000Z", "2026-12-03T14:00:00.000Z"]);
  expect(groups.upcoming.map((s) => s.id)).toEqual(["2026-12-05T09:00:00.000Z", "2026-12-10T09:00:00.000Z"]);
  expect(groups.past.map((s) => s.id)).toEqual(["2026-12-02T09:00:00.000Z", "2026-11-20T09:00:00.000Z"]);
});
