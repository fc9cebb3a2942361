import { generateActivity, type Activity } from "./activity";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { PLACES } from "./places";
import { createRandom } from "./random";
import { ageBandOf, buildResidents, type ResidentSeed } from "./residents";
import { cancelledAt, COURSE, planSessions, SERIES, type PlannedSession } from "./schedule";
import { SKILL_DOMAINS } from "./skills";
import { MEDIATOR_NOTES } from "./texts";
import { loadMemberCommunes, servingPlaceByCommune } from "./territory";
import { TOPIC_CODES } from "./topics";
import { addDays, addMinutes, parisWeekStart, parisYear } from "./time";
import { WORKSHOP_TRANSLATIONS } from "./workshop-translations";
import { WORKSHOPS } from "./workshops";

/**
 * Everything the seed writes, as plain rows with stable "seed-…" ids, computed without touching
 * the database. It depends only on the Monday of `now`'s week (Europe/Paris), so two runs in the
 * same week give identical rows. Weeks are numbered from that Monday: -8…-1 are past (sessions
 * COMPLETED, attendance marked but on each trainer's last session of week -1), 0…7 upcoming
 * (SCHEDULED); the trainers work every day of week 0 but Sunday, and the next Monday. Sessions of week 0 that already took
 * place stay SCHEDULED without attendance, as sessions still to be marked ("à émarger"): marking
 * them by `now` would make a re-run later in the week produce different rows.
 */

// Separate streams, so that changing how residents are drawn does not reshuffle the timetable.
const RESIDENTS_SEED = 0x5eed_0001;
const SCHEDULE_SEED = 0x5eed_0002;
const ACTIVITY_SEED = 0x5eed_0003;

export const communeId = (insee: string) => `seed-commune-${insee}`;
const placeIdBySlug = new Map(PLACES.map((p) => [p.slug, p.id]));
export const placeId = (slug: string) => {
  const id = placeIdBySlug.get(slug);
  if (!id) throw new Error(`Unknown place ${slug}`);
  return id;
};
export const topicId = (code: string) => `seed-topic-${code}`;
export const workshopId = (slug: string) => `seed-workshop-${slug}`;
export const domainId = (code: string) => `seed-domain-${code}`;
export const skillId = (code: string) => `seed-skill-${code}`;

export type SeedData = ReturnType<typeof buildSeedData>;

export function buildSeedData(now: Date) {
  const monday = parisWeekStart(now);
  const communes = loadMemberCommunes();
  const placeByCommune = servingPlaceByCommune(communes);
  const mediatorByPlace = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS.filter((a) => a.roles.includes("MEDIATOR"))) {
    for (const slug of account.places) if (!mediatorByPlace.has(slug)) mediatorByPlace.set(slug, account.id);
  }
  const coordinatorId = DEMO_ACCOUNTS.find((a) => a.roles.includes("COORDINATOR"))!.id;

  const residents = buildResidents(createRandom(RESIDENTS_SEED), communes, placeByCommune);
  const registeredAt = new Map(
    residents.map((r) => [r.id, addMinutes(addDays(monday, -r.registeredDaysAgo), 9 * 60 + 30)]),
  );
  const sessions = planSessions(createRandom(SCHEDULE_SEED), monday);
  const activity = generateActivity({
    rand: createRandom(ACTIVITY_SEED),
    monday,
    sessions,
    residents,
    registeredAt,
    mediatorByPlace,
    coordinatorId,
    skillIds: new Map(SKILL_DOMAINS.flatMap((d) => d.skills.map((s) => [s.code, skillId(s.code)]))),
  });

  return {
    monday,
    communes: communes.map((c) => ({
      id: communeId(c.inseeCode),
      inseeCode: c.inseeCode,
      name: c.name,
      postcode: c.postcode,
      population: c.population,
      area: c.area,
    })),
    ...placeRows(communes),
    ...catalogueRows(),
    ...staffRows(monday),
    persons: personRows(residents, registeredAt, activity, mediatorByPlace, monday),
    ...sessionRows(sessions, activity, monday, coordinatorId),
    bookings: activity.bookings,
    attendances: activity.attendances,
    skillAssessments: activity.assessments,
    mediatorNotes: noteRows(residents, monday),
    auditLogs: auditRows(sessions, activity, monday, coordinatorId),
  };
}

