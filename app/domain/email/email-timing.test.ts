import { describe, expect, test } from "vitest";

import {
  DEFAULT_EMAIL_TIMING,
  followUpMoment,
  isWorthWriting,
  parseClockTime,
  reminderMoments,
  rosterMoment,
  type EmailTiming,
} from "./email-timing";

// Expected instants are written in UTC by hand, from the offsets: CET = UTC+1, CEST = UTC+2.
// Clocks go forward on the last Sunday of March (2026-03-29, 2027-03-28) and back on the last
// Sunday of October (2026-10-25, 2027-10-31).
const utc = (iso: string) => new Date(iso);

function moments(startsAt: string) {
  return Object.fromEntries(
    reminderMoments({ startsAt: utc(startsAt) }).map((m) => [m.moment, m.sendAfter.toISOString()]),
  );
}

describe("reminders: two days before at 10:00 and on the morning at 08:00, Paris time", () => {
  test.each([
    // A 14:00 workshop around the spring change of 2026 (Sunday 29 March).
    ["Sunday before (22 Mar, CET)", "2026-03-22T13:00:00.000Z", "2026-03-20T09:00:00.000Z", "2026-03-22T07:00:00.000Z"],
    [
      "the Sunday itself (29 Mar, CEST)",
      "2026-03-29T12:00:00.000Z",
      "2026-03-27T09:00:00.000Z",
      "2026-03-29T06:00:00.000Z",
    ],
    [
      "Monday after (30 Mar): reminder before the change",
      "2026-03-30T12:00:00.000Z",
      "2026-03-28T09:00:00.000Z",
      "2026-03-30T06:00:00.000Z",
    ],
    [
      "Tuesday after (31 Mar): reminder on the Sunday",
      "2026-03-31T12:00:00.000Z",
      "2026-03-29T08:00:00.000Z",
      "2026-03-31T06:00:00.000Z",
    ],
    ["Sunday after (5 Apr)", "2026-04-05T12:00:00.000Z", "2026-04-03T08:00:00.000Z", "2026-04-05T06:00:00.000Z"],
    // Around the autumn change of 2026 (Sunday 25 October).
    [
      "Sunday before (18 Oct, CEST)",
      "2026-10-18T12:00:00.000Z",
      "2026-10-16T08:00:00.000Z",
      "2026-10-18T06:00:00.000Z",
    ],
    [
      "the Sunday itself (25 Oct, CET)",
      "2026-10-25T13:00:00.000Z",
      "2026-10-23T08:00:00.000Z",
      "2026-10-25T07:00:00.000Z",
    ],
    [
      "Monday after (26 Oct): reminder before the change",
      "2026-10-26T13:00:00.000Z",
      "2026-10-24T08:00:00.000Z",
      "2026-10-26T07:00:00.000Z",
    ],
    [
      "Tuesday after (27 Oct): reminder on the Sunday",
      "2026-10-27T13:00:00.000Z",
      "2026-10-25T09:00:00.000Z",
      "2026-10-27T07:00:00.000Z",
    ],
    ["Sunday after (1 Nov)", "2026-11-01T13:00:00.000Z", "2026-10-30T09:00:00.000Z", "2026-11-01T07:00:00.000Z"],
    // 2027: 28 March and 31 October.
    ["Sunday before (21 Mar 2027)", "2027-03-21T13:00:00.000Z", "2027-03-19T09:00:00.000Z", "2027-03-21T07:00:00.000Z"],
    [
      "the Sunday itself (28 Mar 2027)",
      "2027-03-28T12:00:00.000Z",
      "2027-03-26T09:00:00.000Z",
      "2027-03-28T06:00:00.000Z",
    ],
    ["Monday after (29 Mar 2027)", "2027-03-29T12:00:00.000Z", "2027-03-27T09:00:00.000Z", "2027-03-29T06:00:00.000Z"],
    ["Tuesday after (30 Mar 2027)", "2027-03-30T12:00:00.000Z", "2027-03-28T08:00:00.000Z", "2027-03-30T06:00:00.000Z"],
    ["Sunday before (24 Oct 2027)", "2027-10-24T12:00:00.000Z", "2027-10-22T08:00:00.000Z", "2027-10-24T06:00:00.000Z"],
    [
      "the Sunday itself (31 Oct 2027)",
      "2027-10-31T13:00:00.000Z",
      "2027-10-29T08:00:00.000Z",
      "2027-10-31T07:00:00.000Z",
    ],
    ["Monday after (1 Nov 2027)", "2027-11-01T13:00:00.000Z", "2027-10-30T08:00:00.000Z", "2027-11-01T07:00:00.000Z"],
    ["Tuesday after (2 Nov 2027)", "2027-11-02T13:00:00.000Z", "2027-10-31T09:00:00.000Z", "2027-11-02T07:00:00.000Z"],
    ["Sunday after (7 Nov 2027)", "2027-11-07T13:00:00.000Z", "2027-11-05T09:00:00.000Z", "2027-11-07T07:00:00.000Z"],
  ])("%s", (_label, startsAt, daysBefore, morning) => {
    expect(moments(startsAt)).toEqual({ "days-before": daysBefore, morning });
  });

  test("a workshop starting before 09:30 gets its day-of reminder the evening before at 18:00", () => {
    // 09:00 on the spring Sunday (CEST): the evening before is still CET.
    expect(moments("2026-03-29T07:00:00.000Z")).toEqual({
      "days-before": "2026-03-27T09:00:00.000Z",
      morning: "2026-03-28T17:00:00.000Z",
    });
    // 09:00 on the autumn Sunday (CET): the evening before is still CEST.
    expect(moments("2026-10-25T08:00:00.000Z")).toEqual({
      "days-before": "2026-10-23T08:00:00.000Z",
      morning: "2026-10-24T16:00:00.000Z",
    });
    // 09:30 is late enough for the 08:00 email.
    expect(moments("2026-10-25T08:30:00.000Z").morning).toBe("2026-10-25T07:00:00.000Z");
  });

  test("one day before and an early start: the evening-before email would be the same day as the first, so it is left out", () => {
    const timing: EmailTiming = { ...DEFAULT_EMAIL_TIMING, daysBefore: 1 };
    expect(reminderMoments({ startsAt: utc("2026-12-10T08:00:00.000Z") }, timing).map((m) => m.moment)).toEqual([
      "days-before",
    ]);
    expect(reminderMoments({ startsAt: utc("2026-12-10T13:00:00.000Z") }, timing)).toEqual([
      { moment: "days-before", sendAfter: utc("2026-12-09T09:00:00.000Z") },
      { moment: "morning", sendAfter: utc("2026-12-10T07:00:00.000Z") },
    ]);
  });

  test("configured days and hours are Paris hours", () => {
    const timing: EmailTiming = {
      ...DEFAULT_EMAIL_TIMING,
      daysBefore: 3,
      daysBeforeAt: { hour: 17, minute: 30 },
      morningAt: { hour: 7, minute: 15 },
    };
    // Thursday 1 April 2027 at 14:00 CEST: three days before is Monday 29 March (CEST).
    expect(reminderMoments({ startsAt: utc("2027-04-01T12:00:00.000Z") }, timing)).toEqual([
      { moment: "days-before", sendAfter: utc("2027-03-29T15:30:00.000Z") },
      { moment: "morning", sendAfter: utc("2027-04-01T05:15:00.000Z") },
    ]);
  });
});

