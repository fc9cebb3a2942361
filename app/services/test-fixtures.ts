// Rows the service tests build on, written straight to the worker's database.
import { prisma } from "~/utils/db.server";

import type { PersonInput } from "./person.server";

let counter = 0;
const next = () => ++counter;

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
/** The tests' "now": every session is placed relative to it. */
export const NOW = new Date("2026-12-01T09:00:00.000Z");

export function at(offsetMs: number): Date {
  return new Date(NOW.getTime() + offsetMs);
}

export async function createCommune(name = `Commune ${next()}`) {
  return prisma.commune.create({ data: { name, postcode: "11000", area: "URBAN" }, select: { id: true, name: true } });
}

export async function createPlace(options: { communeId?: string; servedCommuneIds?: string[]; name?: string } = {}) {
  const n = next();
  const communeId = options.communeId ?? (await createCommune()).id;
  return prisma.place.create({
    data: {
      slug: `place-${n}`,
      name: options.name ?? `Tiers-lieu ${n}`,
      kind: "TIERS_LIEU",
      addressLine: `${n} rue de la Gare`,
      postcode: "11000",
      communeId,
      area: "URBAN",
      phone: "04 68 00 00 00",
      stepFreeAccess: true,
      servedCommunes: { create: (options.servedCommuneIds ?? []).map((id) => ({ communeId: id })) },
    },
    select: { id: true, slug: true, name: true, communeId: true },
  });
}

export async function createWorkshop(options: { title?: string; level?: "BEGINNER" | "INTERMEDIATE" | "ADVANCED"; topicCodes?: string[] } = {}) {
  const n = next();
  return prisma.workshop.create({
    data: {
      slug: `workshop-${n}`,
      title: options.title ?? `Atelier ${n}`,
      summary: "Découvrir la tablette",
      description: "Une description longue",
      level: options.level ?? "BEGINNER",
      durationMinutes: 120,
      whatToBring: "Votre téléphone",
      devicesLent: true,
      topics: {
        create: (options.topicCodes ?? []).map((code) => ({
          topic: { connectOrCreate: { where: { code }, create: { code } } },
        })),
      },
    },
    select: { id: true, slug: true, title: true },
  });
}

export async function createStaffUser(firstName = "Léa") {
  const n = next();
  return prisma.staffUser.create({
    data: { email: `staff${n}@example.org`, firstName, lastName: `Martin${n}`, passwordHash: "x" },
    select: { id: true },
  });
}

export async function createSession(
  options: {
    capacity?: number;
    startsAt?: Date;
    durationMs?: number;
    workshopId?: string;
    placeId?: string;
    status?: "SCHEDULED" | "CANCELLED" | "COMPLETED";
    courseId?: string;
    courseOrder?: number;
    seatsTaken?: number;
    deletedAt?: Date;
  } = {},
) {
  const startsAt = options.startsAt ?? at(2 * DAY);
  return prisma.session.create({
    data: {
      workshopId: options.workshopId ?? (await createWorkshop()).id,
      placeId: options.placeId ?? (await createPlace()).id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + (options.durationMs ?? 2 * HOUR)),
      capacity: options.capacity ?? 8,
      seatsTaken: options.seatsTaken ?? 0,
      status: options.status ?? "SCHEDULED",
      courseId: options.courseId,
      courseOrder: options.courseOrder,
      deletedAt: options.deletedAt,
    },
    select: { id: true, workshopId: true, placeId: true, startsAt: true, endsAt: true },
  });
}

export async function createCourse(placeId: string) {
  const n = next();
  return prisma.course.create({
    data: { slug: `course-${n}`, title: `Cycle ${n}`, summary: "Quatre séances", placeId },
    select: { id: true, title: true },
  });
}

export function personInput(overrides: Partial<PersonInput> = {}): PersonInput {
  const n = next();
  return {
    firstName: "Marie",
    lastName: `Dupont${n}`,
    email: `marie${n}@example.org`,
    phone: null,
    communeId: null,
    ageBand: null,
    preferredLanguage: "fr",
    consentServiceEmails: true,
    consentReminders: false,
    helperEmail: null,
    ...overrides,
  };
}

export async function outboxEmails(kind?: string) {
  const rows = await prisma.outboxEmail.findMany({
    where: kind ? { kind } : {},
    orderBy: { createdAt: "asc" },
    select: { kind: true, recipient: true, locale: true, payload: true, dedupeKey: true },
  });
  return rows.map((row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> }));
}
