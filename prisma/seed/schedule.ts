import { parisDayKey } from "../../app/domain/time/paris-day";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { isClosedDay } from "./holidays";
import { PLACES, type PlaceSeed, type WeeklySlot } from "./places";
import type { Random } from "./random";
import { CANCELLED_SESSIONS, CLOSED_DAY_REASON, FULL_SESSIONS } from "./texts";
import { addDays, addMinutes, parisTime } from "./time";
import { SMARTPHONE_COURSE_WORKSHOPS, WORKSHOPS, type WorkshopSeed } from "./workshops";

/** Sessions run over the eight weeks before the current one, and the current week and seven more. */
export const FIRST_WEEK = -8;
export const LAST_WEEK = 7;

/** The cycle: four Thursday afternoons at the hub, from next week on (closed days skipped). */
export const COURSE = {
  id: "seed-course-parcours-smartphone",
  slug: "parcours-smartphone-carcassonne",
  title: "Parcours smartphone en 4 séances",
  summary:
    "Quatre jeudis après-midi au hub pour prendre en main son smartphone : les bases, les photos, les applications et les arnaques à éviter.",
  place: "hub-carcassonne",
  slot: 1,
  firstWeek: 1,
  capacity: 8,
} as const;

/** The series: six Wednesday mornings at Montolieu; an occurrence on a closed day is cancelled. */
export const SERIES = {
  id: "seed-series-montolieu-demarches",
  workshop: "demarches-en-ligne-pas-a-pas",
  place: "tiers-lieu-montolieu",
  slot: 1,
  firstWeek: -2,
  count: 6,
  capacity: 8,
  recurrenceRule: "FREQ=WEEKLY;INTERVAL=1;BYDAY=WE;COUNT=6",
} as const;

export type PlannedSession = {
  id: string;
  week: number;
  place: PlaceSeed;
  workshop: WorkshopSeed;
  capacity: number;
  room: string | null;
  startsAt: Date;
  endsAt: Date;
  /**
   * Minutes since the first Monday of the plan, in Paris wall-clock time: overlaps are checked
   * on these, which DST changes (always on a Sunday night) cannot disturb.
   */
  localStart: number;
  localEnd: number;
  status: "SCHEDULED" | "COMPLETED" | "CANCELLED";
  cancellationReason: string | null;
  /** cancelled before anyone could book (a series occurrence on a closed day) */
  cancelledAtPlanning: boolean;
  seriesId: string | null;
  courseId: string | null;
  courseOrder: number | null;
  trainerIds: string[];
  /** > 0 for the sessions that must be full with this many people waiting */
  waitlist: number;
  /** a past session whose trainer has not filled in the sheet yet: no attendance, no assessments */
  leftUnmarked: boolean;
};

/**
 * When a cancelled session was cancelled: a closed-day occurrence soon after the series was
 * planned, a past one the day before, an upcoming one two days before the seed's week.
 */
export function cancelledAt(s: PlannedSession, monday: Date): Date | null {
  if (s.status !== "CANCELLED") return null;
  if (s.cancelledAtPlanning) return minDate(addDays(s.startsAt, -20), addDays(monday, -1));
  return s.week < 0 ? addDays(s.startsAt, -1) : addDays(monday, -2);
}

function minDate(a: Date, b: Date): Date {
  return a < b ? a : b;
}

const TRAINERS = DEMO_ACCOUNTS.filter((a) => a.roles.includes("TRAINER"));
/** trainers keep an hour between sessions at different places to drive across the territory */
const TRAVEL_MINUTES = 60;

function localMinute(week: number, weekday: number, hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return ((week - FIRST_WEEK) * 7 + (weekday - 1)) * 1440 + h * 60 + m;
}

function workshopBySlug(slug: string): WorkshopSeed {
  const workshop = WORKSHOPS.find((w) => w.slug === slug);
  if (!workshop) throw new Error(`Unknown workshop ${slug}`);
  return workshop;
}

/** Which workshops a place offers, with weights: tiers-lieux favour beginners' workshops. */
function workshopWeights(place: PlaceSeed): (readonly [WorkshopSeed, number])[] {
  return WORKSHOPS.filter((w) => w.slug !== SERIES.workshop || place.slug !== SERIES.place)
    .filter(
      (w) => w.slug !== "chercher-un-emploi-en-ligne" || ["hub-carcassonne", "tiers-lieu-capendu"].includes(place.slug),
    )
    .map((w) => [w, place.kind === "DIGITAL_HUB" ? 2 : w.level === "BEGINNER" ? 3 : 1.5] as const);
}

