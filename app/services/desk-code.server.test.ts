import { beforeEach, describe, expect, test } from "vitest";

import { DESK_CODE_ALPHABET, formatDeskCode } from "~/domain/booking/desk-code";
import { ANONYMOUS, type Actor } from "~/domain/policy/actor";
import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { HOUR, NOW, at, createSession, personInput } from "../../tests/fixtures/rows";
import { bookSession } from "./book-session.server";
import { cancelBooking } from "./cancel-booking.server";
import { assignDeskCode, backfillDeskCodes } from "./desk-code.server";
import { findBookingByDeskCode } from "./find-booking-by-desk-code.server";

beforeEach(() => resetDatabase());

const deskStaff: Actor = {
  kind: "staff",
  userId: "u-desk",
  roles: ["MEDIATOR"],
  permissions: ["read:booking:any"],
  placeIds: [],
};
const staffWithoutPermission: Actor = {
  kind: "staff",
  userId: "u-t",
  roles: ["TRAINER"],
  permissions: [],
  placeIds: [],
};

async function book(firstName = "Odette", email = `${firstName.toLowerCase()}@example.org`) {
  const session = await createSession();
  const result = await bookSession({
    sessionId: session.id,
    person: personInput({ firstName, email }),
    source: "ONLINE",
    now: NOW,
  });
  if (!result.ok) throw new Error(result.code);
  return result;
}

const deskCodeOf = async (bookingId: string) =>
  (await prisma.booking.findUniqueOrThrow({ where: { id: bookingId }, select: { deskCode: true } })).deskCode;

describe("a booking's desk code", () => {
  test("is written with the booking: eight characters of the unambiguous alphabet", async () => {
    const { bookingId } = await book();
    const code = await deskCodeOf(bookingId);
    expect(code).toMatch(new RegExp(`^[${DESK_CODE_ALPHABET}]{8}$`));
  });

  test("differs from booking to booking", async () => {
    const first = await book("Odette");
    const second = await book("Marcel");
    expect(await deskCodeOf(first.bookingId)).not.toBe(await deskCodeOf(second.bookingId));
  });

  test("stays the same when a cancelled booking is made again (the printed card stays right)", async () => {
    const session = await createSession();
    const person = personInput({ firstName: "Odette", email: "odette@example.org" });
    const first = await bookSession({ sessionId: session.id, person, source: "ONLINE", now: NOW });
    if (!first.ok) throw new Error(first.code);
    const code = await deskCodeOf(first.bookingId);
    await cancelBooking({
      bookingId: first.bookingId,
      actor: { kind: "manage-link", bookingId: first.bookingId },
      now: at(HOUR),
    });
    const again = await bookSession({ sessionId: session.id, person, source: "ONLINE", now: at(2 * HOUR) });
    if (!again.ok) throw new Error(again.code);
    expect(again.bookingId).toBe(first.bookingId);
    expect(await deskCodeOf(first.bookingId)).toBe(code);
  });

  test("skips a code another booking holds and draws again", async () => {
    const taken = await book("Odette");
    const takenCode = (await deskCodeOf(taken.bookingId))!;
    const other = await book("Marcel");
    await prisma.booking.update({ where: { id: other.bookingId }, data: { deskCode: null } });
    const draws = [takenCode, "K7PM3XRA"];
    // A bare transaction, without runTransaction's retries: the skip alone must avoid the clash.
    const code = await prisma.$transaction((tx) => assignDeskCode(tx, other.bookingId, () => draws.shift()!));
    expect(code).toBe("K7PM3XRA");
    expect(await deskCodeOf(other.bookingId)).toBe("K7PM3XRA");
    expect(await deskCodeOf(taken.bookingId)).toBe(takenCode);
  });

  test("old bookings get one from the backfill, in batches, and a second run changes nothing", async () => {
    const bookings = await Promise.all(["Odette", "Marcel", "Lucienne"].map((name) => book(name)));
    await prisma.booking.updateMany({ data: { deskCode: null } });
    expect(await backfillDeskCodes(prisma, 2)).toBe(3);
    const codes = await Promise.all(bookings.map((b) => deskCodeOf(b.bookingId)));
    expect(codes.every((code) => code !== null)).toBe(true);
    expect(new Set(codes).size).toBe(3);
    expect(await backfillDeskCodes(prisma, 2)).toBe(0);
    expect(await Promise.all(bookings.map((b) => deskCodeOf(b.bookingId)))).toEqual(codes);
  });
});

describe("findBookingByDeskCode", () => {
  test("staff who may read bookings find it, however the code is typed", async () => {
    const { bookingId, personId } = await book();
    const code = (await deskCodeOf(bookingId))!;
    const typed = ` ${formatDeskCode(code).toLowerCase()} `;
    const found = await findBookingByDeskCode(deskStaff, typed);
    expect(found).toMatchObject({
      ok: true,
      booking: { id: bookingId, deskCode: code, status: "CONFIRMED", person: { id: personId, firstName: "Odette" } },
    });
  });

  test("a resident holding the code, a link or a session is refused: the code opens nothing", async () => {
    const { bookingId, personId } = await book();
    const code = (await deskCodeOf(bookingId))!;
    for (const actor of [
      ANONYMOUS,
      { kind: "manage-link", bookingId } as const,
      { kind: "resident", personId, contactEmailNormalized: null } as const,
      staffWithoutPermission,
    ]) {
      expect(await findBookingByDeskCode(actor, code)).toEqual({ ok: false, code: "NOT_ALLOWED" });
    }
  });

  test("an unknown code is not found; something that cannot be a code says so", async () => {
    await book();
    expect(await findBookingByDeskCode(deskStaff, "2222 2222")).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await findBookingByDeskCode(deskStaff, "OOPS")).toEqual({ ok: false, code: "NOT_A_CODE" });
  });
});
