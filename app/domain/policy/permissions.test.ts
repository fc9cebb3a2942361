import { describe, expect, test } from "vitest";

import type { Permission, PermissionStem, StaffMember, StaffRole } from "./actor";
import {
  accessFor,
  holdsStem,
  permissionsForRoles,
  permitsOn,
  ROLE_PERMISSIONS,
  type PermissionTarget,
} from "./permissions";

const member = (roles: StaffRole[], placeIds: string[] = [], userId = "u-me"): StaffMember => ({
  kind: "staff",
  userId,
  roles,
  permissions: permissionsForRoles(roles),
  placeIds,
});
const withPermissions = (permissions: Permission[], placeIds: string[] = []): StaffMember => ({
  kind: "staff",
  userId: "u-me",
  roles: [],
  permissions,
  placeIds,
});

/** Three sessions as seen from "u-me", who works at place p-mine. */
const MINE_ELSEWHERE: PermissionTarget = { trainerIds: ["u-me"], placeId: "p-other" };
const OTHERS_AT_MY_PLACE: PermissionTarget = { trainerIds: ["u-other"], placeId: "p-mine" };
const OTHERS_ELSEWHERE: PermissionTarget = { trainerIds: ["u-other"], placeId: "p-other" };

describe("ROLE_PERMISSIONS", () => {
  test("every role lists each permission once", () => {
    for (const permissions of Object.values(ROLE_PERMISSIONS)) {
      expect(new Set(permissions).size).toBe(permissions.length);
    }
  });

  test("a trainer reaches only their own sessions and holds nothing about persons, bookings or staff", () => {
    for (const permission of ROLE_PERMISSIONS.TRAINER) expect(permission).toMatch(/:own$/);
    expect(ROLE_PERMISSIONS.TRAINER.filter((p) => /:(person|booking|staff|outbox|note):/.test(p))).toEqual([]);
  });

  test("a mediator reads rosters of their places but marks nothing, adds no walk-in, assesses no skill", () => {
    expect(ROLE_PERMISSIONS.MEDIATOR).toContain("read:attendance:place");
    expect(ROLE_PERMISSIONS.MEDIATOR.filter((p) => /^(update|create):(attendance|assessment):/.test(p))).toEqual([]);
  });

  test("only an administrator manages staff accounts and reads the outbox", () => {
    const holders = (permission: Permission) =>
      (Object.keys(ROLE_PERMISSIONS) as StaffRole[]).filter((role) => ROLE_PERMISSIONS[role].includes(permission));
    expect(holders("update:staff:any")).toEqual(["ADMIN"]);
    expect(holders("read:outbox:any")).toEqual(["ADMIN"]);
  });

  test("an administrator may do all a coordinator may", () => {
    for (const permission of ROLE_PERMISSIONS.COORDINATOR) expect(ROLE_PERMISSIONS.ADMIN).toContain(permission);
  });
});

describe("permissionsForRoles", () => {
  test("no role, no permission", () => {
    expect(permissionsForRoles([])).toEqual([]);
  });

  test("several roles grant the union, each permission once, in the table's order", () => {
    const both = permissionsForRoles(["TRAINER", "MEDIATOR"]);
    expect(both).toEqual([...ROLE_PERMISSIONS.TRAINER, ...ROLE_PERMISSIONS.MEDIATOR]);
    const overlapping = permissionsForRoles(["COORDINATOR", "ADMIN"]);
    expect(new Set(overlapping).size).toBe(overlapping.length);
    expect(new Set(overlapping)).toEqual(new Set(ROLE_PERMISSIONS.ADMIN));
  });

  test("the same role twice counts once", () => {
    expect(permissionsForRoles(["TRAINER", "TRAINER"])).toEqual([...ROLE_PERMISSIONS.TRAINER]);
  });
});

describe("accessFor and holdsStem", () => {
  test("the widest access held: any over place over own", () => {
    const stem: PermissionStem = "read:attendance";
    expect(accessFor(withPermissions(["read:attendance:own"]), stem)).toBe("own");
    expect(accessFor(withPermissions(["read:attendance:own", "read:attendance:place"]), stem)).toBe("place");
    expect(
      accessFor(withPermissions(["read:attendance:place", "read:attendance:any", "read:attendance:own"]), stem),
    ).toBe("any");
  });

  test("a stem not held at any access is null, whatever else is held", () => {
    const actor = withPermissions(["read:attendance:any", "update:attendance:own"]);
    expect(accessFor(actor, "create:attendance")).toBeNull();
    expect(holdsStem(actor, "create:attendance")).toBe(false);
    expect(holdsStem(actor, "update:attendance")).toBe(true);
  });

  test.each<[StaffRole[], PermissionStem, "own" | "place" | "any" | null]>([
    [["TRAINER"], "read:attendance", "own"],
    [["MEDIATOR"], "read:attendance", "place"],
    [["COORDINATOR"], "read:attendance", "any"],
    [["TRAINER", "MEDIATOR"], "read:attendance", "place"],
    [["TRAINER", "MEDIATOR"], "update:attendance", "own"],
    [["MEDIATOR"], "create:attendance", null],
    [["COORDINATOR"], "update:staff", null],
    [["ADMIN"], "update:staff", "any"],
    [["TRAINER", "ADMIN"], "create:assessment", "any"],
  ])("roles %j: %s at %s", (roles, stem, access) => {
    expect(accessFor(member(roles), stem)).toBe(access);
  });
});