export function planSessions(rand: Random, monday: Date): PlannedSession[] {
  const sessions: PlannedSession[] = [];
  const trainerBusy = new Map<string, { start: number; end: number; place: string }[]>();
  const recentWorkshops = new Map<string, string[]>();
  let courseSessionsPlaced = 0;

  for (let week = FIRST_WEEK; week <= LAST_WEEK; week++) {
    // Tiers-lieux pick their trainers first: each has only a few, the hub has them all.
    for (const place of [...PLACES].reverse()) {
      const slots: WeeklySlot[] = [...place.regularSlots];
      if (rand.chance(place.extraSlotChance)) slots.push(place.extraSlot);

      slots.forEach((slot, slotIndex) => {
        const startsAt = parisTime(monday, week, slot.weekday, slot.startsAt);
        const closed = isClosedDay(parisDayKey(startsAt));
        const inSeries =
          place.slug === SERIES.place &&
          slotIndex === SERIES.slot &&
          week >= SERIES.firstWeek &&
          week < SERIES.firstWeek + SERIES.count;
        if (closed && !inSeries) return;
        const courseOrder =
          place.slug === COURSE.place &&
          slotIndex === COURSE.slot &&
          week >= COURSE.firstWeek &&
          courseSessionsPlaced < 4
            ? ++courseSessionsPlaced
            : null;

        let workshop: WorkshopSeed;
        if (inSeries) workshop = workshopBySlug(SERIES.workshop);
        else if (courseOrder) workshop = workshopBySlug(SMARTPHONE_COURSE_WORKSHOPS[courseOrder - 1]);
        else {
          const recent = recentWorkshops.get(place.slug) ?? [];
          workshop = rand.weighted(workshopWeights(place).filter(([w]) => !recent.includes(w.slug)));
        }
        recentWorkshops.set(place.slug, [workshop.slug, ...(recentWorkshops.get(place.slug) ?? [])].slice(0, 4));

        const capacity = courseOrder ? COURSE.capacity : inSeries ? SERIES.capacity : rand.int(...place.capacity);
        const localStart = localMinute(week, slot.weekday, slot.startsAt);
        const localEnd = localStart + workshop.durationMinutes;

        const free = TRAINERS.filter((t) => t.places.includes(place.slug)).filter((t) =>
          (trainerBusy.get(t.id) ?? []).every((b) => {
            const gap = b.place === place.slug ? 0 : TRAVEL_MINUTES;
            return localEnd + gap <= b.start || b.end + gap <= localStart;
          }),
        );
        const wanted =
          place.kind === "DIGITAL_HUB"
            ? rand.weighted([
                [1, 0.6],
                [2, 0.3],
                [3, 0.1],
              ] as const)
            : rand.weighted([
                [1, 0.8],
                [2, 0.2],
              ] as const);
        const trainers = rand.shuffle(free).slice(0, wanted);
        if (trainers.length === 0) {
          if (inSeries || courseOrder)
            throw new Error(`No trainer free for the ${inSeries ? "series" : "course"} in week ${week}`);
          return; // nobody can run it this week: the slot stays empty
        }
        if (!closed) {
          for (const t of trainers) {
            trainerBusy.set(t.id, [
              ...(trainerBusy.get(t.id) ?? []),
              { start: localStart, end: localEnd, place: place.slug },
            ]);
          }
        }

        sessions.push({
          id: `seed-session-${sessions.length + 1}`,
          week,
          place,
          workshop,
          capacity,
          room: slot.room,
          startsAt,
          endsAt: addMinutes(startsAt, workshop.durationMinutes),
          localStart,
          localEnd,
          status: closed ? "CANCELLED" : week < 0 ? "COMPLETED" : "SCHEDULED",
          cancellationReason: closed ? CLOSED_DAY_REASON : null,
          cancelledAtPlanning: closed,
          seriesId: inSeries ? SERIES.id : null,
          courseId: courseOrder ? COURSE.id : null,
          courseOrder,
          trainerIds: trainers.map((t) => t.id),
          waitlist: 0,
          leftUnmarked: false,
        });
      });
    }
  }
  if (courseSessionsPlaced !== 4) throw new Error("The smartphone course needs its 4 sessions");

  sessions.sort((a, b) => a.localStart - b.localStart || a.id.localeCompare(b.id, "en", { numeric: true }));
  const plain = (s: PlannedSession) => s.status !== "CANCELLED" && s.courseId === null && s.waitlist === 0;
  for (const marker of CANCELLED_SESSIONS) {
    const target = sessions.find(
      (s) =>
        plain(s) &&
        !s.seriesId &&
        s.place.slug === marker.place &&
        s.week >= marker.week &&
        s.week < 0 === marker.week < 0,
    );
    if (!target) throw new Error(`No session to cancel for ${JSON.stringify(marker)}`);
    target.status = "CANCELLED";
    target.cancellationReason = marker.reason;
  }
  for (const marker of FULL_SESSIONS) {
    const target = sessions.find(
      (s) =>
        plain(s) && (s.seriesId !== null) === marker.series && s.place.slug === marker.place && s.week >= marker.week,
    );
    if (!target) throw new Error(`No session to fill for ${JSON.stringify(marker)}`);
    target.waitlist = marker.waitlist;
  }
  giveTrainersADay(rand, monday, sessions);
  leaveLastWeekUnmarked(sessions);
  sessions.sort((a, b) => a.localStart - b.localStart || a.id.localeCompare(b.id, "en", { numeric: true }));
  return sessions;
}

