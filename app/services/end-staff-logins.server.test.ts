import { beforeEach, expect, test } from "vitest";

import type { StaffMember } from "~/domain/policy/actor";
import { permissionsForRoles } from "~/domain/policy/permissions";
import { prisma } from "~/utils/db.server";

import { createStaffUser } from "../../tests/fixtures/rows";
import { resetDatabase } from "../../tests/setup/db";
import { endStaffLogins } from "./end-staff-logins.server";

beforeEach(() => resetDatabase());

const staff = (userId: string, roles: StaffMember["roles"]): StaffMember => ({
  kind: "staff",
  userId,
  roles,
  permissions: permissionsForRoles(roles),
  placeIds: [],
});

async function logins(userId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await prisma.authSession.create({
      data: { tokenHash: `${userId}-${i}`, userId, expiresAt: new Date(Date.now() + 3_600_000) },
    });
  }
}

test("an administrator ends every login of one person, audited with who did it; others keep theirs", async () => {
  const admin = await createStaffUser("Ada");
  const trainer = await createStaffUser("Tom");
  await logins(trainer.id, 3);
  await logins(admin.id, 1);
  expect(await endStaffLogins({ actor: staff(admin.id, ["ADMIN"]), userId: trainer.id })).toMatchObject({
    ok: true,
    ended: 3,
  });
  expect(await prisma.authSession.count({ where: { userId: trainer.id } })).toBe(0);
  expect(await prisma.authSession.count({ where: { userId: admin.id } })).toBe(1);
  expect(await prisma.auditLog.findMany()).toMatchObject([
    { action: "staff.sessions-ended", entityType: "StaffUser", entityId: trainer.id, actorUserId: admin.id },
  ]);
});

test("a coordinator may not, and an unknown account is not found", async () => {
  const coordinator = await createStaffUser("Coco");
  const trainer = await createStaffUser("Tom");
  await logins(trainer.id, 1);
  expect(await endStaffLogins({ actor: staff(coordinator.id, ["COORDINATOR"]), userId: trainer.id })).toEqual({
    ok: false,
    code: "FORBIDDEN",
  });
  expect(await prisma.authSession.count()).toBe(1);
  expect(await endStaffLogins({ actor: staff(coordinator.id, ["ADMIN"]), userId: "nobody" })).toEqual({
    ok: false,
    code: "NOT_FOUND",
  });
  expect(await prisma.auditLog.count()).toBe(0);
});
