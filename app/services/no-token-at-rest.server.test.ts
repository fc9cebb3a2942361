// Issue 8 point 2: after a whole journey, nothing in the database opens a manage page or a
// bookings list (docs/decisions/016). The links are derived when an email is sent, never stored.
import { beforeEach, expect, test, vi } from "vitest";

import type { Actor } from "~/domain/policy/actor";
import { prisma } from "~/utils/db.server";
import { bookingsLinkTokenFor, manageTokenFor, passwordResetTokenFor } from "~/utils/link-tokens.server";
import { hashToken } from "~/utils/tokens.server";

import { resetDatabase } from "../../tests/setup/db";
import {
  DAY,
  NOW,
  at,
  createCourse,
  createPlace,
  createSession,
  createStaffUser,
  personInput,
} from "../../tests/fixtures/rows";
import { requestBookingsLink } from "./access-link.server";
import { bookSession } from "./book-session.server";
import { cancelBooking } from "./cancel-booking.server";
import { enrolInCourse } from "./enrol-in-course.server";
import { requestStaffPasswordReset } from "./request-staff-password-reset.server";

beforeEach(() => resetDatabase());

// A whole journey through the real database: on a machine shared by several test runs that can
// pass the default 5 s, so the harness waits longer (nothing here is timed).
vi.setConfig({ testTimeout: 60_000 });

const holder = (bookingId: string): Actor => ({ kind: "manage-link", bookingId });

/** Every string held in a row, however deep (JSON payloads and audit data are parsed too). */
function stringsOf(value: unknown): string[] {
  if (typeof value === "string") {
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed !== null && typeof parsed === "object") return [value, ...stringsOf(parsed)];
    } catch {
      // plain text
    }
    return [value];
  }
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringsOf);
  return [];
}

test("after book, waitlist, promote, cancel, enrol, bookings link, a refused form and a staff password reset, no row holds a token that opens anything", async () => {
  const staff = await createStaffUser();
  const staffActor: Actor = {
    kind: "staff",
    userId: staff.id,
    roles: ["MEDIATOR"],
    permissions: ["create:booking:any", "update:booking:any"],
    placeIds: [],
  };
  const session = await createSession({ capacity: 1, startsAt: at(3 * DAY) });
  const marie = personInput({ firstName: "Marie", email: "marie@example.org", phone: "0611223344" });
  const booked = await bookSession({ sessionId: session.id, person: marie, source: "ONLINE", now: NOW });
  const waiting = await bookSession({
    sessionId: session.id,
    person: personInput({ firstName: "Jean", email: "jean@example.org" }),
    source: "PHONE",
    actor: staffActor,
    now: NOW,
  });
  if (!booked.ok || !waiting.ok) throw new Error("the journey should book");
  expect(waiting.status).toBe("WAITLISTED");
  // Cancelling the seat promotes the next in line; then he cancels too, through his link.
  expect(await cancelBooking({ bookingId: booked.bookingId, actor: staffActor, now: at(DAY) })).toMatchObject({
    ok: true,
    promotedBookingId: waiting.bookingId,
  });
  expect(
    (await cancelBooking({ bookingId: waiting.bookingId, actor: holder(waiting.bookingId), now: at(DAY) })).ok,
  ).toBe(true);

  const place = await createPlace();
  const course = await createCourse(place.id);
  for (let i = 0; i < 3; i++) {
    await createSession({
      placeId: place.id,
      courseId: course.id,
      courseOrder: i + 1,
      startsAt: at((10 + 7 * i) * DAY),
    });
  }
  const enrolled = await enrolInCourse({ courseId: course.id, person: marie, source: "ONLINE", now: NOW });
  expect(enrolled.ok).toBe(true);
  expect(await requestBookingsLink({ email: "marie@example.org", locale: "fr", ip: "203.0.113.9", now: NOW })).toEqual({
    ok: true,
  });
  // Refused for her own bookings (already enrolled): explained to her contact on file.
  expect(await enrolInCourse({ courseId: course.id, person: marie, source: "ONLINE", now: NOW })).toMatchObject({
    ok: false,
    code: "PRIVATE_REFUSAL",
  });

  // A staff member asks for a new password (« Mot de passe oublié ? »).
  const staffEmail = (await prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).email;
  expect(await requestStaffPasswordReset({ email: staffEmail, address: "203.0.113.9", now: NOW })).toEqual({
    ok: true,
  });

  const [outbox, audit, accessTokens, bookings, resets] = await Promise.all([
    prisma.outboxEmail.findMany(),
    prisma.auditLog.findMany(),
    prisma.accessToken.findMany(),
    prisma.booking.findMany(),
    prisma.staffPasswordReset.findMany(),
  ]);
  // The journey wrote what it should: every kind of row the search must cover.
  expect(new Set(outbox.map((row) => row.kind))).toEqual(
    new Set([
      "booking-confirmed",
      "booking-waitlisted",
      "booking-promoted",
      "booking-cancelled",
      "bookings-link",
      "booking-refused",
      "enrolment-confirmed",
      "reminder",
      "follow-up",
      "staff-password-reset",
    ]),
  );
  expect(audit.length).toBeGreaterThan(0);
  expect(accessTokens).toHaveLength(1);
  expect(resets).toHaveLength(1);

  // What would open something: each booking's manage token and each link's token, and anything
  // whose hash is a stored hash.
  const openers = [
    ...bookings.map((b) => manageTokenFor(b.id)),
    ...accessTokens.map((a) => bookingsLinkTokenFor(a.id)),
    ...resets.map((r) => passwordResetTokenFor(r.id)),
  ];
  const storedHashes = new Set([
    ...bookings.map((b) => b.manageTokenHash),
    ...accessTokens.map((a) => a.tokenHash),
    ...resets.map((r) => r.tokenHash),
  ]);
  const texts = [outbox, audit, accessTokens, bookings, resets].flatMap(stringsOf);
  expect(texts.length).toBeGreaterThan(100);
  for (const text of texts) {
    for (const token of openers) expect(text).not.toContain(token);
    expect(text).not.toMatch(/\/reservation\/[\w-]{8,}/);
    expect(text).not.toMatch(/\/mes-reservations\/acces\/[\w-]{8,}/);
    expect(text).not.toMatch(/\/pro\/mot-de-passe\/[\w-]{8,}/);
    for (const candidate of text.match(/[\w-]{16,}/g) ?? []) {
      expect(storedHashes.has(hashToken(candidate))).toBe(false);
    }
  }
  // Every booking email names its booking, so the composer can derive its link.
  for (const row of outbox.filter((r) => r.kind.startsWith("booking-") && r.kind !== "booking-refused")) {
    expect(row.bookingId).not.toBeNull();
  }
});
