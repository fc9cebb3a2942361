import { beforeEach, describe, expect, test } from "vitest";

import type { Actor } from "~/domain/policy/actor";
import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { createPlace, createSession, createStaffUser, personInput } from "../../tests/fixtures/rows";
import { bookSession } from "./book-session.server";
import { syncScheduledEmails } from "./booking-schedule.server";
import { cancelSession } from "./cancel-session.server";
import { moveSession } from "./move-session.server";
import { markSessionCancelled, placeSession } from "./session-steps.server";
import { runTransaction } from "./transaction.server";

beforeEach(() => resetDatabase());

// Booked on Tuesday 1 December 2026 for Tuesday 15 December, 14:00–16:00 in Paris (CET).
const BOOKED_AT = new Date("2026-12-01T09:00:00.000Z");
const CHANGED_AT = new Date("2026-12-02T09:00:00.000Z");
const STARTS_AT = new Date("2026-12-15T13:00:00.000Z");
const ENDS_AT = new Date("2026-12-15T15:00:00.000Z");

async function coordinator(): Promise<Actor> {
  const { id } = await createStaffUser("Claire");
  return { kind: "staff", userId: id, roles: ["COORDINATOR"], permissions: ["update:session:any"], placeIds: [] };
}

/** One seat taken by Alice, Bernard waiting, each with the contact their form gave (Booking.contactEmail). */
async function bookedAndWaiting(options: { contact?: boolean } = {}) {
  const session = await createSession({
    startsAt: STARTS_AT,
    durationMs: ENDS_AT.getTime() - STARTS_AT.getTime(),
    capacity: 1,
  });
  const ids: string[] = [];
  for (const firstName of ["Alice", "Bernard"]) {
    const result = await bookSession({
      sessionId: session.id,
      // Phone-only: no email anywhere, so nothing to write to.
      person: personInput(
        options.contact === false ? { firstName, email: null, phone: "06 12 34 56 78" } : { firstName },
      ),
      source: "ONLINE",
      now: BOOKED_AT,
    });
    if (!result.ok) throw new Error(result.code);
    ids.push(result.bookingId);
    if (options.contact !== false) {
      await prisma.booking.update({
        where: { id: result.bookingId },
        data: { contactEmail: `${firstName.toLowerCase()}@example.org` },
      });
      await runTransaction((tx) => syncScheduledEmails(tx, result.bookingId, BOOKED_AT));
    }
  }
  const [confirmed, waiting] = ids;
  return { session, confirmed, waiting };
}

async function rows(kind: string) {
  const found = await prisma.outboxEmail.findMany({
    where: { kind },
    orderBy: [{ recipient: "asc" }, { sendAfter: "asc" }],
    select: {
      recipient: true,
      bookingId: true,
      sessionId: true,
      state: true,
      dropReason: true,
      sendAfter: true,
      payload: true,
    },
  });
  return found.map((row) => ({ ...row, sendAfter: row.sendAfter.toISOString(), payload: JSON.parse(row.payload) }));
}

async function sessionRow(id: string) {
  return prisma.session.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      revision: true,
      seatsTaken: true,
      waitlistCount: true,
      startsAt: true,
      cancellationReason: true,
    },
  });
}

