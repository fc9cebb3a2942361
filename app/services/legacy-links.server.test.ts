import { beforeEach, describe, expect, test } from "vitest";

import { prisma } from "~/utils/db.server";
import { bookingsLinkTokenFor, manageTokenFor, manageTokenHashFor } from "~/utils/link-tokens.server";
import { createToken, hashToken } from "~/utils/tokens.server";

import { resetDatabase } from "../../tests/setup/db";
import { NOW, at, createSession } from "../../tests/fixtures/rows";
import { consumeBookingsLink } from "./access-link.server";
import { LEGACY_LINK_DROP_REASON, migrateLegacyLinks } from "./legacy-links.server";
import { findBookingByManageToken } from "./read-bookings.server";

beforeEach(() => resetDatabase());

const MINUTE = 60 * 1000;

/** A database as it was before links were derived: random tokens, and their links in the outbox. */
async function legacyRows() {
  const session = await createSession();
  const person = await prisma.person.create({
    data: {
      firstName: "Odette",
      lastName: "Fabre",
      nameKey: "odette fabre",
      email: "Odette@Example.org",
      emailNormalized: "odette@example.org",
      phone: "06 11 22 33 44",
      preferredLanguage: "es",
      consentServiceEmails: true,
      consentReminders: false,
    },
    select: { id: true },
  });
  const bookings = [];
  for (let i = 0; i < 3; i++) {
    const token = createToken();
    const booking = await prisma.booking.create({
      data: {
        sessionId: i === 0 ? session.id : (await createSession({ startsAt: at((3 + i) * 24 * 60 * MINUTE) })).id,
        personId: person.id,
        status: "CONFIRMED",
        source: "ONLINE",
        manageTokenHash: hashToken(token),
        manageTokenScheme: 0,
        confirmedAt: NOW,
      },
      select: { id: true, sessionId: true },
    });
    bookings.push({ ...booking, token });
  }
  // A confirmation with its bookingId, and one that only had its link (the id is found by the link).
  await prisma.outboxEmail.create({
    data: {
      kind: "booking-confirmed",
      recipient: "Odette@Example.org",
      locale: "es",
      dedupeKey: `booking-confirmed:${bookings[0].id}`,
      sendAfter: NOW,
      payload: JSON.stringify({
        bookingId: bookings[0].id,
        firstName: "Odette",
        managePath: `/reservation/${bookings[0].token}`,
      }),
    },
  });
  await prisma.outboxEmail.create({
    data: {
      kind: "booking-waitlisted",
      recipient: "Odette@Example.org",
      locale: "es",
      dedupeKey: `booking-waitlisted:legacy`,
      sendAfter: NOW,
      payload: JSON.stringify({ firstName: "Odette", managePath: `/reservation/${bookings[1].token}` }),
    },
  });
  // A bookings link whose row is still there, and one whose row is gone.
  const linkToken = createToken();
  const link = await prisma.accessToken.create({
    data: {
      tokenHash: hashToken(linkToken),
      personId: person.id,
      purpose: "bookings-list",
      expiresAt: at(30 * MINUTE),
    },
    select: { id: true },
  });
  await prisma.outboxEmail.create({
    data: {
      kind: "bookings-link",
      recipient: "Odette@Example.org",
      locale: "fr",
      dedupeKey: `bookings-link:${link.id}`,
      sendAfter: NOW,
      payload: JSON.stringify({ firstName: "Odette", url: `/mes-reservations/acces/${linkToken}`, expiresAt: "x" }),
    },
  });
  const orphanToken = createToken();
  await prisma.outboxEmail.create({
    data: {
      kind: "bookings-link",
      recipient: "Odette@Example.org",
      locale: "fr",
      dedupeKey: "bookings-link:gone",
      sendAfter: NOW,
      payload: JSON.stringify({ firstName: "Odette", url: `/mes-reservations/acces/${orphanToken}` }),
    },
  });
  // Already sent: history, kept as it was but for the link it carried.
  await prisma.outboxEmail.create({
    data: {
      kind: "booking-confirmed",
      recipient: "Odette@Example.org",
      locale: "es",
      dedupeKey: "booking-confirmed:sent",
      state: "SENT",
      sentAt: NOW,
      sendAfter: NOW,
      payload: JSON.stringify({ bookingId: bookings[2].id, managePath: "/reservation/already-sent" }),
    },
  });
  return { person, bookings, link, linkToken, orphanToken };
}

