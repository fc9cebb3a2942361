// A staff member signing in with email and password (issue 9): refused while the email or the
// address has failed too often (rate-limits.server.ts), every attempt audited, the last login
// kept. A right password opens the login (cookie and AuthSession row: `startStaffSession` in
// app/utils/staff-auth.server.ts), unless the password changed while it was being compared.
import { createHmac } from "node:crypto";

import bcrypt from "bcryptjs";

import { normalizeEmail } from "~/domain/people/contact";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { startStaffSession } from "~/utils/staff-auth.server";

import { audit } from "./audit.server";
import { countSignInAttempt, signInSucceeded } from "./rate-limits.server";
import { runTransaction } from "./transaction.server";

/** bcrypt's work factor for staff passwords; tests may lower it (they hash many). */
export const BCRYPT_COST = env.NODE_ENV === "test" ? 4 : 12;

export type SignInOutcome =
  | { ok: true; userId: string; setCookie: string }
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

/** `request` is the sign-in form's: the browser the login opens in (its cookie, its user agent). */
export async function signInStaff(input: {
  email: string;
  password: string;
  address: string;
  request: Request;
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

  // Counted before the password is compared, so a burst of attempts cannot all pass a check
  // made before any of them was counted. Blocked: refused, right or wrong, known email or not.
  const counted = await countSignInAttempt({ address: input.address, email });
  if (!counted.ok) {
    await failed("rate-limited");
    return { ok: false, code: "RATE_LIMITED", retryAfterMs: counted.retryAfterMs };
  }

  const matches = await bcrypt.compare(input.password, user?.passwordHash ?? hashForNoUser());
  if (!user || !matches) {
    await failed(user ? "wrong-password" : "unknown-email");
    return { ok: false, code: "BAD_CREDENTIALS" };
  }

  // A password reset may have committed while this one was compared: the login opens only if the
  // compared password is still the account's (a reset after this point ends the login itself).
  const login = await startStaffSession(input.request, { userId: user.id, passwordHash: user.passwordHash }, now);
  if (login === null) {
    await failed("password-changed");
    return { ok: false, code: "BAD_CREDENTIALS" };
  }

  await signInSucceeded({ address: input.address, email });
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
  return { ok: true, userId: user.id, setCookie: login.setCookie };
}
