// A staff member signing in with email and password (issue 9): refused while the email or the
// address has failed too often (rate-limits.server.ts), every attempt audited, the last login
// kept. The login itself (cookie and AuthSession row) is opened by the route, which holds the
// request: `startStaffSession` in app/utils/staff-auth.server.ts.
import { createHmac } from "node:crypto";

import bcrypt from "bcryptjs";

import { normalizeEmail } from "~/domain/people/contact";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";

import { audit } from "./audit.server";
import { countSignInFailure, forgetSignInFailures, signInBlocked } from "./rate-limits.server";
import { runTransaction } from "./transaction.server";

/** bcrypt's work factor for staff passwords; tests may lower it (they hash many). */
export const BCRYPT_COST = env.NODE_ENV === "test" ? 4 : 12;

export type SignInOutcome =
  | { ok: true; userId: string }
  | { ok: false; code: "BAD_CREDENTIALS" }
  | { ok: false; code: "RATE_LIMITED"; retryAfterMs: number };

// Compared when the email is unknown, so that a wrong email takes as long as a wrong password.
let noUserHash: string | null = null;
function hashForNoUser(): string {
  noUserHash ??= bcrypt.hashSync("no user has this password", BCRYPT_COST);
  return noUserHash;
}

/**
 * What the audit keeps of an email no account has: a keyed hash, so attempts on one unknown
 * email can be grouped without the log ever holding what someone typed.
 */
export function unknownEmailKey(email: string): string {
  return createHmac("sha256", env.SESSION_SECRET)
    .update(`staff-sign-in:${normalizeEmail(email) ?? email}`, "utf8")
    .digest("hex");
}

export async function signInStaff(input: {
  email: string;
  password: string;
  address: string;
  now?: Date;
}): Promise<SignInOutcome> {
  const now = input.now ?? new Date();
  const email = normalizeEmail(input.email) ?? "";
  const user = await prisma.staffUser.findFirst({
    where: { email, active: true, deletedAt: null },
    select: { id: true, passwordHash: true },
  });
  const failed = (reason: string) =>
    runTransaction((tx) =>
      audit(tx, {
        action: "staff.sign-in-failed",
        ...(user
          ? { entityType: "StaffUser", entityId: user.id }
          : { entityType: "StaffSignIn", entityId: unknownEmailKey(email) }),
        data: { reason },
        at: now,
      }),
    );

  // Blocked: refused before the password is compared, right or wrong, known email or not.
  const blocked = await signInBlocked({ address: input.address, email });
  if (!blocked.ok) {
    await failed("rate-limited");
    return { ok: false, code: "RATE_LIMITED", retryAfterMs: blocked.retryAfterMs };
  }

  const matches = await bcrypt.compare(input.password, user?.passwordHash ?? hashForNoUser());
  if (!user || !matches) {
    const counted = await countSignInFailure({ address: input.address, email });
    await failed(user ? "wrong-password" : "unknown-email");
    if (!counted.ok) return { ok: false, code: "RATE_LIMITED", retryAfterMs: counted.retryAfterMs };
    return { ok: false, code: "BAD_CREDENTIALS" };
  }

  await forgetSignInFailures(email);
  await runTransaction(async (tx) => {
    await tx.staffUser.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await audit(tx, {
      action: "staff.sign-in",
      entityType: "StaffUser",
      entityId: user.id,
      actorUserId: user.id,
      at: now,
    });
  });
  return { ok: true, userId: user.id };
}
