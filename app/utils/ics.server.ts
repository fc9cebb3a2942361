// RFC 5545 text for "Ajouter à mon agenda". Written by hand rather than with the `ics` package:
// that package folds lines every 75 characters, while the RFC counts 75 octets, which French
// accents and Arabic exceed; and a DTSTAMP taken from `now` keeps the output testable.

export type CalendarEvent = {
  /** Stable per booking, so importing the file twice updates one event instead of adding two. */
  uid: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location?: string | null;
  description?: string | null;
  url?: string | null;
  /** A cancelled booking is published as a cancelled event, so a calendar that has it crosses it out. */
  cancelled?: boolean;
  /**
   * SEQUENCE: a calendar holding this UID applies the file only if this is higher than what it
   * has, so it grows with every change of the booking or its session (domain calendarSequence).
   */
  sequence: number;
  /** DTSTAMP: when this version of the event was produced. */
  now: Date;
  /** Reminders the calendar shows before the event (VALARM); a cancelled event gets none. */
  alarms?: readonly CalendarAlarm[];
  /**
   * PUBLISH (default) for the manage page's download; an email invitation is REQUEST, its
   * cancellation CANCEL (RFC 5546), which need an ORGANIZER (and the invited ATTENDEE).
   */
  method?: CalendarMethod;
  organizer?: { name: string; email: string } | null;
  attendee?: { name: string; email: string } | null;
};

export type CalendarMethod = "PUBLISH" | "REQUEST" | "CANCEL";

/** A VALARM with ACTION:DISPLAY: the phone shows `description` at `before` the start. */
export type CalendarAlarm = {
  /** An RFC 5545 negative duration before DTSTART: "-P1D", "-PT2H". */
  before: `-P${string}`;
  description: string;
};

/** "-P1D", "-PT2H", "-P1DT12H", "-PT30M", "-P1W": RFC 5545 §3.3.6, before the start. */
const NEGATIVE_DURATION = /^-P(\d+W|\d+D|(\d+D)?T\d+[HMS](\d+[MS])?(\d+S)?)$/;

/** The VALARM lines of one reminder (RFC 5545 §3.6.6: ACTION, TRIGGER and DESCRIPTION). */
export function alarmLines(alarm: CalendarAlarm): string[] {
  if (!NEGATIVE_DURATION.test(alarm.before)) throw new Error(`not an RFC 5545 duration: ${alarm.before}`);
  return [
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    `TRIGGER;RELATED=START:${alarm.before}`,
    `DESCRIPTION:${escapeIcsText(alarm.description)}`,
    "END:VALARM",
  ];
}

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;
const PRODUCT_ID = "-//Passerelle//Ateliers numeriques//FR";

/** 20260303T130000Z: UTC, so no VTIMEZONE is needed and every calendar shows Paris time right. */
export function formatIcsDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line into chunks of at most 75 octets, never splitting a UTF-8 character. */
export function foldIcsLine(line: string): string {
  const encoder = new TextEncoder();
  const chunks: string[] = [];
  let current = "";
  let currentOctets = 0;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = chunks.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (currentOctets + octets > limit) {
      chunks.push(current);
      current = "";
      currentOctets = 0;
    }
    current += char;
    currentOctets += octets;
  }
  chunks.push(current);
  return chunks.join(`${CRLF} `);
}

/** A parameter value in double quotes (RFC 5545 §3.1: no DQUOTE or control character inside). */
function quoteParam(value: string): string {
  return `"${value.replace(/["\r\n\t]/g, " ")}"`;
}

/** A one-event calendar, METHOD:PUBLISH (an announcement to import, not an invitation to answer). */
export function buildCalendar(event: CalendarEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODUCT_ID}`,
    "CALSCALE:GREGORIAN",
    `METHOD:${event.method ?? "PUBLISH"}`,
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${formatIcsDate(event.now)}`,
    `DTSTART:${formatIcsDate(event.startsAt)}`,
    `DTEND:${formatIcsDate(event.endsAt)}`,
    `SUMMARY:${escapeIcsText(event.title)}`,
    event.location ? `LOCATION:${escapeIcsText(event.location)}` : null,
    event.description ? `DESCRIPTION:${escapeIcsText(event.description)}` : null,
    event.url ? `URL:${event.url}` : null,
    event.organizer ? `ORGANIZER;CN=${quoteParam(event.organizer.name)}:mailto:${event.organizer.email}` : null,
    event.attendee ? `ATTENDEE;CN=${quoteParam(event.attendee.name)};RSVP=FALSE:mailto:${event.attendee.email}` : null,
    `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    `SEQUENCE:${event.sequence}`,
    "TRANSP:OPAQUE",
    ...(event.cancelled ? [] : (event.alarms ?? []).flatMap(alarmLines)),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines
    .filter((line): line is string => line !== null)
    .map(foldIcsLine)
    .join(CRLF)
    .concat(CRLF);
}

/**
 * Several events in one file (a course's dates): the VEVENT blocks of one-event calendars under
 * one VCALENDAR, so each event is written exactly as a single booking's file writes it.
 */
export function buildCalendarOfEvents(events: readonly CalendarEvent[]): string {
  if (events.length === 0) throw new Error("A calendar file needs at least one event");
  const files = events.map(buildCalendar);
  const blocks = files.map((file) => file.slice(file.indexOf("BEGIN:VEVENT"), file.lastIndexOf("END:VCALENDAR")));
  const first = files[0];
  return first.slice(0, first.indexOf("BEGIN:VEVENT")) + blocks.join("") + `END:VCALENDAR${CRLF}`;
}
