import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { nameKey } from "~/domain/people/name-key";
import { parseWalkInQuery } from "~/domain/people/walk-in-match";
import type { StaffMember } from "~/domain/policy/actor";
import { permissionsForRoles } from "~/domain/policy/permissions";
import { searchPeopleForWalkIn } from "~/models/walk-in-search.server";
import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { NOW, at, createSession, createStaffUser, HOUR } from "../../tests/fixtures/rows";
import { addWalkIn, type NewWalkInPerson } from "./add-walk-in.server";
import { countAnonymousVisitors } from "./count-anonymous-visitors.server";

beforeEach(() => resetDatabase());

function trainer(userId: string): StaffMember {
  return { kind: "staff", userId, roles: ["TRAINER"], permissions: permissionsForRoles(["TRAINER"]), placeIds: [] };
}

/** A session that began ten minutes ago, run by a fresh trainer. */
async function runningSession(options: { capacity?: number; seatsTaken?: number } = {}) {
  const staff = await createStaffUser();
  const session = await createSession({ startsAt: at(-10 * 60 * 1000), durationMs: 2 * HOUR, ...options });
  await prisma.sessionTrainer.create({ data: { sessionId: session.id, trainerId: staff.id } });
  return { session, actor: trainer(staff.id) };
}

let keys = 0;
const key = () => `test-request-key-${String(++keys).padStart(6, "0")}`;

async function knownPerson(overrides: { firstName?: string; lastName?: string; phone?: string; email?: string } = {}) {
  const firstName = overrides.firstName ?? "Hélène";
  const lastName = overrides.lastName ?? "Dupré-Lefèvre";
  return prisma.person.create({
    data: {
      firstName,
      lastName,
      nameKey: nameKey(firstName, lastName),
      phone: overrides.phone ?? "06 12 34 56 78",
      phoneNormalized: overrides.phone === undefined ? "+33612345678" : overrides.phone,
      email: overrides.email ?? null,
      emailNormalized: overrides.email ?? null,
    },
    select: { id: true },
  });
}

const newPerson = (overrides: Partial<NewWalkInPerson> = {}): NewWalkInPerson => ({
  firstName: "Paulette",
  lastName: "Nouvelle",
  phone: null,
  email: null,
  communeId: null,
  ageBand: null,
  ruledOut: [],
  ...overrides,
});

const seatsTaken = async (id: string) =>
  (await prisma.session.findUniqueOrThrow({ where: { id }, select: { seatsTaken: true } })).seatsTaken;

describe("finding a known person and adding them", () => {
  test("an accent-less name or a phone in another writing finds the person, who is added without a new record", async () => {
    const { session, actor } = await runningSession();
    const helene = await knownPerson();
    const byName = await searchPeopleForWalkIn(parseWalkInQuery("helene dupre lefevre"), session.id);
    const byPrefix = await searchPeopleForWalkIn(parseWalkInQuery("HELENE du"), session.id);
    const byPhone = await searchPeopleForWalkIn(parseWalkInQuery("+33 6 12 34 56 78"), session.id);
    for (const found of [byName, byPrefix, byPhone]) expect(found.people.map((p) => p.id)).toEqual([helene.id]);
    expect(await searchPeopleForWalkIn(parseWalkInQuery("helene"), session.id)).toEqual({ people: [], more: false });

    const people = await prisma.person.count();
    const result = await addWalkIn({
      actor,
      sessionId: session.id,
      requestKey: key(),
      person: { existingId: helene.id },
      capacityOverrideReason: null,
      now: NOW,
    });
    expect(result).toMatchObject({ ok: true, personId: helene.id, personCreated: false, overCapacity: false });
    expect(await prisma.person.count()).toBe(people);
    const row = await prisma.attendance.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(row).toMatchObject({ personId: helene.id, isWalkIn: true, status: "PRESENT", bookingId: null });
    expect(await seatsTaken(session.id)).toBe(1);
    const trail = await prisma.auditLog.findMany({ where: { actorUserId: actor.userId }, select: { action: true } });
    expect(trail.map((t) => t.action)).toEqual(["walk-in.create"]);

    const listed = await searchPeopleForWalkIn(parseWalkInQuery("0612345678"), session.id);
    expect(listed.people[0]?.standing).toBe("ON_LIST");
  });

  test("the search shows five people at most and says there are more", async () => {
    const { session } = await runningSession();
    for (let i = 0; i < 7; i++) await knownPerson({ lastName: `Martin${i}`, phone: `+3361234560${i}` });
    const found = await searchPeopleForWalkIn(parseWalkInQuery("helene martin"), session.id);
    expect(found.people).toHaveLength(5);
    expect(found.more).toBe(true);
  });

  test("someone with a confirmed booking is not added as a walk-in; someone on the list is not added twice", async () => {
    const { session, actor } = await runningSession();
    const booked = await knownPerson({ phone: "+33611111111" });
    await prisma.booking.create({
      data: {
        sessionId: session.id,
        personId: booked.id,
        status: "CONFIRMED",
        source: "ONLINE",
        manageTokenHash: "h1",
      },
    });
    const add = (personId: string) =>
      addWalkIn({
        actor,
        sessionId: session.id,
        requestKey: key(),
        person: { existingId: personId },
        capacityOverrideReason: null,
        now: NOW,
      });
    expect(await add(booked.id)).toEqual({ ok: false, code: "ALREADY_BOOKED", personId: booked.id });

    const other = await knownPerson({ firstName: "Marcel", phone: "+33622222222" });
    expect(await add(other.id)).toMatchObject({ ok: true });
    expect(await add(other.id)).toEqual({ ok: false, code: "ALREADY_ON_LIST", personId: other.id });
    expect(await prisma.attendance.count({ where: { sessionId: session.id } })).toBe(1);
    expect(await seatsTaken(session.id)).toBe(1);
  });

  test("a trainer who does not run the session is refused, and nothing is written", async () => {
    const { session } = await runningSession();
    const stranger = trainer((await createStaffUser()).id);
    const result = await addWalkIn({
      actor: stranger,
      sessionId: session.id,
      requestKey: key(),
      person: { create: newPerson() },
      capacityOverrideReason: null,
      now: NOW,
    });
    expect(result).toEqual({ ok: false, code: "NOT_ALLOWED" });
    expect(await prisma.person.count()).toBe(0);
  });
});