describe("permitsOn", () => {
  test("own: the sessions the actor runs, wherever they are", () => {
    const trainer = member(["TRAINER"], ["p-mine"]);
    expect(permitsOn(trainer, "read:attendance", MINE_ELSEWHERE)).toBe(true);
    expect(permitsOn(trainer, "read:attendance", OTHERS_AT_MY_PLACE)).toBe(false);
    expect(permitsOn(trainer, "read:attendance", OTHERS_ELSEWHERE)).toBe(false);
  });

  test("own counts any of a session's trainers", () => {
    const trainer = member(["TRAINER"]);
    expect(permitsOn(trainer, "update:attendance", { trainerIds: ["u-other", "u-me"], placeId: "p-other" })).toBe(true);
    expect(permitsOn(trainer, "update:attendance", { trainerIds: [], placeId: "p-other" })).toBe(false);
  });

  test("place: the sessions of the places the actor works at, whoever runs them", () => {
    const mediator = member(["MEDIATOR"], ["p-mine"]);
    expect(permitsOn(mediator, "read:attendance", OTHERS_AT_MY_PLACE)).toBe(true);
    expect(permitsOn(mediator, "read:attendance", OTHERS_ELSEWHERE)).toBe(false);
    // place access does not stretch to sessions the mediator would run somewhere else
    expect(permitsOn(mediator, "read:attendance", MINE_ELSEWHERE)).toBe(false);
  });

  test("a place-wide permission reaches nothing for someone who works at no place", () => {
    expect(permitsOn(member(["MEDIATOR"], []), "read:attendance", OTHERS_AT_MY_PLACE)).toBe(false);
  });

  test("any: every session", () => {
    for (const role of ["COORDINATOR", "ADMIN"] as const) {
      const actor = member([role]);
      for (const target of [MINE_ELSEWHERE, OTHERS_AT_MY_PLACE, OTHERS_ELSEWHERE]) {
        expect(permitsOn(actor, "read:attendance", target)).toBe(true);
        expect(permitsOn(actor, "update:attendance", target)).toBe(true);
      }
    }
  });

  test("the access must be held for the stem asked: another stem's wider access does not count", () => {
    // a mediator reads the rosters of their place, but marks attendance on none of them
    const mediator = member(["MEDIATOR"], ["p-mine"]);
    expect(permitsOn(mediator, "update:attendance", OTHERS_AT_MY_PLACE)).toBe(false);
    expect(permitsOn(mediator, "create:attendance", OTHERS_AT_MY_PLACE)).toBe(false);
    expect(permitsOn(mediator, "create:assessment", OTHERS_AT_MY_PLACE)).toBe(false);
  });

  test("several roles: each access reaches its own targets", () => {
    const both = member(["TRAINER", "MEDIATOR"], ["p-mine"]);
    // reads: own sessions (trainer) and the place's (mediator)
    expect(permitsOn(both, "read:attendance", MINE_ELSEWHERE)).toBe(true);
    expect(permitsOn(both, "read:attendance", OTHERS_AT_MY_PLACE)).toBe(true);
    expect(permitsOn(both, "read:attendance", OTHERS_ELSEWHERE)).toBe(false);
    // marks: only their own, the mediator role adds no marking at the place
    expect(permitsOn(both, "update:attendance", MINE_ELSEWHERE)).toBe(true);
    expect(permitsOn(both, "update:attendance", OTHERS_AT_MY_PLACE)).toBe(false);
  });

  test("a wider access covers a target the narrower one misses, and vice versa", () => {
    // place held, own not: the own session at another place is out of reach
    expect(permitsOn(withPermissions(["read:attendance:place"], ["p-mine"]), "read:attendance", MINE_ELSEWHERE)).toBe(
      false,
    );
    // own and place held: either reaches
    const both = withPermissions(["read:attendance:own", "read:attendance:place"], ["p-mine"]);
    expect(permitsOn(both, "read:attendance", MINE_ELSEWHERE)).toBe(true);
    expect(permitsOn(both, "read:attendance", OTHERS_AT_MY_PLACE)).toBe(true);
  });

  test("no permission at all reaches nothing, not even the actor's own session at their place", () => {
    expect(
      permitsOn(withPermissions([], ["p-mine"]), "read:attendance", { trainerIds: ["u-me"], placeId: "p-mine" }),
    ).toBe(false);
  });
});
