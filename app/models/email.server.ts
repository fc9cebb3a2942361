// What the composer reads of the current state when an outbox row falls due.
import type { Prisma } from "~/generated/prisma/client";

import { placeDetailsSelect } from "./place.server";
import type { DbClient } from "./session.server";

function workshopSelect(locale: string) {
  return {
    id: true,
    slug: true,
    title: true,
    summary: true,
    whatToBring: true,
    devicesLent: true,
    translations: { where: { locale }, select: { title: true, summary: true, whatToBring: true } },
    targetSkills: { select: { skill: { select: { statement: true } } }, orderBy: { skill: { position: "asc" } } },
  } satisfies Prisma.WorkshopSelect;
}

function sessionSelect(locale: string) {
  return {
    id: true,
    startsAt: true,
    endsAt: true,
    status: true,
    deletedAt: true,
    room: true,
    cancellationReason: true,
    revision: true,
    workshopId: true,
    placeId: true,
    workshop: { select: workshopSelect(locale) },
    place: { select: placeDetailsSelect },
    _count: { select: { attendances: true } },
  } satisfies Prisma.SessionSelect;
}

function bookingSelect(locale: string) {
  return {
    id: true,
    status: true,
    remindersWanted: true,
    icsSequence: true,
    contactEmail: true,
    courseEnrolmentId: true,
    person: {
      select: {
        id: true,
        firstName: true,
        lastName: true,
        anonymised: true,
        deletedAt: true,
        helperEmail: true,
        helperReceivesReminders: true,
        consentSuggestions: true,
      },
    },
    attendance: { select: { status: true } },
    session: { select: sessionSelect(locale) },
  } satisfies Prisma.BookingSelect;
}

export type BookingForEmail = Prisma.BookingGetPayload<{ select: ReturnType<typeof bookingSelect> }>;
export type SessionForEmailRow = BookingForEmail["session"];

/** The booking an email is about, with its session, workshop (and its translation), place and person. */
export async function findBookingForEmail(
  db: DbClient,
  bookingId: string,
  locale: string,
): Promise<BookingForEmail | null> {
  return db.booking.findUnique({ where: { id: bookingId }, select: bookingSelect(locale) });
}

/** Every booking of a course enrolment, in course order. */
export async function findEnrolmentForEmail(db: DbClient, enrolmentId: string, locale: string) {
  return db.courseEnrolment.findUnique({
    where: { id: enrolmentId },
    select: {
      id: true,
      status: true,
      course: { select: { title: true } },
      bookings: {
        where: { status: { not: "CANCELLED" } },
        orderBy: [{ session: { courseOrder: "asc" } }, { session: { startsAt: "asc" } }],
        select: bookingSelect(locale),
      },
    },
  });
}

export async function findAccessTokenForEmail(db: DbClient, accessTokenId: string) {
  return db.accessToken.findUnique({
    where: { id: accessTokenId },
    select: {
      id: true,
      expiresAt: true,
      usedAt: true,
      person: { select: { firstName: true, anonymised: true, deletedAt: true } },
    },
  });
}

export async function findPlaceNameForEmail(db: DbClient, placeId: string) {
  return db.place.findUnique({ where: { id: placeId }, select: { name: true } });
}

/** A trainer's sessions still on during one Paris day, with who is booked. */
export async function findTrainerRosterForEmail(
  db: DbClient,
  input: { trainerId: string; start: Date; end: Date; locale: string },
) {
  const trainer = await db.staffUser.findUnique({
    where: { id: input.trainerId },
    select: { firstName: true, active: true, deletedAt: true },
  });
  if (trainer === null) return null;
  const sessions = await db.session.findMany({
    where: {
      trainers: { some: { trainerId: input.trainerId } },
      status: "SCHEDULED",
      deletedAt: null,
      startsAt: { gte: input.start, lt: input.end },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      ...sessionSelect(input.locale),
      capacity: true,
      waitlistCount: true,
      bookings: {
        where: { status: "CONFIRMED" },
        orderBy: [{ person: { firstName: "asc" } }, { id: "asc" }],
        select: { person: { select: { firstName: true, lastName: true } } },
      },
    },
  });
  return { trainer, sessions };
}
