// A skill tap as the phone sends it, with a signal that drops: the same tap can arrive twice (a
// resend), and an older tap can arrive after a newer one. The tap carries its own id, so a resend
// writes nothing new, and the time elapsed since it was tapped, so the server places it in time by
// its own clock: a phone's clock may be wrong, a duration measured on it is not (review item 6).

/**
 * How far back a tap is believed: a tap kept through a long signal drop (or a wrong duration)
 * cannot be placed before the working day. A staff login lasts as long (STAFF_SESSION_MS).
 */
export const SKILL_TAP_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/** A tap id: what the page or the phone made (random, url-safe), nothing longer or odder. */
const TAP_ID = /^[A-Za-z0-9_-]{8,64}$/;

export function isTapId(value: unknown): value is string {
  return typeof value === "string" && TAP_ID.test(value);
}

/** Up to 16 digits, with an optional sign and fraction: a number of milliseconds, as a form sends it. */
const ELAPSED = /^-?\d{1,16}(\.\d{1,6})?$/;

/**
 * The milliseconds since the tap, from the form: 0 when absent (a form sent without JavaScript is
 * sent at once), clamped into [0, 12 h] — a negative duration is now, a huge one the start of the
 * working day —; null when present but not a number (the form is refused, not guessed at).
 */
export function parseElapsedMs(raw: unknown): number | null {
  if (raw === null || raw === undefined || raw === "") return 0;
  if (typeof raw !== "string" || !ELAPSED.test(raw.trim())) return null;
  const value = Math.round(Number(raw.trim()));
  if (!Number.isFinite(value)) return null;
  return Math.min(SKILL_TAP_MAX_AGE_MS, Math.max(0, value));
}

/** When the tap happened, by the server's clock: now minus the elapsed time, clamped into [0, 12 h]. */
export function tapAssessedAt(elapsedMs: number, now: Date): Date {
  const elapsed = Number.isFinite(elapsedMs) ? Math.min(SKILL_TAP_MAX_AGE_MS, Math.max(0, elapsedMs)) : 0;
  return new Date(now.getTime() - Math.round(elapsed));
}
