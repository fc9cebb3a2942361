import type { PersonBooking } from "~/domain/booking/decide-booking";
import type { WaitlistEntry } from "~/domain/booking/waitlist";
import type { Prisma } from "~/generated/prisma/client";

import { sessionInfoSelect, type DbClient } from "./session.server";

/** What an email about a booking says of its session. */
export const sessionForEmailSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  room: true,
  workshop: { select: { title: true, whatToBring: true, devicesLent: true } },
  place: {
    select: { name: true, addressLine: true, postcode: true, phone: true, commune: { select: { name: true } } },
  },
} satisfies Prisma.SessionSelect;

export type SessionForEmail = Prisma.SessionGetPayload<{ select: typeof sessionForEmailSelect }>;

/** The session as the booking rules see it, with what its emails need. */
export async function findSessionForBooking(db: DbClient, sessionId: string) {
  return db.session.findFirst({
    where: { id: sessionId, deletedAt: null },
    select: {
      ...sessionForEmailSelect,
      status: true,
      capacity: true,
      seatsTaken: true,
      waitlistCount: true,
      courseId: true,
    },
  });
}

/**
 * The person's bookings the overlap rule must see: every active one on a session still on,
 * plus any row (even cancelled) on `sessionIds`, which says whether this is a re-booking.
 */
export async function findPersonBookings(
  db: DbClient,
  personId: string,
  sessionIds: readonly string[],
): Promise<(PersonBooking & { id: string })[]> {
  const rows = await db.booking.findMany({
    where: {
      personId,
      OR: [
        { status: { in: ["CONFIRMED", "WAITLISTED"] }, session: { deletedAt: null, status: { not: "CANCELLED" } } },
        { sessionId: { in: [...sessionIds] } },
      ],
    },
    select: { id: true, sessionId: true, status: true, session: { select: { startsAt: true, endsAt: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    sessionId: row.sessionId,
    status: row.status,
    startsAt: row.session.startsAt,
    endsAt: row.session.endsAt,
  }));
}

export async function findWaitlist(db: DbClient, sessionId: string): Promise<WaitlistEntry[]> {
  return db.booking.findMany({
    where: { sessionId, status: "WAITLISTED" },
    select: { id: true, waitlistedAt: true, createdAt: true },
  });
}

/** Waiting lists of several sessions at once, keyed by session id. */
export async function findWaitlists(db: DbClient, sessionIds: readonly string[]) {
  const rows = await db.booking.findMany({
    where: { sessionId: { in: [...sessionIds] }, status: "WAITLISTED" },
    select: { id: true, sessionId: true, waitlistedAt: true, createdAt: true },
  });
  const bySession = new Map<string, WaitlistEntry[]>();
  for (const row of rows) {
    const list = bySession.get(row.sessionId) ?? [];
    list.push(row);
    bySession.set(row.sessionId, list);
  }
  return bySession;
}

/** A booking shown to the resident: the booking, who it is for, and its session. */
export const bookingViewSelect = {
  id: true,
  status: true,
  source: true,
  createdAt: true,
  confirmedAt: true,
  waitlistedAt: true,
  promotedAt: true,
  cancelledAt: true,
  cancelledBy: true,
  courseEnrolmentId: true,
  contactEmail: true,
  contactEmailNormalized: true,
  contactPhone: true,
  remindersWanted: true,
  person: { select: { id: true, firstName: true, lastName: true } },
  session: { select: { ...sessionInfoSelect, revision: true } },
  icsSequence: true,
} satisfies Prisma.BookingSelect;

export type BookingViewRow = Prisma.BookingGetPayload<{ select: typeof bookingViewSelect }>;

export async function findBookingViewByTokenHash(
  db: DbClient,
  manageTokenHash: string,
): Promise<BookingViewRow | null> {
  return db.booking.findFirst({
    where: { manageTokenHash, person: { deletedAt: null, anonymised: false }, session: { deletedAt: null } },
    select: bookingViewSelect,
  });
}

/** The person's bookings; with a contact email, only those made with it (a bookings session's scope). */
export async function findBookingViewsOfPerson(
  db: DbClient,
  personId: string,
  contactEmailNormalized: string | null = null,
): Promise<BookingViewRow[]> {
  return db.booking.findMany({
    where: {
      personId,
      ...(contactEmailNormalized !== null ? { contactEmailNormalized } : {}),
      person: { deletedAt: null, anonymised: false },
      session: { deletedAt: null },
    },
    orderBy: [{ session: { startsAt: "asc" } }, { id: "asc" }],
    select: bookingViewSelect,
  });
}

/** What `bookingRecipient` reads: the booking's own contact and language, and the names to greet. */
export const bookingRecipientSelect = {
  contactEmail: true,
  locale: true,
  person: { select: { firstName: true, lastName: true } },
} satisfies Prisma.BookingSelect;

/** A booking about to be cancelled, with what the rules and the emails need. */
export async function findBookingForCancellation(db: DbClient, bookingId: string) {
  return db.booking.findUnique({
    where: { id: bookingId },
    select: {
      id: true,
      status: true,
      personId: true,
      courseEnrolmentId: true,
      contactEmailNormalized: true,
      ...bookingRecipientSelect,
      session: { select: { ...sessionForEmailSelect, status: true, deletedAt: true } },
    },
  });
}

/** The next in line, with what their promotion email needs. */
export async function findWaitlistedForPromotion(db: DbClient, sessionId: string) {
  return db.booking.findMany({
    where: { sessionId, status: "WAITLISTED" },
    select: {
      id: true,
      waitlistedAt: true,
      createdAt: true,
      ...bookingRecipientSelect,
    },
  });
}
