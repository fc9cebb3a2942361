import { beforeEach, describe, expect, test } from "vitest";

import { WAITLIST_CAP } from "~/domain/booking/waitlist";
import { ANONYMOUS, type Actor } from "~/domain/policy/actor";
import { prisma } from "~/utils/db.server";
import { manageTokenFor, manageTokenHashFor } from "~/utils/link-tokens.server";
import { hashToken } from "~/utils/tokens.server";

import { resetDatabase } from "../../tests/setup/db";
import { bookSession } from "./book-session.server";
import { cancelBooking } from "./cancel-booking.server";
import { findBookingByManageToken, listPersonBookings, suggestOtherDates } from "./read-bookings.server";
import {
  DAY,
  HOUR,
  NOW,
  at,
  createCommune,
  createPlace,
  createSession,
  createStaffUser,
  createWorkshop,
  outboxEmails,
  personInput,
} from "../../tests/fixtures/rows";

beforeEach(() => resetDatabase());

/** Holds the booking's manage link. */
const holder = (bookingId: string): Actor => ({ kind: "manage-link", bookingId });
const staffWithout: Actor = {
  kind: "staff",
  userId: "no-permission",
  roles: ["TRAINER"],
  permissions: [],
  placeIds: [],
};
const staffActor = (userId: string): Actor => ({
  kind: "staff",
  userId,
  roles: ["MEDIATOR"],
  permissions: ["create:booking:any", "update:booking:any"],
  placeIds: [],
});

async function seatsTaken(sessionId: string) {
  const session = await prisma.session.findUniqueOrThrow({ where: { id: sessionId }, select: { seatsTaken: true } });
  return session.seatsTaken;
}

async function waitlistCount(sessionId: string) {
  const session = await prisma.session.findUniqueOrThrow({ where: { id: sessionId }, select: { waitlistCount: true } });
  return session.waitlistCount;
}

async function book(sessionId: string, person = personInput(), extra: { now?: Date } = {}) {
  return bookSession({ sessionId, person, source: "ONLINE", now: extra.now ?? NOW });
}

async function bookOk(sessionId: string, person = personInput()) {
  const result = await book(sessionId, person);
  if (!result.ok) throw new Error(`expected a booking, got ${result.code}`);
  return result;
}

