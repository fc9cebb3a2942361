import type { Actor } from "~/domain/policy/actor";
import { checkMove, type ChangeSessionReason, type MoveReason } from "~/domain/policy/session-policy";

import { audit } from "./audit.server";
import { placeSession, sessionToChange, tellEveryoneBooked } from "./session-steps.server";
import { ConcurrentChange, runTransaction } from "./transaction.server";

export type MoveSessionInput = {
  startsAt: Date;
  endsAt: Date;
  /** Unchanged when left out. */
  placeId?: string;
  /** Unchanged when left out; null clears it. */
  room?: string | null;
  /** Told to everyone with the new time, if given. */
  reason?: string | null;
};

export type MoveSessionResult =
  | { ok: true; told: number }
  | { ok: false; code: "SESSION_NOT_FOUND" | "PLACE_NOT_FOUND" | ChangeSessionReason | MoveReason };

/**
 * Staff move a session (time, place or room): everyone booked or waiting is told where and when
 * it now is, and each booking's reminders and follow-up are re-timed. The revision grows, so
 * calendars apply the new time (decision 014).
 */
export async function moveSession(
  actor: Actor,
  sessionId: string,
  input: MoveSessionInput,
  now: Date = new Date(),
): Promise<MoveSessionResult> {
  return runTransaction(async (tx): Promise<MoveSessionResult> => {
    const found = await sessionToChange(tx, actor, sessionId, now);
    if (!found.ok) return found;
    const { session } = found;

    const next = {
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      placeId: input.placeId ?? session.placeId,
      room: input.room === undefined ? session.room : input.room?.trim() || null,
    };
    const check = checkMove(session, next, now);
    // A double submit of the same move finds it done: UNCHANGED, and nobody is told twice.
    if (!check.ok) return { ok: false, code: check.reason };
    if (next.placeId !== session.placeId) {
      const place = await tx.place.findFirst({ where: { id: next.placeId, deletedAt: null }, select: { id: true } });
      if (place === null) return { ok: false, code: "PLACE_NOT_FOUND" };
    }

    // Guarded on what was read: a concurrent change makes the whole use case run again on fresh reads.
    if (!(await placeSession(tx, session, next))) throw new ConcurrentChange(`session ${session.id}`);

    const told = await tellEveryoneBooked(tx, {
      kind: "session-moved",
      sessionId: session.id,
      revision: session.revision + 1,
      previous: session,
      reason: input.reason?.trim() || null,
      now,
    });
    await audit(tx, {
      action: "session.move",
      entityType: "Session",
      entityId: session.id,
      actorUserId: actor.kind === "staff" ? actor.userId : null,
      data: {
        before: {
          startsAt: session.startsAt.toISOString(),
          endsAt: session.endsAt.toISOString(),
          placeId: session.placeId,
          room: session.room,
        },
        after: { ...next, startsAt: next.startsAt.toISOString(), endsAt: next.endsAt.toISOString() },
        bookingsTold: told,
      },
      at: now,
    });
    return { ok: true, told };
  });
}
