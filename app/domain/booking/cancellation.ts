import { hasStarted } from "../time/interval";
import type { BookingStatus, SessionStatus } from "./statuses";

export type CancellationCheck =
  { ok: true } | { ok: false; code: "ALREADY_CANCELLED" } | { ok: false; code: "SESSION_STARTED" };

/** After the start, absence is recorded at attendance (émargement), not by cancelling. */
export function canCancel(
  booking: { status: BookingStatus },
  session: { status: SessionStatus; startsAt: Date },
  now: Date,
): CancellationCheck {
  if (booking.status === "CANCELLED") return { ok: false, code: "ALREADY_CANCELLED" };
  if (session.status === "COMPLETED" || hasStarted(session, now)) return { ok: false, code: "SESSION_STARTED" };
  return { ok: true };
}

/**
 * A freed seat is offered to the waiting list (`pickNextToPromote`, if `canPromote`);
 * a waitlisted booking held no seat, so leaving the queue frees nothing.
 */
export function cancellationEffects(booking: { status: BookingStatus }): { freesSeat: boolean } {
  return { freesSeat: booking.status === "CONFIRMED" };
}
