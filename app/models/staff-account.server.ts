// Staff accounts as the administrator's team page and the password-reset email read them.
import type { DbClient } from "./session.server";

export type StaffListRow = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  active: boolean;
  roles: string[];
  places: string[];
  openLogins: number;
  lastLoginAt: Date | null;
};

/** Every staff account not deleted, by name, with its roles, places and logins still open at `now`. */
export async function listStaffAccounts(db: DbClient, now: Date): Promise<StaffListRow[]> {
  const users = await db.staffUser.findMany({
    where: { deletedAt: null },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      active: true,
      lastLoginAt: true,
      roles: { select: { role: true }, orderBy: { role: "asc" } },
      places: { select: { place: { select: { name: true } } } },
      _count: { select: { authSessions: { where: { expiresAt: { gt: now } } } } },
    },
  });
  return users.map((user) => ({
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    active: user.active,
    roles: user.roles.map((r) => r.role),
    places: user.places.map((p) => p.place.name).sort((a, b) => a.localeCompare(b, "fr")),
    openLogins: user._count.authSessions,
    lastLoginAt: user.lastLoginAt,
  }));
}

/** A password reset and its account, for the email that carries its link. */
export async function findPasswordResetForEmail(db: DbClient, resetId: string) {
  return db.staffPasswordReset.findUnique({
    where: { id: resetId },
    select: {
      id: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { firstName: true, active: true, deletedAt: true } },
    },
  });
}
