// One attendance mark per person and session, tapped on a phone with patchy signal: taps can be
// retried, arrive late or out of order. The tap's own time decides: the last tap wins, and a
// repeat of the stored mark changes nothing (decisions: the issue 9 roster).

export const ATTENDANCE_STATUSES = ["PRESENT", "LATE", "EXCUSED", "ABSENT"] as const;

/** Mirrors the `AttendanceStatus` enum of prisma/schema.prisma, so the domain imports nothing generated. */
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export function isAttendanceStatus(value: unknown): value is AttendanceStatus {
  return typeof value === "string" && (ATTENDANCE_STATUSES as readonly string[]).includes(value);
}

/**
 * How long a tap may wait on the phone before it reaches the server (a long signal drop): no
 * longer than a working day. A login lasts as long (STAFF_SESSION_MS).
 */
export const TAP_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/**
 * When the tap happened, on the server's clock: the phone sends how long ago the tap was
 * (`elapsedMs`, measured on the phone: a slow or fast phone clock changes nothing), and the tap is
 * placed that long before `now`, at most 12 hours back, never in the future; `now` when absent or
 * unreadable (a form sent without JavaScript is sent at once).
 */
export function tapTime(elapsedMs: unknown, now: Date): Date {
  const raw =
    typeof elapsedMs === "string" && /^\d{1,16}$/.test(elapsedMs.trim()) ? Number(elapsedMs.trim()) : elapsedMs;
  if (typeof raw !== "number" || !Number.isSafeInteger(raw) || raw <= 0) return now;
  return new Date(now.getTime() - Math.min(raw, TAP_MAX_AGE_MS));
}

export type StoredMark = { status: AttendanceStatus; markedAt: Date };
export type Tap = { status: AttendanceStatus; at: Date };

/**
 * What a tap does to the stored mark:
 * - `create`: no mark yet, the tap is the first;
 * - `change`: the tap is later and says something else: it replaces the mark;
 * - `refresh`: the tap is later and says the same: the mark stays, only its time moves on, so an
 *   older tap still on its way cannot overwrite it (PRESENT at 10:00, ABSENT at 10:01, PRESENT at
 *   10:02 arriving second must end PRESENT);
 * - `keep`: the stored mark is as late or later (a replay, or a tap overtaken by a newer one): nothing.
 * On equal times the stored mark stays: the first write of that instant is kept, as the guarded
 * update `markedAt < tap` does.
 */
export type MarkDecision = "create" | "change" | "refresh" | "keep";

export function decideMark(stored: StoredMark | null, tap: Tap): MarkDecision {
  if (stored === null) return "create";
  if (stored.markedAt.getTime() >= tap.at.getTime()) return "keep";
  return stored.status === tap.status ? "refresh" : "change";
}

/** The mark that stands after a set of taps, in any order of arrival: the latest; on a tie, the first to arrive. */
export function winningTap<T extends Tap>(taps: readonly T[]): T | null {
  let winner: T | null = null;
  for (const tap of taps) {
    if (winner === null || tap.at.getTime() > winner.at.getTime()) winner = tap;
  }
  return winner;
}