describe("bookSession", () => {
  test("confirms a seat, keeps only the derived token's hash and enqueues the confirmation with no link in it", async () => {
    const session = await createSession({ capacity: 2 });
    const result = await bookOk(
      session.id,
      personInput({ firstName: "Hélène", email: " Helene@Example.org ", preferredLanguage: "es" }),
    );

    expect(result).toMatchObject({ ok: true, status: "CONFIRMED", waitlistPosition: null });
    expect(result.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.manageToken).toBe(manageTokenFor(result.bookingId));
    const booking = await prisma.booking.findUniqueOrThrow({ where: { id: result.bookingId } });
    expect(booking).toMatchObject({
      status: "CONFIRMED",
      source: "ONLINE",
      manageTokenHash: hashToken(result.manageToken),
      manageTokenScheme: 1,
      contactEmail: "Helene@Example.org",
      contactEmailNormalized: "helene@example.org",
      locale: "es",
      remindersWanted: true,
    });
    expect(booking.confirmedAt).toEqual(NOW);
    expect(await seatsTaken(session.id)).toBe(1);

    const person = await prisma.person.findUniqueOrThrow({ where: { id: result.personId } });
    expect(person).toMatchObject({
      emailNormalized: "helene@example.org",
      lastActivityAt: NOW,
      preferredLanguage: "es",
    });
    expect(person.nameKey).toMatch(/^helene dupont\d+$/);

    const [email] = await outboxEmails();
    expect(email).toMatchObject({
      kind: "booking-confirmed",
      recipient: "Helene@Example.org",
      locale: "es",
      dedupeKey: `booking-confirmed:${result.bookingId}:${NOW.toISOString()}`,
    });
    const row = await prisma.outboxEmail.findFirstOrThrow({
      select: { bookingId: true, sessionId: true, payload: true },
    });
    expect(row).toMatchObject({ bookingId: result.bookingId, sessionId: session.id });
    expect(row.payload).not.toContain(result.manageToken);
    expect(email.payload).not.toHaveProperty("managePath");
    expect(email.payload).toMatchObject({
      bookingId: result.bookingId,
      firstName: "Hélène",
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      placeAddress: expect.any(String),
      workshopTitle: expect.any(String),
    });
  });

  test("50 simultaneous bookings of a 1-seat session: one seat, a queue of WAITLIST_CAP in order, the rest refused", async () => {
    const session = await createSession({ capacity: 1 });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => book(session.id, personInput({ firstName: `Personne${i}` }))),
    );

    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(1 + WAITLIST_CAP);
    expect(ok.filter((r) => r.status === "CONFIRMED")).toHaveLength(1);
    const waitlisted = ok.filter((r) => r.status === "WAITLISTED");
    expect(waitlisted).toHaveLength(WAITLIST_CAP);
    expect(waitlisted.map((r) => r.waitlistPosition).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: WAITLIST_CAP }, (_, i) => i + 1),
    );
    expect(results.filter((r) => !r.ok)).toEqual(
      Array.from({ length: 49 - WAITLIST_CAP }, () => ({ ok: false, code: "WAITLIST_FULL" })),
    );
    expect(await seatsTaken(session.id)).toBe(1);
    expect(await waitlistCount(session.id)).toBe(WAITLIST_CAP);
    expect(await prisma.booking.count({ where: { sessionId: session.id, status: "CONFIRMED" } })).toBe(1);
    expect(await prisma.booking.count({ where: { sessionId: session.id, status: "WAITLISTED" } })).toBe(WAITLIST_CAP);
    expect(await outboxEmails("booking-waitlisted")).toHaveLength(WAITLIST_CAP);
    // 50 transactions on a machine shared with other work: more than the default 5 s is no failure.
  }, 30_000);

  test("20 simultaneous bookings of a 3-seat session confirm exactly 3", async () => {
    const session = await createSession({ capacity: 3 });
    const results = await Promise.all(Array.from({ length: 20 }, () => book(session.id)));
    expect(results.filter((r) => r.ok && r.status === "CONFIRMED")).toHaveLength(3);
    expect(await seatsTaken(session.id)).toBe(3);
  });

  describe("recognising the person", () => {
    test("by email whatever its case, or by phone whatever its writing: no duplicate record", async () => {
      const commune = await createCommune();
      const first = await bookOk(
        (await createSession()).id,
        personInput({
          firstName: "Jean",
          lastName: "Martin",
          email: "jean.martin@example.org",
          phone: "06 12 34 56 78",
        }),
      );
      const byEmail = await bookOk(
        (await createSession({ startsAt: at(3 * DAY) })).id,
        personInput({ firstName: "JEAN", lastName: "Martin", email: "Jean.Martin@Example.org ", phone: null }),
      );
      const byPhone = await bookOk(
        (await createSession({ startsAt: at(4 * DAY) })).id,
        personInput({
          firstName: "Jean",
          lastName: "Martin-Durand",
          email: null,
          phone: "+33 6 12 34 56 78",
          communeId: commune.id,
          preferredLanguage: "en",
          consentSuggestions: true,
        }),
      );

      expect(byEmail.personId).toBe(first.personId);
      expect(byPhone.personId).toBe(first.personId);
      expect(await prisma.person.count()).toBe(1);
      // The form only adds (decision 010): what the later forms said differently is not stored.
      const person = await prisma.person.findUniqueOrThrow({ where: { id: first.personId } });
      expect(person).toMatchObject({
        lastName: "Martin",
        communeId: null,
        preferredLanguage: "fr",
        consentSuggestions: false,
        consentsUpdatedAt: null,
        phoneNormalized: "+33612345678",
      });
      expect(commune.id).not.toBe(person.communeId);
    });

    test("a missing contact is not filled in from a form, yet the booking's messages go to the contact typed for it", async () => {
      const first = await bookOk(
        (await createSession()).id,
        personInput({ firstName: "Ana", email: null, phone: "0611223344" }),
      );
      const second = await bookOk(
        (await createSession({ startsAt: at(3 * DAY) })).id,
        personInput({ firstName: "Ana", email: "ana@example.org", phone: "0611223344", preferredLanguage: "es" }),
      );
      expect(second.personId).toBe(first.personId);
      const person = await prisma.person.findUniqueOrThrow({ where: { id: first.personId } });
      expect(person).toMatchObject({ email: null, emailNormalized: null, preferredLanguage: "fr" });
      // No tick needed: the confirmation is a service message, to this booking's contact, in its language.
      expect(await outboxEmails()).toEqual([
        expect.objectContaining({ kind: "booking-confirmed", recipient: "ana@example.org", locale: "es" }),
      ]);
    });

    test("a known person booking with a new email: the stored email stays, every message of that booking goes to the new one", async () => {
      const known = await bookOk(
        (await createSession()).id,
        personInput({ firstName: "Lucie", email: "lucie.ancienne@example.org", phone: "0622334455" }),
      );
      const session = await createSession({ startsAt: at(3 * DAY) });
      const booked = await bookOk(
        session.id,
        personInput({ firstName: "Lucie", email: "lucie.nouvelle@example.org", phone: "06 22 33 44 55" }),
      );
      expect(booked.personId).toBe(known.personId);
      expect(await prisma.person.findUniqueOrThrow({ where: { id: known.personId } })).toMatchObject({
        email: "lucie.ancienne@example.org",
      });
      await cancelBooking({ bookingId: booked.bookingId, actor: holder(booked.bookingId), now: NOW });
      const ofThatBooking = await prisma.outboxEmail.findMany({
        where: { bookingId: booked.bookingId },
        select: { kind: true, recipient: true },
        orderBy: { createdAt: "asc" },
      });
      // Confirmation, its reminders and follow-up (dropped with the cancellation), the cancellation: all to the new address.
      expect(new Set(ofThatBooking.map((row) => row.recipient))).toEqual(new Set(["lucie.nouvelle@example.org"]));
      expect(ofThatBooking.map((row) => row.kind)).toEqual(
        expect.arrayContaining(["booking-confirmed", "reminder", "follow-up", "booking-cancelled"]),
      );
    });

    test("a spouse sharing the email is another person", async () => {
      const shared = { email: "famille.roux@example.org", lastName: "Roux" };
      const husband = await bookOk((await createSession()).id, personInput({ ...shared, firstName: "Pierre" }));
      const wife = await bookOk((await createSession()).id, personInput({ ...shared, firstName: "Josette" }));
      expect(wife.personId).not.toBe(husband.personId);
      expect(await prisma.person.count()).toBe(2);
    });

    test("simultaneous first bookings of the same new person make one record", async () => {
      const sessions = await Promise.all(
        Array.from({ length: 5 }, (_, i) => createSession({ startsAt: at((2 + i) * DAY) })),
      );
      const person = personInput({ firstName: "Lucien", email: "lucien@example.org" });
      const results = await Promise.all(sessions.map((s) => book(s.id, person)));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(await prisma.person.count()).toBe(1);
    });

    test("a refused booking creates no person", async () => {
      const session = await createSession({ status: "CANCELLED" });
      expect(await book(session.id)).toEqual({ ok: false, code: "SESSION_CANCELLED" });
      expect(await prisma.person.count()).toBe(0);
      expect(await outboxEmails()).toHaveLength(0);
    });
  });

  describe("refusals", () => {
    test("unknown or soft-deleted session", async () => {
      expect(await book("no-such-session")).toEqual({ ok: false, code: "SESSION_NOT_FOUND" });
      const deleted = await createSession({ deletedAt: NOW });
      expect(await book(deleted.id)).toEqual({ ok: false, code: "SESSION_NOT_FOUND" });
    });

    test("booking closes at the exact start", async () => {
      const session = await createSession({ startsAt: at(HOUR) });
      expect(await book(session.id, personInput(), { now: at(HOUR) })).toEqual({ ok: false, code: "BOOKING_CLOSED" });
      expect((await book(session.id, personInput(), { now: at(HOUR - 1) })).ok).toBe(true);
    });

    test("the same person twice on one session, even simultaneously", async () => {
      const session = await createSession();
      const person = personInput();
      const results = await Promise.all([book(session.id, person), book(session.id, person)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      // Online, the reason is hers alone (decision 010); staff hear it.
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, code: "PRIVATE_REFUSAL" });
      expect(await seatsTaken(session.id)).toBe(1);
      const staff = await createStaffUser();
      expect(
        await bookSession({ sessionId: session.id, person, source: "PHONE", actor: staffActor(staff.id), now: NOW }),
      ).toEqual({
        ok: false,
        code: "ALREADY_BOOKED",
      });
    });

    test("overlapping sessions, waitlisted ones included; back-to-back is fine", async () => {
      const person = personInput();
      const full = await createSession({ capacity: 1, seatsTaken: 1, startsAt: at(2 * DAY) });
      const waitlisted = await bookOk(full.id, person);
      expect(waitlisted.status).toBe("WAITLISTED");

      const overlapping = await createSession({ startsAt: at(2 * DAY + HOUR) });
      expect(await book(overlapping.id, person)).toEqual({ ok: false, code: "PRIVATE_REFUSAL" });
      const staff = await createStaffUser();
      expect(
        await bookSession({
          sessionId: overlapping.id,
          person,
          source: "PHONE",
          actor: staffActor(staff.id),
          now: NOW,
        }),
      ).toEqual({
        ok: false,
        code: "OVERLAPS_OTHER_BOOKING",
        conflictingSessionId: full.id,
      });
      const backToBack = await createSession({ startsAt: at(2 * DAY + 2 * HOUR) });
      expect((await book(backToBack.id, person)).ok).toBe(true);
    });
  });

  test("re-booking after a cancellation reuses the row, keeps its link, takes the new form's contact and sends a new email", async () => {
    const session = await createSession();
    const person = personInput();
    const first = await bookOk(session.id, person);
    expect(await cancelBooking({ bookingId: first.bookingId, actor: holder(first.bookingId), now: at(HOUR) })).toEqual({
      ok: true,
      promotedBookingId: null,
    });
    const again = await bookSession({
      sessionId: session.id,
      person: { ...person, preferredLanguage: "ar" },
      remindersWanted: false,
      source: "ONLINE",
      now: at(2 * HOUR),
    });
    if (!again.ok) throw new Error(again.code);

    expect(again.bookingId).toBe(first.bookingId);
    // The link is derived from the id: the one the person already holds opens the booking again.
    expect(again.manageToken).toBe(first.manageToken);
    expect((await findBookingByManageToken(first.manageToken, NOW))?.status).toBe("CONFIRMED");
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: again.bookingId } })).toMatchObject({
      manageTokenHash: manageTokenHashFor(first.bookingId),
      locale: "ar",
      remindersWanted: false,
    });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: again.bookingId } })).toMatchObject({
      status: "CONFIRMED",
      cancelledAt: null,
      cancelledBy: null,
      confirmedAt: at(2 * HOUR),
    });
    expect(await seatsTaken(session.id)).toBe(1);
    expect(await outboxEmails("booking-confirmed")).toHaveLength(2);
  });

  test("no email for a booking made with a phone only; one with an email needs no tick to get its confirmation", async () => {
    const session = await createSession();
    await bookOk(session.id, personInput({ email: null, phone: "0699887766" }));
    expect(await outboxEmails()).toHaveLength(0);
    const withEmail = await bookSession({
      sessionId: session.id,
      person: personInput({ email: "sans.case@example.org" }),
      remindersWanted: false,
      source: "ONLINE",
      now: NOW,
    });
    expect(await outboxEmails()).toEqual([
      expect.objectContaining({ kind: "booking-confirmed", recipient: "sans.case@example.org" }),
    ]);
    if (!withEmail.ok) throw new Error(withEmail.code);
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: withEmail.bookingId } })).toMatchObject({
      remindersWanted: false,
    });
  });

  test("a booking made by staff is audited, an online one is not", async () => {
    const staff = await createStaffUser();
    const session = await createSession();
    await bookOk(session.id);
    const byPhone = await bookSession({
      sessionId: session.id,
      person: personInput(),
      source: "PHONE",
      actor: staffActor(staff.id),
      now: NOW,
    });
    if (!byPhone.ok) throw new Error(byPhone.code);

    const entries = await prisma.auditLog.findMany();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "booking.create",
      entityType: "Booking",
      entityId: byPhone.bookingId,
      actorUserId: staff.id,
    });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: byPhone.bookingId } })).toMatchObject({
      source: "PHONE",
      bookedById: staff.id,
    });
    expect(await prisma.person.findUniqueOrThrow({ where: { id: byPhone.personId } })).toMatchObject({
      createdById: staff.id,
    });
  });
});

