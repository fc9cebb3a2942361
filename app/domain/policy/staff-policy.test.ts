import { describe, expect, test } from "vitest";

import type { StaffMember, StaffRole } from "./actor";
import { permissionsForRoles } from "./permissions";
import {
  ATTENDANCE_OPENS_BEFORE_MS,
  mayAddWalkIn,
  mayAssessSkills,
  mayMarkAttendance,
  mayReadRoster,
  rosterPagesFor,
  walkInNeedsReason,
  type RosterSession,
} from "./staff-policy";

const HOUR = 60 * 60 * 1000;
const member = (roles: StaffRole[], placeIds: string[] = [], userId = "u-me"): StaffMember => ({
  kind: "staff",
  userId,
  roles,
  permissions: permissionsForRoles(roles),
  placeIds,
});

const trainer = member(["TRAINER"], ["p1"]);
const otherTrainer = member(["TRAINER"], ["p1"], "u-other");
const mediatorHere = member(["MEDIATOR"], ["p1"], "u-med");
const mediatorElsewhere = member(["MEDIATOR"], ["p2"], "u-med2");
const coordinator = member(["COORDINATOR"], [], "u-coord");
const admin = member(["ADMIN"], [], "u-admin");

const STARTS = new Date("2026-12-03T13:00:00Z");
/** A session run by u-me at p1, 13:00–15:00 UTC. */
const session: RosterSession = {
  trainerIds: ["u-me"],
  placeId: "p1",
  status: "SCHEDULED",
  startsAt: STARTS,
  endsAt: new Date(STARTS.getTime() + 2 * HOUR),
};
const at = (offsetMs: number) => new Date(STARTS.getTime() + offsetMs);
const DURING = at(30 * 60 * 1000);

describe("mayReadRoster", () => {
  test.each<[string, boolean, StaffMember]>([
    ["the session's own trainer", true, trainer],
    ["another trainer, even at the same place", false, otherTrainer],
    ["a mediator of the session's place", true, mediatorHere],
    ["a mediator of another place", false, mediatorElsewhere],
    ["a coordinator", true, coordinator],
    ["an administrator", true, admin],
    ["someone with no role", false, member([], ["p1"])],
  ])("%s: %s", (_label, may, actor) => {
    expect(mayReadRoster(actor, session)).toBe(may);
  });

  test("does not depend on the session's status or time: a cancelled or past roster stays readable", () => {
    const cancelled: RosterSession = { ...session, status: "CANCELLED" };
    const completed: RosterSession = { ...session, status: "COMPLETED" };
    expect(mayReadRoster(trainer, cancelled)).toBe(true);
    expect(mayReadRoster(trainer, completed)).toBe(true);
  });
});

/** The three recording questions share one window; each is asked of the actor it allows. */
const recording = {
  mayMarkAttendance: (actor: StaffMember, s: RosterSession, now: Date) => mayMarkAttendance(actor, { session: s, now }),
  mayAddWalkIn: (actor: StaffMember, s: RosterSession, now: Date) => mayAddWalkIn(actor, { session: s, now }),
  mayAssessSkills: (actor: StaffMember, s: RosterSession, now: Date) =>
    mayAssessSkills(actor, { session: s, attendance: "PRESENT", now }),
};

