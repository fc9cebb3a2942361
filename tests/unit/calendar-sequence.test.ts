// The "Ajouter à mon agenda" file keeps one UID per booking; a calendar that has imported it
// applies a newer file only when its SEQUENCE is higher (RFC 5545 §3.8.7.4). These tests fetch
// the file from the manage page's route after each change of the booking or its session.
import { beforeAll, beforeEach, describe, expect, test } from "vitest";

import { loader } from "~/routes/reservation+/$token.agenda[.]ics";
import { bookSession } from "~/services/book-session.server";
import { cancelBooking } from "~/services/cancel-booking.server";
import { prisma } from "~/utils/db.server";

import { DAY, NOW, at, createSession, personInput } from "../fixtures/rows";
import { resetDatabase } from "../setup/db";

// The first request loads every translation file; do it once, outside the tests' time limits.
beforeAll(async () => {
  await calendarFileResponse("unknown-token");
}, 60_000);
beforeEach(() => resetDatabase());

/** Several bookings, cancellations and files each: room for a loaded CI machine. */
const SLOW = 30_000;

function calendarFileResponse(token: string): Promise<Response> {
  return loader({
    request: new Request(`http://localhost/reservation/${token}/agenda.ics`),
    params: { token },
    context: { clientAddress: "127.0.0.1", cspNonce: "" },
  });
}

async function calendarFile(token: string): Promise<{ uid: string; sequence: number; status: string }> {
  const response = await calendarFileResponse(token);
  expect(response.status).toBe(200);
  const lines = (await response.text()).replace(/\r\n /g, "").split("\r\n");
  const value = (name: string) => {
    const line = lines.find((l) => l.startsWith(`${name}:`));
    if (line === undefined) throw new Error(`no ${name} in the calendar file`);
    return line.slice(name.length + 1);
  };
  return { uid: value("UID"), sequence: Number(value("SEQUENCE")), status: value("STATUS") };
}

async function book(sessionId: string, person: ReturnType<typeof personInput>) {
  const result = await bookSession({ sessionId, person, source: "ONLINE", now: NOW });
  if (!result.ok) throw new Error(`expected a booking, got ${result.code}`);
  return result;
}

async function cancel(bookingId: string) {
  const result = await cancelBooking({ bookingId, actor: { kind: "manage-link", bookingId }, now: NOW });
  if (!result.ok) throw new Error(`expected a cancellation, got ${result.code}`);
  return result;
}

describe("the calendar file's SEQUENCE", () => {
  test(
    "grows when the booking is cancelled, booked again and cancelled again; the UID stays",
    async () => {
      const session = await createSession({ startsAt: at(30 * DAY) });
      const marie = personInput();

      const first = await book(session.id, marie);
      const booked = await calendarFile(first.manageToken);
      await cancel(first.bookingId);
      const cancelled = await calendarFile(first.manageToken);
      const again = await book(session.id, marie);
      expect(again.bookingId).toBe(first.bookingId);
      const rebooked = await calendarFile(again.manageToken);
      await cancel(again.bookingId);
      const cancelledAgain = await calendarFile(again.manageToken);

      expect([booked.status, cancelled.status, rebooked.status, cancelledAgain.status]).toEqual([
        "CONFIRMED",
        "CANCELLED",
        "CONFIRMED",
        "CANCELLED",
      ]);
      expect(new Set([booked.uid, cancelled.uid, rebooked.uid, cancelledAgain.uid]).size).toBe(1);
      expect(cancelled.sequence).toBeGreaterThan(booked.sequence);
      expect(rebooked.sequence).toBeGreaterThan(cancelled.sequence);
      expect(cancelledAgain.sequence).toBeGreaterThan(rebooked.sequence);
    },
    SLOW,
  );

  test(
    "grows when a waiting-list booking is promoted to a seat",
    async () => {
      const session = await createSession({ capacity: 1, startsAt: at(30 * DAY) });
      const seated = await book(session.id, personInput());
      const waiting = await book(session.id, personInput());
      expect(waiting.status).toBe("WAITLISTED");
      const before = await calendarFile(waiting.manageToken);

      const { promotedBookingId } = await cancel(seated.bookingId);
      expect(promotedBookingId).toBe(waiting.bookingId);
      expect((await calendarFile(waiting.manageToken)).sequence).toBeGreaterThan(before.sequence);
    },
    SLOW,
  );

  test(
    "grows when staff change the session (its revision), for every booking of it",
    async () => {
      const session = await createSession({ startsAt: at(30 * DAY) });
      const booking = await book(session.id, personInput());
      const before = await calendarFile(booking.manageToken);

      // What the session moving and cancelling services do in the same update as the change.
      await prisma.session.update({
        where: { id: session.id },
        data: { startsAt: at(31 * DAY), endsAt: at(31 * DAY + 2 * 3_600_000), revision: { increment: 1 } },
      });
      expect((await calendarFile(booking.manageToken)).sequence).toBeGreaterThan(before.sequence);
    },
    SLOW,
  );
});
