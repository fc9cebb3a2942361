import bcrypt from "bcryptjs";
import { format } from "date-fns";
import { beforeAll, describe, expect, test } from "vitest";

import { overlaps } from "~/domain/time/interval";
import { parisDayBounds, parisDayKey } from "~/domain/time/paris-day";
import { inParis } from "~/domain/time/paris";
import { prisma } from "~/utils/db.server";

import { seed, seededForAnotherWeek, type SeedCounts } from "../../prisma/seed";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { easterSunday, isClosedDay, publicHolidays } from "../../prisma/seed/holidays";
import { resetDatabase } from "../setup/db";

// A Wednesday whose week ends on the spring DST change (29 March 2026): the upcoming sessions
// are in summer time, the past ones in winter time; Easter Monday, 1 and 8 May fall in range.
const SPRING = new Date("2026-03-25T10:00:00Z");
// Across the autumn change (25 October 2026), with 11 November and the Christmas closure.
const AUTUMN = new Date("2026-11-02T15:30:00Z");

const DAY = 86_400_000;

/** id@updatedAt of the rows the seed writes most, to prove a second run writes nothing */
async function rowVersions() {
  const [sessions, bookings, persons] = await Promise.all([
    prisma.session.findMany({ select: { id: true, updatedAt: true } }),
    prisma.booking.findMany({ select: { id: true, updatedAt: true } }),
    prisma.person.findMany({ select: { id: true, updatedAt: true } }),
  ]);
  return [...sessions, ...bookings, ...persons].map((r) => `${r.id}@${r.updatedAt.toISOString()}`).sort();
}

/** The rules the app relies on, checked on whatever the database holds. */
async function expectConsistentActivity(now: Date) {
  const sessions = await prisma.session.findMany({
    select: {
      id: true,
      status: true,
      startsAt: true,
      capacity: true,
      seatsTaken: true,
      waitlistCount: true,
      cancellationReason: true,
      bookings: { select: { status: true, waitlistedAt: true } },
    },
  });
  for (const s of sessions) {
    const confirmed = s.bookings.filter((b) => b.status === "CONFIRMED").length;
    expect({ id: s.id, seatsTaken: s.seatsTaken }).toEqual({ id: s.id, seatsTaken: confirmed });
    const waitlisted = s.bookings.filter((b) => b.status === "WAITLISTED").length;
    expect({ id: s.id, waitlistCount: s.waitlistCount }).toEqual({ id: s.id, waitlistCount: waitlisted });
    expect(s.seatsTaken).toBeLessThanOrEqual(s.capacity);
    if (s.status === "COMPLETED") expect(s.startsAt < now).toBe(true);
    if (s.status === "CANCELLED") expect(s.cancellationReason).toBeTruthy();
    if (s.status === "CANCELLED") expect(confirmed).toBe(0);
  }

  const fullWithQueue = sessions.filter(
    (s) =>
      s.status === "SCHEDULED" &&
      s.startsAt > now &&
      s.seatsTaken === s.capacity &&
      s.bookings.some((b) => b.status === "WAITLISTED"),
  );
  expect(fullWithQueue.length).toBeGreaterThanOrEqual(3);
  for (const s of fullWithQueue) {
    expect(s.bookings.filter((b) => b.status === "WAITLISTED").every((b) => b.waitlistedAt !== null)).toBe(true);
  }

  const active = await prisma.booking.findMany({
    where: { status: { in: ["CONFIRMED", "WAITLISTED"] }, session: { status: { not: "CANCELLED" } } },
    select: { personId: true, session: { select: { id: true, startsAt: true, endsAt: true } } },
  });
  const byPerson = new Map<string, { id: string; startsAt: Date; endsAt: Date }[]>();
  for (const b of active) byPerson.set(b.personId, [...(byPerson.get(b.personId) ?? []), b.session]);
  for (const [personId, slots] of byPerson) {
    slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (let i = 1; i < slots.length; i++) {
      expect(overlaps(slots[i - 1], slots[i]), `${personId}: ${slots[i - 1].id} and ${slots[i].id}`).toBe(false);
    }
  }

  // Sessions keep their Paris wall-clock time whatever the UTC offset of their day.
  const localStarts = new Set(sessions.map((s) => format(s.startsAt, "HH:mm", { in: inParis })));
  expect([...localStarts].sort()).toEqual(["09:30", "14:00"]);
  expect(new Set(sessions.map((s) => s.startsAt.getUTCHours())).size).toBe(4);

  // …inside the opening hours of their place.
  const withHours = await prisma.session.findMany({
    select: { id: true, startsAt: true, endsAt: true, place: { select: { openingHours: true } } },
  });
  for (const s of withHours) {
    const weekday = Number(format(s.startsAt, "i", { in: inParis }));
    const [opens, closes] = [format(s.startsAt, "HH:mm", { in: inParis }), format(s.endsAt, "HH:mm", { in: inParis })];
    const fits = s.place.openingHours.some((h) => h.weekday === weekday && h.opensAt <= opens && closes <= h.closesAt);
    expect(fits, `${s.id} on day ${weekday}, ${opens}–${closes}`).toBe(true);
  }

  const onHolidays = sessions.filter(
    (s) =>
      s.status !== "CANCELLED" &&
      ["11-11", "05-01", "05-08", "12-25"].includes(format(s.startsAt, "MM-dd", { in: inParis })),
  );
  expect(onHolidays).toEqual([]);
}