describe("cancelBooking", () => {
  async function fullSessionWithQueue(queueLength: number) {
    const session = await createSession({ capacity: 1 });
    const confirmed = await bookOk(session.id, personInput({ firstName: "Alice" }));
    const queue = [];
    for (let i = 0; i < queueLength; i++) queue.push(await bookOk(session.id, personInput({ firstName: `Queue${i}` })));
    return { session, confirmed, queue };
  }

  test("a freed seat goes to the first in the queue, in the same transaction", async () => {
    const staff = await createStaffUser();
    const { session, confirmed, queue } = await fullSessionWithQueue(2);
    const result = await cancelBooking({
      bookingId: confirmed.bookingId,
      actor: staffActor(staff.id),
      reason: "Malade",
      now: at(HOUR),
    });

    expect(result).toEqual({ ok: true, promotedBookingId: queue[0].bookingId });
    expect(await seatsTaken(session.id)).toBe(1);
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: queue[0].bookingId } })).toMatchObject({
      status: "CONFIRMED",
      promotedAt: at(HOUR),
      confirmedAt: at(HOUR),
    });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: confirmed.bookingId } })).toMatchObject({
      status: "CANCELLED",
      cancelledAt: at(HOUR),
      cancelledBy: "STAFF",
      cancellationReason: "Malade",
    });
    expect((await findBookingByManageToken(queue[1].manageToken, NOW))?.waitlistPosition).toBe(1);

    const [promoted] = await outboxEmails("booking-promoted");
    expect(promoted).toMatchObject({ recipient: expect.stringMatching(/@example\.org$/) });
    // Like every booking email, it names its booking: the composer derives its manage link when sending.
    expect(promoted.payload).toMatchObject({ firstName: "Queue0", bookingId: queue[0].bookingId });
    expect(
      await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "booking-promoted" }, select: { bookingId: true } }),
    ).toEqual({ bookingId: queue[0].bookingId });
    const [cancelled] = await outboxEmails("booking-cancelled");
    expect(cancelled.payload).toMatchObject({ firstName: "Alice", bookingId: confirmed.bookingId });

    const [entry] = await prisma.auditLog.findMany({ where: { action: "booking.cancel" } });
    expect(entry).toMatchObject({ entityId: confirmed.bookingId, actorUserId: staff.id });
    expect(JSON.parse(entry.data!)).toMatchObject({
      by: "STAFF",
      previousStatus: "CONFIRMED",
      promotedBookingId: queue[0].bookingId,
    });
  });

  test("leaving the queue frees no seat and promotes nobody", async () => {
    const { session, queue } = await fullSessionWithQueue(2);
    expect(
      await cancelBooking({ bookingId: queue[0].bookingId, actor: holder(queue[0].bookingId), now: at(HOUR) }),
    ).toEqual({
      ok: true,
      promotedBookingId: null,
    });
    expect(await seatsTaken(session.id)).toBe(1);
    expect((await findBookingByManageToken(queue[1].manageToken, NOW))?.waitlistPosition).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "booking.cancel", actorUserId: null } })).toBe(1);
  });

  test("without a queue the seat is simply freed", async () => {
    const session = await createSession({ capacity: 2 });
    const booking = await bookOk(session.id);
    await cancelBooking({ bookingId: booking.bookingId, actor: holder(booking.bookingId), now: at(HOUR) });
    expect(await seatsTaken(session.id)).toBe(0);
  });

  test("a booking of a session the place cancelled is not cancelled again, nobody is promoted", async () => {
    const staff = await createStaffUser();
    const { session, confirmed, queue } = await fullSessionWithQueue(1);
    await prisma.session.update({ where: { id: session.id }, data: { status: "CANCELLED" } });
    for (const actor of [holder(confirmed.bookingId), staffActor(staff.id)]) {
      expect(await cancelBooking({ bookingId: confirmed.bookingId, actor, now: at(HOUR) })).toEqual({
        ok: false,
        code: "SESSION_CANCELLED",
      });
    }
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: confirmed.bookingId } })).status).toBe("CONFIRMED");
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: queue[0].bookingId } })).status).toBe("WAITLISTED");
    expect(await seatsTaken(session.id)).toBe(1);
    expect(await outboxEmails("booking-cancelled")).toHaveLength(0);
  });

  test("refusals: unknown, someone else's, not proven, already cancelled, session started", async () => {
    const session = await createSession({ startsAt: at(DAY) });
    const booking = await bookOk(session.id);
    expect(await cancelBooking({ bookingId: "nope", actor: holder("nope"), now: NOW })).toEqual({
      ok: false,
      code: "NOT_FOUND",
    });
    // Anyone without proof of control hears "not found", like for an unknown booking.
    for (const actor of [ANONYMOUS, holder("another-booking"), staffWithout]) {
      expect(await cancelBooking({ bookingId: booking.bookingId, actor, now: NOW })).toEqual({
        ok: false,
        code: "NOT_FOUND",
      });
    }
    expect(
      await cancelBooking({
        bookingId: booking.bookingId,
        actor: { kind: "resident", personId: "someone-else", contactEmailNormalized: null },
        now: NOW,
      }),
    ).toEqual({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(
      await cancelBooking({ bookingId: booking.bookingId, actor: holder(booking.bookingId), now: at(DAY) }),
    ).toEqual({
      ok: false,
      code: "SESSION_STARTED",
    });
    // Signed in by a link asked with another email: not this booking's to touch.
    expect(
      await cancelBooking({
        bookingId: booking.bookingId,
        actor: { kind: "resident", personId: booking.personId, contactEmailNormalized: "other@example.org" },
        now: NOW,
      }),
    ).toEqual({ ok: false, code: "NOT_FOUND" });
    const contact = await prisma.booking.findUniqueOrThrow({
      where: { id: booking.bookingId },
      select: { contactEmailNormalized: true },
    });
    expect(
      (
        await cancelBooking({
          bookingId: booking.bookingId,
          actor: { kind: "resident", personId: booking.personId, ...contact },
          now: NOW,
        })
      ).ok,
    ).toBe(true);
    expect(await cancelBooking({ bookingId: booking.bookingId, actor: holder(booking.bookingId), now: NOW })).toEqual({
      ok: false,
      code: "ALREADY_CANCELLED",
    });
  });

  test("simultaneous cancellations promote the queue one for one and never oversell", async () => {
    const session = await createSession({ capacity: 5 });
    const confirmed = await Promise.all(Array.from({ length: 5 }, () => bookOk(session.id)));
    const queue = [];
    for (let i = 0; i < 3; i++) queue.push(await bookOk(session.id));

    const results = await Promise.all(
      [...confirmed, confirmed[0]].map((b) =>
        cancelBooking({ bookingId: b.bookingId, actor: holder(b.bookingId), now: at(HOUR) }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: "ALREADY_CANCELLED" }]);
    const promoted = results.flatMap((r) => (r.ok && r.promotedBookingId ? [r.promotedBookingId] : []));
    expect(promoted.sort()).toEqual(queue.map((q) => q.bookingId).sort());
    expect(await seatsTaken(session.id)).toBe(3);
  });
});

