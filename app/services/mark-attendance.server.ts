// One tap on the roster: present, late, excused or absent, for one person at one session. Taps
// are retried and arrive out of order on a phone with patchy signal; the tap's own time decides
// (domain/attendance/marks): one row per person and session, the last tap wins, a repeat is a no-op.
import { decideMark, tapTime, type AttendanceStatus } from "~/domain/attendance/marks";
import type { StaffMember } from "~/domain/policy/actor";
import { mayMarkAttendance, type RosterReason } from "~/domain/policy/staff-policy";
import type { Db } from "~/utils/db.server";

import { audit } from "./audit.server";
import { runTransaction, type TransactionClient } from "./transaction.server";
import { findRosterSession } from "~/models/roster-session.server";

export type MarkAttendanceInput = {
  actor: StaffMember;
  sessionId: string;
  personId: string;
  status: AttendanceStatus;
  /** How long ago the tap was made, in ms measured by the phone (a resent tap keeps its time); absent without JavaScript. */
  elapsedMs?: unknown;
  now?: Date;
  /** Another client on the same database (tests of two connections racing). */
  db?: Db;
};

export type MarkOutcome =
  /** The tap made or changed the mark. */
  | "marked"
  /** The mark already said this: nothing changed (its time moved on if the tap was later). */
  | "unchanged"
  /** A later tap had already been stored: this one lost. */
  | "superseded";

export type MarkAttendanceResult =
  | { ok: true; outcome: MarkOutcome; status: AttendanceStatus; markedAt: Date }
  | { ok: false; code: "NOT_FOUND" | RosterReason | "NOT_ON_ROSTER" };

const markSelect = { id: true, status: true, markedAt: true, isWalkIn: true, bookingId: true } as const;

function findMark(tx: TransactionClient, sessionId: string, personId: string) {
  return tx.attendance.findUnique({ where: { sessionId_personId: { sessionId, personId } }, select: markSelect });
}

export async function markAttendance(input: MarkAttendanceInput): Promise<MarkAttendanceResult> {
  const now = input.now ?? new Date();
  const { actor, sessionId, personId, status } = input;
  const at = tapTime(input.elapsedMs, now);

  return runTransaction(
    async (tx): Promise<MarkAttendanceResult> => {
      const session = await findRosterSession(tx, sessionId);
      if (!session) return { ok: false, code: "NOT_FOUND" };
      const answer = mayMarkAttendance(actor, { session, now });
      if (!answer.may) return { ok: false, code: answer.reason };

      const [before, booking] = await Promise.all([
        findMark(tx, sessionId, personId),
        tx.booking.findFirst({ where: { sessionId, personId, status: "CONFIRMED" }, select: { id: true } }),
      ]);
      // Someone with a seat, or a walk-in added at the door: nobody else is on this sheet.
      if (!booking && !before?.isWalkIn) return { ok: false, code: "NOT_ON_ROSTER" };

      const decision = decideMark(before, { status, at });
      if (decision === "keep") {
        return { ok: true, outcome: before?.status === status ? "unchanged" : "superseded", ...stored(before!) };
      }
      await writeTap(tx, {
        sessionId,
        personId,
        bookingId: booking?.id ?? null,
        status,
        at,
        markedById: actor.userId,
        first: decision === "create",
      });

      const after = (await findMark(tx, sessionId, personId))!;
      const changed = before === null || before.status !== after.status;
      if (changed) {
        await audit(tx, {
          action: "attendance.mark",
          entityType: "Attendance",
          entityId: after.id,
          actorUserId: actor.userId,
          data: {
            sessionId,
            personId,
            before: before ? { status: before.status, markedAt: before.markedAt.toISOString() } : null,
            after: { status: after.status, markedAt: after.markedAt.toISOString() },
            tappedAt: at.toISOString(),
          },
          at: now,
        });
      }
      const outcome: MarkOutcome = after.status !== status ? "superseded" : changed ? "marked" : "unchanged";
      return { ok: true, outcome, ...stored(after) };
    },
    { db: input.db },
  );
}

/**
 * The write itself, safe even when the decision was taken on a view that another request changed
 * since (PostgreSQL's READ COMMITTED allows it; SQLite retries the transaction instead): the first
 * mark is an upsert on (sessionId, personId), so two first marks make one row, and every write is
 * guarded by `markedAt < tap`, so an older tap never overwrites a newer one.
 */
export async function writeTap(
  tx: TransactionClient,
  tap: {
    sessionId: string;
    personId: string;
    bookingId: string | null;
    status: AttendanceStatus;
    at: Date;
    markedById: string;
    /** No mark was seen: try to create it (the other request's row wins if it came first). */
    first: boolean;
  },
): Promise<void> {
  const { sessionId, personId, status, at, markedById } = tap;
  if (tap.first) {
    await tx.attendance.upsert({
      where: { sessionId_personId: { sessionId, personId } },
      create: { sessionId, personId, bookingId: tap.bookingId, status, markedAt: at, markedById },
      update: {},
    });
  }
  await tx.attendance.updateMany({
    where: { sessionId, personId, markedAt: { lt: at } },
    data: { status, markedAt: at, markedById },
  });
}

function stored(mark: { status: AttendanceStatus; markedAt: Date }) {
  return { status: mark.status, markedAt: mark.markedAt };
}
