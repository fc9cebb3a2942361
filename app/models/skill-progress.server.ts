// Reads and the one write behind a session's skill progress page: who attended, the workshop's
// target skills, and each attendee's latest assessment of each of them.
import { latestByPersonAndSkill } from "~/domain/skills/assessments";
import type { AutonomyLevel } from "~/domain/skills/levels";

import type { DbClient } from "./session.server";

export type AttendanceMark = "PRESENT" | "LATE" | "EXCUSED" | "ABSENT";

export type TargetSkill = { id: string; label: string; statement: string };

/** What the policy needs of the session, what the page names it by, and its target skills. */
export async function findSkillProgressSession(db: DbClient, sessionId: string) {
  const session = await db.session.findFirst({
    where: { id: sessionId, deletedAt: null },
    select: {
      id: true,
      status: true,
      startsAt: true,
      endsAt: true,
      placeId: true,
      trainers: { select: { trainerId: true } },
      place: { select: { name: true } },
      workshop: {
        select: {
          title: true,
          targetSkills: {
            select: { skill: { select: { id: true, label: true, statement: true, position: true, code: true } } },
          },
        },
      },
    },
  });
  if (!session) return null;
  const skills = session.workshop.targetSkills
    .map(({ skill }) => skill)
    .sort((a, b) => a.position - b.position || a.code.localeCompare(b.code))
    .map(({ id, label, statement }): TargetSkill => ({ id, label, statement }));
  return {
    id: session.id,
    status: session.status,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    placeId: session.placeId,
    trainerIds: session.trainers.map((t) => t.trainerId),
    placeName: session.place.name,
    workshopTitle: session.workshop.title,
    skills,
  };
}

export type SessionPerson = {
  personId: string;
  firstName: string;
  lastName: string;
  attendance: AttendanceMark | null;
  isWalkIn: boolean;
};

/**
 * The session's people: everyone with a confirmed booking, and everyone with an attendance mark
 * (walk-ins, and a booking since cancelled but marked anyway), each once, by name.
 */
export async function listSessionPeople(db: DbClient, sessionId: string): Promise<SessionPerson[]> {
  const [bookings, marks] = await Promise.all([
    db.booking.findMany({
      where: { sessionId, status: "CONFIRMED", person: { deletedAt: null } },
      select: { person: { select: { id: true, firstName: true, lastName: true } } },
    }),
    db.attendance.findMany({
      where: { sessionId, person: { deletedAt: null } },
      select: { status: true, isWalkIn: true, person: { select: { id: true, firstName: true, lastName: true } } },
    }),
  ]);
  const people = new Map<string, SessionPerson>();
  for (const { person } of bookings) {
    people.set(person.id, {
      personId: person.id,
      firstName: person.firstName,
      lastName: person.lastName,
      attendance: null,
      isWalkIn: false,
    });
  }
  for (const mark of marks) {
    people.set(mark.person.id, {
      personId: mark.person.id,
      firstName: mark.person.firstName,
      lastName: mark.person.lastName,
      attendance: mark.status,
      isWalkIn: mark.isWalkIn,
    });
  }
  const collator = new Intl.Collator("fr", { sensitivity: "base" });
  return [...people.values()].sort(
    (a, b) =>
      collator.compare(a.lastName, b.lastName) ||
      collator.compare(a.firstName, b.firstName) ||
      a.personId.localeCompare(b.personId),
  );
}

export type CurrentAssessment = {
  id: string;
  level: AutonomyLevel;
  assessedAt: Date;
  createdAt: Date;
  note: string | null;
  assessedBy: { firstName: string; lastName: string };
  /** The session it was recorded at (none for one recorded outside a session). */
  session: { id: string; startsAt: Date; workshopTitle: string } | null;
};

/**
 * The latest assessment of each person × skill pair, keyed by `progressKey`. Two queries, both
 * along the (personId, skillId, assessedAt) index: the latest time per pair, then the rows at that
 * time with who recorded them — the history itself is never loaded.
 */
export async function latestAssessmentsOf(
  db: DbClient,
  personIds: readonly string[],
  skillIds: readonly string[],
): Promise<Map<string, CurrentAssessment>> {
  if (personIds.length === 0 || skillIds.length === 0) return new Map();
  const latestTimes = await db.skillAssessment.groupBy({
    by: ["personId", "skillId"],
    where: { personId: { in: [...personIds] }, skillId: { in: [...skillIds] } },
    _max: { assessedAt: true },
  });
  const wanted = latestTimes.flatMap(({ personId, skillId, _max }) =>
    _max.assessedAt ? [{ personId, skillId, assessedAt: _max.assessedAt }] : [],
  );
  if (wanted.length === 0) return new Map();
  const rows = await db.skillAssessment.findMany({
    where: { OR: wanted },
    select: {
      id: true,
      personId: true,
      skillId: true,
      level: true,
      assessedAt: true,
      createdAt: true,
      note: true,
      assessedBy: { select: { firstName: true, lastName: true } },
      session: { select: { id: true, startsAt: true, workshop: { select: { title: true } } } },
    },
  });
  const latest = latestByPersonAndSkill(rows);
  return new Map(
    [...latest].map(([key, row]) => [
      key,
      {
        id: row.id,
        level: row.level,
        assessedAt: row.assessedAt,
        createdAt: row.createdAt,
        note: row.note,
        assessedBy: row.assessedBy,
        session: row.session
          ? { id: row.session.id, startsAt: row.session.startsAt, workshopTitle: row.session.workshop.title }
          : null,
      },
    ]),
  );
}

/**
 * The latest assessment of one person × skill recorded at this session, for the repeat-tap rule:
 * the newest by tap time (`assessedAt`), as for the current level, not the last to arrive.
 */
export async function latestAssessmentInSession(
  db: DbClient,
  where: { personId: string; skillId: string; sessionId: string },
) {
  const rows = await db.skillAssessment.findMany({
    where,
    orderBy: [{ assessedAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take: 1,
    select: { id: true, level: true, note: true },
  });
  return rows[0] ?? null;
}

/** The assessment a tap wrote, if it was recorded already (its key is unique). */
export async function assessmentByTapKey(db: DbClient, tapKey: string) {
  return db.skillAssessment.findUnique({ where: { tapKey }, select: { id: true } });
}

/** The person's attendance mark at the session, or null when none was made. */
export async function attendanceMarkOf(
  db: DbClient,
  where: { sessionId: string; personId: string },
): Promise<AttendanceMark | null> {
  const row = await db.attendance.findUnique({
    where: { sessionId_personId: where },
    select: { status: true, person: { select: { deletedAt: true } } },
  });
  return row && row.person.deletedAt === null ? row.status : null;
}

/** Appends one assessment: the table is append-only, so this is its only write. */
export async function appendAssessment(
  db: DbClient,
  data: {
    personId: string;
    skillId: string;
    sessionId: string;
    level: AutonomyLevel;
    note: string | null;
    tapKey: string;
    assessedById: string;
    assessedAt: Date;
  },
) {
  return db.skillAssessment.create({ data, select: { id: true } });
}
