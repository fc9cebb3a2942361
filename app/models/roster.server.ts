// What staff read about sessions and their rosters: « Mes ateliers » and one session's people.
// Scoped by the actor: a trainer reads the sessions they run; place and any access reach further
// over a bounded window (domain/attendance/my-sessions).
import { isAttendanceStatus, type AttendanceStatus } from "~/domain/attendance/marks";
import { markingSummary } from "~/domain/attendance/summary";
import { OWN_WINDOW_DAYS, WIDE_WINDOW_DAYS, sessionWindow } from "~/domain/attendance/my-sessions";
import { orderWaitlist } from "~/domain/booking/waitlist";
import { formatPhone } from "~/domain/people/contact";
import type { PermissionAccess, StaffMember } from "~/domain/policy/actor";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

/** A bound on one page of « Mes ateliers »: the windows keep far fewer in practice. */
export const MY_SESSIONS_LIMIT = 300;

export type SessionsScope = {
  access: PermissionAccess;
  now: Date;
  from: Date;
  until: Date;
  ownFrom: Date;
  ownUntil: Date;
};

/** Which sessions « Mes ateliers » lists for this access, and over which days. */
export function mySessionsScope(access: PermissionAccess, now: Date): SessionsScope {
  const own = sessionWindow(now, OWN_WINDOW_DAYS);
  const wide = sessionWindow(now, WIDE_WINDOW_DAYS);
  return { access, now, from: wide.from, until: wide.until, ownFrom: own.from, ownUntil: own.until };
}

function mySessionsWhere(actor: StaffMember, scope: SessionsScope): Prisma.SessionWhereInput {
  const own: Prisma.SessionWhereInput = {
    trainers: { some: { trainerId: actor.userId } },
    startsAt: { gte: scope.ownFrom, lt: scope.ownUntil },
  };
  // An older sheet of theirs still missing a mark stays in sight, however old: funders need every one.
  // A booking without a mark linked to it is a superset of "someone booked has no mark" (a mark made
  // under a booking later cancelled and re-booked is linked to the old one): listMySessions keeps
  // only those whose sheet is unfinished by person, as the badge counts (domain/attendance/summary).
  const ownUnfinished: Prisma.SessionWhereInput = {
    trainers: { some: { trainerId: actor.userId } },
    status: { not: "CANCELLED" },
    endsAt: { lte: scope.now },
    bookings: { some: { status: "CONFIRMED", attendance: { is: null } } },
  };
  const wide: Prisma.SessionWhereInput = { startsAt: { gte: scope.from, lt: scope.until } };
  const reach: Prisma.SessionWhereInput[] =
    scope.access === "own"
      ? [own, ownUnfinished]
      : scope.access === "place"
        ? [own, ownUnfinished, { ...wide, placeId: { in: [...actor.placeIds] } }]
        : [own, ownUnfinished, wide];
  return { deletedAt: null, OR: reach };
}

export async function listMySessions(actor: StaffMember, scope: SessionsScope) {
  const rows = await prisma.session.findMany({
    where: mySessionsWhere(actor, scope),
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: MY_SESSIONS_LIMIT,
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      status: true,
      capacity: true,
      room: true,
      placeId: true,
      waitlistCount: true,
      workshop: { select: { title: true } },
      place: { select: { name: true, commune: { select: { name: true } } } },
      trainers: { select: { trainerId: true } },
      bookings: { where: { status: "CONFIRMED" }, select: { personId: true } },
      attendances: { select: { personId: true } },
    },
  });
  const inWindow = (startsAt: Date, from: Date, until: Date) => startsAt >= from && startsAt < until;
  const reachedByWindow = (row: (typeof rows)[number]) =>
    (row.trainers.some((t) => t.trainerId === actor.userId) && inWindow(row.startsAt, scope.ownFrom, scope.ownUntil)) ||
    (scope.access === "any" && inWindow(row.startsAt, scope.from, scope.until)) ||
    (scope.access === "place" &&
      actor.placeIds.includes(row.placeId) &&
      inWindow(row.startsAt, scope.from, scope.until));
  const sessions = rows
    .map((row) => ({
      row,
      confirmedPersonIds: row.bookings.map((b) => b.personId),
      markedPersonIds: row.attendances.map((a) => a.personId),
    }))
    // Listed only as an unfinished sheet: it must be unfinished by person (see mySessionsWhere).
    .filter(
      ({ row, confirmedPersonIds, markedPersonIds }) =>
        reachedByWindow(row) || !markingSummary(confirmedPersonIds, markedPersonIds).complete,
    );
  return {
    truncated: rows.length === MY_SESSIONS_LIMIT,
    sessions: sessions.map(({ row, confirmedPersonIds, markedPersonIds }) => ({
      id: row.id,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      status: row.status,
      capacity: row.capacity,
      room: row.room,
      waitlistCount: row.waitlistCount,
      workshopTitle: row.workshop.title,
      place: { name: row.place.name, communeName: row.place.commune.name },
      target: { placeId: row.placeId, trainerIds: row.trainers.map((t) => t.trainerId) },
      confirmedPersonIds,
      markedPersonIds,
    })),
  };
}

