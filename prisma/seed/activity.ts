import { manageTokenHashFor } from "../../app/utils/link-tokens.server";
import type { Random } from "./random";
import type { ResidentSeed } from "./residents";
import { cancelledAt as sessionCancelledAt, COURSE, type PlannedSession } from "./schedule";
import { ASSESSMENT_NOTES, BOOKING_CANCELLATION_REASONS, LATE_NOTES, WALK_IN_NOTE } from "./texts";
import { addDays, addMinutes } from "./time";

/**
 * Who booked, came and learnt what. Walks the sessions in time order so that every rule
 * holds by construction: nobody holds two overlapping active bookings, a session's confirmed
 * bookings never exceed its capacity, a learner's assessments progress over time.
 */

type Level = "NOT_COVERED" | "ACCOMPANIED" | "PARTLY_AUTONOMOUS" | "AUTONOMOUS";
const LEVELS: Level[] = ["NOT_COVERED", "ACCOMPANIED", "PARTLY_AUTONOMOUS", "AUTONOMOUS"];

export type BookingRow = {
  id: string;
  sessionId: string;
  personId: string;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  source: "ONLINE" | "PHONE" | "WALK_IN" | "STAFF";
  manageTokenHash: string;
  contactEmail: string | null;
  contactEmailNormalized: string | null;
  contactPhone: string | null;
  locale: string;
  remindersWanted: boolean;
  courseEnrolmentId: string | null;
  bookedById: string | null;
  waitlistedAt: Date | null;
  confirmedAt: Date | null;
  promotedAt: Date | null;
  cancelledAt: Date | null;
  cancelledBy: string | null;
  cancellationReason: string | null;
  createdAt: Date;
};
export type AttendanceRow = {
  id: string;
  sessionId: string;
  personId: string;
  bookingId: string | null;
  status: "PRESENT" | "LATE" | "EXCUSED" | "ABSENT";
  isWalkIn: boolean;
  markedById: string;
  markedAt: Date;
  note: string | null;
};
export type AssessmentRow = {
  id: string;
  personId: string;
  skillId: string;
  level: Level;
  sessionId: string | null;
  assessedById: string;
  assessedAt: Date;
  note: string | null;
};
export type EnrolmentRow = {
  id: string;
  courseId: string;
  personId: string;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  createdAt: Date;
  cancelledAt: Date | null;
};

export type Activity = {
  bookings: BookingRow[];
  attendances: AttendanceRow[];
  assessments: AssessmentRow[];
  enrolments: EnrolmentRow[];
  /** seats taken per session id = its CONFIRMED bookings */
  seatsTaken: Map<string, number>;
  /** latest booking or attendance of each person */
  lastActivity: Map<string, Date>;
};

/** `cancelledBy` values: who cancelled, the resident or the staff. */
export const CANCELLED_BY_PERSON = "PERSON";
export const CANCELLED_BY_STAFF = "STAFF";

/** Seeded bookings get their link like any other: derived from the id and the link key (decisions/016). */
export function seededTokenHash(bookingId: string): string {
  return manageTokenHashFor(bookingId);
}

/** The contact a seeded booking was made with: the resident's own (those who declined emails gave a phone). */
function seededContact(resident: ResidentSeed) {
  const email = resident.consentServiceEmails ? resident.email : null;
  return {
    contactEmail: email,
    contactEmailNormalized: email === null ? null : resident.emailNormalized,
    contactPhone: resident.phone,
    locale: resident.preferredLanguage,
    remindersWanted: resident.consentReminders,
  };
}

export type ActivityInput = {
  rand: Random;
  monday: Date;
  sessions: PlannedSession[];
  residents: ResidentSeed[];
  /** when each resident was registered */
  registeredAt: Map<string, Date>;
  /** mediator in charge of each place, who books by phone for residents */
  mediatorByPlace: Map<string, string>;
  coordinatorId: string;
  /** skill code → skill id */
  skillIds: Map<string, string>;
};

