// Staff changing a session everyone booked on: cancelling it, moving it (time, place, room).
// Services ask here before they write; the staff screens (issues 9–10) will put the reasons in words.
import type { SessionStatus } from "../booking/statuses";
import { hasStarted } from "../time/interval";
import { hasPermission, type Actor } from "./actor";

export type ChangeSessionReason = "NOT_ALLOWED" | "SESSION_CANCELLED" | "SESSION_COMPLETED" | "SESSION_STARTED";

export type ChangeSessionAnswer = { may: true } | { may: false; reason: ChangeSessionReason };

export interface ChangeSessionQuestion {
  session: { status: SessionStatus; startsAt: Date };
  now: Date;
}

/**
 * Only staff with `update:session:any` (coordinators, administrators) change a session, and only
 * one still ahead: once it has begun, what happened is recorded at attendance, not rewritten.
 */
export function mayChangeSession(actor: Actor, question: ChangeSessionQuestion): ChangeSessionAnswer {
  const { session, now } = question;
  if (!hasPermission(actor, "update:session:any")) return { may: false, reason: "NOT_ALLOWED" };
  if (session.status === "CANCELLED") return { may: false, reason: "SESSION_CANCELLED" };
  if (session.status === "COMPLETED") return { may: false, reason: "SESSION_COMPLETED" };
  if (hasStarted(session, now)) return { may: false, reason: "SESSION_STARTED" };
  return { may: true };
}

export type SessionPlacement = { startsAt: Date; endsAt: Date; placeId: string; room: string | null };

export type MoveReason = "INVALID_TIMES" | "MOVE_INTO_PAST" | "UNCHANGED";

/** Whether `next` is a move worth telling everyone about: a real span, still ahead, and different. */
export function checkMove(
  current: SessionPlacement,
  next: SessionPlacement,
  now: Date,
): { ok: true } | { ok: false; reason: MoveReason } {
  if (next.endsAt.getTime() <= next.startsAt.getTime()) return { ok: false, reason: "INVALID_TIMES" };
  if (hasStarted(next, now)) return { ok: false, reason: "MOVE_INTO_PAST" };
  const same =
    current.startsAt.getTime() === next.startsAt.getTime() &&
    current.endsAt.getTime() === next.endsAt.getTime() &&
    current.placeId === next.placeId &&
    (current.room ?? null) === (next.room ?? null);
  return same ? { ok: false, reason: "UNCHANGED" } : { ok: true };
}