function placeRows(communes: ReturnType<typeof loadMemberCommunes>) {
  const byInsee = new Map(communes.map((c) => [c.inseeCode, c]));
  const placeByCommune = servingPlaceByCommune(communes);
  return {
    places: PLACES.map((p) => {
      const commune = byInsee.get(p.communeInsee);
      if (!commune) throw new Error(`${p.slug} is in ${p.communeInsee}, not a member commune`);
      if (p.kind === "TIERS_LIEU" && commune.area !== "RURAL") throw new Error(`${p.slug} should be in a village`);
      return {
        id: p.id,
        slug: p.slug,
        name: p.name,
        nameAfterA: p.nameAfterA,
        kind: p.kind,
        description: p.description,
        addressLine: p.addressLine,
        postcode: commune.postcode,
        communeId: communeId(p.communeInsee),
        area: commune.area,
        phone: p.phone,
        email: p.email,
        stepFreeAccess: p.stepFreeAccess,
        parking: p.parking,
        hearingLoop: p.hearingLoop,
        accessNotes: p.accessNotes,
        publicTransport: p.publicTransport,
        deletedAt: null,
      };
    }),
    openingHours: PLACES.flatMap((p) =>
      p.openingHours.map((h, i) => ({ id: `seed-hours-${p.slug}-${i + 1}`, placeId: p.id, ...h })),
    ),
    placeCommunes: [...placeByCommune].map(([insee, slug]) => ({
      placeId: placeId(slug),
      communeId: communeId(insee),
    })),
  };
}

function catalogueRows() {
  return {
    topics: TOPIC_CODES.map((code, i) => ({ id: topicId(code), code, position: i + 1 })),
    skillDomains: SKILL_DOMAINS.map((d) => ({
      id: domainId(d.code),
      code: d.code,
      framework: d.framework,
      label: d.label,
      position: d.position,
    })),
    skills: SKILL_DOMAINS.flatMap((d) =>
      d.skills.map((s, i) => ({
        id: skillId(s.code),
        code: s.code,
        framework: d.framework,
        domainId: domainId(d.code),
        label: s.label,
        statement: s.statement,
        position: i + 1,
      })),
    ),
    workshops: WORKSHOPS.map((w) => ({
      id: workshopId(w.slug),
      slug: w.slug,
      title: w.title,
      summary: w.summary,
      description: w.description,
      level: w.level,
      durationMinutes: w.durationMinutes,
      prerequisites: w.prerequisites,
      whatToBring: w.whatToBring,
      devicesLent: w.devicesLent,
      deletedAt: null,
    })),
    workshopTranslations: WORKSHOP_TRANSLATIONS.map((tr) => ({
      id: `seed-workshop-translation-${tr.slug}-${tr.locale}`,
      workshopId: workshopId(tr.slug),
      locale: tr.locale,
      title: tr.title,
      summary: tr.summary,
      description: tr.description,
      prerequisites: tr.prerequisites,
      whatToBring: tr.whatToBring,
    })),
    workshopTopics: WORKSHOPS.flatMap((w) =>
      w.topics.map((t) => ({ workshopId: workshopId(w.slug), topicId: topicId(t) })),
    ),
    workshopSkills: WORKSHOPS.flatMap((w) =>
      w.skills.map((s) => ({ workshopId: workshopId(w.slug), skillId: skillId(s) })),
    ),
  };
}

function staffRows(monday: Date) {
  return {
    staffUsers: DEMO_ACCOUNTS.map((a) => ({
      id: a.id,
      email: a.email,
      firstName: a.firstName,
      lastName: a.lastName,
      active: true,
      deletedAt: null,
      createdAt: addDays(monday, -365),
    })),
    staffRoleGrants: DEMO_ACCOUNTS.flatMap((a) => a.roles.map((role) => ({ userId: a.id, role }))),
    staffPlaces: DEMO_ACCOUNTS.flatMap((a) => a.places.map((slug) => ({ userId: a.id, placeId: placeId(slug) }))),
  };
}

function personRows(
  residents: ResidentSeed[],
  registeredAt: Map<string, Date>,
  activity: Activity,
  mediatorByPlace: Map<string, string>,
  monday: Date,
) {
  const year = parisYear(monday);
  return residents.map((r) => {
    const created = registeredAt.get(r.id)!;
    const last = activity.lastActivity.get(r.id);
    return {
      id: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      nameKey: r.nameKey,
      email: r.email,
      emailNormalized: r.emailNormalized,
      phone: r.phone,
      phoneNormalized: r.phoneNormalized,
      communeId: communeId(r.communeInsee),
      ageBand: ageBandOf(r.age),
      birthYear: year - r.age,
      preferredLanguage: r.preferredLanguage,
      consentServiceEmails: r.consentServiceEmails,
      consentReminders: r.consentReminders,
      consentsUpdatedAt: created,
      accessibilityNeeds: r.accessibilityNeeds,
      helperName: r.helperName,
      helperEmail: r.helperEmail,
      helperPhone: r.helperPhone,
      helperReceivesReminders: r.helperReceivesReminders,
      createdById: r.registeredByStaff ? (mediatorByPlace.get(r.homePlace) ?? null) : null,
      lastActivityAt: last && last > created ? last : created,
      anonymised: false,
      anonymisedAt: null,
      deletedAt: null,
      createdAt: created,
    };
  });
}

