// The page a password-reset link opens: whether the link still works, and setting the new
// password with it — once. Using it ends every login of the account (a stolen session ends with
// the password) and forgets the email's failed sign-ins; the person then signs in afresh.
import bcrypt from "bcryptjs";

import { prisma, type Db } from "~/utils/db.server";
import { endAllStaffSessions } from "~/utils/staff-auth.server";
import { hashToken } from "~/utils/tokens.server";

import { audit } from "./audit.server";
import { forgetSignInFailures } from "./rate-limits.server";
import { BCRYPT_COST } from "./staff-sign-in.server";
import { runTransaction, type TransactionClient } from "./transaction.server";

export type ResetLinkProblem = "INVALID" | "EXPIRED" | "USED";

export type ResetLinkState = { ok: true; firstName: string } | { ok: false; code: ResetLinkProblem };

async function findReset(db: Db | TransactionClient, token: string) {
  if (token.length === 0 || token.length > 128) return null;
  return db.staffPasswordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { email: true, firstName: true, active: true, deletedAt: true } },
    },
  });
}

function problemOf(reset: Awaited<ReturnType<typeof findReset>>, now: Date): ResetLinkProblem | null {
  if (reset === null || !reset.user.active || reset.user.deletedAt !== null) return "INVALID";
  if (reset.usedAt !== null) return "USED";
  if (reset.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return null;
}

/** Whether the link may still set a password (read only: opening the page uses nothing). */
export async function checkPasswordResetLink(token: string, now = new Date()): Promise<ResetLinkState> {
  const reset = await findReset(prisma, token);
  const problem = problemOf(reset, now);
  if (problem !== null || reset === null) return { ok: false, code: problem ?? "INVALID" };
  return { ok: true, firstName: reset.user.firstName };
}

export type ResetPasswordOutcome =
  { ok: true; userId: string; endedLogins: number } | { ok: false; code: ResetLinkProblem };

/**
 * Sets the new password (already checked by the form's schema) and spends the link. The guarded
 * update lets exactly one of two simultaneous submissions through; the other is told the link
 * was used. Other links of the account still waiting are spent too.
 */
export async function resetStaffPassword(input: {
  token: string;
  password: string;
  now?: Date;
}): Promise<ResetPasswordOutcome> {
  const now = input.now ?? new Date();
  // bcrypt is slow on purpose: outside the transaction, which would hold the database meanwhile.
  const passwordHash = await bcrypt.hash(input.password, BCRYPT_COST);
  const outcome = await runTransaction(async (tx): Promise<ResetPasswordOutcome & { email?: string }> => {
    const reset = await findReset(tx, input.token);
    const problem = problemOf(reset, now);
    if (problem !== null || reset === null) return { ok: false, code: problem ?? "INVALID" };
    const { count } = await tx.staffPasswordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count === 0) return { ok: false, code: "USED" };
    await tx.staffPasswordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    await tx.staffUser.update({ where: { id: reset.userId }, data: { passwordHash } });
    const endedLogins = await endAllStaffSessions(reset.userId, tx);
    await audit(tx, {
      action: "staff.password-reset-used",
      entityType: "StaffUser",
      entityId: reset.userId,
      actorUserId: reset.userId,
      data: { passwordResetId: reset.id, endedLogins },
      at: now,
    });
    return { ok: true, userId: reset.userId, endedLogins, email: reset.user.email };
  });
  if (!outcome.ok) return outcome;
  // Outside the transaction (decisions/012: the limiter uses the app's client).
  await forgetSignInFailures(outcome.email ?? "");
  return { ok: true, userId: outcome.userId, endedLogins: outcome.endedLogins };
}
