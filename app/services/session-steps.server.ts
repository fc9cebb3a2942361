// What cancelling and moving a session share: telling everyone booked or waiting, once per
// change, and making each booking's scheduled emails follow the session.
import type { Actor } from "~/domain/policy/actor";
import { mayChangeSession } from "~/domain/policy/session-policy";

import { syncScheduledEmails } from "./booking-schedule.server";
import { enqueueEmail } from "./outbox.server";
import { ConcurrentChange, type TransactionClient } from "./transaction.server";

export type SessionBefore = { startsAt: Date; endsAt: Date; placeId: string; room: string | null };

/**
 * One `session-cancelled` or `session-moved` row per booking still held (confirmed or waiting),
 * keyed by the session's new revision: a retried transaction writes nothing twice, and a second
 * move is a second email. Phone-only bookings get none (staff call them). Returns how many
 * bookings were concerned.
 */
export async function tellEveryoneBooked(
  tx: TransactionClient,
  change: {
    kind: "session-cancelled" | "session-moved";
    sessionId: string;
    revision: number;
    previous: SessionBefore;
    reason: string | null;
    now: Date;
  },
): Promise<number> {
  const bookings = await tx.booking.findMany({
    where: { sessionId: change.sessionId, status: { in: ["CONFIRMED", "WAITLISTED"] } },
    select: { id: true, status: true, contactEmail: true, locale: true },
  });
  for (const booking of bookings) {
    const recipient = booking.contactEmail?.trim();
    if (recipient) {
      await enqueueEmail(tx, {
        kind: change.kind,
        recipient,
        locale: booking.locale,
        dedupeKey: `${change.kind}:${booking.id}:${change.revision}`,
        bookingId: booking.id,
        sessionId: change.sessionId,
        payload: {
          sessionId: change.sessionId,
          bookingStatus: booking.status,
          ...(change.reason ? { reason: change.reason } : {}),
          previous: {
            startsAt: change.previous.startsAt.toISOString(),
            endsAt: change.previous.endsAt.toISOString(),
            placeId: change.previous.placeId,
            room: change.previous.room,
          },
        },
      });
    }
    await syncScheduledEmails(tx, booking.id, change.now);
  }
  return bookings.length;
}

/**
 * The guarded update that cancels a session: of two staff cancelling at once (or two server
 * instances reading it scheduled on PostgreSQL), only one changes the row and goes on to tell people.
 */
export async function markSessionCancelled(
  tx: TransactionClient,
  read: { id: string; revision: number },
  reason: string | null,
  now: Date,
): Promise<boolean> {
  // Only from the revision that was read: a move committed meanwhile makes the whole change run
  // again on what the session now is (its time for the audit, its revision for the emails' keys).
  const { count } = await tx.session.updateMany({
    where: { id: read.id, status: "SCHEDULED", revision: read.revision },
    data: { status: "CANCELLED", cancelledAt: now, cancellationReason: reason, revision: { increment: 1 } },
  });
  if (count === 1) return true;
  const current = await tx.session.findUnique({ where: { id: read.id }, select: { status: true } });
  if (current?.status === "SCHEDULED") throw new ConcurrentChange(`session ${read.id} changed meanwhile`);
  return false;
}

/** The guarded update that moves a session: only from the revision that was read. */
export async function placeSession(
  tx: TransactionClient,
  read: { id: string; revision: number },
  next: SessionBefore,
): Promise<boolean> {
  const { count } = await tx.session.updateMany({
    where: { id: read.id, status: "SCHEDULED", revision: read.revision },
    data: { ...next, revision: { increment: 1 } },
  });
  return count === 1;
}

/**
 * The first step of cancelling and of moving a session: the session as it is now, if it exists,
 * and the policy's answer to the staff member asking.
 */
export async function sessionToChange(tx: TransactionClient, actor: Actor, sessionId: string, now: Date) {
  const session = await tx.session.findFirst({
    where: { id: sessionId, deletedAt: null },
    select: sessionPlacementSelect,
  });
  if (session === null) return { ok: false, code: "SESSION_NOT_FOUND" } as const;
  const answer = mayChangeSession(actor, { session, now });
  if (!answer.may) return { ok: false, code: answer.reason } as const;
  return { ok: true, session } as const;
}

export const sessionPlacementSelect = {
  id: true,
  status: true,
  startsAt: true,
  endsAt: true,
  placeId: true,
  room: true,
  revision: true,
} as const;
