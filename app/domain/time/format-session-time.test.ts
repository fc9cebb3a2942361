import { describe, expect, it } from "vitest";
import { formatDateLong, formatSessionTime } from "./format-session-time";

// Tests run with TZ=UTC: every expectation below is Paris time read from UTC instants.
const utc = (iso: string) => new Date(`${iso}Z`);
/** The phrases below are written with plain spaces; where the no-break ones go is tested apart. */
const spaced = (text: string) => text.replace(/\u00a0/g, " ");

// Winter (UTC+1): Tuesday 3 March 2026, 14:00–16:00 in Paris.
const winterStart = utc("2026-03-03T13:00:00");
const winterEnd = utc("2026-03-03T15:00:00");
// Summer (UTC+2), the Monday after the spring change of Sunday 29 March: 14:00–16:00 in Paris.
const summerStart = utc("2026-03-30T12:00:00");
const summerEnd = utc("2026-03-30T14:00:00");
// Back to winter, the Monday after the autumn change of Sunday 25 October.
const autumnStart = utc("2026-10-26T13:00:00");
const autumnEnd = utc("2026-10-26T15:00:00");

describe("formatSessionTime, French", () => {
  it("writes whole hours without minutes", () => {
    expect(spaced(formatSessionTime(winterStart, winterEnd, "fr"))).toBe("mardi 3 mars, de 14 h à 16 h");
  });

  it("adds minutes only when they are not zero", () => {
    expect(spaced(formatSessionTime(utc("2026-03-03T08:30:00"), utc("2026-03-03T10:00:00"), "fr"))).toBe(
      "mardi 3 mars, de 9 h 30 à 11 h",
    );
    expect(spaced(formatSessionTime(utc("2026-03-03T08:05:00"), utc("2026-03-03T10:45:00"), "fr"))).toBe(
      "mardi 3 mars, de 9 h 05 à 11 h 45",
    );
  });

  it("shows the same Paris hours on either side of the spring change", () => {
    expect(spaced(formatSessionTime(summerStart, summerEnd, "fr"))).toBe("lundi 30 mars, de 14 h à 16 h");
  });

  it("shows the same Paris hours on either side of the autumn change", () => {
    expect(spaced(formatSessionTime(utc("2026-10-24T12:00:00"), utc("2026-10-24T14:00:00"), "fr"))).toBe(
      "samedi 24 octobre, de 14 h à 16 h",
    );
    expect(spaced(formatSessionTime(autumnStart, autumnEnd, "fr"))).toBe("lundi 26 octobre, de 14 h à 16 h");
  });

  it("writes the first of the month as 1er", () => {
    expect(spaced(formatSessionTime(utc("2026-04-01T12:00:00"), utc("2026-04-01T14:00:00"), "fr"))).toBe(
      "mercredi 1er avril, de 14 h à 16 h",
    );
  });

  it("uses the Paris day, not the UTC day, late in the evening", () => {
    // 23:30 UTC on 2 March is 00:30 on 3 March in Paris.
    expect(spaced(formatSessionTime(utc("2026-03-02T23:30:00"), utc("2026-03-03T00:30:00"), "fr"))).toBe(
      "mardi 3 mars, de 0 h 30 à 1 h 30",
    );
  });

  it("names both days if a session runs past midnight", () => {
    expect(spaced(formatSessionTime(utc("2026-03-03T21:00:00"), utc("2026-03-04T00:00:00"), "fr"))).toBe(
      "mardi 3 mars, 22 h – mercredi 4 mars, 1 h",
    );
  });
});

describe("formatSessionTime, English", () => {
  it("writes hours on a 12-hour clock", () => {
    expect(spaced(formatSessionTime(winterStart, winterEnd, "en"))).toBe("Tuesday 3 March, 2 pm to 4 pm");
  });

  it("adds minutes only when they are not zero", () => {
    expect(spaced(formatSessionTime(utc("2026-03-03T13:30:00"), winterEnd, "en"))).toBe(
      "Tuesday 3 March, 2:30 pm to 4 pm",
    );
    expect(spaced(formatSessionTime(utc("2026-03-03T08:30:00"), utc("2026-03-03T11:00:00"), "en"))).toBe(
      "Tuesday 3 March, 9:30 am to 12 pm",
    );
  });

  it("keeps Paris hours in summer", () => {
    expect(spaced(formatSessionTime(summerStart, summerEnd, "en"))).toBe("Monday 30 March, 2 pm to 4 pm");
    expect(spaced(formatSessionTime(autumnStart, autumnEnd, "en"))).toBe("Monday 26 October, 2 pm to 4 pm");
  });
});

describe("formatSessionTime, Spanish", () => {
  it("writes a 24-hour clock with minutes", () => {
    expect(spaced(formatSessionTime(winterStart, winterEnd, "es"))).toBe("martes 3 de marzo, de 14:00 a 16:00");
    expect(spaced(formatSessionTime(utc("2026-03-03T08:30:00"), utc("2026-03-03T10:00:00"), "es"))).toBe(
      "martes 3 de marzo, de 9:30 a 11:00",
    );
  });

  it("keeps Paris hours in summer", () => {
    expect(spaced(formatSessionTime(summerStart, summerEnd, "es"))).toBe("lunes 30 de marzo, de 14:00 a 16:00");
    expect(spaced(formatSessionTime(autumnStart, autumnEnd, "es"))).toBe("lunes 26 de octubre, de 14:00 a 16:00");
  });
});

describe("formatSessionTime, Arabic", () => {
  it("uses Arabic day and month names", () => {
    expect(spaced(formatSessionTime(winterStart, winterEnd, "ar"))).toBe("الثلاثاء 3 مارس، من 14:00 إلى 16:00");
  });

  it("keeps Paris hours in summer", () => {
    expect(spaced(formatSessionTime(summerStart, summerEnd, "ar"))).toBe("الاثنين 30 مارس، من 14:00 إلى 16:00");
  });
});

describe("formatDateLong", () => {
  it("writes the Paris calendar day with its year in each language", () => {
    expect(spaced(formatDateLong(winterStart, "fr"))).toBe("mardi 3 mars 2026");
    expect(spaced(formatDateLong(winterStart, "en"))).toBe("Tuesday 3 March 2026");
    expect(spaced(formatDateLong(winterStart, "es"))).toBe("martes 3 de marzo de 2026");
    expect(spaced(formatDateLong(winterStart, "ar"))).toBe("الثلاثاء 3 مارس 2026");
  });

  it("gives the Paris day for an instant late in the UTC evening", () => {
    expect(spaced(formatDateLong(utc("2026-07-13T22:30:00"), "fr"))).toBe("mardi 14 juillet 2026");
    expect(spaced(formatDateLong(utc("2026-12-31T23:30:00"), "fr"))).toBe("vendredi 1er janvier 2027");
  });
});

describe("no-break spaces", () => {
  it("never breaks a French time or a date inside itself", () => {
    expect(formatSessionTime(utc("2026-03-03T13:00:00"), utc("2026-03-03T14:30:00"), "fr")).toBe(
      "mardi 3\u00a0mars, de\u00a014\u00a0h à\u00a015\u00a0h\u00a030",
    );
  });

  it("keeps an English hour with its am/pm", () => {
    expect(formatSessionTime(utc("2026-03-03T13:00:00"), utc("2026-03-03T14:30:00"), "en")).toBe(
      "Tuesday 3\u00a0March, 2\u00a0pm to\u00a03:30\u00a0pm",
    );
  });
});
