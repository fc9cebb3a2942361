import { courseSeatsLeft } from "~/domain/booking/course-enrolment";
import { seatsLeft } from "~/domain/booking/decide-booking";
import {
  ANONYMOUS,
  courseSessionsOn,
  mayBookSession,
  mayEnrolInCourse,
  offersOtherDates,
  sessionTiming,
  type BookAnswer,
} from "~/domain/policy/booking-policy";
import type { Prisma } from "~/generated/prisma/client";
import { WorkshopLevel } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { placeDetailsSelect, toPlaceDetails } from "./place.server";

/** The shared client or an interactive transaction's client: models read through either. */
/** A course's session as the policy and the course pages need it (seats, status, order). */
export const courseSessionSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  status: true,
  capacity: true,
  seatsTaken: true,
  courseOrder: true,
} satisfies Prisma.SessionSelect;

export type DbClient = Prisma.TransactionClient;

const DEFAULT_CATALOGUE_LIMIT = 200;

const frenchOrder = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/** A session that residents can see in the catalogue and book. */
function visibleSessionWhere(now: Date): Prisma.SessionWhereInput {
  return {
    status: "SCHEDULED",
    deletedAt: null,
    startsAt: { gt: now },
    workshop: { deletedAt: null },
    place: { deletedAt: null },
  };
}

// ---------------------------------------------------------------------------------------------
// Workshop texts in the reader's language

/** The team writes workshops in French; a translation, when there is one, is shown instead. */
export const WORKSHOP_TEXT_LANGUAGE = "fr";

function translationsFor(locale: string | undefined) {
  // French is what the team writes: no translation row has "fr", so a French page reads none.
  return {
    where: { locale: locale ?? WORKSHOP_TEXT_LANGUAGE },
    select: { locale: true, title: true, summary: true, description: true, prerequisites: true, whatToBring: true },
    take: 1,
  } satisfies Prisma.Workshop$translationsArgs;
}

type WorkshopTexts = {
  title: string;
  summary: string;
  description?: string;
  prerequisites?: string | null;
  whatToBring?: string | null;
};
type TranslationRow = Prisma.WorkshopTranslationGetPayload<{ select: ReturnType<typeof translationsFor>["select"] }>;

/**
 * The workshop's texts in the translation's language when one exists, else in French, with the
 * language they are in (`textLang`, for `lang=` on the page). A translation's empty optional text
 * falls back to the French one.
 */
function inReaderLanguage<W extends WorkshopTexts>(workshop: W, translations: TranslationRow[] | undefined) {
  const tr = translations?.[0];
  if (!tr) return { ...workshop, textLang: WORKSHOP_TEXT_LANGUAGE };
  return {
    ...workshop,
    title: tr.title,
    summary: tr.summary,
    ...(workshop.description !== undefined ? { description: tr.description } : {}),
    ...(workshop.prerequisites !== undefined ? { prerequisites: tr.prerequisites ?? workshop.prerequisites } : {}),
    ...(workshop.whatToBring !== undefined ? { whatToBring: tr.whatToBring ?? workshop.whatToBring } : {}),
    textLang: tr.locale,
  };
}

// ---------------------------------------------------------------------------------------------
// Catalogue

function catalogueSelectFor(locale: string | undefined) {
  return {
    ...catalogueSelect,
    workshop: { select: { ...catalogueSelect.workshop.select, translations: translationsFor(locale) } },
  } satisfies Prisma.SessionSelect;
}

const catalogueSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  seatsTaken: true,
  waitlistCount: true,
  status: true,
  courseId: true,
  workshop: {
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      level: true,
      topics: { select: { topic: { select: { code: true } } }, orderBy: { topic: { position: "asc" } } },
    },
  },
  place: { select: { id: true, slug: true, name: true, commune: { select: { name: true } } } },
} satisfies Prisma.SessionSelect;

type CatalogueRow = Prisma.SessionGetPayload<{ select: ReturnType<typeof catalogueSelectFor> }>;