describe("cancelSession", () => {
  test("tells everyone booked or waiting, drops their reminders, keeps the counts, audits", async () => {
    const { session, confirmed, waiting } = await bookedAndWaiting();
    const actor = await coordinator();

    expect(await cancelSession(actor, session.id, "Animatrice malade", CHANGED_AT)).toEqual({ ok: true, told: 2 });

    expect(await sessionRow(session.id)).toMatchObject({
      status: "CANCELLED",
      revision: 1,
      seatsTaken: 1,
      waitlistCount: 1,
      cancellationReason: "Animatrice malade",
    });
    const previous = {
      startsAt: STARTS_AT.toISOString(),
      endsAt: ENDS_AT.toISOString(),
      placeId: session.placeId,
      room: null,
    };
    expect((await rows("session-cancelled")).map((r) => [r.recipient, r.bookingId, r.sessionId, r.payload])).toEqual([
      [
        "alice@example.org",
        confirmed,
        session.id,
        { sessionId: session.id, bookingStatus: "CONFIRMED", reason: "Animatrice malade", previous },
      ],
      [
        "bernard@example.org",
        waiting,
        session.id,
        { sessionId: session.id, bookingStatus: "WAITLISTED", reason: "Animatrice malade", previous },
      ],
    ]);
    const scheduled = [...(await rows("reminder")), ...(await rows("follow-up"))];
    expect(scheduled).toHaveLength(3);
    expect(scheduled.map((r) => [r.state, r.dropReason])).toEqual(
      Array.from({ length: 3 }, () => ["DROPPED", "session-cancelled"]),
    );
    const trail = await prisma.auditLog.findMany({ where: { entityId: session.id } });
    expect(trail.map((t) => [t.action, t.actorUserId])).toEqual([
      ["session.cancel", (actor as { userId: string }).userId],
    ]);
  });

  test("two staff cancelling at once: one cancellation, each person told once", async () => {
    const { session } = await bookedAndWaiting();
    const [a, b] = [await coordinator(), await coordinator()];

    const results = await Promise.all([
      cancelSession(a, session.id, "Salle inondée", CHANGED_AT),
      cancelSession(b, session.id, "Salle inondée", CHANGED_AT),
    ]);

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: "SESSION_CANCELLED" }]);
    expect((await rows("session-cancelled")).map((r) => r.recipient)).toEqual([
      "alice@example.org",
      "bernard@example.org",
    ]);
    expect((await sessionRow(session.id)).revision).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "session.cancel" } })).toBe(1);
  });

  test("refused to staff without the permission, and after the start: nothing written", async () => {
    const { session } = await bookedAndWaiting();
    const { id } = await createStaffUser();
    const trainer: Actor = {
      kind: "staff",
      userId: id,
      roles: ["TRAINER"],
      permissions: ["update:booking:any"],
      placeIds: [],
    };
    expect(await cancelSession(trainer, session.id, null, CHANGED_AT)).toEqual({ ok: false, code: "NOT_ALLOWED" });
    expect(await cancelSession(await coordinator(), session.id, null, STARTS_AT)).toEqual({
      ok: false,
      code: "SESSION_STARTED",
    });
    expect(await rows("session-cancelled")).toEqual([]);
    expect((await sessionRow(session.id)).status).toBe("SCHEDULED");
  });

  test("a phone-only booking gets no email but is counted", async () => {
    const { session } = await bookedAndWaiting({ contact: false });
    expect(await cancelSession(await coordinator(), session.id, null, CHANGED_AT)).toEqual({ ok: true, told: 2 });
    expect(await rows("session-cancelled")).toEqual([]);
  });
});

