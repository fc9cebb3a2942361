import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";

import { PARIS_TIME_ZONE } from "~/domain/time/paris";

import {
  buildCalendar,
  buildCalendarOfEvents,
  escapeIcsText,
  foldIcsLine,
  formatIcsDate,
  type CalendarEvent,
} from "./ics.server";

/** The instant of a Paris wall-clock time, as staff enter it and the database stores it (tests run with TZ=UTC). */
function inParis(year: number, month: number, day: number, hours: number, minutes = 0): Date {
  return new Date(new TZDate(year, month - 1, day, hours, minutes, PARIS_TIME_ZONE).getTime());
}

const winter: CalendarEvent = {
  uid: "booking-abc123@passerelle",
  title: "Premiers pas sur la tablette",
  // Tuesday 3 March 2026, 14:00–16:00 in Paris.
  startsAt: inParis(2026, 3, 3, 14),
  endsAt: inParis(2026, 3, 3, 16),
  location: "Tiers-lieu de Montolieu, 2 rue de la Mairie, 11170 Montolieu",
  description: "Apportez votre tablette; une tablette peut vous être prêtée.",
  url: "https://passerelle.example/reservation/tok",
  now: new Date("2026-02-20T09:30:00Z"),
  sequence: 0,
};

/** Unfolds continuation lines (RFC 5545 §3.1) and splits into content lines. */
function contentLines(ics: string): string[] {
  return ics.replace(/\r\n /g, "").split("\r\n").filter(Boolean);
}

function property(ics: string, name: string): string | undefined {
  return contentLines(ics)
    .find((line) => line.startsWith(`${name}:`))
    ?.slice(name.length + 1);
}

describe("buildCalendar", () => {
  it("publishes one event, a winter session at 14 h in Paris being 13:00 UTC", () => {
    const ics = buildCalendar(winter);
    const lines = contentLines(ics);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(property(ics, "VERSION")).toBe("2.0");
    expect(property(ics, "METHOD")).toBe("PUBLISH");
    expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(1);
    expect(property(ics, "DTSTART")).toBe("20260303T130000Z");
    expect(property(ics, "DTEND")).toBe("20260303T150000Z");
    expect(property(ics, "DTSTAMP")).toBe("20260220T093000Z");
    expect(property(ics, "SUMMARY")).toBe("Premiers pas sur la tablette");
    expect(property(ics, "STATUS")).toBe("CONFIRMED");
    expect(property(ics, "SEQUENCE")).toBe("0");
  });

  it("puts a summer session at 14 h in Paris at 12:00 UTC (summer time, UTC+2)", () => {
    // Tuesday 7 July 2026, 14:00–16:30 in Paris.
    const ics = buildCalendar({ ...winter, startsAt: inParis(2026, 7, 7, 14), endsAt: inParis(2026, 7, 7, 16, 30) });
    expect(property(ics, "DTSTART")).toBe("20260707T120000Z");
    expect(property(ics, "DTEND")).toBe("20260707T143000Z");
    expect(ics).not.toContain("TZID");
  });

  it("gives the same UID for the same booking, whatever the day it is downloaded", () => {
    const first = buildCalendar(winter);
    const later = buildCalendar({ ...winter, now: new Date("2026-03-01T18:00:00Z") });
    expect(property(first, "UID")).toBe("booking-abc123@passerelle");
    expect(property(later, "UID")).toBe(property(first, "UID"));
  });

  it("puts the address in LOCATION, escaping commas and semicolons", () => {
    const ics = buildCalendar(winter);
    expect(property(ics, "LOCATION")).toBe("Tiers-lieu de Montolieu\\, 2 rue de la Mairie\\, 11170 Montolieu");
    expect(property(ics, "DESCRIPTION")).toBe("Apportez votre tablette\\; une tablette peut vous être prêtée.");
    expect(property(ics, "URL")).toBe("https://passerelle.example/reservation/tok");
  });

  it("marks a cancelled booking as a cancelled event", () => {
    const ics = buildCalendar({ ...winter, cancelled: true, sequence: 1 });
    expect(property(ics, "STATUS")).toBe("CANCELLED");
  });

  it("writes the sequence it is given: it is the booking's and its session's, not the file's", () => {
    expect(property(buildCalendar({ ...winter, sequence: 7 }), "SEQUENCE")).toBe("7");
    expect(property(buildCalendar({ ...winter, cancelled: true, sequence: 3 }), "SEQUENCE")).toBe("3");
  });

  it("leaves out empty optional properties", () => {
    const ics = buildCalendar({ ...winter, location: null, description: "", url: undefined });
    expect(ics).not.toMatch(/^(LOCATION|DESCRIPTION|URL):/m);
  });

  it("ends every line with CRLF and no line is longer than 75 octets", () => {
    const ics = buildCalendar({ ...winter, description: "Atelier « tablette » à Montolieu. ".repeat(12) });
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n")) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    }
  });
});

describe("foldIcsLine", () => {
  it("leaves a short line alone", () => {
    expect(foldIcsLine("SUMMARY:Atelier")).toBe("SUMMARY:Atelier");
  });

  it("folds by octets and never splits a character, even one of two UTF-16 units", () => {
    // Arabic letters are 2 octets, the phone emoji 4 octets in 2 UTF-16 units; the leading "x"s
    // move the fold points so that some fall in the middle of every kind of character.
    for (const shift of ["", "x", "xx", "xxx"]) {
      const line = `SUMMARY:${shift}${"ورشة ".repeat(8)}${"📱".repeat(40)}`;
      const folded = foldIcsLine(line);
      const parts = folded.split("\r\n");
      expect(parts.length).toBeGreaterThan(2);
      for (const part of parts) {
        expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
        // Half a character does not survive a trip through UTF-8 (it comes back as U+FFFD).
        expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part);
      }
      parts.slice(1).forEach((part) => expect(part.startsWith(" ")).toBe(true));
      expect(folded.replace(/\r\n /g, "")).toBe(line);
    }
  });
});