export type CatalogueSession = ReturnType<typeof toCatalogueSession>;

function toCatalogueSession(row: CatalogueRow, servesYourCommune: boolean, now: Date) {
  return {
    id: row.id,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    capacity: row.capacity,
    seatsTaken: row.seatsTaken,
    seatsLeft: seatsLeft(row),
    /** The policy's answer for a resident who has not said who she is (the card's badge). */
    booking: mayBookSession(ANONYMOUS, { session: row, now }),
    courseId: row.courseId,
    workshop: inReaderLanguage(
      {
        id: row.workshop.id,
        slug: row.workshop.slug,
        title: row.workshop.title,
        summary: row.workshop.summary,
        level: row.workshop.level,
        topicCodes: row.workshop.topics.map((t) => t.topic.code),
      },
      row.workshop.translations,
    ),
    place: {
      id: row.place.id,
      slug: row.place.slug,
      name: row.place.name,
      communeName: row.place.commune.name,
    },
    /** True when the place serves (or stands in) the commune the resident gave. */
    servesYourCommune,
  };
}

export type CatalogueFilters = {
  now: Date;
  placeSlug?: string | null;
  communeId?: string | null;
  topicCode?: string | null;
  level?: WorkshopLevel | null;
  limit?: number;
  /** The page's language: workshops translated into it are shown so. */
  locale?: string;
};

/**
 * Upcoming bookable sessions by date. With a commune, sessions at the places serving it come
 * first (each group still by date): the commune orders the list, it does not filter it.
 */
function catalogueWhere(filters: CatalogueFilters): Prisma.SessionWhereInput {
  return {
    ...visibleSessionWhere(filters.now),
    ...(filters.placeSlug ? { place: { deletedAt: null, slug: filters.placeSlug } } : {}),
    workshop: {
      deletedAt: null,
      ...(filters.level ? { level: filters.level } : {}),
      ...(filters.topicCode ? { topics: { some: { topic: { code: filters.topicCode } } } } : {}),
    },
  };
}

/** How many sessions match the filters in all, for "N ateliers" when only the first ones are shown. */
export function countUpcomingSessions(filters: CatalogueFilters): Promise<number> {
  return prisma.session.count({ where: catalogueWhere(filters) });
}

export async function listUpcomingSessions(filters: CatalogueFilters): Promise<CatalogueSession[]> {
  const limit = filters.limit ?? DEFAULT_CATALOGUE_LIMIT;
  const where = catalogueWhere(filters);
  const catalogueSelect = catalogueSelectFor(filters.locale);
  const byDate: Prisma.SessionOrderByWithRelationInput[] = [{ startsAt: "asc" }, { id: "asc" }];

  const communeId = filters.communeId;
  if (!communeId) {
    const rows = await prisma.session.findMany({ where, orderBy: byDate, take: limit, select: catalogueSelect });
    return rows.map((row) => toCatalogueSession(row, false, filters.now));
  }

  const servesCommune: Prisma.PlaceWhereInput = {
    OR: [{ communeId }, { servedCommunes: { some: { communeId } } }],
  };
  const near = await prisma.session.findMany({
    where: { AND: [where, { place: servesCommune }] },
    orderBy: byDate,
    take: limit,
    select: catalogueSelect,
  });
  const rest =
    near.length < limit
      ? await prisma.session.findMany({
          where: { AND: [where, { place: { NOT: servesCommune } }] },
          orderBy: byDate,
          take: limit - near.length,
          select: catalogueSelect,
        })
      : [];
  return [
    ...near.map((row) => toCatalogueSession(row, true, filters.now)),
    ...rest.map((row) => toCatalogueSession(row, false, filters.now)),
  ];
}

// SQLite compares bytes, which would put "Éditions" after "Zola"; French order is what people scan.
const byName = (a: { name: string }, b: { name: string }) => frenchOrder.compare(a.name, b.name);

