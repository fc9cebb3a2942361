// The outbox as the sender and the local outbox view see it. Every change of state is a guarded
// updateMany: it applies only if the row is still in the state the caller saw, so two server
// instances, a restart or a second click never act on one row twice (docs/decisions/017).
import { OUTBOX_STATES, type OutboxEmailState as OutboxState } from "~/domain/outbox/states";
import type { Db } from "~/utils/db.server";

const dueRowSelect = {
  id: true,
  kind: true,
  recipient: true,
  locale: true,
  payload: true,
  bookingId: true,
  sessionId: true,
  sendAfter: true,
  createdAt: true,
  attempts: true,
} as const;

/** Pending, due and not held by another sender: read through the index (state, sendAfter). */
function dueWhere(now: Date) {
  return {
    state: "PENDING",
    sendAfter: { lte: now },
    OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
  };
}

export async function findDueEmails(db: Db, now: Date, take: number) {
  return db.outboxEmail.findMany({
    where: dueWhere(now),
    orderBy: [{ sendAfter: "asc" }, { id: "asc" }],
    take,
    select: dueRowSelect,
  });
}

export type DueEmailRow = Awaited<ReturnType<typeof findDueEmails>>[number];

/**
 * Takes the row for this sender until `lockedUntil`, counting the attempt. True only for the one
 * sender whose update found the row still pending and free.
 */
export async function claimEmail(db: Db, id: string, now: Date, lockedUntil: Date): Promise<boolean> {
  const { count } = await db.outboxEmail.updateMany({
    where: { id, ...dueWhere(now) },
    data: { lockedUntil, attempts: { increment: 1 } },
  });
  return count === 1;
}

/** The claim is the proof of ownership: a sender whose lease ran out and was taken over changes nothing. */
function heldBy(id: string, lockedUntil: Date) {
  return { id, state: "PENDING", lockedUntil };
}

export async function markEmailSent(db: Db, id: string, lockedUntil: Date, sentAt: Date): Promise<boolean> {
  const { count } = await db.outboxEmail.updateMany({
    where: heldBy(id, lockedUntil),
    data: { state: "SENT", sentAt, lockedUntil: null, lastError: null },
  });
  return count === 1;
}

export async function markEmailDropped(
  db: Db,
  id: string,
  lockedUntil: Date,
  droppedAt: Date,
  dropReason: string,
): Promise<boolean> {
  const { count } = await db.outboxEmail.updateMany({
    where: heldBy(id, lockedUntil),
    data: { state: "DROPPED", droppedAt, dropReason, lockedUntil: null },
  });
  return count === 1;
}

export async function markEmailRetry(
  db: Db,
  id: string,
  lockedUntil: Date,
  retryAt: Date,
  lastError: string,
): Promise<boolean> {
  const { count } = await db.outboxEmail.updateMany({
    where: heldBy(id, lockedUntil),
    data: { sendAfter: retryAt, lastError, lockedUntil: null },
  });
  return count === 1;
}

export async function markEmailFailed(
  db: Db,
  id: string,
  lockedUntil: Date,
  failedAt: Date,
  lastError: string,
): Promise<boolean> {
  const { count } = await db.outboxEmail.updateMany({
    where: heldBy(id, lockedUntil),
    data: { state: "FAILED", failedAt, lastError, lockedUntil: null },
  });
  return count === 1;
}

/** A FAILED row back in line, as new: only if it is still FAILED (a second click changes nothing). */
export async function requeueFailedEmail(db: Db, id: string, now: Date): Promise<boolean> {
  const { count } = await db.outboxEmail.updateMany({
    where: { id, state: "FAILED" },
    data: { state: "PENDING", attempts: 0, sendAfter: now, failedAt: null, lockedUntil: null },
  });
  return count === 1;
}

/** What the outbox view shows of a row: never the payload (the composer's business), never a link. */
const listedRowSelect = {
  id: true,
  kind: true,
  recipient: true,
  locale: true,
  state: true,
  sendAfter: true,
  sentAt: true,
  attempts: true,
  lastError: true,
  failedAt: true,
  droppedAt: true,
  dropReason: true,
  createdAt: true,
} as const;

export async function listOutboxEmails(db: Db, state: OutboxState, skip: number, take: number) {
  return db.outboxEmail.findMany({
    where: { state },
    orderBy: state === "PENDING" ? [{ sendAfter: "asc" }, { id: "asc" }] : [{ updatedAt: "desc" }, { id: "asc" }],
    skip,
    take,
    select: listedRowSelect,
  });
}

export type ListedOutboxEmail = Awaited<ReturnType<typeof listOutboxEmails>>[number];

export async function countOutboxEmailsByState(db: Db): Promise<Record<OutboxState, number>> {
  const groups = await db.outboxEmail.groupBy({ by: ["state"], _count: { _all: true } });
  const counts = Object.fromEntries(OUTBOX_STATES.map((state) => [state, 0])) as Record<OutboxState, number>;
  for (const group of groups) {
    if (group.state in counts) counts[group.state as OutboxState] = group._count._all;
  }
  return counts;
}
