import { beforeEach, describe, expect, test } from "vitest";

import type { StaffMember } from "~/domain/policy/actor";
import { permissionsForRoles } from "~/domain/policy/permissions";
import type { StaffRole } from "~/domain/policy/actor";
import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { DAY, HOUR, NOW, at, createPlace, createSession, createStaffUser } from "../../tests/fixtures/rows";
import { getRoster, listMySessions, mySessionsScope } from "./roster.server";

beforeEach(() => resetDatabase());

const staff = (userId: string, roles: StaffRole[], placeIds: string[] = []): StaffMember => ({
  kind: "staff",
  userId,
  roles,
  permissions: permissionsForRoles(roles),
  placeIds,
});

let n = 0;
async function person(firstName: string, extra: { phone?: string; helperName?: string } = {}) {
  return prisma.person.create({
    data: { firstName, lastName: `Nom${++n}`, nameKey: `${firstName} nom${n}`.toLowerCase(), ...extra },
    select: { id: true },
  });
}

async function book(sessionId: string, personId: string, status: "CONFIRMED" | "WAITLISTED", waitlistedAt?: Date) {
  await prisma.booking.create({
    data: { sessionId, personId, status, source: "PHONE", manageTokenHash: `h-${++n}`, waitlistedAt },
  });
}

async function mark(
  sessionId: string,
  personId: string,
  status: "PRESENT" | "LATE" | "EXCUSED" | "ABSENT",
  by: string,
  isWalkIn = false,
) {
  await prisma.attendance.create({ data: { sessionId, personId, status, markedById: by, markedAt: NOW, isWalkIn } });
}

describe("getRoster", () => {
  test("booked people with their details and marks, walk-ins apart, the waiting list in queue order, the anonymous count", async () => {
    const trainer = await createStaffUser();
    const earlier = await createSession({ startsAt: at(-7 * DAY) });
    const later = await createSession({ startsAt: at(7 * DAY) });
    const session = await createSession({ startsAt: at(-HOUR) });

    const came = await person("Alice", { phone: "+33612345678", helperName: "Sa fille" });
    const stayedAway = await person("Bruno");
    const cameLater = await person("Chloé");
    const walkIn = await person("Denis");
    const second = await person("Eve");
    const first = await person("Fanny");
    for (const p of [came, stayedAway, cameLater]) await book(session.id, p.id, "CONFIRMED");
    await book(session.id, second.id, "WAITLISTED", at(-2 * HOUR));
    await book(session.id, first.id, "WAITLISTED", at(-3 * HOUR));
    await mark(earlier.id, came.id, "LATE", trainer.id);
    await mark(earlier.id, stayedAway.id, "ABSENT", trainer.id);
    await mark(later.id, cameLater.id, "PRESENT", trainer.id);
    await mark(session.id, came.id, "PRESENT", trainer.id);
    await mark(session.id, walkIn.id, "PRESENT", trainer.id, true);
    await prisma.anonymousVisit.createMany({
      data: [
        { sessionId: session.id, count: 2, recordedById: trainer.id, requestKey: "a" },
        { sessionId: session.id, count: 3, recordedById: trainer.id, requestKey: "b" },
      ],
    });

    const roster = (await getRoster(session.id))!;
    expect(roster.booked.map((p) => [p.firstName, p.returning, p.mark, p.source])).toEqual([
      ["Alice", true, "PRESENT", "PHONE"],
      ["Bruno", false, null, "PHONE"],
      ["Chloé", false, null, "PHONE"],
    ]);
    expect(roster.booked[0]).toMatchObject({
      phone: "06 12 34 56 78",
      helper: { name: "Sa fille", phone: null, email: null },
    });
    expect(roster.booked[1].helper).toBeNull();
    expect(roster.walkIns).toMatchObject([{ firstName: "Denis", walkIn: true, source: "WALK_IN", mark: "PRESENT" }]);
    expect(roster.waitlist.map((p) => [p.firstName, p.position])).toEqual([
      ["Fanny", 1],
      ["Eve", 2],
    ]);
    expect(roster.anonymousCount).toBe(5);
  });

  test("an unknown or deleted session has no roster", async () => {
    const deleted = await createSession({ deletedAt: NOW });
    expect(await getRoster(deleted.id)).toBeNull();
    expect(await getRoster("nope")).toBeNull();
  });
});

describe("listMySessions", () => {
  test("a trainer: the sessions they run, over the own window; a mediator adds their places'; a coordinator everyone's nearby", async () => {
    const trainer = await createStaffUser();
    const place = await createPlace();
    const mine = await createSession({ startsAt: at(20 * DAY) });
    const mineTooOld = await createSession({ startsAt: at(-90 * DAY) });
    const atPlace = await createSession({ startsAt: at(DAY), placeId: place.id });
    const elsewhere = await createSession({ startsAt: at(2 * DAY) });
    const elsewhereFar = await createSession({ startsAt: at(30 * DAY) });
    // Older than the window, but someone booked was never marked: still listed.
    const mineUnfinished = await createSession({ startsAt: at(-120 * DAY) });
    const booked = await person("Gina");
    await book(mineUnfinished.id, booked.id, "CONFIRMED");
    for (const s of [mine, mineTooOld, mineUnfinished]) {
      await prisma.sessionTrainer.create({ data: { sessionId: s.id, trainerId: trainer.id } });
    }

    const ids = async (actor: StaffMember, access: "own" | "place" | "any") =>
      (await listMySessions(actor, mySessionsScope(access, NOW))).sessions.map((s) => s.id).sort();

    expect(await ids(staff(trainer.id, ["TRAINER"]), "own")).toEqual([mine.id, mineUnfinished.id].sort());
    expect(await ids(staff(trainer.id, ["MEDIATOR"], [place.id]), "place")).toEqual(
      [mine.id, mineUnfinished.id, atPlace.id].sort(),
    );
    const nearby = await ids(staff(trainer.id, ["COORDINATOR"]), "any");
    expect(nearby).toEqual([mine.id, mineUnfinished.id, atPlace.id, elsewhere.id].sort());
    expect(nearby).not.toContain(elsewhereFar.id);

    // Once its sheet is complete, the old session leaves the list.
    const booking = await prisma.booking.findFirstOrThrow({ where: { personId: booked.id }, select: { id: true } });
    await prisma.attendance.create({
      data: {
        sessionId: mineUnfinished.id,
        personId: booked.id,
        bookingId: booking.id,
        status: "ABSENT",
        markedById: trainer.id,
        markedAt: NOW,
      },
    });
    expect(await ids(staff(trainer.id, ["TRAINER"]), "own")).toEqual([mine.id]);
  });
  test("an old sheet complete by person leaves the list even when the mark is not linked to the booking", async () => {
    const trainer = await createStaffUser();
    const old = await createSession({ startsAt: at(-120 * DAY) });
    await prisma.sessionTrainer.create({ data: { sessionId: old.id, trainerId: trainer.id } });
    const learner = await person("Hugo");
    // Marked before their booking was linked (a walk-in whose seat was booked afterwards): no bookingId.
    await mark(old.id, learner.id, "PRESENT", trainer.id, true);
    await book(old.id, learner.id, "CONFIRMED");

    const { sessions } = await listMySessions(staff(trainer.id, ["TRAINER"]), mySessionsScope("own", NOW));
    expect(sessions.map((s) => s.id)).toEqual([]);
  });
});