describe("moveSession", () => {
  // Two days later, Thursday 17 December, 10:00–12:00 Paris.
  const NEW_START = new Date("2026-12-17T09:00:00.000Z");
  const NEW_END = new Date("2026-12-17T11:00:00.000Z");

  test("re-times the confirmed booking's emails and tells booked and waiting where and when it now is", async () => {
    const { session, confirmed, waiting } = await bookedAndWaiting();
    const otherPlace = await createPlace();

    const result = await moveSession(
      await coordinator(),
      session.id,
      { startsAt: NEW_START, endsAt: NEW_END, placeId: otherPlace.id, room: "Salle 3" },
      CHANGED_AT,
    );
    expect(result).toEqual({ ok: true, told: 2 });

    expect(await sessionRow(session.id)).toMatchObject({
      status: "SCHEDULED",
      revision: 1,
      startsAt: NEW_START,
      seatsTaken: 1,
      waitlistCount: 1,
    });
    const previous = {
      startsAt: STARTS_AT.toISOString(),
      endsAt: ENDS_AT.toISOString(),
      placeId: session.placeId,
      room: null,
    };
    expect((await rows("session-moved")).map((r) => [r.recipient, r.bookingId, r.payload])).toEqual([
      ["alice@example.org", confirmed, { sessionId: session.id, bookingStatus: "CONFIRMED", previous }],
      ["bernard@example.org", waiting, { sessionId: session.id, bookingStatus: "WAITLISTED", previous }],
    ]);
    expect((await rows("reminder")).map((r) => [r.sendAfter, r.state, r.dropReason, r.payload.startsAt])).toEqual([
      ["2026-12-13T09:00:00.000Z", "DROPPED", "session-moved", STARTS_AT.toISOString()],
      ["2026-12-15T07:00:00.000Z", "DROPPED", "session-moved", STARTS_AT.toISOString()],
      // Tuesday 15, 10:00, two days before the new date; Thursday 17, 08:00.
      ["2026-12-15T09:00:00.000Z", "PENDING", null, NEW_START.toISOString()],
      ["2026-12-17T07:00:00.000Z", "PENDING", null, NEW_START.toISOString()],
    ]);
    expect((await rows("follow-up")).map((r) => [r.sendAfter, r.state])).toEqual([
      ["2026-12-15T18:00:00.000Z", "DROPPED"],
      ["2026-12-17T14:00:00.000Z", "PENDING"],
    ]);
    expect(await prisma.auditLog.count({ where: { action: "session.move", entityId: session.id } })).toBe(1);
  });

  test("the same move submitted twice at once: one move, each person told once", async () => {
    const { session } = await bookedAndWaiting();
    const actor = await coordinator();
    const results = await Promise.all([
      moveSession(actor, session.id, { startsAt: NEW_START, endsAt: NEW_END }, CHANGED_AT),
      moveSession(actor, session.id, { startsAt: NEW_START, endsAt: NEW_END }, CHANGED_AT),
    ]);
    expect(results).toEqual(
      expect.arrayContaining([
        { ok: true, told: 2 },
        { ok: false, code: "UNCHANGED" },
      ]),
    );
    expect(await rows("session-moved")).toHaveLength(2);
    expect((await sessionRow(session.id)).revision).toBe(1);
  });

  test("moved twice: told twice, reminders follow the last time", async () => {
    const { session } = await bookedAndWaiting();
    const actor = await coordinator();
    await moveSession(actor, session.id, { startsAt: NEW_START, endsAt: NEW_END }, CHANGED_AT);
    await moveSession(actor, session.id, { startsAt: STARTS_AT, endsAt: ENDS_AT }, CHANGED_AT);
    expect(await rows("session-moved")).toHaveLength(4);
    const pending = (await rows("reminder")).filter((r) => r.state === "PENDING");
    expect(pending.map((r) => r.payload.startsAt)).toEqual([STARTS_AT.toISOString(), STARTS_AT.toISOString()]);
    expect(await prisma.outboxEmail.count({ where: { kind: "reminder" } })).toBe(4);
  });

  test("an unknown place, an end before the start or a start in the past are refused, and nothing is written", async () => {
    const { session } = await bookedAndWaiting();
    const actor = await coordinator();
    expect(
      await moveSession(actor, session.id, { startsAt: NEW_START, endsAt: NEW_END, placeId: "nowhere" }, CHANGED_AT),
    ).toEqual({ ok: false, code: "PLACE_NOT_FOUND" });
    expect(await moveSession(actor, session.id, { startsAt: NEW_END, endsAt: NEW_START }, CHANGED_AT)).toEqual({
      ok: false,
      code: "INVALID_TIMES",
    });
    expect(await moveSession(actor, session.id, { startsAt: BOOKED_AT, endsAt: NEW_END }, CHANGED_AT)).toEqual({
      ok: false,
      code: "MOVE_INTO_PAST",
    });
    expect(await rows("session-moved")).toEqual([]);
    expect((await sessionRow(session.id)).revision).toBe(0);
  });
});

describe("the guarded updates hold even when the read was stale (PostgreSQL, several instances)", () => {
  test("a session is cancelled once: the second update, from a read that still saw it scheduled, changes nothing", async () => {
    const session = await createSession({ startsAt: STARTS_AT });
    expect(
      await runTransaction((tx) => markSessionCancelled(tx, { id: session.id, revision: 0 }, "a", CHANGED_AT)),
    ).toBe(true);
    expect(
      await runTransaction((tx) => markSessionCancelled(tx, { id: session.id, revision: 0 }, "b", CHANGED_AT)),
    ).toBe(false);
    expect(await sessionRow(session.id)).toMatchObject({ revision: 1, cancellationReason: "a" });
  });

  test("a cancel read before a move committed does not overwrite it: the change runs again on the moved session", async () => {
    const session = await createSession({ startsAt: STARTS_AT });
    await prisma.session.update({ where: { id: session.id }, data: { revision: { increment: 1 } } });
    await expect(
      runTransaction((tx) => markSessionCancelled(tx, { id: session.id, revision: 0 }, "stale", CHANGED_AT), {
        attempts: 1,
      }),
    ).rejects.toThrow(/changed meanwhile/);
    expect(await sessionRow(session.id)).toMatchObject({ status: "SCHEDULED", revision: 1 });
  });

  test("a move from a revision already passed changes nothing", async () => {
    const session = await createSession({ startsAt: STARTS_AT });
    const next = {
      startsAt: new Date("2026-12-17T09:00:00.000Z"),
      endsAt: new Date("2026-12-17T11:00:00.000Z"),
      placeId: session.placeId,
      room: null,
    };
    const read = { id: session.id, revision: 0 };
    expect(await runTransaction((tx) => placeSession(tx, read, next))).toBe(true);
    expect(await runTransaction((tx) => placeSession(tx, read, { ...next, room: "Salle 9" }))).toBe(false);
    expect(await sessionRow(session.id)).toMatchObject({ revision: 1, startsAt: next.startsAt });
  });
});