/** The communes a resident picks from (booking forms, catalogue filter), in French order. */
export async function listCommunes() {
  const communes = await prisma.commune.findMany({
    orderBy: [{ name: "asc" }, { postcode: "asc" }],
    select: { id: true, name: true, postcode: true },
  });
  return communes.sort(byName);
}

export async function listFilterOptions() {
  const [places, communes, topics] = await Promise.all([
    prisma.place.findMany({
      where: { deletedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, slug: true, name: true, commune: { select: { name: true } } },
    }),
    listCommunes(),
    prisma.topic.findMany({ orderBy: [{ position: "asc" }, { code: "asc" }], select: { code: true } }),
  ]);
  return {
    places: places.map((p) => ({ id: p.id, slug: p.slug, name: p.name, communeName: p.commune.name })).sort(byName),
    communes,
    topicCodes: topics.map((t) => t.code),
    levels: Object.values(WorkshopLevel),
  };
}

export type FilterOptions = Awaited<ReturnType<typeof listFilterOptions>>;

// ---------------------------------------------------------------------------------------------
// One session, as a booking page or an email shows it

/** What a resident needs to know about a session they booked or are about to book. */
export const sessionInfoSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  status: true,
  room: true,
  cancellationReason: true,
  capacity: true,
  seatsTaken: true,
  waitlistCount: true,
  workshop: {
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      level: true,
      durationMinutes: true,
      whatToBring: true,
      devicesLent: true,
      targetSkills: {
        select: { skill: { select: { code: true, label: true, statement: true } } },
        orderBy: { skill: { position: "asc" } },
      },
    },
  },
  place: { select: placeDetailsSelect },
  // First names only: residents see who leads the workshop, not the staff directory.
  trainers: { select: { trainer: { select: { firstName: true } } }, orderBy: { trainer: { firstName: "asc" } } },
  course: { select: { id: true, slug: true, title: true } },
} satisfies Prisma.SessionSelect;

type SessionInfoRow = Prisma.SessionGetPayload<{ select: typeof sessionInfoSelect }>;

export type SessionInfo = ReturnType<typeof toSessionInfo>;

/** The session as a resident reads it; the policy's answer is the one for a resident who has not said who she is. */
export function toSessionInfo(row: SessionInfoRow, now: Date) {
  return {
    id: row.id,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status,
    room: row.room,
    cancellationReason: row.cancellationReason,
    capacity: row.capacity,
    seatsTaken: row.seatsTaken,
    seatsLeft: seatsLeft(row),
    /** The policy's answer: a seat, the waiting list, or why not (pages put it in words). */
    booking: mayBookSession(ANONYMOUS, { session: row, now }),
    timing: sessionTiming(row, now),
    workshop: {
      id: row.workshop.id,
      slug: row.workshop.slug,
      title: row.workshop.title,
      summary: row.workshop.summary,
      level: row.workshop.level,
      durationMinutes: row.workshop.durationMinutes,
      whatToBring: row.workshop.whatToBring,
      devicesLent: row.workshop.devicesLent,
      targetSkills: row.workshop.targetSkills.map((s) => s.skill),
    },
    place: toPlaceDetails(row.place),
    trainers: row.trainers.map((t) => ({ firstName: t.trainer.firstName })),
    course: row.course,
  };
}