describe("a new person", () => {
  test("is created with the walk-in, both audited", async () => {
    const { session, actor } = await runningSession();
    const result = await addWalkIn({
      actor,
      sessionId: session.id,
      requestKey: key(),
      person: { create: newPerson({ phone: "06 99 88 77 66" }) },
      capacityOverrideReason: null,
      now: NOW,
    });
    expect(result).toMatchObject({ ok: true, personCreated: true });
    const person = await prisma.person.findFirstOrThrow({ where: { lastName: "Nouvelle" } });
    expect(person).toMatchObject({
      nameKey: "paulette nouvelle",
      phoneNormalized: "+33699887766",
      createdById: actor.userId,
    });
    const trail = await prisma.auditLog.findMany({ where: { actorUserId: actor.userId }, orderBy: { at: "asc" } });
    expect(trail.map((t) => t.action).sort()).toEqual(["person.create", "walk-in.create"]);
  });

  test("with the phone and first name of someone known: never created, the known record must be used", async () => {
    const { session, actor } = await runningSession();
    const helene = await knownPerson();
    const people = await prisma.person.count();
    const result = await addWalkIn({
      actor,
      sessionId: session.id,
      requestKey: key(),
      person: {
        create: newPerson({ firstName: "helene", lastName: "Autre", phone: "06.12.34.56.78", ruledOut: [helene.id] }),
      },
      capacityOverrideReason: null,
      now: NOW,
    });
    expect(result).toEqual({
      ok: false,
      code: "POSSIBLE_DUPLICATE",
      candidates: [{ id: helene.id, kind: "SAME_CONTACT" }],
      mustReuse: true,
    });
    expect(await prisma.person.count()).toBe(people);
    expect(await prisma.attendance.count()).toBe(0);
  });

  test("with the name of someone known: created only after « C'est une autre personne »", async () => {
    const { session, actor } = await runningSession();
    const namesake = await knownPerson();
    const attempt = (ruledOut: string[]) =>
      addWalkIn({
        actor,
        sessionId: session.id,
        requestKey: key(),
        person: {
          create: newPerson({ firstName: "Helene", lastName: "Dupre Lefevre", phone: "0700000000", ruledOut }),
        },
        capacityOverrideReason: null,
        now: NOW,
      });
    expect(await attempt([])).toMatchObject({ ok: false, code: "POSSIBLE_DUPLICATE", mustReuse: false });
    expect(await prisma.person.count()).toBe(1);
    expect(await attempt([namesake.id])).toMatchObject({ ok: true, personCreated: true });
    expect(await prisma.person.count()).toBe(2);
  });
});