describe.each(Object.entries(recording))("%s", (_name, ask) => {
  test.each<[string, boolean, StaffMember]>([
    ["the session's own trainer", true, trainer],
    ["another trainer", false, otherTrainer],
    ["a mediator of the session's place (reads, never records)", false, mediatorHere],
    ["a mediator elsewhere", false, mediatorElsewhere],
    ["a coordinator", true, coordinator],
    ["an administrator", true, admin],
  ])("%s: %s", (_label, may, actor) => {
    expect(ask(actor, session, DURING)).toEqual(may ? { may: true } : { may: false, reason: "NOT_ALLOWED" });
  });

  test("opens exactly an hour before the start", () => {
    expect(ask(trainer, session, at(-ATTENDANCE_OPENS_BEFORE_MS - 1))).toEqual({ may: false, reason: "NOT_YET_OPEN" });
    expect(ask(trainer, session, at(-ATTENDANCE_OPENS_BEFORE_MS))).toEqual({ may: true });
    expect(ask(trainer, session, at(-1))).toEqual({ may: true });
    expect(ATTENDANCE_OPENS_BEFORE_MS).toBe(HOUR);
  });

  test("never closes: after the end, the next day, a month later", () => {
    expect(ask(trainer, session, session.endsAt)).toEqual({ may: true });
    expect(ask(trainer, session, at(26 * HOUR))).toEqual({ may: true });
    expect(ask(trainer, { ...session, status: "COMPLETED" }, at(30 * 24 * HOUR))).toEqual({ may: true });
  });

  test("a cancelled session records nothing, at any time", () => {
    const cancelled = { ...session, status: "CANCELLED" as const };
    expect(ask(trainer, cancelled, DURING)).toEqual({ may: false, reason: "SESSION_CANCELLED" });
    // the cancellation is told before "not yet open"
    expect(ask(trainer, cancelled, at(-3 * HOUR))).toEqual({ may: false, reason: "SESSION_CANCELLED" });
  });

  test("who is asked before when: someone not allowed hears NOT_ALLOWED, even out of the window", () => {
    expect(ask(otherTrainer, { ...session, status: "CANCELLED" }, at(-3 * HOUR))).toEqual({
      may: false,
      reason: "NOT_ALLOWED",
    });
  });

  test("several roles: a trainer who is also a mediator records only on their own sessions", () => {
    const both = member(["TRAINER", "MEDIATOR"], ["p1"]);
    expect(ask(both, session, DURING)).toEqual({ may: true });
    expect(ask(both, { ...session, trainerIds: ["u-other"] }, DURING)).toEqual({ may: false, reason: "NOT_ALLOWED" });
  });
});

describe("mayAssessSkills: only for someone who came", () => {
  test.each([
    ["PRESENT", { may: true }],
    ["LATE", { may: true }],
    ["EXCUSED", { may: false, reason: "NOT_ATTENDED" }],
    ["ABSENT", { may: false, reason: "NOT_ATTENDED" }],
    [null, { may: false, reason: "NOT_ATTENDED" }],
  ] as const)("attendance %s", (attendance, answer) => {
    expect(mayAssessSkills(trainer, { session, attendance, now: DURING })).toEqual(answer);
  });

  test("the window is told before the attendance", () => {
    expect(mayAssessSkills(trainer, { session, attendance: null, now: at(-2 * HOUR) })).toEqual({
      may: false,
      reason: "NOT_YET_OPEN",
    });
    expect(
      mayAssessSkills(trainer, { session: { ...session, status: "CANCELLED" }, attendance: null, now: DURING }),
    ).toEqual({ may: false, reason: "SESSION_CANCELLED" });
  });

  test("not allowed is told first", () => {
    expect(mayAssessSkills(mediatorHere, { session, attendance: "ABSENT", now: at(-2 * HOUR) })).toEqual({
      may: false,
      reason: "NOT_ALLOWED",
    });
  });
});

describe("walkInNeedsReason", () => {
  test.each([
    [8, 0, false],
    [8, 7, false],
    [8, 8, true],
    [8, 9, true],
    [0, 0, true],
  ])("capacity %i, seats taken %i: %s", (capacity, seatsTaken, needs) => {
    expect(walkInNeedsReason({ capacity, seatsTaken })).toBe(needs);
  });
});

describe("rosterPagesFor: the roster links only to pages the actor may open", () => {
  test.each<[string, StaffMember, { arrival: boolean; skills: boolean }]>([
    ["the session's own trainer", trainer, { arrival: true, skills: true }],
    ["another trainer", otherTrainer, { arrival: false, skills: false }],
    ["a mediator of the session's place (reads the roster only)", mediatorHere, { arrival: false, skills: false }],
    ["a coordinator", coordinator, { arrival: true, skills: true }],
    ["an administrator", admin, { arrival: true, skills: true }],
  ])("%s", (_label, actor, pages) => {
    expect(rosterPagesFor(actor, session)).toEqual(pages);
  });
});
