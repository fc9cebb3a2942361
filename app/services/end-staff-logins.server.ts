// « Fermer ses connexions »: an administrator ends every open login of a staff member (a lost
// phone, a shared tablet left signed in, someone leaving). Their browsers' cookies open nothing
// afterwards; they sign in again with their password.
import type { StaffMember } from "~/domain/policy/actor";
import { holdsStem } from "~/domain/policy/permissions";
import { endAllStaffSessions } from "~/utils/staff-auth.server";

import { audit } from "./audit.server";
import { runTransaction } from "./transaction.server";

export type EndStaffLoginsOutcome =
  { ok: true; ended: number; name: string } | { ok: false; code: "FORBIDDEN" | "NOT_FOUND" };

export async function endStaffLogins(input: {
  actor: StaffMember;
  userId: string;
  now?: Date;
}): Promise<EndStaffLoginsOutcome> {
  if (!holdsStem(input.actor, "update:staff")) return { ok: false, code: "FORBIDDEN" };
  const now = input.now ?? new Date();
  return runTransaction(async (tx): Promise<EndStaffLoginsOutcome> => {
    const user = await tx.staffUser.findFirst({
      where: { id: input.userId, deletedAt: null },
      select: { id: true, firstName: true, lastName: true },
    });
    if (!user) return { ok: false, code: "NOT_FOUND" };
    const ended = await endAllStaffSessions(user.id, tx);
    await audit(tx, {
      action: "staff.sessions-ended",
      entityType: "StaffUser",
      entityId: user.id,
      actorUserId: input.actor.userId,
      data: { ended },
      at: now,
    });
    return { ok: true, ended, name: `${user.firstName} ${user.lastName}` };
  });
}
