// Reads for the walk-in page: the people a precise query names (by the normalised columns, never
// by loading the register), the records a new person might duplicate, and what the page shows of
// the session. Each answers with the least a trainer needs (docs: app/domain/people/walk-in-match.ts).
import {
  WALK_IN_SEARCH_LIMIT,
  type AgeBand,
  type ExistingContact,
  type KnownPerson,
  type WalkInQuery,
} from "~/domain/people/walk-in-match";
import { prisma } from "~/utils/db.server";

import type { DbClient } from "./session.server";

const livePerson = { deletedAt: null, anonymised: false } as const;

const knownPersonSelect = {
  id: true,
  firstName: true,
  lastName: true,
  nameKey: true,
  ageBand: true,
  birthYear: true,
  commune: { select: { name: true } },
} as const;

type KnownPersonRow = {
  id: string;
  firstName: string;
  lastName: string;
  nameKey: string;
  ageBand: AgeBand | null;
  birthYear: number | null;
  commune: { name: string } | null;
};

function toKnownPerson(row: KnownPersonRow): KnownPerson {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    nameKey: row.nameKey,
    ageBand: row.ageBand,
    birthYear: row.birthYear,
    communeName: row.commune?.name ?? null,
  };
}

/**
 * Where a found person stands at this session: booked (seat held), already on the list, on the
 * waiting list (adding them cancels that booking), or none of these.
 */
export type WalkInStanding = "BOOKED" | "ON_LIST" | "WAITLISTED" | null;

export type FoundPerson = KnownPerson & { standing: WalkInStanding };

/**
 * The people a parsed query names, at most `WALK_IN_SEARCH_LIMIT` (and whether there were more,
 * asking for a more precise query). A name is compared on `nameKey` (whole, or as the start of
 * "first last"), a phone on `phoneNormalized`, an email on `emailNormalized`.
 */
export async function searchPeopleForWalkIn(
  query: WalkInQuery,
  sessionId: string,
  db: DbClient = prisma,
): Promise<{ people: FoundPerson[]; more: boolean }> {
  let where;
  if (query.kind === "phone") where = { phoneNormalized: query.phoneNormalized };
  else if (query.kind === "email") where = { emailNormalized: query.emailNormalized };
  else if (query.kind === "name")
    where = { OR: [{ nameKey: { in: query.exact } }, { nameKey: { startsWith: query.prefix } }] };
  else return { people: [], more: false };

  const rows = await db.person.findMany({
    where: { ...livePerson, ...where },
    orderBy: [{ lastActivityAt: "desc" }, { id: "asc" }],
    take: WALK_IN_SEARCH_LIMIT + 1,
    select: {
      ...knownPersonSelect,
      bookings: { where: { sessionId, status: { in: ["CONFIRMED", "WAITLISTED"] } }, select: { status: true } },
      attendances: { where: { sessionId }, select: { id: true } },
    },
  });
  return {
    people: rows.slice(0, WALK_IN_SEARCH_LIMIT).map((row) => ({
      ...toKnownPerson(row),
      standing: standingOf(row),
    })),
    more: rows.length > WALK_IN_SEARCH_LIMIT,
  };
}

function standingOf(row: { attendances: unknown[]; bookings: { status: string }[] }): WalkInStanding {
  if (row.attendances.length > 0) return "ON_LIST";
  if (row.bookings.some((b) => b.status === "CONFIRMED")) return "BOOKED";
  return row.bookings.length > 0 ? "WAITLISTED" : null;
}

/** Live records sharing the new person's phone, email or whole name key: the possible duplicates. */
export async function findPossibleDuplicates(
  db: DbClient,
  contact: { nameKey: string; emailNormalized: string | null; phoneNormalized: string | null },
): Promise<(ExistingContact & KnownPerson)[]> {
  const or = [
    { nameKey: contact.nameKey },
    ...(contact.emailNormalized ? [{ emailNormalized: contact.emailNormalized }] : []),
    ...(contact.phoneNormalized ? [{ phoneNormalized: contact.phoneNormalized }] : []),
  ];
  const rows = await db.person.findMany({
    where: { ...livePerson, OR: or },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    // A household, a namesake or two: never a long list; bounded all the same.
    take: 20,
    select: { ...knownPersonSelect, emailNormalized: true, phoneNormalized: true },
  });
  return rows.map((row) => ({
    ...toKnownPerson(row),
    emailNormalized: row.emailNormalized,
    phoneNormalized: row.phoneNormalized,
  }));
}

/** Glimpse data for given people (candidates the action found), in the given order. */
export async function knownPeopleByIds(ids: readonly string[], db: DbClient = prisma): Promise<KnownPerson[]> {
  if (ids.length === 0) return [];
  const rows = await db.person.findMany({ where: { id: { in: [...ids] }, ...livePerson }, select: knownPersonSelect });
  const byId = new Map(rows.map((row) => [row.id, toKnownPerson(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** What the walk-in page shows of its session, the people added without a booking and the head count. */
export async function getWalkInSession(sessionId: string, db: DbClient = prisma) {
  const session = await db.session.findFirst({
    where: { id: sessionId, deletedAt: null },
    select: {
      id: true,
      status: true,
      startsAt: true,
      endsAt: true,
      capacity: true,
      seatsTaken: true,
      workshop: { select: { title: true } },
      place: { select: { name: true } },
      attendances: {
        where: { isWalkIn: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          capacityOverrideReason: true,
          person: { select: { firstName: true, lastName: true } },
        },
      },
      anonymousVisits: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, count: true, ageBand: true, createdAt: true, commune: { select: { name: true } } },
      },
    },
  });
  if (!session) return null;
  return {
    ...session,
    anonymousTotal: session.anonymousVisits.reduce((sum, visit) => sum + visit.count, 0),
  };
}

export type WalkInSession = NonNullable<Awaited<ReturnType<typeof getWalkInSession>>>;

/** The walk-in an attendance id names, if it belongs to this session (for the « ajoutée » message). */
export async function walkInOfSession(sessionId: string, attendanceId: string, db: DbClient = prisma) {
  return db.attendance.findFirst({
    where: { id: attendanceId, sessionId, isWalkIn: true },
    select: { id: true, capacityOverrideReason: true, person: { select: { firstName: true, lastName: true } } },
  });
}
