// A staff member signing in with email and password. Rate limits, the audit of every attempt and
// password resets build on this (issue 9).
import bcrypt from "bcryptjs";

import { normalizeEmail } from "~/domain/people/contact";
import { prisma } from "~/utils/db.server";

export type SignInOutcome = { ok: true; userId: string } | { ok: false; code: "BAD_CREDENTIALS" };

// Compared when the email is unknown, so that a wrong email takes as long as a wrong password.
const NO_USER_HASH = bcrypt.hashSync("no user has this password", 10);

export async function checkStaffPassword(input: { email: string; password: string }): Promise<SignInOutcome> {
  const email = normalizeEmail(input.email);
  const user = await prisma.staffUser.findFirst({
    where: { email: email ?? "", active: true, deletedAt: null },
    select: { id: true, passwordHash: true },
  });
  const matches = await bcrypt.compare(input.password, user?.passwordHash ?? NO_USER_HASH);
  if (!user || !matches) return { ok: false, code: "BAD_CREDENTIALS" };
  return { ok: true, userId: user.id };
}