describe("migrateLegacyLinks", () => {
  test("no usable token is left in pending emails; the derived links open the bookings and the bookings list", async () => {
    const legacy = await legacyRows();

    // A batch of one: every loop runs several times.
    const report = await migrateLegacyLinks(prisma, { batchSize: 1, now: NOW });
    expect(report).toEqual({ bookings: 3, outboxRewritten: 4, outboxDropped: 1 });

    const pending = await prisma.outboxEmail.findMany({
      where: { state: "PENDING" },
      orderBy: { createdAt: "asc" },
      select: { kind: true, payload: true, bookingId: true, sessionId: true },
    });
    const text = JSON.stringify(pending);
    for (const token of [...legacy.bookings.map((b) => b.token), legacy.linkToken, legacy.orphanToken]) {
      expect(text).not.toContain(token);
    }
    expect(text).not.toMatch(/managePath|"url"|\/reservation\/|\/mes-reservations\/acces\//);
    expect(pending.map((row) => [row.kind, row.bookingId, row.sessionId])).toEqual([
      ["booking-confirmed", legacy.bookings[0].id, legacy.bookings[0].sessionId],
      ["booking-waitlisted", legacy.bookings[1].id, legacy.bookings[1].sessionId],
      ["bookings-link", null, null],
    ]);
    expect(JSON.parse(pending[2].payload)).toEqual({
      firstName: "Odette",
      expiresAt: "x",
      accessTokenId: legacy.link.id,
    });
    // Like a new link, it opens only the bookings made with the address it was sent to.
    expect((await prisma.accessToken.findUniqueOrThrow({ where: { id: legacy.link.id } })).contactEmailNormalized).toBe(
      "odette@example.org",
    );

    const dropped = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: "bookings-link:gone" } });
    expect(dropped).toMatchObject({ state: "DROPPED", dropReason: LEGACY_LINK_DROP_REASON, droppedAt: NOW });
    expect(dropped.payload).not.toContain(legacy.orphanToken);
    const sent = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: "booking-confirmed:sent" } });
    expect(sent.state).toBe("SENT");
    expect(sent.payload).not.toContain("managePath");

    // The derived link opens each booking; the old random one no longer does (nothing was deployed before).
    for (const booking of legacy.bookings) {
      expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
        manageTokenScheme: 1,
        manageTokenHash: manageTokenHashFor(booking.id),
        // Its own contact now, from the person as stored: she had agreed to emails then.
        contactEmail: "Odette@Example.org",
        contactEmailNormalized: "odette@example.org",
        contactPhone: "06 11 22 33 44",
        locale: "es",
        remindersWanted: false,
      });
      expect((await findBookingByManageToken(manageTokenFor(booking.id), NOW))?.id).toBe(booking.id);
      expect(await findBookingByManageToken(booking.token, NOW)).toBeNull();
    }
    expect(await consumeBookingsLink(bookingsLinkTokenFor(legacy.link.id), NOW)).toMatchObject({
      ok: true,
      personId: legacy.person.id,
    });
  });

  test("runs again without changing anything", async () => {
    await legacyRows();
    await migrateLegacyLinks(prisma, { now: NOW });
    const before = await prisma.outboxEmail.findMany({ orderBy: { id: "asc" } });
    const bookingsBefore = await prisma.booking.findMany({ orderBy: { id: "asc" } });
    expect(await migrateLegacyLinks(prisma, { now: at(MINUTE) })).toEqual({
      bookings: 0,
      outboxRewritten: 0,
      outboxDropped: 0,
    });
    expect(await prisma.outboxEmail.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await prisma.booking.findMany({ orderBy: { id: "asc" } })).toEqual(bookingsBefore);
  });

  test("a booking someone declined emails for keeps no email contact", async () => {
    const session = await createSession();
    const person = await prisma.person.create({
      data: { firstName: "Jean", lastName: "Roux", nameKey: "jean roux", email: "jean@example.org" },
      select: { id: true },
    });
    const booking = await prisma.booking.create({
      data: {
        sessionId: session.id,
        personId: person.id,
        status: "CONFIRMED",
        source: "ONLINE",
        manageTokenHash: hashToken(createToken()),
        manageTokenScheme: 0,
      },
      select: { id: true },
    });
    await migrateLegacyLinks(prisma, { now: NOW });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
      contactEmail: null,
      manageTokenScheme: 1,
    });
  });
});