const personSelect = {
  id: true,
  firstName: true,
  lastName: true,
  phone: true,
  accessibilityNeeds: true,
  helperName: true,
  helperPhone: true,
  helperEmail: true,
} satisfies Prisma.PersonSelect;

type PersonRow = Prisma.PersonGetPayload<{ select: typeof personSelect }>;

export type RosterSource = "ONLINE" | "PHONE" | "WALK_IN" | "STAFF";

export type RosterEntry = {
  personId: string;
  firstName: string;
  lastName: string;
  /** As people read it ("06 12 34 56 78"), or null when none is known. */
  phone: string | null;
  source: RosterSource;
  accessibilityNeeds: string | null;
  helper: { name: string | null; phone: string | null; email: string | null } | null;
  /** Came to an earlier session (marked present or late there). */
  returning: boolean;
  walkIn: boolean;
  mark: AttendanceStatus | null;
};

const byName = new Intl.Collator("fr", { sensitivity: "base", numeric: true });
const compareNames = (a: { lastName: string; firstName: string }, b: { lastName: string; firstName: string }) =>
  byName.compare(a.lastName, b.lastName) || byName.compare(a.firstName, b.firstName);

function shownPhone(raw: string | null): string | null {
  if (!raw) return null;
  return formatPhone(raw) ?? raw;
}

function entryOf(
  person: PersonRow,
  extra: { source: RosterSource; contactPhone?: string | null; walkIn: boolean; mark: AttendanceStatus | null },
  returning: ReadonlySet<string>,
): RosterEntry {
  const helper =
    person.helperName || person.helperPhone || person.helperEmail
      ? { name: person.helperName, phone: shownPhone(person.helperPhone), email: person.helperEmail }
      : null;
  return {
    personId: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    phone: shownPhone(person.phone ?? extra.contactPhone ?? null),
    source: extra.source,
    accessibilityNeeds: person.accessibilityNeeds,
    helper,
    returning: returning.has(person.id),
    walkIn: extra.walkIn,
    mark: extra.mark,
  };
}

/** One session's roster: who has a seat, who came without one, who waits; with the marks so far. */
export async function getRoster(sessionId: string) {
  const session = await prisma.session.findFirst({
    where: { id: sessionId, deletedAt: null },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      status: true,
      room: true,
      capacity: true,
      seatsTaken: true,
      placeId: true,
      cancellationReason: true,
      trainers: { select: { trainerId: true } },
      workshop: { select: { title: true } },
      place: { select: { name: true, addressLine: true, commune: { select: { name: true } } } },
      bookings: {
        where: { status: { in: ["CONFIRMED", "WAITLISTED"] } },
        select: {
          id: true,
          waitlistedAt: true,
          createdAt: true,
          status: true,
          source: true,
          contactPhone: true,
          person: { select: personSelect },
        },
      },
      attendances: {
        select: { personId: true, status: true, isWalkIn: true, person: { select: personSelect } },
      },
    },
  });
  if (!session) return null;

  const personIds = [
    ...session.bookings.filter((b) => b.status === "CONFIRMED").map((b) => b.person.id),
    ...session.attendances.filter((a) => a.isWalkIn).map((a) => a.personId),
  ];
  const [earlier, anonymous] = await Promise.all([
    prisma.attendance.findMany({
      where: {
        personId: { in: personIds },
        status: { in: ["PRESENT", "LATE"] },
        sessionId: { not: session.id },
        session: { startsAt: { lt: session.startsAt } },
      },
      distinct: ["personId"],
      select: { personId: true },
    }),
    prisma.anonymousVisit.aggregate({ where: { sessionId: session.id }, _sum: { count: true } }),
  ]);
  const returning = new Set(earlier.map((a) => a.personId));
  const marks = new Map(session.attendances.map((a) => [a.personId, a.status]));
  const markOf = (personId: string) => {
    const status = marks.get(personId);
    return isAttendanceStatus(status) ? status : null;
  };

  const booked = session.bookings
    .filter((b) => b.status === "CONFIRMED")
    .map((b) =>
      entryOf(
        b.person,
        { source: b.source, contactPhone: b.contactPhone, walkIn: false, mark: markOf(b.person.id) },
        returning,
      ),
    )
    .sort(compareNames);
  const walkIns = session.attendances
    .filter((a) => a.isWalkIn)
    .map((a) => entryOf(a.person, { source: "WALK_IN", walkIn: true, mark: markOf(a.personId) }, returning))
    .sort(compareNames);
  // The queue's order is the promotion's (domain/booking/waitlist): first come, first served.
  const waitlist = orderWaitlist(session.bookings.filter((b) => b.status === "WAITLISTED")).map((b, index) => ({
    personId: b.person.id,
    firstName: b.person.firstName,
    lastName: b.person.lastName,
    position: index + 1,
  }));

  return {
    id: session.id,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    status: session.status,
    room: session.room,
    capacity: session.capacity,
    seatsTaken: session.seatsTaken,
    cancellationReason: session.cancellationReason,
    workshopTitle: session.workshop.title,
    place: {
      name: session.place.name,
      addressLine: session.place.addressLine,
      communeName: session.place.commune.name,
    },
    target: { placeId: session.placeId, trainerIds: session.trainers.map((t) => t.trainerId) },
    booked,
    walkIns,
    waitlist,
    anonymousCount: anonymous._sum.count ?? 0,
  };
}