export function generateActivity(input: ActivityInput): Activity {
  const { rand, monday, sessions, residents, registeredAt, mediatorByPlace, coordinatorId, skillIds } = input;
  const bookings: BookingRow[] = [];
  const attendances: AttendanceRow[] = [];
  const assessments: AssessmentRow[] = [];
  const enrolments: EnrolmentRow[] = [];
  const seatsTaken = new Map<string, number>(sessions.map((s) => [s.id, 0]));
  const lastActivity = new Map<string, Date>();

  const busy = new Map<string, { start: number; end: number }[]>();
  const workshopsTaken = new Map<string, Set<string>>();
  const skillLevel = new Map<string, number>();
  /** "sessionId|personId" of every booking, whatever its status: one booking per person and session */
  const booked = new Set<string>();

  const touch = (personId: string, at: Date) => {
    const last = lastActivity.get(personId);
    if (!last || last < at) lastActivity.set(personId, at);
  };
  const isFree = (personId: string, s: PlannedSession) =>
    (busy.get(personId) ?? []).every((b) => s.localEnd + 30 <= b.start || b.end + 30 <= s.localStart);
  const occupy = (personId: string, s: PlannedSession) => {
    busy.set(personId, [...(busy.get(personId) ?? []), { start: s.localStart, end: s.localEnd }]);
    workshopsTaken.set(personId, new Set([...(workshopsTaken.get(personId) ?? []), s.workshop.slug]));
  };
  const sourceFor = (person: ResidentSeed): { source: BookingRow["source"]; bookedById: string | null } => {
    const staff = mediatorByPlace.get(person.homePlace) ?? coordinatorId;
    if (!person.email)
      return rand.chance(0.7) ? { source: "PHONE", bookedById: staff } : { source: "STAFF", bookedById: staff };
    const source = rand.weighted([
      ["ONLINE", 75],
      ["PHONE", 15],
      ["STAFF", 10],
    ] as const);
    return { source, bookedById: source === "ONLINE" ? null : staff };
  };
  /** when the booking was made: days before the session, never after the seed's Monday */
  const bookingTime = (person: ResidentSeed, s: PlannedSession): Date | null => {
    let at = addMinutes(addDays(s.startsAt, -rand.int(1, 21)), -rand.int(0, 600));
    if (s.week >= 0 && at > monday) at = addMinutes(monday, -rand.int(60, 72 * 60));
    const registered = registeredAt.get(person.id)!;
    if (at < registered) at = addMinutes(registered, rand.int(5, 120));
    return at < addMinutes(s.startsAt, -60) ? at : null;
  };
  const residentById = new Map(residents.map((r) => [r.id, r]));
  type ContactFields = "contactEmail" | "contactEmailNormalized" | "contactPhone" | "locale" | "remindersWanted";
  const newBooking = (row: Omit<BookingRow, "id" | "manageTokenHash" | ContactFields>): BookingRow => {
    const id = `seed-booking-${bookings.length + 1}`;
    const booking = {
      id,
      manageTokenHash: seededTokenHash(id),
      ...seededContact(residentById.get(row.personId)!),
      ...row,
    };
    bookings.push(booking);
    booked.add(`${row.sessionId}|${row.personId}`);
    touch(row.personId, row.createdAt);
    return booking;
  };

  // The course first: its enrolled learners hold all four sessions before anyone else books.
  const courseSessions = sessions
    .filter((s) => s.courseId === COURSE.id)
    .sort((a, b) => a.courseOrder! - b.courseOrder!);
  const courseCandidates = rand.shuffle(
    residents.filter(
      (r) => r.homePlace === COURSE.place && r.age >= 60 && courseSessions.every((s) => isFree(r.id, s)),
    ),
  );
  courseCandidates.slice(0, 7).forEach((person, i) => {
    const cancelled = i === 6; // one enrolment withdrawn, to show what that looks like
    let createdAt = addMinutes(monday, -rand.int(2 * 1440, 15 * 1440));
    const registered = registeredAt.get(person.id)!;
    if (createdAt < registered) createdAt = addMinutes(registered, 60);
    const enrolment: EnrolmentRow = {
      id: `seed-enrolment-${i + 1}`,
      courseId: COURSE.id,
      personId: person.id,
      status: cancelled ? "CANCELLED" : "CONFIRMED",
      createdAt,
      cancelledAt: cancelled ? addMinutes(createdAt, 1440) : null,
    };
    enrolments.push(enrolment);
    const { source, bookedById } = sourceFor(person);
    for (const s of courseSessions) {
      newBooking({
        sessionId: s.id,
        personId: person.id,
        status: cancelled ? "CANCELLED" : "CONFIRMED",
        source,
        courseEnrolmentId: enrolment.id,
        bookedById,
        waitlistedAt: null,
        confirmedAt: createdAt,
        promotedAt: null,
        cancelledAt: enrolment.cancelledAt,
        cancelledBy: cancelled ? CANCELLED_BY_PERSON : null,
        cancellationReason: cancelled ? "Je pars chez ma fille pendant un mois." : null,
        createdAt,
      });
      if (!cancelled) {
        occupy(person.id, s);
        seatsTaken.set(s.id, seatsTaken.get(s.id)! + 1);
      }
    }
  });

  for (const s of sessions) {
    if (s.courseId || s.cancelledAtPlanning) continue;
    const past = s.week < 0;
    let target: number;
    if (s.waitlist > 0) target = s.capacity;
    else if (past || s.status === "CANCELLED") target = Math.round(s.capacity * (0.7 + 0.3 * rand.next()));
    else {
      const fill = s.week === 0 ? 0.55 + 0.4 * rand.next() : 0.85 - 0.1 * s.week + 0.3 * (rand.next() - 0.5);
      target = Math.min(s.capacity - 1, Math.max(0, Math.round(s.capacity * fill)));
    }

    // Residents of the place's area come first; a few from elsewhere make the trip.
    // A session in demand draws people from the whole territory once the locals are in.
    const awayChance = s.place.kind === "DIGITAL_HUB" ? 0.15 : 0.04;
    const locals = residents.filter((r) => r.homePlace === s.place.slug);
    const others = residents.filter((r) => r.homePlace !== s.place.slug);
    const candidates =
      s.waitlist > 0
        ? [...rand.shuffle(locals), ...rand.shuffle(others)]
        : rand.shuffle([...locals, ...others.filter(() => rand.chance(awayChance))]);
    // Nobody takes the same workshop twice, except a series' occurrences: people come back to
    // the weekly "démarches" session with a new procedure each time.
    const eligible = (r: ResidentSeed) =>
      (s.seriesId !== null || !workshopsTaken.get(r.id)?.has(s.workshop.slug)) &&
      isFree(r.id, s) &&
      registeredAt.get(r.id)! < addDays(s.startsAt, -1);

    const sessionBookings: BookingRow[] = [];
    let confirmed = 0;
    let withdrawn = 0;
    for (const person of candidates) {
      if (confirmed >= target) break;
      if (!eligible(person) || booked.has(`${s.id}|${person.id}`)) continue;
      const createdAt = bookingTime(person, s);
      if (!createdAt) continue;
      const { source, bookedById } = sourceFor(person);
      // Some residents cancel their own booking; the seat goes to the next person.
      if (s.waitlist === 0 && withdrawn < 2 && rand.chance(past ? 0.07 : 0.04)) {
        withdrawn++;
        const cancelledAt = addMinutes(createdAt, rand.int(60, 3 * 1440));
        newBooking({
          sessionId: s.id,
          personId: person.id,
          status: "CANCELLED",
          source,
          courseEnrolmentId: null,
          bookedById,
          waitlistedAt: null,
          confirmedAt: createdAt,
          promotedAt: null,
          cancelledAt: cancelledAt < s.startsAt && cancelledAt < monday ? cancelledAt : createdAt,
          cancelledBy: CANCELLED_BY_PERSON,
          cancellationReason: rand.pick(BOOKING_CANCELLATION_REASONS),
          createdAt,
        });
        continue;
      }
      // Now and then a past seat was first a place on the waiting list.
      const promoted = past && rand.chance(0.04);
      const promotedAt = promoted ? addMinutes(createdAt, rand.int(600, 2 * 1440)) : null;
      const usePromotion = promotedAt !== null && promotedAt < addMinutes(s.startsAt, -120);
      sessionBookings.push(
        newBooking({
          sessionId: s.id,
          personId: person.id,
          status: "CONFIRMED",
          source,
          courseEnrolmentId: null,
          bookedById,
          waitlistedAt: usePromotion ? createdAt : null,
          confirmedAt: usePromotion ? promotedAt : createdAt,
          promotedAt: usePromotion ? promotedAt : null,
          cancelledAt: null,
          cancelledBy: null,
          cancellationReason: null,
          createdAt,
        }),
      );
      confirmed++;
      if (s.status !== "CANCELLED") occupy(person.id, s);
    }
    if (s.waitlist > 0 && confirmed < s.capacity) {
      throw new Error(`Could not fill ${s.id} (${s.place.slug}, week ${s.week}): ${confirmed}/${s.capacity}`);
    }

    // Full sessions: the latecomers wait for a seat.
    let waiting = 0;
    for (const person of candidates) {
      if (waiting >= s.waitlist) break;
      if (!eligible(person) || booked.has(`${s.id}|${person.id}`)) continue;
      const createdAt = bookingTime(person, s);
      if (!createdAt) continue;
      const { source, bookedById } = sourceFor(person);
      newBooking({
        sessionId: s.id,
        personId: person.id,
        status: "WAITLISTED",
        source,
        courseEnrolmentId: null,
        bookedById,
        waitlistedAt: createdAt,
        confirmedAt: null,
        promotedAt: null,
        cancelledAt: null,
        cancelledBy: null,
        cancellationReason: null,
        createdAt,
      });
      occupy(person.id, s);
      waiting++;
    }
    if (waiting < s.waitlist) throw new Error(`Could not build the waiting list of ${s.id}: ${waiting}/${s.waitlist}`);

    if (s.status === "CANCELLED") {
      // The staff cancelled the session: every booking went with it.
      const cancelledAt = sessionCancelledAt(s, monday)!;
      for (const b of sessionBookings) {
        b.status = "CANCELLED";
        b.cancelledAt = cancelledAt > b.createdAt ? cancelledAt : addMinutes(b.createdAt, 30);
        b.cancelledBy = CANCELLED_BY_STAFF;
        b.cancellationReason = s.cancellationReason;
      }
      continue;
    }
    seatsTaken.set(s.id, confirmed);
    if (!past || s.leftUnmarked) continue;

    // Past sessions: the trainer marked attendance and assessed the learners who came.
    const marker = s.trainerIds[0];
    const markedAt = addMinutes(s.endsAt, rand.int(5, 40));
    const present: string[] = [];
    for (const b of sessionBookings) {
      const status = rand.weighted([
        ["PRESENT", 80],
        ["LATE", 7],
        ["EXCUSED", 6],
        ["ABSENT", 7],
      ] as const);
      attendances.push({
        id: `seed-attendance-${attendances.length + 1}`,
        sessionId: s.id,
        personId: b.personId,
        bookingId: b.id,
        status,
        isWalkIn: false,
        markedById: marker,
        markedAt,
        note: status === "LATE" ? rand.pick(LATE_NOTES) : status === "EXCUSED" ? "A prévenu le matin même." : null,
      });
      if (status === "PRESENT" || status === "LATE") present.push(b.personId);
      touch(b.personId, markedAt);
    }
    const walkIns = confirmed < s.capacity && rand.chance(0.2) ? rand.int(1, Math.min(2, s.capacity - confirmed)) : 0;
    let added = 0;
    for (const person of candidates) {
      if (added >= walkIns) break;
      if (person.homePlace !== s.place.slug || !eligible(person) || booked.has(`${s.id}|${person.id}`)) continue;
      attendances.push({
        id: `seed-attendance-${attendances.length + 1}`,
        sessionId: s.id,
        personId: person.id,
        bookingId: null,
        status: "PRESENT",
        isWalkIn: true,
        markedById: marker,
        markedAt,
        note: WALK_IN_NOTE,
      });
      occupy(person.id, s);
      present.push(person.id);
      touch(person.id, markedAt);
      added++;
    }

    for (const personId of present) {
      for (const code of s.workshop.skills) {
        if (!rand.chance(0.85)) continue;
        const key = `${personId}|${code}`;
        const previous = skillLevel.get(key);
        const level =
          previous === undefined
            ? rand.weighted([
                [0, 10],
                [1, 60],
                [2, 25],
                [3, 5],
              ] as const)
            : Math.min(3, previous + (rand.chance(0.6) ? 1 : 0));
        skillLevel.set(key, level);
        assessments.push({
          id: `seed-assessment-${assessments.length + 1}`,
          personId,
          skillId: skillIds.get(code)!,
          level: LEVELS[level],
          sessionId: s.id,
          assessedById: marker,
          assessedAt: markedAt,
          note: rand.pick(ASSESSMENT_NOTES),
        });
      }
    }
  }

  return { bookings, attendances, assessments, enrolments, seatsTaken, lastActivity };
}