/**
 * The days a trainer signing in to the demo should find work on: every day of the current week
 * but Sunday (no place opens then), and the next Monday, so that "today" and "tomorrow" hold
 * whatever day of the week the demo is started (docs/decisions/022 for the staff area).
 */
export const TRAINER_DAYS: readonly { week: number; weekday: number }[] = [
  ...[1, 2, 3, 4, 5, 6].map((weekday) => ({ week: 0, weekday })),
  { week: 1, weekday: 1 },
];

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/**
 * Adds a session for each trainer on each of TRAINER_DAYS the plan left them without one: at one
 * of their places, open that day (not a public holiday), at a usual start time, with a workshop
 * that ends before the place closes, where neither the room nor the trainer is taken.
 */
function giveTrainersADay(rand: Random, monday: Date, sessions: PlannedSession[]) {
  const live = (s: PlannedSession) => s.status !== "CANCELLED";
  for (const trainer of TRAINERS) {
    for (const { week, weekday } of TRAINER_DAYS) {
      const dayStart = localMinute(week, weekday, "00:00");
      const busy = sessions.filter((s) => live(s) && s.trainerIds.includes(trainer.id));
      if (busy.some((s) => s.localStart >= dayStart && s.localStart < dayStart + 1440)) continue;
      if (isClosedDay(parisDayKey(parisTime(monday, week, weekday, "12:00")))) continue;

      const options = PLACES.filter((place) => trainer.places.includes(place.slug)).flatMap((place) =>
        ["09:30", "14:00"].map((start) => ({ place, start })),
      );
      for (const { place, start } of options) {
        const localStart = localMinute(week, weekday, start);
        const startMinute = localStart - dayStart;
        const fitting = workshopWeights(place).filter(([w]) =>
          place.openingHours.some(
            (h) => h.weekday === weekday && h.opensAt <= start && hhmm(startMinute + w.durationMinutes) <= h.closesAt,
          ),
        );
        if (fitting.length === 0) continue;
        const workshop = rand.weighted(fitting);
        const localEnd = localStart + workshop.durationMinutes;
        const clash = (s: PlannedSession, gap: number) =>
          live(s) && localStart < s.localEnd + gap && s.localStart < localEnd + gap;
        if (sessions.some((s) => s.place.slug === place.slug && clash(s, 0))) continue;
        if (busy.some((s) => clash(s, s.place.slug === place.slug ? 0 : TRAVEL_MINUTES))) continue;

        const startsAt = parisTime(monday, week, weekday, start);
        const slot =
          [...place.regularSlots, place.extraSlot].find((sl) => sl.startsAt === start) ?? place.regularSlots[0];
        sessions.push({
          id: `seed-session-day-${trainer.id.replace("seed-staff-", "")}-w${week}-d${weekday}`,
          week,
          place,
          workshop,
          capacity: rand.int(...place.capacity),
          room: slot.room,
          startsAt,
          endsAt: addMinutes(startsAt, workshop.durationMinutes),
          localStart,
          localEnd,
          status: "SCHEDULED",
          cancellationReason: null,
          cancelledAtPlanning: false,
          seriesId: null,
          courseId: null,
          courseOrder: null,
          trainerIds: [trainer.id],
          waitlist: 0,
          leftUnmarked: false,
        });
        break;
      }
    }
  }
}

/**
 * Each trainer's last session of the previous week still waits for its sheet: « Mes ateliers »
 * shows a past session to complete even on a Monday morning.
 */
function leaveLastWeekUnmarked(sessions: PlannedSession[]) {
  for (const trainer of TRAINERS) {
    const last = sessions
      .filter((s) => s.week === -1 && s.status === "COMPLETED" && s.trainerIds.includes(trainer.id))
      .sort((a, b) => b.localStart - a.localStart)[0];
    if (last) last.leftUnmarked = true;
  }
}