describe("formatIcsDate and escapeIcsText", () => {
  it("drops separators and milliseconds", () => {
    expect(formatIcsDate(new Date("2026-10-26T13:05:09.123Z"))).toBe("20261026T130509Z");
  });

  it("escapes backslashes and new lines", () => {
    expect(escapeIcsText("a\\b\nc")).toBe("a\\\\b\\nc");
  });
});

describe("reminder alarms (VALARM)", () => {
  const reminders: CalendarEvent["alarms"] = [
    { before: "-P1D", description: "Rappel : atelier demain, « Premiers pas sur la tablette »" },
    { before: "-PT2H", description: "تذكير: ورشتكم بعد ساعتين، في تيرس-ليو مونتوليو، 2 شارع البلدية" },
  ];

  /** The lines between each BEGIN:VALARM and its END:VALARM, unfolded. */
  function alarmsOf(ics: string): string[][] {
    const lines = contentLines(ics);
    const alarms: string[][] = [];
    lines.forEach((line, i) => {
      if (line === "BEGIN:VALARM") alarms.push(lines.slice(i + 1, lines.indexOf("END:VALARM", i)));
    });
    return alarms;
  }

  it("shows a message the day before and two hours before, inside the event", () => {
    const ics = buildCalendar({ ...winter, alarms: reminders });
    const lines = contentLines(ics);
    expect(lines.indexOf("BEGIN:VALARM")).toBeGreaterThan(lines.indexOf("BEGIN:VEVENT"));
    expect(lines.lastIndexOf("END:VALARM")).toBeLessThan(lines.indexOf("END:VEVENT"));
    expect(alarmsOf(ics)).toEqual([
      [
        "ACTION:DISPLAY",
        "TRIGGER;RELATED=START:-P1D",
        "DESCRIPTION:Rappel : atelier demain\\, « Premiers pas sur la tablette »",
      ],
      [
        "ACTION:DISPLAY",
        "TRIGGER;RELATED=START:-PT2H",
        "DESCRIPTION:تذكير: ورشتكم بعد ساعتين، في تيرس-ليو مونتوليو، 2 شارع البلدية",
      ],
    ]);
  });

  it("folds a long Arabic description by octets and ends every line with CRLF", () => {
    const ics = buildCalendar({ ...winter, alarms: reminders });
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const raw = ics.split("\r\n");
    const start = raw.findIndex((line) => line.startsWith("DESCRIPTION:تذكير"));
    expect(raw[start + 1].startsWith(" ")).toBe(true);
    for (const line of raw) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  });

  it("gives a cancelled event no alarm: nobody is called to a closed door", () => {
    expect(buildCalendar({ ...winter, alarms: reminders, cancelled: true })).not.toContain("VALARM");
  });

  it("refuses a trigger that is not a duration before the start", () => {
    for (const before of ["-P", "-PT", "-P2H", "-PT2D"] as const) {
      expect(() => buildCalendar({ ...winter, alarms: [{ before, description: "x" }] })).toThrow(/duration/);
    }
    expect(() => buildCalendar({ ...winter, alarms: [{ before: "-P1DT12H", description: "x" }] })).not.toThrow();
  });
});

describe("calendar methods for emails", () => {
  const organizer = { name: "Passerelle", email: "ne-pas-repondre@passerelle.example" };
  const attendee = { name: "Odette Martin", email: "odette@example.org" };

  it("an invitation is METHOD:REQUEST with its organiser and the person invited", () => {
    const ics = buildCalendar({ ...winter, method: "REQUEST", organizer, attendee });
    expect(property(ics, "METHOD")).toBe("REQUEST");
    const lines = contentLines(ics);
    expect(lines).toContain('ORGANIZER;CN="Passerelle":mailto:ne-pas-repondre@passerelle.example');
    expect(lines).toContain('ATTENDEE;CN="Odette Martin";RSVP=FALSE:mailto:odette@example.org');
  });

  it("a cancellation is METHOD:CANCEL with STATUS:CANCELLED; the default stays PUBLISH", () => {
    const ics = buildCalendar({ ...winter, method: "CANCEL", cancelled: true, sequence: 2 });
    expect(property(ics, "METHOD")).toBe("CANCEL");
    expect(property(ics, "STATUS")).toBe("CANCELLED");
    expect(property(buildCalendar(winter), "METHOD")).toBe("PUBLISH");
  });

  it("a course's dates are several events in one calendar, each with its own UID", () => {
    const second = { ...winter, uid: "booking-def456@passerelle", startsAt: new Date("2026-03-10T13:00:00Z") };
    const ics = buildCalendarOfEvents([
      { ...winter, method: "REQUEST" },
      { ...second, method: "REQUEST" },
    ]);
    const lines = contentLines(ics);
    expect(lines.filter((line) => line === "BEGIN:VCALENDAR")).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith("UID:"))).toEqual([
      "UID:booking-abc123@passerelle",
      "UID:booking-def456@passerelle",
    ]);
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(property(ics, "METHOD")).toBe("REQUEST");
  });
});