const FORMATRICE = "seed-staff-formatrice";

/**
 * What formatrice@passerelle.demo finds on signing in at `now`: sessions today and tomorrow with
 * learners booked (no place opens on Sunday), a past session whose sheet is still to fill in, and
 * every older one marked.
 */
async function expectTrainerDay(now: Date) {
  const sessions = await prisma.session.findMany({
    where: { trainers: { some: { trainerId: FORMATRICE } }, status: { not: "CANCELLED" } },
    select: { id: true, startsAt: true, endsAt: true, seatsTaken: true, _count: { select: { attendances: true } } },
  });
  const today = parisDayBounds(now);
  for (const day of [today.start, parisDayBounds(today.end).start]) {
    if (format(day, "i", { in: inParis }) === "7") continue;
    const booked = sessions.filter((s) => parisDayKey(s.startsAt) === parisDayKey(day) && s.seatsTaken > 0);
    expect(booked.length, `a session with learners on ${parisDayKey(day)}`).toBeGreaterThan(0);
  }
  const recent = (s: (typeof sessions)[number]) => s.endsAt.getTime() > now.getTime() - 10 * DAY;
  const past = sessions.filter((s) => s.endsAt < now);
  expect(past.filter((s) => recent(s) && s._count.attendances === 0).length).toBeGreaterThan(0);
  const older = past.filter((s) => !recent(s));
  expect(older.length).toBeGreaterThan(0);
  expect(older.filter((s) => s._count.attendances === 0).map((s) => s.id)).toEqual([]);
}

