import { hasStarted } from "../time/interval";
import type { SessionStatus } from "./statuses";

/**
 * A waiting list holds at most this many people. Places are freed only by cancellations
 * (a few per session at most), so a tenth person in line is already unlikely to be served;
 * beyond that the resident is better told "full" and shown other dates than given false hope.
 * It also bounds what a scripted stranger can do to a session (queue fake names ahead of
 * real people, send promotion emails). Kept by the guarded update on `Session.waitlistCount`.
 */
export const WAITLIST_CAP = 10;

export function isWaitlistFull(waitlistCount: number): boolean {
  return waitlistCount >= WAITLIST_CAP;
}

export interface WaitlistEntry {
  id: string;
  /** When the booking joined the queue; older rows may lack it, then createdAt stands in. */
  waitlistedAt: Date | null;
  createdAt: Date;
}

function queuedAt(entry: WaitlistEntry): number {
  return (entry.waitlistedAt ?? entry.createdAt).getTime();
}

function compareQueueOrder(a: WaitlistEntry, b: WaitlistEntry): number {
  return (
    queuedAt(a) - queuedAt(b) ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** First come, first served; ties broken by createdAt, then id, so the order never wavers. */
export function orderWaitlist<T extends WaitlistEntry>(waitlisted: readonly T[]): T[] {
  return [...waitlisted].sort(compareQueueOrder);
}

export function pickNextToPromote<T extends WaitlistEntry>(waitlisted: readonly T[]): T | null {
  let next: T | null = null;
  for (const entry of waitlisted) {
    if (next === null || compareQueueOrder(entry, next) < 0) next = entry;
  }
  return next;
}

/** 1-based place in the queue, or null when the booking is not on this waiting list. */
export function waitlistPosition(bookingId: string, waitlisted: readonly WaitlistEntry[]): number | null {
  const index = orderWaitlist(waitlisted).findIndex((entry) => entry.id === bookingId);
  return index === -1 ? null : index + 1;
}

/** Nobody is promoted into a session that has begun, ended or been cancelled. */
export function canPromote(session: { status: SessionStatus; startsAt: Date }, now: Date): boolean {
  return session.status === "SCHEDULED" && !hasStarted(session, now);
}
