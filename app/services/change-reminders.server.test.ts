import { beforeEach, expect, test } from "vitest";

import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { DAY, NOW, at, createSession, personInput } from "../../tests/fixtures/rows";
import { bookSession } from "./book-session.server";
import { changeReminders } from "./change-reminders.server";

beforeEach(() => resetDatabase());

async function booking(person = personInput()) {
  const session = await createSession({ startsAt: at(2 * DAY) });
  const result = await bookSession({ sessionId: session.id, person, source: "ONLINE", now: NOW });
  if (!result.ok) throw new Error(result.code);
  return result;
}

const wanted = async (bookingId: string) =>
  (await prisma.booking.findUniqueOrThrow({ where: { id: bookingId }, select: { remindersWanted: true } }))
    .remindersWanted;

test("the link's holder stops the reminders of this booking, and restarts them; the person's record is untouched", async () => {
  const booked = await booking();
  const before = await prisma.person.findUniqueOrThrow({ where: { id: booked.personId } });
  const actor = { kind: "manage-link", bookingId: booked.bookingId } as const;

  expect(await changeReminders({ bookingId: booked.bookingId, actor, wanted: false, now: NOW })).toEqual({
    ok: true,
    changed: true,
  });
  expect(await wanted(booked.bookingId)).toBe(false);
  expect(await changeReminders({ bookingId: booked.bookingId, actor, wanted: false, now: NOW })).toEqual({
    ok: true,
    changed: false,
  });
  expect(await changeReminders({ bookingId: booked.bookingId, actor, wanted: true, now: NOW })).toEqual({
    ok: true,
    changed: true,
  });
  expect(await wanted(booked.bookingId)).toBe(true);
  expect(await prisma.person.findUniqueOrThrow({ where: { id: booked.personId } })).toEqual(before);
});

test("another booking's link changes nothing and hears 'not found'; a phone-only booking may stop (its helper's copies) but not restart", async () => {
  const booked = await booking();
  const other = await booking();
  expect(
    await changeReminders({
      bookingId: booked.bookingId,
      actor: { kind: "manage-link", bookingId: other.bookingId },
      wanted: false,
      now: NOW,
    }),
  ).toEqual({ ok: false, code: "NOT_FOUND" });
  expect(await wanted(booked.bookingId)).toBe(true);

  const phoneOnly = await booking(personInput({ email: null, phone: "0611223344" }));
  expect(
    await changeReminders({
      bookingId: phoneOnly.bookingId,
      actor: { kind: "manage-link", bookingId: phoneOnly.bookingId },
      wanted: false,
      now: NOW,
    }),
  ).toEqual({ ok: true, changed: true });
  expect(
    await changeReminders({
      bookingId: phoneOnly.bookingId,
      actor: { kind: "manage-link", bookingId: phoneOnly.bookingId },
      wanted: true,
      now: NOW,
    }),
  ).toEqual({ ok: false, code: "NO_EMAIL" });
  expect(
    await changeReminders({
      bookingId: "nope",
      actor: { kind: "manage-link", bookingId: "nope" },
      wanted: false,
      now: NOW,
    }),
  ).toEqual({ ok: false, code: "NOT_FOUND" });
});