/** The session page: everything in SessionInfo, plus the workshop's long text and the whole cycle. */
export async function getSessionDetail(sessionId: string, now: Date, locale?: string) {
  const row = await prisma.session.findFirst({
    where: { id: sessionId, deletedAt: null, workshop: { deletedAt: null } },
    select: {
      ...sessionInfoSelect,
      workshop: {
        select: {
          ...sessionInfoSelect.workshop.select,
          description: true,
          prerequisites: true,
          topics: { select: { topic: { select: { code: true } } }, orderBy: { topic: { position: "asc" } } },
          translations: translationsFor(locale),
        },
      },
      course: {
        select: {
          id: true,
          slug: true,
          title: true,
          summary: true,
          deletedAt: true,
          sessions: {
            where: { deletedAt: null },
            select: courseSessionSelect,
          },
        },
      },
    },
  });
  if (row === null) return null;

  const info = toSessionInfo({ ...row, course: null }, now);
  const course = row.course && row.course.deletedAt === null ? row.course : null;
  const courseSessions = course ? courseSessionsOn(course.sessions) : [];
  return {
    ...info,
    workshop: inReaderLanguage(
      {
        ...info.workshop,
        description: row.workshop.description,
        prerequisites: row.workshop.prerequisites,
        topicCodes: row.workshop.topics.map((t) => t.topic.code),
      },
      row.workshop.translations,
    ),
    course: course && {
      id: course.id,
      slug: course.slug,
      title: course.title,
      summary: course.summary,
      /** The sessions still on, in course order. */
      sessions: courseSessions.map((s) => ({
        id: s.id,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        status: s.status,
        courseOrder: s.courseOrder,
        seatsLeft: seatsLeft(s),
      })),
      /** This session's place in the cycle (1-based), 0 when it is not among those still on. */
      position: courseSessions.findIndex((s) => s.id === row.id) + 1,
      /** A cycle is booked whole: its seats are those of its fullest session still on. */
      seatsLeft: courseSeatsLeft(course.sessions),
      /** The policy's answer to "may I enrol in the whole cycle?". */
      enrolment: mayEnrolInCourse(ANONYMOUS, { sessions: course.sessions, now }),
    },
  };
}

export type SessionDetail = NonNullable<Awaited<ReturnType<typeof getSessionDetail>>>;

/** Other dates of the same workshop that still have a seat, soonest first. */
export async function listOtherDatesWithSeats(
  db: DbClient,
  input: { workshopId: string; excludeSessionId: string; now: Date; limit: number; locale?: string },
) {
  const rows = await db.session.findMany({
    where: {
      ...visibleSessionWhere(input.now),
      workshopId: input.workshopId,
      id: { not: input.excludeSessionId },
      seatsTaken: { lt: prisma.session.fields.capacity },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: input.limit,
    select: catalogueSelectFor(input.locale),
  });
  return rows.map((row) => toCatalogueSession(row, false, input.now));
}

/**
 * Next workshops to suggest after one: upcoming sessions with a seat, of other workshops the
 * person has not booked, one per workshop, those at the same place first, soonest first.
 */
export async function listSuggestedNextSessions(
  db: DbClient,
  input: { afterWorkshopId: string; placeId: string; personId: string; now: Date; limit: number; locale?: string },
) {
  const rows = await db.session.findMany({
    where: {
      ...visibleSessionWhere(input.now),
      workshopId: { not: input.afterWorkshopId },
      seatsTaken: { lt: prisma.session.fields.capacity },
      bookings: { none: { personId: input.personId, status: { in: ["CONFIRMED", "WAITLISTED"] } } },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 50,
    select: catalogueSelectFor(input.locale),
  });
  const samePlaceFirst = [...rows].sort(
    (a, b) => Number(a.place.id !== input.placeId) - Number(b.place.id !== input.placeId),
  );
  const seen = new Set<string>();
  const picked = samePlaceFirst.filter((row) => {
    if (seen.has(row.workshop.id)) return false;
    seen.add(row.workshop.id);
    return true;
  });
  return picked.slice(0, input.limit).map((row) => toCatalogueSession(row, false, input.now));
}

/** Up to this many other dates with seats are offered when a session is full. */
const OTHER_DATES_SHOWN = 3;

/**
 * The other dates the session and booking pages offer before the waiting list, when the policy
 * says a session does (`offersOtherDates`); read outside any transaction.
 */
export async function otherDatesIfFull(
  session: { id: string; workshop: { id: string }; booking: BookAnswer },
  now: Date,
  locale?: string,
) {
  if (!offersOtherDates(session.booking)) return [];
  return listOtherDatesWithSeats(prisma, {
    workshopId: session.workshop.id,
    excludeSessionId: session.id,
    now,
    limit: OTHER_DATES_SHOWN,
    locale,
  });
}