describe("prisma/seed", () => {
  let first: SeedCounts;

  beforeAll(async () => {
    await resetDatabase();
    first = await seed(prisma, { now: SPRING });
  }, 60_000);

  test("running it again the same week changes nothing", async () => {
    const before = await rowVersions();
    const again = await seed(prisma, { now: new Date(SPRING.getTime() + 2 * DAY) });
    expect(again).toEqual(first);
    expect(await rowVersions()).toEqual(before);
    // What `npm start` asks before moving a demo database to the current week.
    expect(await seededForAnotherWeek(prisma, new Date(SPRING.getTime() + 4 * DAY))).toBe(false);
    expect(await seededForAnotherWeek(prisma, AUTUMN)).toBe(true);
  }, 60_000);

  test("gives the territory: 83 communes, a hub and five tiers-lieux serving all of them", async () => {
    expect(first.communes).toBe(83);
    const places = await prisma.place.findMany({ include: { commune: true, openingHours: true } });
    expect(places.map((p) => p.kind).sort()).toEqual(["DIGITAL_HUB", ...Array(5).fill("TIERS_LIEU")]);
    expect(places.find((p) => p.kind === "DIGITAL_HUB")?.commune.inseeCode).toBe("11069");
    for (const place of places) {
      expect(place.openingHours.length).toBeGreaterThan(0);
      expect(place.phone).toMatch(/^04 68( \d\d){3}$/);
    }
    expect(await prisma.commune.count({ where: { servedBy: { none: {} } } })).toBe(0);
    expect(await prisma.commune.count({ where: { area: "URBAN" } })).toBeGreaterThan(0);
  });

  test("gives the skills framework: 16 CRCN competences in 5 domains, and the first steps", async () => {
    const crcn = await prisma.skill.findMany({ where: { framework: "CRCN" }, select: { code: true, domainId: true } });
    expect(crcn).toHaveLength(16);
    expect(new Set(crcn.map((s) => s.domainId)).size).toBe(5);
    expect(await prisma.skill.count({ where: { framework: "FIRST_STEPS" } })).toBeGreaterThanOrEqual(8);
    expect(await prisma.skill.count({ where: { NOT: { statement: { startsWith: "Je sais" } } } })).toBe(0);
  });

  test("gives at least one staff member per role, who can log in with the demo password", async () => {
    for (const role of ["TRAINER", "MEDIATOR", "COORDINATOR", "ADMIN"] as const) {
      expect(await prisma.staffRoleGrant.count({ where: { role } })).toBeGreaterThan(0);
    }
    const account = await prisma.staffUser.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS[0].email } });
    expect(await bcrypt.compare(DEMO_PASSWORD, account.passwordHash)).toBe(true);
  });

  test("keeps seats, waiting lists and schedules consistent", async () => {
    await expectConsistentActivity(SPRING);
  });

  test("gives the demo trainer a day of work, whatever day of the week the demo starts", async () => {
    const monday = parisDayBounds(new Date(SPRING.getTime() - 2 * DAY)).start;
    for (let day = 0; day < 7; day++) await expectTrainerDay(new Date(monday.getTime() + day * DAY + 8 * 3_600_000));
    await expectTrainerDay(SPRING);
  });

  test("gives every booking its desk code for the printed card", async () => {
    expect(await prisma.booking.count({ where: { deskCode: null } })).toBe(0);
    expect(await prisma.booking.count()).toBeGreaterThan(0);
  });

  test("records attendance of past sessions, with some walk-ins, and assessments", async () => {
    expect(await prisma.attendance.count({ where: { isWalkIn: true, bookingId: { not: null } } })).toBe(0);
    expect(await prisma.attendance.count({ where: { isWalkIn: true } })).toBeGreaterThan(0);
    expect(await prisma.skillAssessment.count()).toBeGreaterThan(0);
    expect(await prisma.attendance.count({ where: { markedBy: { roles: { none: { role: "TRAINER" } } } } })).toBe(0);
    expect(await prisma.attendance.count({ where: { session: { status: { not: "COMPLETED" } } } })).toBe(0);
  });

  test("seeded in another week, moves its rows there without leaving any behind", async () => {
    const passwordHash = (await prisma.staffUser.findFirstOrThrow()).passwordHash;

    const autumn = await seed(prisma, { now: AUTUMN });
    expect(autumn.communes).toBe(83);
    expect(autumn.persons).toBe(first.persons);
    await expectConsistentActivity(AUTUMN);
    await expectTrainerDay(AUTUMN);

    // Back to the first week: exactly the first run's rows again, passwords untouched.
    expect(await seed(prisma, { now: SPRING })).toEqual(first);
    await expectConsistentActivity(SPRING);
    expect((await prisma.staffUser.findFirstOrThrow()).passwordHash).toBe(passwordHash);
  }, 60_000);
});

describe("prisma/seed/holidays", () => {
  test("finds Easter and the holidays that move with it", () => {
    expect(easterSunday(2025)).toEqual({ month: 4, day: 20 });
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
    expect(publicHolidays(2026)).toEqual(expect.arrayContaining(["2026-04-06", "2026-05-14", "2026-05-25"]));
  });

  test("closes the places on public holidays and from Christmas Eve to New Year's Day", () => {
    expect(["2026-11-11", "2026-12-24", "2026-12-31", "2027-01-01"].map(isClosedDay)).toEqual([true, true, true, true]);
    expect(["2026-11-12", "2026-12-23", "2027-01-02"].map(isClosedDay)).toEqual([false, false, false]);
  });
});
