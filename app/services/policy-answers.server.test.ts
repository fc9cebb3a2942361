// The services carry the policy's answers, and keep the waiting-list count that caps the queue.
import { beforeEach, describe, expect, test } from "vitest";

import { WAITLIST_CAP } from "~/domain/booking/waitlist";
import { getSessionDetail } from "~/models/session.server";
import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { DAY, HOUR, NOW, at, createSession, personInput } from "../../tests/fixtures/rows";
import { bookSession } from "./book-session.server";
import { joinWaitlist } from "./booking-steps.server";
import { cancelBooking } from "./cancel-booking.server";
import { findBookingByManageToken, listPersonBookings } from "./read-bookings.server";
import { runTransaction } from "./transaction.server";

beforeEach(() => resetDatabase());

async function bookOk(sessionId: string, person = personInput(), now = NOW) {
  const result = await bookSession({ sessionId, person, source: "ONLINE", now });
  if (!result.ok) throw new Error(`expected a booking, got ${result.code}`);
  return result;
}

async function counts(sessionId: string) {
  const session = await prisma.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { seatsTaken: true, waitlistCount: true },
  });
  const waitlisted = await prisma.booking.count({ where: { sessionId, status: "WAITLISTED" } });
  return { ...session, waitlisted };
}

describe("the waiting-list count", () => {
  test("follows every join, leave and promotion, in step with the bookings", async () => {
    const session = await createSession({ capacity: 1 });
    const seated = await bookOk(session.id);
    const queue = [await bookOk(session.id), await bookOk(session.id), await bookOk(session.id)];
    expect(await counts(session.id)).toEqual({ seatsTaken: 1, waitlistCount: 3, waitlisted: 3 });

    // Leaving the queue.
    await cancelBooking({
      bookingId: queue[2].bookingId,
      actor: { kind: "manage-link", bookingId: queue[2].bookingId },
      now: at(HOUR),
    });
    expect(await counts(session.id)).toEqual({ seatsTaken: 1, waitlistCount: 2, waitlisted: 2 });

    // A freed seat promotes the first in line: one fewer in the queue.
    const result = await cancelBooking({
      bookingId: seated.bookingId,
      actor: { kind: "manage-link", bookingId: seated.bookingId },
      now: at(HOUR),
    });
    expect(result).toEqual({ ok: true, promotedBookingId: queue[0].bookingId });
    expect(await counts(session.id)).toEqual({ seatsTaken: 1, waitlistCount: 1, waitlisted: 1 });

    // Re-booking a cancelled row onto the queue counts again.
    const person = await prisma.booking.findUniqueOrThrow({
      where: { id: queue[2].bookingId },
      select: { person: true },
    });
    const again = await bookSession({
      sessionId: session.id,
      person: personInput({
        firstName: person.person.firstName,
        lastName: person.person.lastName,
        email: person.person.email,
      }),
      source: "ONLINE",
      now: at(2 * HOUR),
    });
    expect(again).toMatchObject({ ok: true, bookingId: queue[2].bookingId, status: "WAITLISTED", waitlistPosition: 2 });
    expect(await counts(session.id)).toEqual({ seatsTaken: 1, waitlistCount: 2, waitlisted: 2 });
  });

  test("a full queue refuses WAITLIST_FULL and leaves nothing behind; a place freed in it can be taken", async () => {
    const session = await createSession({ capacity: 1 });
    await bookOk(session.id);
    const queue = [];
    for (let i = 0; i < WAITLIST_CAP; i++) queue.push(await bookOk(session.id));
    const people = await prisma.person.count();

    const late = personInput();
    expect(await bookSession({ sessionId: session.id, person: late, source: "ONLINE", now: NOW })).toEqual({
      ok: false,
      code: "WAITLIST_FULL",
    });
    expect(await prisma.person.count()).toBe(people);
    expect(await counts(session.id)).toEqual({ seatsTaken: 1, waitlistCount: WAITLIST_CAP, waitlisted: WAITLIST_CAP });

    // The session page shows the same answer the service gave.
    expect((await getSessionDetail(session.id, NOW))?.booking).toEqual({ may: false, reason: "WAITLIST_FULL" });

    await cancelBooking({
      bookingId: queue[4].bookingId,
      actor: { kind: "manage-link", bookingId: queue[4].bookingId },
      now: NOW,
    });
    expect((await getSessionDetail(session.id, NOW))?.booking).toEqual({ may: true, outcome: "WAITLIST" });
    expect(await bookSession({ sessionId: session.id, person: late, source: "ONLINE", now: NOW })).toMatchObject({
      ok: true,
      status: "WAITLISTED",
      waitlistPosition: WAITLIST_CAP,
    });
  });

  test("the guarded update refuses the place after the last, whatever count was read before", async () => {
    // Two writers that both read nine: the first makes ten, the second must be refused by the
    // update itself, since its earlier read is stale (PostgreSQL does not serialise the reads).
    const session = await createSession({ capacity: 1, seatsTaken: 1 });
    await prisma.session.update({ where: { id: session.id }, data: { waitlistCount: WAITLIST_CAP - 1 } });

    expect(await runTransaction((tx) => joinWaitlist(tx, session.id))).toBe(true);
    expect(await runTransaction((tx) => joinWaitlist(tx, session.id))).toBe(false);
    expect((await counts(session.id)).waitlistCount).toBe(WAITLIST_CAP);
  });
});

describe("a session the place cancelled", () => {
  test("the manage link and the bookings list give the same answer: nothing to cancel, the session was cancelled", async () => {
    const session = await createSession({ startsAt: at(2 * DAY) });
    const booking = await bookOk(session.id);
    await prisma.session.update({
      where: { id: session.id },
      data: { status: "CANCELLED", cancelledAt: NOW, cancellationReason: "Formatrice malade" },
    });

    const byLink = await findBookingByManageToken(booking.manageToken, NOW);
    const { upcoming } = await listPersonBookings({ personId: booking.personId, contactEmailNormalized: null }, NOW);
    const inList = upcoming.find((b) => b.id === booking.bookingId);
    expect(byLink?.cancel).toEqual({ may: false, reason: "SESSION_CANCELLED" });
    expect(inList?.cancel).toEqual(byLink?.cancel);

    // And the service refuses it the same way, changing nothing.
    expect(
      await cancelBooking({
        bookingId: booking.bookingId,
        actor: { kind: "resident", personId: booking.personId, contactEmailNormalized: null },
        now: NOW,
      }),
    ).toEqual({ ok: false, code: "SESSION_CANCELLED" });
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: booking.bookingId } })).status).toBe("CONFIRMED");
  });
});
