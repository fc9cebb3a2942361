import { TZDate } from "@date-fns/tz";
import { startOfWeek } from "date-fns";
import { inParis, PARIS_TIME_ZONE as PARIS } from "../../app/domain/time/paris";

/** Monday 00:00 in Paris of the week that contains `now`, as a UTC instant. */
export function parisWeekStart(now: Date): Date {
  return new Date(startOfWeek(now, { weekStartsOn: 1, in: inParis }).getTime());
}

/**
 * The UTC instant of a Paris wall-clock time, `weekOffset` weeks after the week starting at
 * `monday`, on `weekday` (1 = Monday … 7 = Sunday). TZDate applies the offset in force on that
 * day, so sessions after a DST change keep their local time.
 */
export function parisTime(monday: Date, weekOffset: number, weekday: number, hhmm: string): Date {
  const [hours, minutes] = hhmm.split(":").map(Number);
  const base = new TZDate(monday.getTime(), PARIS);
  const local = new TZDate(
    base.getFullYear(),
    base.getMonth(),
    base.getDate() + weekOffset * 7 + (weekday - 1),
    hours,
    minutes,
    0,
    0,
    PARIS,
  );
  return new Date(local.getTime());
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

export function parisYear(date: Date): number {
  return new TZDate(date.getTime(), PARIS).getFullYear();
}