describe("a resent form", () => {
  test("sent twice, one after the other or at once, makes one person, one attendance, one seat", async () => {
    const { session, actor } = await runningSession();
    const requestKey = key();
    const send = () =>
      addWalkIn({
        actor,
        sessionId: session.id,
        requestKey,
        person: { create: newPerson() },
        capacityOverrideReason: null,
        now: NOW,
      });
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();
    for (const result of [a, b, c]) expect(result).toMatchObject({ ok: true, personCreated: true });
    expect([a, b, c].filter((r) => r.ok && r.replayed)).toHaveLength(2);
    expect(await prisma.person.count()).toBe(1);
    expect(await prisma.attendance.count()).toBe(1);
    expect(await seatsTaken(session.id)).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "walk-in.create" } })).toBe(1);
  });
  test("two trainers adding the same person at once: one row, the other told they are on the list", async () => {
    const { session, actor } = await runningSession();
    const helene = await knownPerson();
    const results = await Promise.all(
      [key(), key()].map((requestKey) =>
        addWalkIn({
          actor,
          sessionId: session.id,
          requestKey,
          person: { existingId: helene.id },
          capacityOverrideReason: null,
          now: NOW,
        }),
      ),
    );
    expect(results.map((r) => (r.ok ? "ok" : r.code)).sort()).toEqual(["ALREADY_ON_LIST", "ok"]);
    expect(await prisma.attendance.count()).toBe(1);
    expect(await seatsTaken(session.id)).toBe(1);
  });
});

describe("capacity", () => {
  test("two walk-ins at once for the last seat: one gets it, the other is told the room is full", async () => {
    const { session, actor } = await runningSession({ capacity: 3, seatsTaken: 2 });
    const [a, b] = await Promise.all(
      ["Anne", "Bernard"].map((firstName) =>
        addWalkIn({
          actor,
          sessionId: session.id,
          requestKey: key(),
          person: { create: newPerson({ firstName }) },
          capacityOverrideReason: null,
          now: NOW,
        }),
      ),
    );
    const codes = [a, b].map((r) => (r.ok ? "ok" : r.code)).sort();
    expect(codes).toEqual(["FULL_NEEDS_REASON", "ok"]);
    expect(await seatsTaken(session.id)).toBe(3);
    expect(await prisma.attendance.count()).toBe(1);
    // The refused one left no person behind.
    expect(await prisma.person.count()).toBe(1);
  });

  test("beyond capacity with a reason: added, the reason kept and the override audited", async () => {
    const { session, actor } = await runningSession({ capacity: 2, seatsTaken: 2 });
    const result = await addWalkIn({
      actor,
      sessionId: session.id,
      requestKey: key(),
      person: { create: newPerson() },
      capacityOverrideReason: "  Une chaise en plus, elle vient avec sa tablette  ",
      now: NOW,
    });
    expect(result).toMatchObject({ ok: true, overCapacity: true });
    expect(await seatsTaken(session.id)).toBe(3);
    const row = await prisma.attendance.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(row.capacityOverrideReason).toBe("Une chaise en plus, elle vient avec sa tablette");
    const override = await prisma.auditLog.findFirstOrThrow({ where: { action: "session.capacity-override" } });
    expect(override).toMatchObject({ entityType: "Session", entityId: session.id, actorUserId: actor.userId, at: NOW });
    expect(JSON.parse(override.data ?? "{}")).toMatchObject({
      reason: "Une chaise en plus, elle vient avec sa tablette",
    });
  });

  test("a session already marked completed, with seats left: added the next day without a reason", async () => {
    const { session, actor } = await runningSession({ capacity: 2, seatsTaken: 1 });
    await prisma.session.update({ where: { id: session.id }, data: { status: "COMPLETED" } });
    const result = await addWalkIn({
      actor,
      sessionId: session.id,
      requestKey: key(),
      person: { create: newPerson() },
      capacityOverrideReason: null,
      now: at(20 * HOUR),
    });
    expect(result).toMatchObject({ ok: true, overCapacity: false });
    expect(await seatsTaken(session.id)).toBe(2);
  });

  test("a seat left: the reason is not needed and not stored", async () => {
    const { session, actor } = await runningSession({ capacity: 2, seatsTaken: 0 });
    await addWalkIn({
      actor,
      sessionId: session.id,
      requestKey: key(),
      person: { create: newPerson() },
      capacityOverrideReason: "pour rien",
      now: NOW,
    });
    const row = await prisma.attendance.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(row.capacityOverrideReason).toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "session.capacity-override" } })).toBe(0);
  });
});

