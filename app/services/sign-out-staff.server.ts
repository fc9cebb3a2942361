// « Se déconnecter »: the route ends the login (endStaffSession, which holds the cookie); this
// records who left and when.
import { audit } from "./audit.server";
import { runTransaction } from "./transaction.server";

export async function recordStaffSignOut(input: { userId: string; now?: Date }): Promise<void> {
  await runTransaction((tx) =>
    audit(tx, {
      action: "staff.sign-out",
      entityType: "StaffUser",
      entityId: input.userId,
      actorUserId: input.userId,
      at: input.now ?? new Date(),
    }),
  );
}
