import type { ChangeSessionReason } from "~/domain/policy/session-policy";
import type { Actor } from "~/domain/policy/actor";

import { audit } from "./audit.server";
import { markSessionCancelled, sessionToChange, tellEveryoneBooked } from "./session-steps.server";
import { runTransaction } from "./transaction.server";

export type CancelSessionResult =
  { ok: true; told: number } | { ok: false; code: "SESSION_NOT_FOUND" | ChangeSessionReason };

/**
 * Staff cancel a session: everyone booked or waiting is told, their reminders are dropped. The
 * bookings keep their status (the session's says it all, decision 009): seats and the waiting
 * list stay counted as they were, and nobody is promoted into a cancelled session.
 */
export async function cancelSession(
  actor: Actor,
  sessionId: string,
  reason: string | null,
  now: Date = new Date(),
): Promise<CancelSessionResult> {
  return runTransaction(async (tx): Promise<CancelSessionResult> => {
    const found = await sessionToChange(tx, actor, sessionId, now);
    if (!found.ok) return found;
    const { session } = found;

    if (!(await markSessionCancelled(tx, session, reason, now))) return { ok: false, code: "SESSION_CANCELLED" };

    const told = await tellEveryoneBooked(tx, {
      kind: "session-cancelled",
      sessionId: session.id,
      revision: session.revision + 1,
      previous: session,
      reason,
      now,
    });
    await audit(tx, {
      action: "session.cancel",
      entityType: "Session",
      entityId: session.id,
      actorUserId: actor.kind === "staff" ? actor.userId : null,
      data: { reason, startsAt: session.startsAt.toISOString(), bookingsTold: told },
      at: now,
    });
    return { ok: true, told };
  });
}
