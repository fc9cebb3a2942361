import { beforeEach, describe, expect, test } from "vitest";

import { prisma } from "~/utils/db.server";
import { manageTokenFor, manageTokenHashFor, newLinkedRowId, stopRemindersTokenFor } from "~/utils/link-tokens.server";

import { resetDatabase } from "../../tests/setup/db";
import { DAY, NOW, at, createSession } from "../../tests/fixtures/rows";
import { readStopLink, REMINDERS_STOPPED, stopRemindersByLink } from "./stop-reminders.server";

beforeEach(() => resetDatabase());

async function bookingWithReminders() {
  const session = await createSession({ startsAt: at(3 * DAY) });
  const person = await prisma.person.create({
    data: { firstName: "Odette", lastName: "Martin", nameKey: "odette martin" },
  });
  const id = newLinkedRowId();
  await prisma.booking.create({
    data: {
      id,
      sessionId: session.id,
      personId: person.id,
      status: "CONFIRMED",
      source: "ONLINE",
      manageTokenHash: manageTokenHashFor(id),
    },
  });
  const reminder = (moment: string, state = "PENDING", bookingId = id) =>
    prisma.outboxEmail.create({
      data: {
        kind: "reminder",
        recipient: "odette@example.org",
        locale: "fr",
        payload: JSON.stringify({ moment, startsAt: session.startsAt.toISOString() }),
        dedupeKey: `${bookingId}:${moment}:${state}`,
        bookingId,
        sendAfter: at(DAY),
        state,
      },
    });
  await reminder("days-before");
  await reminder("morning");
  await reminder("sent-one", "SENT");
  await prisma.outboxEmail.create({
    data: {
      kind: "booking-confirmed",
      recipient: "odette@example.org",
      locale: "fr",
      payload: "{}",
      dedupeKey: `${id}:c`,
      bookingId: id,
      sendAfter: NOW,
    },
  });
  return { id, session };
}

describe("stopRemindersByLink", () => {
  test("turns the booking's reminders off and drops its pending reminder rows, and only those", async () => {
    const { id } = await bookingWithReminders();
    const result = await stopRemindersByLink({ bookingId: id, token: stopRemindersTokenFor(id), now: NOW });
    expect(result).toEqual({ ok: true, alreadyStopped: false, dropped: 2 });

    expect((await prisma.booking.findUniqueOrThrow({ where: { id } })).remindersWanted).toBe(false);
    const rows = await prisma.outboxEmail.findMany({ where: { bookingId: id }, orderBy: { dedupeKey: "asc" } });
    expect(rows.map((r) => [r.kind, r.state, r.dropReason])).toEqual([
      ["booking-confirmed", "PENDING", null],
      ["reminder", "DROPPED", REMINDERS_STOPPED],
      ["reminder", "DROPPED", REMINDERS_STOPPED],
      ["reminder", "SENT", null],
    ]);
    expect(await prisma.auditLog.count({ where: { entityId: id, action: "booking.reminders-stopped" } })).toBe(1);
  });

  test("a second post changes nothing and says the reminders were already stopped", async () => {
    const { id } = await bookingWithReminders();
    await stopRemindersByLink({ bookingId: id, token: stopRemindersTokenFor(id), now: NOW });
    expect(await stopRemindersByLink({ bookingId: id, token: stopRemindersTokenFor(id), now: NOW })).toEqual({
      ok: true,
      alreadyStopped: true,
      dropped: 0,
    });
    expect(await prisma.auditLog.count({ where: { entityId: id } })).toBe(1);
  });

  test("a wrong token — another booking's, the manage token, garbage — stops nothing", async () => {
    const { id } = await bookingWithReminders();
    const other = await bookingWithReminders();
    for (const token of [stopRemindersTokenFor(other.id), manageTokenFor(id), "x", "a".repeat(500), ""]) {
      expect(await stopRemindersByLink({ bookingId: id, token, now: NOW })).toEqual({ ok: false, code: "NOT_FOUND" });
    }
    expect(await stopRemindersByLink({ bookingId: "nope", token: stopRemindersTokenFor("nope") })).toEqual({
      ok: false,
      code: "NOT_FOUND",
    });
    expect((await prisma.booking.findUniqueOrThrow({ where: { id } })).remindersWanted).toBe(true);
    expect(await prisma.outboxEmail.count({ where: { state: "DROPPED" } })).toBe(0);
  });
});

describe("readStopLink", () => {
  test("shows the workshop and time for a good link, nothing for a wrong one", async () => {
    const { id } = await bookingWithReminders();
    expect(await readStopLink(id, stopRemindersTokenFor(id), "fr")).toMatchObject({
      workshopTitle: expect.stringMatching(/^Atelier/),
      remindersWanted: true,
    });
    expect(await readStopLink(id, manageTokenFor(id), "fr")).toBeNull();
  });
});
