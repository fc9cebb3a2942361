import { afterAll, beforeEach, describe, expect, test } from "vitest";

import type { AttendanceStatus } from "~/domain/attendance/marks";
import type { StaffMember } from "~/domain/policy/actor";
import { permissionsForRoles } from "~/domain/policy/permissions";
import { createPrismaClient, prisma, type Db } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { HOUR, NOW, at, createSession, createStaffUser, personInput } from "../../tests/fixtures/rows";
import { markAttendance, writeTap } from "./mark-attendance.server";

beforeEach(() => resetDatabase());

const trainer = (userId: string): StaffMember => ({
  kind: "staff",
  userId,
  roles: ["TRAINER"],
  permissions: permissionsForRoles(["TRAINER"]),
  placeIds: [],
});

let bookingCounter = 0;

async function personOn(sessionId: string, status: "CONFIRMED" | "WAITLISTED" | "CANCELLED" = "CONFIRMED") {
  const input = personInput();
  const person = await prisma.person.create({
    data: {
      firstName: input.firstName,
      lastName: input.lastName,
      nameKey: `${input.firstName} ${input.lastName}`.toLowerCase(),
    },
    select: { id: true },
  });
  await prisma.booking.create({
    data: { sessionId, personId: person.id, status, source: "ONLINE", manageTokenHash: `hash-${++bookingCounter}` },
  });
  return person.id;
}

/** A session that began half an hour before NOW, run by a new trainer, with one confirmed learner. */
async function roster(options: { startsAt?: Date; status?: "SCHEDULED" | "CANCELLED" } = {}) {
  const session = await createSession({ startsAt: options.startsAt ?? at(-HOUR / 2), status: options.status });
  const staff = await createStaffUser();
  await prisma.sessionTrainer.create({ data: { sessionId: session.id, trainerId: staff.id } });
  const personId = await personOn(session.id);
  return { sessionId: session.id, actor: trainer(staff.id), personId };
}

/** A tap made `offsetMs` around NOW (negative: before), as the phone says it: how long ago, in ms. */
const tap = (offsetMs: number) => String(-offsetMs);

async function marksOf(sessionId: string) {
  return prisma.attendance.findMany({ where: { sessionId }, select: { personId: true, status: true, markedAt: true } });
}

async function auditsOf(sessionId: string) {
  const rows = await prisma.auditLog.findMany({ where: { action: "attendance.mark" }, orderBy: { at: "asc" } });
  return rows
    .map((row) => ({ ...row, data: JSON.parse(row.data ?? "{}") as Record<string, unknown> }))
    .filter((row) => row.data.sessionId === sessionId);
}