describe("a reminder is written only if its moment is still far enough ahead", () => {
  const daysBefore = { moment: "days-before" as const, sendAfter: utc("2026-03-28T09:00:00.000Z") };
  const morning = { moment: "morning" as const, sendAfter: utc("2026-03-30T06:00:00.000Z") };

  test("the days-before reminder needs 12 hours: booked 12 h before it, yes; a minute later, no", () => {
    expect(isWorthWriting(daysBefore, utc("2026-03-27T21:00:00.000Z"))).toBe(true);
    expect(isWorthWriting(daysBefore, utc("2026-03-27T21:01:00.000Z"))).toBe(false);
  });

  test("booked after the moment: no reminder", () => {
    expect(isWorthWriting(daysBefore, utc("2026-03-28T09:00:01.000Z"))).toBe(false);
    expect(isWorthWriting(morning, utc("2026-03-30T06:30:00.000Z"))).toBe(false);
  });

  test("the morning reminder needs an hour", () => {
    expect(isWorthWriting(morning, utc("2026-03-30T05:00:00.000Z"))).toBe(true);
    expect(isWorthWriting(morning, utc("2026-03-30T05:01:00.000Z"))).toBe(false);
  });
});

describe("follow-up: three hours after the end, never at night", () => {
  test("an afternoon workshop: three hours after its end", () => {
    // Ends 16:00 CEST on the spring Sunday: 19:00 CEST.
    expect(followUpMoment({ endsAt: utc("2026-03-29T14:00:00.000Z") })).toEqual(utc("2026-03-29T17:00:00.000Z"));
  });

  test("ending late: 10:00 the next morning, in that morning's offset", () => {
    // Ends 20:00 CEST on Saturday 24 October 2026: 23:00 is quiet, so Sunday 10:00 CET.
    expect(followUpMoment({ endsAt: utc("2026-10-24T18:00:00.000Z") })).toEqual(utc("2026-10-25T09:00:00.000Z"));
    // Ends 17:00 CET on Saturday 28 March 2026: 20:00 is quiet, so Sunday 10:00 CEST.
    expect(followUpMoment({ endsAt: utc("2026-03-28T16:00:00.000Z") })).toEqual(utc("2026-03-29T08:00:00.000Z"));
  });

  test("landing before 09:00: 10:00 the same day", () => {
    // Ends 05:00 CET on 2 December: 08:00 is still quiet.
    expect(followUpMoment({ endsAt: utc("2026-12-02T04:00:00.000Z") })).toEqual(utc("2026-12-02T09:00:00.000Z"));
  });
});

describe("trainer roster: the evening before at 18:00", () => {
  test.each([
    ["Sunday 29 March 2026 (evening before in CET)", "2026-03-29T10:00:00.000Z", "2026-03-28T17:00:00.000Z"],
    ["Monday 30 March 2026 (evening before in CEST)", "2026-03-30T10:00:00.000Z", "2026-03-29T16:00:00.000Z"],
    ["Sunday 25 October 2026 (evening before in CEST)", "2026-10-25T10:00:00.000Z", "2026-10-24T16:00:00.000Z"],
    ["Monday 26 October 2026 (evening before in CET)", "2026-10-26T10:00:00.000Z", "2026-10-25T17:00:00.000Z"],
    ["a day read from just after Paris midnight", "2026-12-02T23:30:00.000Z", "2026-12-02T17:00:00.000Z"],
  ])("%s", (_label, day, expected) => {
    expect(rosterMoment(utc(day))).toEqual(utc(expected));
  });
});

test("clock times from the environment", () => {
  expect(parseClockTime("10:00")).toEqual({ hour: 10, minute: 0 });
  expect(parseClockTime("8")).toEqual({ hour: 8, minute: 0 });
  expect(parseClockTime(" 7:45 ")).toEqual({ hour: 7, minute: 45 });
  expect(parseClockTime("24:00")).toBeNull();
  expect(parseClockTime("10h")).toBeNull();
  expect(parseClockTime("10:60")).toBeNull();
});
