// The order of « Mes ateliers »: today's sessions first, then those ahead, then those past.
import { parisDayKey } from "../time/paris-day";

export type SessionGroup = "today" | "upcoming" | "past";

export type Dated = { startsAt: Date };

/** Today is the Paris calendar day of `now`, whatever the hour: a morning session stays under today in the evening. */
export function sessionGroup(session: Dated, now: Date): SessionGroup {
  if (parisDayKey(session.startsAt) === parisDayKey(now)) return "today";
  return session.startsAt.getTime() > now.getTime() ? "upcoming" : "past";
}

/**
 * The sessions in three groups: today and upcoming from the earliest, past from the most recent
 * (yesterday's sheet, the one to fill in, comes first).
 */
export function groupMySessions<T extends Dated>(sessions: readonly T[], now: Date): Record<SessionGroup, T[]> {
  const groups: Record<SessionGroup, T[]> = { today: [], upcoming: [], past: [] };
  for (const session of sessions) groups[sessionGroup(session, now)].push(session);
  const ascending = (a: T, b: T) => a.startsAt.getTime() - b.startsAt.getTime();
  groups.today.sort(ascending);
  groups.upcoming.sort(ascending);
  groups.past.sort((a, b) => ascending(b, a));
  return groups;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The days « Mes ateliers » reaches: a trainer's own sessions over two months either side, everyone's over two weeks. */
export const OWN_WINDOW_DAYS = 60;
export const WIDE_WINDOW_DAYS = 14;

export function sessionWindow(now: Date, days: number): { from: Date; until: Date } {
  return { from: new Date(now.getTime() - days * DAY_MS), until: new Date(now.getTime() + days * DAY_MS) };
}
