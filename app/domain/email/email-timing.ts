// When each scheduled email of a booking is due, read on Paris wall clocks: "two days before at
// 10:00" is 10:00 in Paris whether that day has 23, 24 or 25 hours (docs/decisions/019).
import { TZDate } from "@date-fns/tz";

import { PARIS_TIME_ZONE } from "../time/paris";

/** A wall-clock time in Paris. */
export type ClockTime = { hour: number; minute: number };

export type EmailTiming = {
  /** The first reminder goes this many calendar days before the workshop's day… */
  daysBefore: number;
  /** …at this Paris time. */
  daysBeforeAt: ClockTime;
  /** The second reminder goes on the workshop's day at this Paris time… */
  morningAt: ClockTime;
  /** …unless the workshop starts less than this after it: then it goes the evening before. */
  morningMinGapMinutes: number;
  /** Where the morning reminder goes for an early workshop. */
  eveningBeforeAt: ClockTime;
  /** No reminder is written for a moment closer than this to the booking (the confirmation just said it all). */
  minLeadMinutes: { "days-before": number; morning: number };
  /** The follow-up goes this long after the end… */
  followUpDelayMinutes: number;
  /** …but never in the quiet hours [quietFrom, quietUntil): then at followUpMorningAt the next morning. */
  quietFrom: ClockTime;
  quietUntil: ClockTime;
  followUpMorningAt: ClockTime;
  /** Each trainer's roster for a day goes the evening before at this Paris time. */
  rosterAt: ClockTime;
};

export const DEFAULT_EMAIL_TIMING: EmailTiming = {
  daysBefore: 2,
  daysBeforeAt: { hour: 10, minute: 0 },
  morningAt: { hour: 8, minute: 0 },
  morningMinGapMinutes: 90,
  eveningBeforeAt: { hour: 18, minute: 0 },
  minLeadMinutes: { "days-before": 12 * 60, morning: 60 },
  followUpDelayMinutes: 3 * 60,
  quietFrom: { hour: 20, minute: 0 },
  quietUntil: { hour: 9, minute: 0 },
  followUpMorningAt: { hour: 10, minute: 0 },
  rosterAt: { hour: 18, minute: 0 },
};

export type ReminderMoment = "days-before" | "morning";

export type SessionTimes = { startsAt: Date; endsAt: Date };

/** "10:00", "8:30" or "10" → { hour, minute }, or null. */
export function parseClockTime(text: string): ClockTime | null {
  const match = /^(\d{1,2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/** The instant it is `time` in Paris, `dayOffset` calendar days after the Paris day of `instant`. */
export function parisTimeOn(instant: Date, dayOffset: number, time: ClockTime): Date {
  const day = new TZDate(instant.getTime(), PARIS_TIME_ZONE);
  const at = new TZDate(
    day.getFullYear(),
    day.getMonth(),
    day.getDate() + dayOffset,
    time.hour,
    time.minute,
    PARIS_TIME_ZONE,
  );
  return new Date(at.getTime());
}

function minutesOfParisDay(instant: Date): number {
  const local = new TZDate(instant.getTime(), PARIS_TIME_ZONE);
  return local.getHours() * 60 + local.getMinutes();
}

const minutesOf = (time: ClockTime) => time.hour * 60 + time.minute;
const MINUTE = 60_000;

/**
 * Every reminder the workshop calls for, whoever booked and when. The morning one goes the
 * evening before for a workshop starting too early for a morning email to be read in time, and
 * not at all if that evening is the days-before reminder's own day (daysBefore = 1).
 */
export function reminderMoments(
  session: Pick<SessionTimes, "startsAt">,
  timing: EmailTiming = DEFAULT_EMAIL_TIMING,
): { moment: ReminderMoment; sendAfter: Date }[] {
  const daysBefore = parisTimeOn(session.startsAt, -timing.daysBefore, timing.daysBeforeAt);
  const earlyStart = minutesOfParisDay(session.startsAt) < minutesOf(timing.morningAt) + timing.morningMinGapMinutes;
  const morning = earlyStart
    ? parisTimeOn(session.startsAt, -1, timing.eveningBeforeAt)
    : parisTimeOn(session.startsAt, 0, timing.morningAt);
  const moments: { moment: ReminderMoment; sendAfter: Date }[] = [{ moment: "days-before", sendAfter: daysBefore }];
  const sameDayAsDaysBefore = earlyStart && timing.daysBefore === 1;
  if (!sameDayAsDaysBefore) moments.push({ moment: "morning", sendAfter: morning });
  return moments;
}

/**
 * A reminder is worth writing only if its moment is still ahead by at least the lead: someone
 * booking on the morning two days before just read their confirmation and needs no reminder at
 * 10:00, and no one is reminded of something they booked after the reminder's moment.
 */
export function isWorthWriting(
  reminder: { moment: ReminderMoment; sendAfter: Date },
  now: Date,
  timing: EmailTiming = DEFAULT_EMAIL_TIMING,
): boolean {
  return reminder.sendAfter.getTime() - now.getTime() >= timing.minLeadMinutes[reminder.moment] * MINUTE;
}

/** After the end, by the delay; if that lands in the quiet hours, the next morning instead. */
export function followUpMoment(
  session: Pick<SessionTimes, "endsAt">,
  timing: EmailTiming = DEFAULT_EMAIL_TIMING,
): Date {
  const due = new Date(session.endsAt.getTime() + timing.followUpDelayMinutes * MINUTE);
  const minutes = minutesOfParisDay(due);
  if (minutes >= minutesOf(timing.quietFrom)) return parisTimeOn(due, 1, timing.followUpMorningAt);
  if (minutes < minutesOf(timing.quietUntil)) return parisTimeOn(due, 0, timing.followUpMorningAt);
  return due;
}

/** When the roster of a Paris day (any instant in it) goes to its trainers: the evening before. */
export function rosterMoment(dayInstant: Date, timing: EmailTiming = DEFAULT_EMAIL_TIMING): Date {
  return parisTimeOn(dayInstant, -1, timing.rosterAt);
}
