import { beforeEach, describe, expect, test } from "vitest";

import type { Actor } from "~/domain/policy/actor";
import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { createCourse, createPlace, createSession, personInput } from "../../tests/fixtures/rows";
import { bookSession } from "./book-session.server";
import { syncScheduledEmails } from "./booking-schedule.server";
import { cancelBooking } from "./cancel-booking.server";
import { enrolInCourse } from "./enrol-in-course.server";
import { runTransaction } from "./transaction.server";

beforeEach(() => resetDatabase());

// Booked on Tuesday 1 December 2026 for Tuesday 15 December, 14:00–16:00 in Paris (CET).
const BOOKED_AT = new Date("2026-12-01T09:00:00.000Z");
const STARTS_AT = new Date("2026-12-15T13:00:00.000Z");
const DAYS_BEFORE = "2026-12-13T09:00:00.000Z"; // Sunday 13, 10:00
const MORNING = "2026-12-15T07:00:00.000Z"; // Tuesday 15, 08:00
const FOLLOW_UP = "2026-12-15T18:00:00.000Z"; // 19:00, three hours after the end

const holder = (bookingId: string): Actor => ({ kind: "manage-link", bookingId });

async function scheduledRows(bookingId?: string) {
  const rows = await prisma.outboxEmail.findMany({
    where: { kind: { in: ["reminder", "follow-up"] }, ...(bookingId ? { bookingId } : {}) },
    orderBy: [{ sendAfter: "asc" }, { recipient: "asc" }],
    select: {
      kind: true,
      recipient: true,
      locale: true,
      state: true,
      dropReason: true,
      sendAfter: true,
      payload: true,
      bookingId: true,
      sessionId: true,
    },
  });
  return rows.map((row) => ({ ...row, sendAfter: row.sendAfter.toISOString(), payload: JSON.parse(row.payload) }));
}

/**
 * The booking's contact, as the booking form gives it (Booking.contactEmail). The "contact" part
 * of issue 8 fills it inside bookSession; until then, the test fills it and syncs as the service
 * would. Either way the rows below are those of a booking with that contact.
 */
async function withContact(bookingId: string, now: Date, locale = "fr") {
  const booking = await prisma.booking.findUniqueOrThrow({
    where: { id: bookingId },
    select: { contactEmail: true, person: { select: { email: true } } },
  });
  if (booking.contactEmail !== null) return booking.contactEmail;
  await prisma.booking.update({ where: { id: bookingId }, data: { contactEmail: booking.person.email, locale } });
  await runTransaction((tx) => syncScheduledEmails(tx, bookingId, now));
  return booking.person.email!;
}

async function bookOk(sessionId: string, now = BOOKED_AT, person = personInput()) {
  const result = await bookSession({ sessionId, person, source: "ONLINE", now });
  if (!result.ok) throw new Error(`expected a booking, got ${result.code}`);
  return result;
}

describe("a confirmed booking", () => {
  test("gets its two reminders and its follow-up, at the Paris moments, tied to the booking and session", async () => {
    const session = await createSession({ startsAt: STARTS_AT });
    const { bookingId } = await bookOk(session.id, BOOKED_AT, personInput({ preferredLanguage: "es" }));
    const email = await withContact(bookingId, BOOKED_AT, "es");

    expect(await scheduledRows()).toEqual([
      {
        kind: "reminder",
        recipient: email,
        locale: "es",
        state: "PENDING",
        dropReason: null,
        sendAfter: DAYS_BEFORE,
        payload: { moment: "days-before", startsAt: STARTS_AT.toISOString() },
        bookingId,
        sessionId: session.id,
      },
      {
        kind: "reminder",
        recipient: email,
        locale: "es",
        state: "PENDING",
        dropReason: null,
        sendAfter: MORNING,
        payload: { moment: "morning", startsAt: STARTS_AT.toISOString() },
        bookingId,
        sessionId: session.id,
      },
      expect.objectContaining({ kind: "follow-up", recipient: email, sendAfter: FOLLOW_UP, bookingId }),
    ]);
  });

  test("booked late, less than 12 hours before the days-before moment: no days-before reminder", async () => {
    const lateNight = new Date("2026-12-12T22:00:00.000Z");
    const session = await createSession({ startsAt: STARTS_AT });
    const { bookingId } = await bookOk(session.id, lateNight);
    await withContact(bookingId, lateNight);

    expect((await scheduledRows()).map((r) => [r.kind, r.payload.moment ?? null, r.sendAfter])).toEqual([
      ["reminder", "morning", MORNING],
      ["follow-up", null, FOLLOW_UP],
    ]);
  });

  test("a second sync in the same state writes nothing twice", async () => {
    const session = await createSession({ startsAt: STARTS_AT });
    const { bookingId } = await bookOk(session.id);
    await withContact(bookingId, BOOKED_AT);
    const before = await scheduledRows();
    await runTransaction((tx) => syncScheduledEmails(tx, bookingId, BOOKED_AT));
    await runTransaction((tx) => syncScheduledEmails(tx, bookingId, new Date("2026-12-13T09:30:00.000Z")));
    expect(await scheduledRows()).toEqual(before);
  });

  test("reminders stopped: the pending rows are dropped, saying why", async () => {
    const session = await createSession({ startsAt: STARTS_AT });
    const { bookingId } = await bookOk(session.id);
    await withContact(bookingId, BOOKED_AT);
    await prisma.booking.update({ where: { id: bookingId }, data: { remindersWanted: false } });
    await runTransaction((tx) => syncScheduledEmails(tx, bookingId, BOOKED_AT));

    const rows = await scheduledRows();
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => [r.state, r.dropReason])).toEqual(
      Array.from({ length: 3 }, () => ["DROPPED", "reminders-stopped"]),
    );
  });
});

