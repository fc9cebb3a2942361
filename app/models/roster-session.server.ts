import type { RosterSession } from "~/domain/policy/staff-policy";

import type { DbClient } from "./session.server";

/**
 * What the roster policy (mayMarkAttendance, mayAddWalkIn…) asks about a session: its state, its
 * times, its place and its trainers. Read inside the caller's transaction, so the answer and the
 * write that follows see the same session. Null for an unknown or deleted session.
 */
export async function findRosterSession(db: DbClient, sessionId: string): Promise<RosterSession | null> {
  const session = await db.session.findFirst({
    where: { id: sessionId, deletedAt: null },
    select: { status: true, startsAt: true, endsAt: true, placeId: true, trainers: { select: { trainerId: true } } },
  });
  if (!session) return null;
  const { trainers, ...facts } = session;
  return { ...facts, trainerIds: trainers.map((t) => t.trainerId) };
}