describe("markAttendance", () => {
  test("the first tap makes the mark at the tap's time, audited with who and when", async () => {
    const { sessionId, actor, personId } = await roster();
    const result = await markAttendance({
      actor,
      sessionId,
      personId,
      status: "PRESENT",
      elapsedMs: tap(-2000),
      now: NOW,
    });

    expect(result).toEqual({ ok: true, outcome: "marked", status: "PRESENT", markedAt: at(-2000) });
    const [row] = await prisma.attendance.findMany({ where: { sessionId } });
    expect(row).toMatchObject({ personId, status: "PRESENT", markedById: actor.userId, isWalkIn: false });
    expect(row.bookingId).not.toBeNull();
    const [entry] = await auditsOf(sessionId);
    expect(entry).toMatchObject({ actorUserId: actor.userId, entityId: row.id, at: NOW });
    expect(entry.data).toMatchObject({ personId, before: null, after: { status: "PRESENT" } });
  });

  test("a tap resent after a signal drop keeps the time it was made, whatever the phone's clock says", async () => {
    const { sessionId, actor, personId } = await roster();
    // Another trainer's mark, a minute ago; then this phone's tap, made 2 s ago and resent now.
    await markAttendance({ actor, sessionId, personId, status: "PRESENT", elapsedMs: "60000", now: NOW });
    const resent = await markAttendance({ actor, sessionId, personId, status: "ABSENT", elapsedMs: "2000", now: NOW });

    expect(resent).toEqual({ ok: true, outcome: "marked", status: "ABSENT", markedAt: at(-2000) });
    expect(await marksOf(sessionId)).toEqual([{ personId, status: "ABSENT", markedAt: at(-2000) }]);
  });

  test("a later tap changes the mark, audited with before and after", async () => {
    const { sessionId, actor, personId } = await roster();
    await markAttendance({ actor, sessionId, personId, status: "PRESENT", elapsedMs: tap(-2000), now: NOW });
    const result = await markAttendance({
      actor,
      sessionId,
      personId,
      status: "LATE",
      elapsedMs: tap(-1000),
      now: NOW,
    });

    expect(result).toMatchObject({ ok: true, outcome: "marked", status: "LATE" });
    expect(await marksOf(sessionId)).toEqual([{ personId, status: "LATE", markedAt: at(-1000) }]);
    const entries = await auditsOf(sessionId);
    expect(entries).toHaveLength(2);
    expect(entries[1].data).toMatchObject({
      before: { status: "PRESENT", markedAt: at(-2000).toISOString() },
      after: { status: "LATE", markedAt: at(-1000).toISOString() },
    });
  });

  test("the same mark again (a resent form) is a no-op: no second row, no audit", async () => {
    const { sessionId, actor, personId } = await roster();
    await markAttendance({ actor, sessionId, personId, status: "EXCUSED", elapsedMs: tap(-2000), now: NOW });
    const replay = await markAttendance({
      actor,
      sessionId,
      personId,
      status: "EXCUSED",
      elapsedMs: tap(-2000),
      now: NOW,
    });
    const later = await markAttendance({
      actor,
      sessionId,
      personId,
      status: "EXCUSED",
      elapsedMs: tap(-1000),
      now: NOW,
    });

    expect(replay).toMatchObject({ ok: true, outcome: "unchanged", status: "EXCUSED" });
    expect(later).toMatchObject({ ok: true, outcome: "unchanged", status: "EXCUSED", markedAt: at(-1000) });
    expect(await marksOf(sessionId)).toHaveLength(1);
    expect(await auditsOf(sessionId)).toHaveLength(1);
  });

  test("an older tap arriving after a newer one loses and says so", async () => {
    const { sessionId, actor, personId } = await roster();
    await markAttendance({ actor, sessionId, personId, status: "ABSENT", elapsedMs: tap(-1000), now: NOW });
    const late = await markAttendance({
      actor,
      sessionId,
      personId,
      status: "PRESENT",
      elapsedMs: tap(-5000),
      now: NOW,
    });

    expect(late).toEqual({ ok: true, outcome: "superseded", status: "ABSENT", markedAt: at(-1000) });
    expect(await marksOf(sessionId)).toEqual([{ personId, status: "ABSENT", markedAt: at(-1000) }]);
    expect(await auditsOf(sessionId)).toHaveLength(1);
  });

  test("a tap from the future or from yesterday is clamped; none is the server's time", async () => {
    const { sessionId, actor, personId } = await roster();
    const future = await markAttendance({
      actor,
      sessionId,
      personId,
      status: "PRESENT",
      elapsedMs: tap(HOUR),
      now: NOW,
    });
    expect(future).toMatchObject({ markedAt: NOW });
    const none = await markAttendance({ actor, sessionId, personId, status: "LATE", now: at(1000) });
    expect(none).toMatchObject({ outcome: "marked", status: "LATE", markedAt: at(1000) });
  });

  test("a walk-in's mark can be changed like a booked person's", async () => {
    const { sessionId, actor } = await roster();
    const walkIn = await prisma.person.create({
      data: { firstName: "Paul", lastName: "Sanspré", nameKey: "paul sanspre" },
    });
    await prisma.attendance.create({
      data: {
        sessionId,
        personId: walkIn.id,
        status: "PRESENT",
        isWalkIn: true,
        markedById: actor.userId,
        markedAt: at(-HOUR),
      },
    });
    const result = await markAttendance({ actor, sessionId, personId: walkIn.id, status: "LATE", now: NOW });
    expect(result).toMatchObject({ ok: true, outcome: "marked", status: "LATE" });
  });

  test.each(["WAITLISTED", "CANCELLED"] as const)(
    "refuses someone whose booking is %s, writing nothing",
    async (status) => {
      const { sessionId, actor } = await roster();
      const personId = await personOn(sessionId, status);
      expect(await markAttendance({ actor, sessionId, personId, status: "PRESENT", now: NOW })).toEqual({
        ok: false,
        code: "NOT_ON_ROSTER",
      });
      expect(await marksOf(sessionId)).toEqual([]);
      expect(await auditsOf(sessionId)).toEqual([]);
    },
  );

  test("refuses a person of another session, and an unknown session", async () => {
    const { sessionId, actor } = await roster();
    const other = await roster();
    expect(await markAttendance({ actor, sessionId, personId: other.personId, status: "PRESENT", now: NOW })).toEqual({
      ok: false,
      code: "NOT_ON_ROSTER",
    });
    expect(
      await markAttendance({ actor, sessionId: "nope", personId: other.personId, status: "PRESENT", now: NOW }),
    ).toEqual({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  test("asks the policy: another trainer, a cancelled session, a session not open yet", async () => {
    const { sessionId, personId } = await roster();
    const stranger = trainer((await createStaffUser()).id);
    expect(await markAttendance({ actor: stranger, sessionId, personId, status: "PRESENT", now: NOW })).toEqual({
      ok: false,
      code: "NOT_ALLOWED",
    });
    const cancelled = await roster({ status: "CANCELLED" });
    expect(await markAttendance({ ...cancelled, status: "PRESENT", now: NOW })).toEqual({
      ok: false,
      code: "SESSION_CANCELLED",
    });
    const tomorrow = await roster({ startsAt: at(24 * HOUR) });
    expect(await markAttendance({ ...tomorrow, status: "PRESENT", now: NOW })).toEqual({
      ok: false,
      code: "NOT_YET_OPEN",
    });
    expect(await prisma.attendance.count()).toBe(0);
  });
});

describe("two marks of one person at once", () => {
  const url = process.env.DATABASE_URL!;
  const clients: Db[] = [createPrismaClient(url), createPrismaClient(url)];
  afterAll(() => Promise.all(clients.map((client) => client.$disconnect())));

  const taps: { status: AttendanceStatus; offset: number }[] = [
    { status: "PRESENT", offset: -3000 },
    { status: "ABSENT", offset: -1000 },
  ];

  test.each([
    ["the earlier tap sent first", [0, 1]],
    ["the later tap sent first", [1, 0]],
  ])(
    "%s, on two connections racing: one row, the later tap wins",
    async (_, order) => {
      for (let round = 0; round < 5; round++) {
        const { sessionId, actor, personId } = await roster();
        const results = await Promise.all(
          order.map((index, connection) =>
            markAttendance({
              actor,
              sessionId,
              personId,
              status: taps[index].status,
              elapsedMs: tap(taps[index].offset),
              now: NOW,
              db: clients[connection],
            }),
          ),
        );
        expect(results.every((r) => r.ok)).toBe(true);
        expect(await marksOf(sessionId)).toEqual([{ personId, status: "ABSENT", markedAt: at(-1000) }]);
      }
    },
    30_000,
  );

  test("the writes landing in the wrong order: the later tap written first, the earlier one after it", async () => {
    const { sessionId, actor, personId } = await roster();
    await markAttendance({
      actor,
      sessionId,
      personId,
      status: "ABSENT",
      elapsedMs: tap(-1000),
      now: NOW,
      db: clients[0],
    });
    await markAttendance({
      actor,
      sessionId,
      personId,
      status: "PRESENT",
      elapsedMs: tap(-3000),
      now: NOW,
      db: clients[1],
    });
    expect(await marksOf(sessionId)).toEqual([{ personId, status: "ABSENT", markedAt: at(-1000) }]);
  });

  test("ten taps in a burst, shuffled over both connections: one row, the latest tap's mark", async () => {
    const { sessionId, actor, personId } = await roster();
    const statuses: AttendanceStatus[] = ["PRESENT", "LATE", "EXCUSED", "ABSENT"];
    const burst = Array.from({ length: 10 }, (_, i) => ({ status: statuses[i % 4], offset: -10_000 + i * 500 }));
    const shuffled = [...burst].sort(() => Math.random() - 0.5);
    await Promise.all(
      shuffled.map((t, i) =>
        markAttendance({
          actor,
          sessionId,
          personId,
          status: t.status,
          elapsedMs: tap(t.offset),
          now: NOW,
          db: clients[i % 2],
        }),
      ),
    );
    const last = burst[burst.length - 1];
    expect(await marksOf(sessionId)).toEqual([{ personId, status: last.status, markedAt: at(last.offset) }]);
  }, 30_000);
});

describe("writeTap, from a decision another request made stale", () => {
  test("an older tap written over a newer stored one changes nothing; a second 'first' mark makes no second row", async () => {
    const { sessionId, actor, personId } = await roster();
    await markAttendance({ actor, sessionId, personId, status: "ABSENT", elapsedMs: tap(-1000), now: NOW });
    const write = (status: AttendanceStatus, offset: number, first: boolean) =>
      prisma.$transaction((tx) =>
        writeTap(tx, { sessionId, personId, bookingId: null, status, at: at(offset), markedById: actor.userId, first }),
      );

    await write("PRESENT", -3000, false);
    await write("LATE", -2000, true);
    expect(await marksOf(sessionId)).toEqual([{ personId, status: "ABSENT", markedAt: at(-1000) }]);

    await write("EXCUSED", -500, true);
    expect(await marksOf(sessionId)).toEqual([{ personId, status: "EXCUSED", markedAt: at(-500) }]);
  });
});