function sessionRows(sessions: PlannedSession[], activity: Activity, monday: Date, coordinatorId: string) {
  const waitlistCount = new Map<string, number>();
  for (const b of activity.bookings) {
    if (b.status === "WAITLISTED") waitlistCount.set(b.sessionId, (waitlistCount.get(b.sessionId) ?? 0) + 1);
  }
  const seriesSessions = sessions.filter((s) => s.seriesId === SERIES.id).sort((a, b) => a.localStart - b.localStart);
  const courseFirst = sessions.filter((s) => s.courseId === COURSE.id).sort((a, b) => a.localStart - b.localStart)[0];
  const seriesCreatedAt = addDays(seriesSessions[0].startsAt, -21);
  const courseCreatedAt = addDays(monday, -20);
  const plannedAt = (s: PlannedSession) =>
    s.seriesId
      ? seriesCreatedAt
      : s.courseId
        ? courseCreatedAt
        : minDate(addDays(s.startsAt, -28), addDays(monday, -3));
  return {
    sessionSeries: [
      {
        id: SERIES.id,
        workshopId: workshopId(SERIES.workshop),
        placeId: placeId(SERIES.place),
        recurrenceRule: SERIES.recurrenceRule,
        firstStartsAt: seriesSessions[0].startsAt,
        durationMinutes: seriesSessions[0].workshop.durationMinutes,
        capacity: SERIES.capacity,
        createdById: coordinatorId,
        deletedAt: null,
        createdAt: seriesCreatedAt,
      },
    ],
    courses: [
      {
        id: COURSE.id,
        slug: COURSE.slug,
        title: COURSE.title,
        summary: COURSE.summary,
        placeId: placeId(COURSE.place),
        deletedAt: null,
        createdAt: minDate(courseCreatedAt, addDays(courseFirst.startsAt, -20)),
      },
    ],
    courseEnrolments: activity.enrolments,
    sessions: sessions.map((s) => ({
      id: s.id,
      workshopId: workshopId(s.workshop.slug),
      placeId: s.place.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      capacity: s.capacity,
      seatsTaken: activity.seatsTaken.get(s.id) ?? 0,
      waitlistCount: waitlistCount.get(s.id) ?? 0,
      status: s.status,
      room: s.room,
      cancelledAt: cancelledAt(s, monday),
      cancellationReason: s.cancellationReason,
      seriesId: s.seriesId,
      courseId: s.courseId,
      courseOrder: s.courseOrder,
      deletedAt: null,
      createdAt: plannedAt(s),
    })),
    sessionTrainers: sessions.flatMap((s) => s.trainerIds.map((trainerId) => ({ sessionId: s.id, trainerId }))),
  };
}

function noteRows(residents: ResidentSeed[], monday: Date) {
  return MEDIATOR_NOTES.map((n, i) => {
    const person = residents.find((r) => r.nameKey === n.person);
    if (!person) throw new Error(`Mediator note ${i + 1}: no resident ${n.person}`);
    return {
      id: `seed-note-${i + 1}`,
      personId: person.id,
      authorId: n.author,
      body: n.body,
      nextStep: n.nextStep,
      deletedAt: null,
      createdAt: addMinutes(addDays(monday, -n.daysAgo), 11 * 60),
    };
  });
}

function auditRows(sessions: PlannedSession[], activity: Activity, monday: Date, coordinatorId: string) {
  const rows: {
    id: string;
    at: Date;
    actorUserId: string | null;
    action: string;
    entityType: string;
    entityId: string;
    data: string | null;
  }[] = [];
  for (const s of sessions.filter((x) => x.status === "CANCELLED")) {
    const cancelledBookings = activity.bookings.filter((b) => b.sessionId === s.id).length;
    rows.push({
      id: `seed-audit-${rows.length + 1}`,
      at: cancelledAt(s, monday)!,
      actorUserId: coordinatorId,
      action: "session.cancel",
      entityType: "Session",
      entityId: s.id,
      data: JSON.stringify({ reason: s.cancellationReason, cancelledBookings }),
    });
  }
  const firstSeries = sessions.find((s) => s.seriesId === SERIES.id)!;
  rows.push({
    id: `seed-audit-${rows.length + 1}`,
    at: addDays(firstSeries.startsAt, -21),
    actorUserId: coordinatorId,
    action: "series.create",
    entityType: "SessionSeries",
    entityId: SERIES.id,
    data: JSON.stringify({ recurrenceRule: SERIES.recurrenceRule, sessions: SERIES.count }),
  });
  return rows;
}

function minDate(a: Date, b: Date): Date {
  return a < b ? a : b;
}