describe("reading bookings back", () => {
  test("a manage link shows the booking, its session and the person", async () => {
    const workshop = await prisma.workshop.create({
      data: {
        slug: "tablette",
        title: "Premiers pas sur tablette",
        summary: "Allumer, toucher, glisser",
        description: "…",
        level: "BEGINNER",
        durationMinutes: 120,
        whatToBring: "Votre tablette",
        devicesLent: true,
        targetSkills: {
          create: {
            skill: {
              create: {
                code: "FS-1",
                framework: "FIRST_STEPS",
                label: "Allumer",
                statement: "Je sais allumer une tablette",
                position: 1,
                domain: { create: { code: "FS", framework: "FIRST_STEPS", label: "Bases", position: 1 } },
              },
            },
          },
        },
      },
    });
    const trainer = await createStaffUser("Samir");
    const session = await createSession({ workshopId: workshop.id });
    await prisma.sessionTrainer.create({ data: { sessionId: session.id, trainerId: trainer.id } });
    const booking = await bookOk(session.id, personInput({ firstName: "Odette", lastName: "Vidal" }));

    const managed = await findBookingByManageToken(booking.manageToken, NOW);
    expect(managed).toMatchObject({
      id: booking.bookingId,
      status: "CONFIRMED",
      waitlistPosition: null,
      cancel: { may: true, freesSeat: true },
      timing: "upcoming",
      isPast: false,
      person: { firstName: "Odette", lastName: "Vidal" },
      session: {
        id: session.id,
        status: "SCHEDULED",
        seatsLeft: 7,
        booking: { may: true, outcome: "CONFIRM" },
        workshop: {
          title: "Premiers pas sur tablette",
          whatToBring: "Votre tablette",
          devicesLent: true,
          targetSkills: [{ code: "FS-1", statement: "Je sais allumer une tablette" }],
        },
        place: { phone: "04 68 00 00 00", stepFreeAccess: true },
        trainers: [{ firstName: "Samir" }],
        course: null,
      },
    });
    expect(managed?.session.trainers[0]).toEqual({ firstName: "Samir" });
    expect(await findBookingByManageToken("not-a-token")).toBeNull();
    expect(await findBookingByManageToken("")).toBeNull();
  });

  test("a person's bookings: upcoming soonest first, then past most recent first", async () => {
    const person = personInput();
    const later = await createSession({ startsAt: at(5 * DAY) });
    const sooner = await createSession({ startsAt: at(2 * DAY) });
    const pastA = await createSession({ startsAt: at(-10 * DAY) });
    const pastB = await createSession({ startsAt: at(-3 * DAY) });
    const ids: Record<string, string> = {};
    let personId = "";
    for (const [name, s, when] of [
      ["pastA", pastA, at(-20 * DAY)],
      ["pastB", pastB, at(-20 * DAY)],
      ["later", later, NOW],
      ["sooner", sooner, NOW],
    ] as const) {
      const r = await bookSession({ sessionId: s.id, person, source: "ONLINE", now: when });
      if (!r.ok) throw new Error(r.code);
      ids[name] = r.bookingId;
      personId = r.personId;
    }

    const list = await listPersonBookings({ personId, contactEmailNormalized: person.email }, NOW);
    expect(list.upcoming.map((b) => b.id)).toEqual([ids.sooner, ids.later]);
    expect(list.past.map((b) => b.id)).toEqual([ids.pastB, ids.pastA]);
    expect(list.past[0]).toMatchObject({ isPast: true, cancel: { may: false, reason: "SESSION_STARTED" } });
  });

  test("a bookings session lists the person's bookings made with the email it was asked with, only those", async () => {
    const person = personInput({ firstName: "Rose", email: "rose@example.org", phone: "0633445566" });
    const withFirst = await bookOk((await createSession({ startsAt: at(2 * DAY) })).id, person);
    const withOther = await bookOk((await createSession({ startsAt: at(3 * DAY) })).id, {
      ...person,
      email: "rose.autre@example.org",
    });
    expect(withOther.personId).toBe(withFirst.personId);
    const scoped = await listPersonBookings(
      { personId: withFirst.personId, contactEmailNormalized: "rose.autre@example.org" },
      NOW,
    );
    expect(scoped.upcoming.map((b) => b.id)).toEqual([withOther.bookingId]);
    expect(scoped.upcoming[0]).toMatchObject({
      messages: { email: "rose.autre@example.org", remindersWanted: true, changeReminders: { may: true } },
    });
    const all = await listPersonBookings({ personId: withFirst.personId, contactEmailNormalized: null }, NOW);
    expect(all.upcoming).toHaveLength(2);
  });

  test("other dates of the same workshop: upcoming, scheduled, with a seat, soonest first", async () => {
    const workshop = await createWorkshop();
    const place = await createPlace();
    const base = { workshopId: workshop.id, placeId: place.id };
    const current = await createSession({ ...base, capacity: 1, seatsTaken: 1, startsAt: at(2 * DAY) });
    const open3 = await createSession({ ...base, startsAt: at(9 * DAY) });
    const open1 = await createSession({ ...base, startsAt: at(3 * DAY) });
    const open2 = await createSession({ ...base, startsAt: at(4 * DAY) });
    await createSession({ ...base, startsAt: at(12 * DAY) });
    await createSession({ ...base, capacity: 2, seatsTaken: 2, startsAt: at(3 * DAY) });
    await createSession({ ...base, status: "CANCELLED", startsAt: at(3 * DAY) });
    await createSession({ ...base, startsAt: at(-DAY) });
    await createSession({ startsAt: at(3 * DAY) });

    const others = await suggestOtherDates(current.id, NOW);
    expect(others.map((s) => s.id)).toEqual([open1.id, open2.id, open3.id]);
    expect(others[0]).toMatchObject({ seatsLeft: 8, place: { slug: place.slug } });
    expect(await suggestOtherDates(current.id, NOW, 1)).toHaveLength(1);
    expect(await suggestOtherDates("missing", NOW)).toEqual([]);
  });
});
