import { TZDate } from "@date-fns/tz";
import { addDays, format, startOfDay } from "date-fns";
import { inParis, PARIS_TIME_ZONE } from "./paris";

/** UTC instants bounding a Paris calendar day; `end` is excluded (the next midnight). */
export interface DayBounds {
  start: Date;
  end: Date;
}

/** For a catalogue query: `startsAt: { gte: start, lt: end }`. A day lasts 23 h or 25 h at DST changes. */
export function parisDayBounds(date: Date): DayBounds {
  const start = startOfDay(date, { in: inParis });
  const end = startOfDay(addDays(start, 1, { in: inParis }), { in: inParis });
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
}

/** "2026-03-03": the Paris calendar day, for URLs and grouping. */
export function parisDayKey(date: Date): string {
  return format(date, "yyyy-MM-dd", { in: inParis });
}

/** Paris midnight of a "yyyy-MM-dd" day from a URL, or null if it is not a real day. */
export function parseParisDayKey(key: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnight = new TZDate(year, month - 1, day, PARIS_TIME_ZONE);
  const isRealDay = midnight.getFullYear() === year && midnight.getMonth() === month - 1 && midnight.getDate() === day;
  return isRealDay ? new Date(midnight.getTime()) : null;
}