describe("countAnonymousVisitors", () => {
  test("records the count once per form, audited, and takes no seat", async () => {
    const { session, actor } = await runningSession({ capacity: 2, seatsTaken: 2 });
    const requestKey = key();
    const count = () =>
      countAnonymousVisitors({
        actor,
        sessionId: session.id,
        requestKey,
        count: 3,
        ageBand: "FROM_70",
        communeId: null,
        now: NOW,
      });
    const [a, b] = await Promise.all([count(), count()]);
    expect([a, b].map((r) => r.ok)).toEqual([true, true]);
    expect(await prisma.anonymousVisit.count()).toBe(1);
    expect(await seatsTaken(session.id)).toBe(2);
    const trail = await prisma.auditLog.findFirstOrThrow({ where: { action: "anonymous-visit.count" } });
    expect(trail.actorUserId).toBe(actor.userId);
  });

  test("refuses a count out of range and a stranger", async () => {
    const { session, actor } = await runningSession();
    const base = { sessionId: session.id, ageBand: null, communeId: null, now: NOW };
    expect(await countAnonymousVisitors({ ...base, actor, requestKey: key(), count: 31 })).toEqual({
      ok: false,
      code: "BAD_COUNT",
    });
    const stranger = trainer((await createStaffUser()).id);
    expect(await countAnonymousVisitors({ ...base, actor: stranger, requestKey: key(), count: 1 })).toEqual({
      ok: false,
      code: "NOT_ALLOWED",
    });
    expect(await prisma.anonymousVisit.count()).toBe(0);
  });
});

describe("review fixes", () => {
  afterEach(() => vi.restoreAllMocks());

  test("someone on the waiting list is added: that booking is cancelled by staff, the list shortened, audited", async () => {
    const { session, actor } = await runningSession();
    const helene = await knownPerson();
    await prisma.session.update({ where: { id: session.id }, data: { waitlistCount: 2 } });
    const booking = await prisma.booking.create({
      data: {
        sessionId: session.id,
        personId: helene.id,
        status: "WAITLISTED",
        source: "ONLINE",
        manageTokenHash: "w1",
      },
    });
    const result = await addWalkIn({
      actor,
      sessionId: session.id,
      requestKey: key(),
      person: { existingId: helene.id },
      capacityOverrideReason: null,
      now: NOW,
    });
    expect(result).toMatchObject({ ok: true, leftWaitlist: true });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
      status: "CANCELLED",
      cancelledBy: "STAFF",
      cancelledAt: NOW,
    });
    const after = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(after).toMatchObject({ waitlistCount: 1, seatsTaken: 1 });
    const trail = await prisma.auditLog.findFirstOrThrow({ where: { action: "booking.cancel", entityId: booking.id } });
    expect(trail.actorUserId).toBe(actor.userId);
    expect(JSON.parse(trail.data ?? "{}")).toMatchObject({ via: "walk-in", previousStatus: "WAITLISTED" });
  });

  test("a new person is created in a serializable transaction; adding someone known is not", async () => {
    const { session, actor } = await runningSession();
    const helene = await knownPerson();
    const spy = vi.spyOn(prisma, "$transaction");
    const send = (person: Parameters<typeof addWalkIn>[0]["person"]) =>
      addWalkIn({ actor, sessionId: session.id, requestKey: key(), person, capacityOverrideReason: null, now: NOW });
    expect(await send({ create: newPerson() })).toMatchObject({ ok: true });
    expect(spy.mock.calls.at(-1)?.[1]).toMatchObject({ isolationLevel: "Serializable" });
    expect(await send({ existingId: helene.id })).toMatchObject({ ok: true });
    expect(spy.mock.calls.at(-1)?.[1]).not.toHaveProperty("isolationLevel");
  });

  test("two trainers creating the same newcomer at once, each with their form: one person, the other told so", async () => {
    const { session, actor } = await runningSession();
    const results = await Promise.all(
      [key(), key()].map((requestKey) =>
        addWalkIn({
          actor,
          sessionId: session.id,
          requestKey,
          person: { create: newPerson({ phone: "06 22 33 44 55" }) },
          capacityOverrideReason: null,
          now: NOW,
        }),
      ),
    );
    expect(results.map((r) => (r.ok ? "ok" : r.code)).sort()).toEqual(["POSSIBLE_DUPLICATE", "ok"]);
    expect(await prisma.person.count()).toBe(1);
    expect(await prisma.attendance.count()).toBe(1);
  });
});