describe("cancelled and booked again", () => {
  test("cancelling drops the reminders and the follow-up; a reminder already sent stays sent", async () => {
    const session = await createSession({ startsAt: STARTS_AT });
    const { bookingId } = await bookOk(session.id);
    await withContact(bookingId, BOOKED_AT);
    // Pretend the days-before reminder went out, then she cancels on the Monday.
    await prisma.outboxEmail.updateMany({
      where: { bookingId, sendAfter: new Date(DAYS_BEFORE) },
      data: { state: "SENT", sentAt: new Date(DAYS_BEFORE) },
    });
    const result = await cancelBooking({
      bookingId,
      actor: holder(bookingId),
      now: new Date("2026-12-14T09:00:00.000Z"),
    });
    expect(result.ok).toBe(true);

    expect((await scheduledRows()).map((r) => [r.sendAfter, r.state, r.dropReason])).toEqual([
      [DAYS_BEFORE, "SENT", null],
      [MORNING, "DROPPED", "booking-cancelled"],
      [FOLLOW_UP, "DROPPED", "booking-cancelled"],
    ]);
  });

  test("booked again: the same rows come back, none doubled", async () => {
    const session = await createSession({ startsAt: STARTS_AT });
    const person = personInput();
    const { bookingId } = await bookOk(session.id, BOOKED_AT, person);
    await withContact(bookingId, BOOKED_AT);
    await cancelBooking({ bookingId, actor: holder(bookingId), now: new Date("2026-12-02T09:00:00.000Z") });
    const again = await bookOk(session.id, new Date("2026-12-03T09:00:00.000Z"), person);
    expect(again.bookingId).toBe(bookingId);

    expect((await scheduledRows()).map((r) => [r.sendAfter, r.state])).toEqual([
      [DAYS_BEFORE, "PENDING"],
      [MORNING, "PENDING"],
      [FOLLOW_UP, "PENDING"],
    ]);
  });
});

test("promoted from the waiting list: the promoted booking gets its reminders", async () => {
  const session = await createSession({ startsAt: STARTS_AT, capacity: 1 });
  const first = await bookOk(session.id);
  const second = await bookOk(session.id);
  expect(second.status).toBe("WAITLISTED");
  await withContact(second.bookingId, BOOKED_AT);
  expect(await scheduledRows(second.bookingId)).toEqual([]);

  const result = await cancelBooking({
    bookingId: first.bookingId,
    actor: holder(first.bookingId),
    now: new Date("2026-12-05T09:00:00.000Z"),
  });
  expect(result).toEqual({ ok: true, promotedBookingId: second.bookingId });
  expect((await scheduledRows(second.bookingId)).map((r) => [r.kind, r.sendAfter, r.state])).toEqual([
    ["reminder", DAYS_BEFORE, "PENDING"],
    ["reminder", MORNING, "PENDING"],
    ["follow-up", FOLLOW_UP, "PENDING"],
  ]);
});

describe("the helper's copy", () => {
  async function personWithHelper(receives: boolean) {
    const input = personInput({ helperEmail: null });
    await prisma.person.create({
      data: {
        firstName: input.firstName,
        lastName: input.lastName,
        nameKey: `${input.firstName} ${input.lastName}`.toLowerCase(),
        email: input.email,
        emailNormalized: input.email!.toLowerCase(),
        consentServiceEmails: true,
        helperEmail: "fils@example.org",
        helperReceivesReminders: receives,
      },
    });
    return input;
  }

  test("written with the booking when the person agreed, for each reminder only", async () => {
    const session = await createSession({ startsAt: STARTS_AT });
    const { bookingId } = await bookOk(session.id, BOOKED_AT, await personWithHelper(true));

    const toHelper = (await scheduledRows(bookingId)).filter((r) => r.recipient === "fils@example.org");
    expect(toHelper.map((r) => [r.kind, r.sendAfter, r.payload])).toEqual([
      ["reminder", DAYS_BEFORE, { moment: "days-before", startsAt: STARTS_AT.toISOString(), toHelper: true }],
      ["reminder", MORNING, { moment: "morning", startsAt: STARTS_AT.toISOString(), toHelper: true }],
    ]);
  });

  test("not written when the person did not agree", async () => {
    const session = await createSession({ startsAt: STARTS_AT });
    const { bookingId } = await bookOk(session.id, BOOKED_AT, await personWithHelper(false));
    expect((await scheduledRows(bookingId)).filter((r) => r.recipient === "fils@example.org")).toEqual([]);
  });

  test("a course enrolment writes the copies for each of its sessions", async () => {
    const place = await createPlace();
    const course = await createCourse(place.id);
    const second = new Date("2026-12-22T13:00:00.000Z");
    await createSession({ startsAt: STARTS_AT, placeId: place.id, courseId: course.id, courseOrder: 1 });
    await createSession({ startsAt: second, placeId: place.id, courseId: course.id, courseOrder: 2 });
    const result = await enrolInCourse({
      courseId: course.id,
      person: await personWithHelper(true),
      source: "ONLINE",
      now: BOOKED_AT,
    });
    expect(result.ok).toBe(true);

    const toHelper = (await scheduledRows()).filter((r) => r.recipient === "fils@example.org");
    expect(toHelper.map((r) => r.payload.startsAt)).toEqual([
      STARTS_AT.toISOString(),
      STARTS_AT.toISOString(),
      second.toISOString(),
      second.toISOString(),
    ]);
  });
});
