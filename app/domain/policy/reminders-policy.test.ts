import { describe, expect, test } from "vitest";

import { ANONYMOUS, type Actor } from "./actor";
import { mayStopReminders, type StopLinkHolder } from "./reminders-policy";

const booking = { id: "b1", personId: "p1", remindersWanted: true };

describe("mayStopReminders", () => {
  test("the holder of this booking's stop link, manage link or bookings session may stop its reminders", () => {
    const actors: (Actor | StopLinkHolder)[] = [
      { kind: "stop-reminders-link", bookingId: "b1" },
      { kind: "manage-link", bookingId: "b1" },
      { kind: "resident", personId: "p1", contactEmailNormalized: null },
      { kind: "staff", userId: "u1", roles: ["MEDIATOR"], permissions: ["update:booking:any"] },
    ];
    for (const actor of actors)
      expect(mayStopReminders(actor, { booking })).toEqual({ may: true, alreadyStopped: false });
  });

  test("another booking's link, another person, staff without the permission or an anonymous visitor may not", () => {
    const actors: (Actor | StopLinkHolder)[] = [
      { kind: "stop-reminders-link", bookingId: "b2" },
      { kind: "manage-link", bookingId: "b2" },
      { kind: "resident", personId: "p2", contactEmailNormalized: null },
      { kind: "staff", userId: "u1", roles: ["TRAINER"], permissions: ["read:session:own"] },
      ANONYMOUS,
    ];
    for (const actor of actors) {
      expect(mayStopReminders(actor, { booking })).toEqual({ may: false, reason: "NOT_ALLOWED" });
    }
  });

  test("stopping twice is allowed and says so (a mail provider may post the one-click link more than once)", () => {
    const stopped = { ...booking, remindersWanted: false };
    expect(mayStopReminders({ kind: "stop-reminders-link", bookingId: "b1" }, { booking: stopped })).toEqual({
      may: true,
      alreadyStopped: true,
    });
  });
});
