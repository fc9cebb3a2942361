// Counting visitors who came to a session without giving their name, so that the statistics a
// funder reads still include them: how many, and when known their age band and commune.
//
// They take no seat (Session.seatsTaken is not changed). seatsTaken is what the booking guard
// reads to sell the seats left, and it must stay in step with rows that can be named and undone:
// confirmed bookings and walk-ins. A head count is a tally entered in passing — often at the end,
// "three more came for the first half hour" — that no one can cancel line by line; counted as
// seats, one tap could close a session to residents booking online, or the next session of a
// series to nobody's benefit. The room is not forgotten: the walk-in page shows the head count
// beside the seats taken, and the funders' figures add both (attendances + AnonymousVisit.count).
import type { AgeBand } from "~/domain/people/walk-in-match";
import { ANONYMOUS_COUNT_MAX, ANONYMOUS_COUNT_MIN } from "~/domain/people/walk-in-match";
import type { StaffMember } from "~/domain/policy/actor";
import { mayAddWalkIn, type RosterReason } from "~/domain/policy/staff-policy";

import { audit } from "./audit.server";
import { runTransaction } from "./transaction.server";
import { findRosterSession } from "~/models/roster-session.server";

export type CountAnonymousInput = {
  actor: StaffMember;
  sessionId: string;
  requestKey: string;
  count: number;
  ageBand: AgeBand | null;
  communeId: string | null;
  now: Date;
};

export type CountAnonymousResult =
  | { ok: true; visitId: string; replayed: boolean }
  | { ok: false; code: RosterReason | "SESSION_NOT_FOUND" | "BAD_COUNT" | "KEY_OF_ANOTHER_SESSION" };

export async function countAnonymousVisitors(input: CountAnonymousInput): Promise<CountAnonymousResult> {
  const { actor, sessionId, requestKey, now } = input;
  if (!Number.isInteger(input.count) || input.count < ANONYMOUS_COUNT_MIN || input.count > ANONYMOUS_COUNT_MAX) {
    return { ok: false, code: "BAD_COUNT" };
  }
  return runTransaction<CountAnonymousResult>(async (tx) => {
    // A resent form counts nobody twice; two copies racing clash on the unique key (P2002), and
    // runTransaction's next attempt finds the winner's row here.
    const done = await tx.anonymousVisit.findUnique({ where: { requestKey }, select: { id: true, sessionId: true } });
    if (done) {
      return done.sessionId === sessionId
        ? { ok: true, visitId: done.id, replayed: true }
        : { ok: false, code: "KEY_OF_ANOTHER_SESSION" };
    }
    const session = await findRosterSession(tx, sessionId);
    if (!session) return { ok: false, code: "SESSION_NOT_FOUND" };
    const answer = mayAddWalkIn(actor, { session, now });
    if (!answer.may) return { ok: false, code: answer.reason };

    const visit = await tx.anonymousVisit.create({
      data: {
        sessionId,
        count: input.count,
        ageBand: input.ageBand,
        communeId: input.communeId,
        recordedById: actor.userId,
        requestKey,
        createdAt: now,
      },
      select: { id: true },
    });
    await audit(tx, {
      action: "anonymous-visit.count",
      entityType: "AnonymousVisit",
      entityId: visit.id,
      actorUserId: actor.userId,
      at: now,
      data: { sessionId, count: input.count, ageBand: input.ageBand, communeId: input.communeId },
    });
    return { ok: true, visitId: visit.id, replayed: false };
  });
}
