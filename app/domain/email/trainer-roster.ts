// Which trainers get a roster for which Paris day, and when. The scheduler reads the sessions of
// the window (by start time only) and asks this; the composer reads the day's sessions again at
// send time, so a roster says what is true when it leaves.
import { parisDayBounds, parisDayKey } from "../time/paris-day";
import { DEFAULT_EMAIL_TIMING, parisTimeOn, rosterMoment, type EmailTiming } from "./email-timing";

export type RosterSession = {
  startsAt: Date;
  trainers: { trainerId: string; email: string | null }[];
};

export type RosterRow = { trainerId: string; email: string; day: string; sendAfter: Date; dedupeKey: string };

/**
 * From now to the end of tomorrow in Paris: tomorrow's rosters are written ahead of their evening,
 * and today's sessions not yet begun still get theirs if the server was down last evening.
 */
export function rosterWindow(now: Date): { from: Date; until: Date } {
  const tomorrow = parisTimeOn(now, 1, { hour: 12, minute: 0 });
  return { from: now, until: parisDayBounds(tomorrow).end };
}

/** One row per trainer and Paris day with a session of theirs still ahead; keyed so a day's roster is written once. */
export function rostersToWrite(
  sessions: readonly RosterSession[],
  now: Date,
  timing: EmailTiming = DEFAULT_EMAIL_TIMING,
): RosterRow[] {
  const rows = new Map<string, RosterRow>();
  for (const session of sessions) {
    if (session.startsAt.getTime() <= now.getTime()) continue;
    const day = parisDayKey(session.startsAt);
    for (const { trainerId, email } of session.trainers) {
      if (!email) continue;
      const dedupeKey = `trainer-roster:${trainerId}:${day}`;
      if (!rows.has(dedupeKey)) {
        rows.set(dedupeKey, { trainerId, email, day, sendAfter: rosterMoment(session.startsAt, timing), dedupeKey });
      }
    }
  }
  return [...rows.values()];
}
