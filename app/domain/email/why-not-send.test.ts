import { describe, expect, test } from "vitest";

import { whyNotSend, type MailKind, type SendFacts } from "./why-not-send";

const HOUR = 60 * 60 * 1000;
const NOW = new Date("2026-12-01T09:00:00Z");
const STARTS = new Date(NOW.getTime() + 48 * HOUR);

function facts(overrides: Partial<SendFacts> = {}): SendFacts {
  return {
    person: { gone: false, helperReceivesReminders: true },
    booking: { status: "CONFIRMED", remindersWanted: true },
    session: { status: "SCHEDULED", startsAt: STARTS, endsAt: new Date(STARTS.getTime() + 2 * HOUR), deleted: false },
    reminder: { writtenForStartsAt: STARTS, toHelper: false },
    attendanceMarked: true,
    ...overrides,
  };
}

const cancelledSession = { status: "CANCELLED" as const, startsAt: STARTS, endsAt: STARTS, deleted: false };

describe("whyNotSend", () => {
  test("an email about a booking still on is sent", () => {
    for (const kind of ["booking-confirmed", "booking-promoted", "session-moved", "reminder"] as const) {
      expect(whyNotSend(kind, facts(), NOW)).toBeNull();
    }
  });

  test("a cancelled booking stops every email but its own cancellation (and the session's)", () => {
    const cancelled = facts({ booking: { status: "CANCELLED", remindersWanted: true } });
    for (const kind of ["booking-confirmed", "booking-promoted", "reminder", "session-moved", "follow-up"] as const) {
      expect(whyNotSend(kind, cancelled, NOW)).toBe("booking cancelled");
    }
    expect(whyNotSend("booking-cancelled", cancelled, NOW)).toBeNull();
    expect(whyNotSend("session-cancelled", { ...cancelled, session: cancelledSession }, NOW)).toBeNull();
  });

  test("a cancelled session stops everything but the session-cancelled email", () => {
    const withCancelledSession = facts({ session: cancelledSession });
    for (const kind of ["booking-confirmed", "reminder", "session-moved", "booking-cancelled"] as const) {
      expect(whyNotSend(kind, withCancelledSession, NOW)).toBe("session cancelled");
    }
    expect(whyNotSend("session-cancelled", withCancelledSession, NOW)).toBeNull();
    expect(whyNotSend("session-cancelled", facts(), NOW)).toBe("session not cancelled");
  });

  test("a reminder written for another start time is dropped: the session moved since", () => {
    const moved = facts({ reminder: { writtenForStartsAt: new Date(STARTS.getTime() - HOUR), toHelper: false } });
    expect(whyNotSend("reminder", moved, NOW)).toBe("session moved");
  });

  test("a reminder due once the session has started is dropped, to the second", () => {
    expect(whyNotSend("reminder", facts(), STARTS)).toBe("session started");
    expect(whyNotSend("reminder", facts(), new Date(STARTS.getTime() - 1000))).toBeNull();
  });

  test("a reminder goes only to a confirmed booking whose reminders are wanted", () => {
    expect(whyNotSend("reminder", facts({ booking: { status: "WAITLISTED", remindersWanted: true } }), NOW)).toBe(
      "not confirmed",
    );
    expect(whyNotSend("reminder", facts({ booking: { status: "CONFIRMED", remindersWanted: false } }), NOW)).toBe(
      "reminders stopped",
    );
  });

  test("the relative's copy of a reminder needs the person's agreement now, not only when it was written", () => {
    const helperCopy = { writtenForStartsAt: STARTS, toHelper: true };
    expect(whyNotSend("reminder", facts({ reminder: helperCopy }), NOW)).toBeNull();
    const withdrawn = facts({ reminder: helperCopy, person: { gone: false, helperReceivesReminders: false } });
    expect(whyNotSend("reminder", withdrawn, NOW)).toBe("helper copy not wanted");
  });

  test("an anonymised or deleted person gets nothing, whatever the kind", () => {
    const kinds: MailKind[] = ["booking-confirmed", "booking-refused", "bookings-link", "follow-up"];
    for (const kind of kinds) {
      expect(whyNotSend(kind, facts({ person: { gone: true } }), NOW)).toBe("person gone");
      expect(whyNotSend(kind, facts({ person: null }), NOW)).toBe("person gone");
    }
  });

  test("a follow-up needs the attendance marked", () => {
    const after = new Date(STARTS.getTime() + 3 * HOUR);
    expect(whyNotSend("follow-up", facts({ attendanceMarked: false }), after)).toBe("no attendance marked");
    expect(whyNotSend("follow-up", facts(), after)).toBeNull();
  });

  test("news about a session that is over is not sent", () => {
    const after = new Date(STARTS.getTime() + 3 * HOUR);
    expect(whyNotSend("booking-confirmed", facts(), after)).toBe("session over");
    expect(whyNotSend("session-moved", facts(), after)).toBe("session over");
  });

  test("a missing booking or a deleted session drops a booking email", () => {
    expect(whyNotSend("booking-confirmed", facts({ booking: null }), NOW)).toBe("booking not found");
    const deleted = facts({ session: { ...cancelledSession, status: "SCHEDULED", deleted: true } });
    expect(whyNotSend("reminder", deleted, NOW)).toBe("booking not found");
  });

  test("a bookings link is sent only while its access token is unused and unexpired", () => {
    const link = (expiresAt: Date, usedAt: Date | null = null) => facts({ accessLink: { expiresAt, usedAt } });
    expect(whyNotSend("bookings-link", link(new Date(NOW.getTime() + HOUR)), NOW)).toBeNull();
    expect(whyNotSend("bookings-link", link(NOW), NOW)).toBe("link expired");
    expect(whyNotSend("bookings-link", link(new Date(NOW.getTime() + HOUR), NOW), NOW)).toBe("link expired");
    expect(whyNotSend("bookings-link", facts({ accessLink: null }), NOW)).toBe("link expired");
  });

  test("a trainer roster needs an active trainer with sessions that day", () => {
    expect(whyNotSend("trainer-roster", facts({ trainer: { active: true, sessionsThatDay: 2 } }), NOW)).toBeNull();
    expect(whyNotSend("trainer-roster", facts({ trainer: { active: false, sessionsThatDay: 2 } }), NOW)).toBe(
      "trainer gone",
    );
    expect(whyNotSend("trainer-roster", facts({ trainer: { active: true, sessionsThatDay: 0 } }), NOW)).toBe(
      "no session that day",
    );
  });

  test("a staff password reset is sent only while its link works and the account is open", () => {
    const reset = (expiresAt: Date, usedAt: Date | null = null, accountActive = true) =>
      facts({ person: undefined, passwordReset: { expiresAt, usedAt, accountActive } });
    const later = new Date(NOW.getTime() + HOUR);
    expect(whyNotSend("staff-password-reset", reset(later), NOW)).toBeNull();
    expect(whyNotSend("staff-password-reset", reset(NOW), NOW)).toBe("link expired");
    expect(whyNotSend("staff-password-reset", reset(later, NOW), NOW)).toBe("link expired");
    expect(whyNotSend("staff-password-reset", reset(later, null, false), NOW)).toBe("account closed");
    expect(whyNotSend("staff-password-reset", facts({ person: undefined, passwordReset: null }), NOW)).toBe(
      "account closed",
    );
  });
});
