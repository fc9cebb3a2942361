import { describe, expect, test } from "vitest";

import { ANONYMOUS, type Actor, type Permission } from "./actor";
import { checkMove, mayChangeSession, type SessionPlacement } from "./session-policy";

const NOW = new Date("2026-12-01T09:00:00Z");
const staff = (permissions: Permission[]): Actor => ({
  kind: "staff",
  userId: "u1",
  roles: ["COORDINATOR"],
  permissions,
  placeIds: [],
});
const coordinator = staff(["update:session:any"]);
const ahead = { status: "SCHEDULED" as const, startsAt: new Date("2026-12-03T13:00:00Z") };

describe("mayChangeSession", () => {
  test("staff with update:session:any, on a session still ahead", () => {
    expect(mayChangeSession(coordinator, { session: ahead, now: NOW })).toEqual({ may: true });
  });

  test.each<[string, Actor]>([
    ["a resident", ANONYMOUS],
    ["a manage-link holder", { kind: "manage-link", bookingId: "b1" }],
    ["staff who may only book", staff(["create:booking:any", "update:booking:any"])],
    ["a trainer on their own sessions", staff(["update:session:own"])],
  ])("not %s", (_label, actor) => {
    expect(mayChangeSession(actor, { session: ahead, now: NOW })).toEqual({ may: false, reason: "NOT_ALLOWED" });
  });

  test("not a session already cancelled, completed or begun", () => {
    const ask = (session: typeof ahead | { status: "CANCELLED" | "COMPLETED"; startsAt: Date }, now = NOW) =>
      mayChangeSession(coordinator, { session, now });
    expect(ask({ ...ahead, status: "CANCELLED" })).toEqual({ may: false, reason: "SESSION_CANCELLED" });
    expect(ask({ ...ahead, status: "COMPLETED" })).toEqual({ may: false, reason: "SESSION_COMPLETED" });
    expect(ask(ahead, ahead.startsAt)).toEqual({ may: false, reason: "SESSION_STARTED" });
  });
});

describe("checkMove", () => {
  const current: SessionPlacement = {
    startsAt: new Date("2026-12-03T13:00:00Z"),
    endsAt: new Date("2026-12-03T15:00:00Z"),
    placeId: "p1",
    room: "Salle 2",
  };

  test("a new time, place or room is a move", () => {
    expect(checkMove(current, { ...current, startsAt: new Date("2026-12-03T12:00:00Z") }, NOW)).toEqual({ ok: true });
    expect(checkMove(current, { ...current, placeId: "p2" }, NOW)).toEqual({ ok: true });
    expect(checkMove(current, { ...current, room: null }, NOW)).toEqual({ ok: true });
  });

  test("the same placement is nothing to tell anyone", () => {
    expect(checkMove(current, { ...current }, NOW)).toEqual({ ok: false, reason: "UNCHANGED" });
  });

  test("an end before the start, or a start already past, is refused", () => {
    expect(checkMove(current, { ...current, endsAt: current.startsAt }, NOW)).toEqual({
      ok: false,
      reason: "INVALID_TIMES",
    });
    expect(
      checkMove(current, { ...current, startsAt: new Date("2026-12-01T08:00:00Z"), endsAt: current.endsAt }, NOW),
    ).toEqual({ ok: false, reason: "MOVE_INTO_PAST" });
  });
});
