// « Mot de passe oublié ? »: a single-use link, valid for an hour, emailed to a staff account.
// The answer is the same whether the email has an account or not, and the limits count unknown
// emails too. The link's token is derived from its row's id and never stored (decisions/016):
// the row keeps its hash, the outbox row names the reset, the composer derives the link.
import { normalizeEmail } from "~/domain/people/contact";
import { newLinkedRowId, passwordResetTokenFor } from "~/utils/link-tokens.server";
import { hashToken } from "~/utils/tokens.server";

import { audit } from "./audit.server";
import { enqueueEmail } from "./outbox.server";
import { limitPasswordResetRequest } from "./rate-limits.server";
import { runTransaction } from "./transaction.server";

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

export function passwordResetPath(token: string): string {
  return `/pro/mot-de-passe/${token}`;
}

export async function requestStaffPasswordReset(input: {
  email: string;
  address: string;
  now?: Date;
}): Promise<{ ok: true } | { ok: false; code: "RATE_LIMITED"; retryAfterMs: number }> {
  const now = input.now ?? new Date();
  const limit = await limitPasswordResetRequest({ address: input.address, email: input.email });
  if (!limit.ok) return { ok: false, code: "RATE_LIMITED", retryAfterMs: limit.retryAfterMs };

  const email = normalizeEmail(input.email) ?? "";
  return runTransaction(async (tx) => {
    const user = await tx.staffUser.findFirst({
      where: { email, active: true, deletedAt: null },
      select: { id: true, email: true },
    });
    if (!user) return { ok: true } as const;
    const id = newLinkedRowId();
    await tx.staffPasswordReset.create({
      data: {
        id,
        tokenHash: hashToken(passwordResetTokenFor(id)),
        userId: user.id,
        expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
      },
      select: { id: true },
    });
    await enqueueEmail(tx, {
      kind: "staff-password-reset",
      recipient: user.email,
      // The staff area is in French.
      locale: "fr",
      dedupeKey: `staff-password-reset:${id}`,
      payload: { passwordResetId: id },
    });
    await audit(tx, {
      action: "staff.password-reset-requested",
      entityType: "StaffUser",
      entityId: user.id,
      data: { passwordResetId: id },
      at: now,
    });
    return { ok: true } as const;
  });
}
