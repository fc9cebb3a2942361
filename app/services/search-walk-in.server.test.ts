import { beforeEach, expect, test } from "vitest";

import { nameKey } from "~/domain/people/name-key";
import { parseWalkInQuery } from "~/domain/people/walk-in-match";
import type { StaffMember } from "~/domain/policy/actor";
import { permissionsForRoles } from "~/domain/policy/permissions";
import { prisma } from "~/utils/db.server";
import { isSignedPick, signPick } from "~/utils/walk-in-pick.server";

import { resetDatabase } from "../../tests/setup/db";
import { NOW, at, createSession, createStaffUser, HOUR } from "../../tests/fixtures/rows";
import { WALK_IN_SEARCHES_PER_STAFF } from "./rate-limits.server";
import { searchWalkIn } from "./search-walk-in.server";

beforeEach(() => resetDatabase());

function trainer(userId: string): StaffMember {
  return { kind: "staff", userId, roles: ["TRAINER"], permissions: permissionsForRoles(["TRAINER"]), placeIds: [] };
}

async function setUp() {
  const staff = await createStaffUser();
  const session = await createSession({ startsAt: at(-10 * 60 * 1000), durationMs: 2 * HOUR });
  await prisma.person.create({
    data: {
      firstName: "Hélène",
      lastName: "Dupré",
      nameKey: nameKey("Hélène", "Dupré"),
      phone: "06 12 34 56 78",
      phoneNormalized: "+33612345678",
    },
  });
  return { session, actor: trainer(staff.id) };
}

const phoneQuery = () => {
  const query = parseWalkInQuery("06 12 34 56 78");
  if (query.kind !== "phone") throw new Error("not a phone");
  return query;
};

test("each search is audited with who, a keyed hash of the query and how many were found — never the phone", async () => {
  const { session, actor } = await setUp();
  const result = await searchWalkIn({ actor, sessionId: session.id, query: phoneQuery(), now: NOW });
  expect(result).toMatchObject({ ok: true, more: false });
  expect(result.ok && result.people).toHaveLength(1);
  const trail = await prisma.auditLog.findFirstOrThrow({ where: { action: "walk-in.search" } });
  expect(trail).toMatchObject({ actorUserId: actor.userId, entityType: "Session", entityId: session.id, at: NOW });
  const data = JSON.parse(trail.data ?? "{}");
  expect(data).toMatchObject({ kind: "phone", found: 1 });
  expect(data.query).toMatch(/^[0-9a-f]{64}$/);
  expect(trail.data).not.toContain("612345678");
});

test("a staff member's searches are limited per hour; another staff member still searches", async () => {
  const { session, actor } = await setUp();
  const search = (who: StaffMember) =>
    searchWalkIn({ actor: who, sessionId: session.id, query: phoneQuery(), now: NOW });
  for (let i = 0; i < WALK_IN_SEARCHES_PER_STAFF.points; i++) expect(await search(actor)).toMatchObject({ ok: true });
  const refused = await search(actor);
  expect(refused).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  expect(!refused.ok && refused.retryAfterMs).toBeGreaterThan(0);
  expect(await prisma.auditLog.count({ where: { action: "walk-in.search" } })).toBe(WALK_IN_SEARCHES_PER_STAFF.points);
  const other = trainer((await createStaffUser("Marc")).id);
  expect(await search(other)).toMatchObject({ ok: true });
});

test("a pick is signed for one staff member, one session and one person", () => {
  const pick = { actorId: "staff-a", sessionId: "session-a", personId: "person-a" };
  const signature = signPick(pick);
  expect(isSignedPick(pick, signature)).toBe(true);
  expect(isSignedPick({ ...pick, actorId: "staff-b" }, signature)).toBe(false);
  expect(isSignedPick({ ...pick, sessionId: "session-b" }, signature)).toBe(false);
  expect(isSignedPick({ ...pick, personId: "person-b" }, signature)).toBe(false);
  expect(isSignedPick(pick, null)).toBe(false);
  expect(isSignedPick(pick, "00")).toBe(false);
});
