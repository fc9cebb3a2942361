import { beforeEach, describe, expect, test } from "vitest";

import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import {
  DAY,
  NOW,
  at,
  createCommune,
  createCourse,
  createPlace,
  createSession,
  createStaffUser,
  createWorkshop,
} from "../../tests/fixtures/rows";
import { getSessionDetail, listFilterOptions, listUpcomingSessions } from "./session.server";

beforeEach(() => resetDatabase());

describe("listUpcomingSessions", () => {
  test("scheduled, not deleted, future sessions by date, with what a catalogue card shows", async () => {
    const workshop = await createWorkshop({ title: "Tablette", topicCodes: ["devices", "internet"] });
    const place = await createPlace({ name: "La Fabrique" });
    const second = await createSession({
      workshopId: workshop.id,
      placeId: place.id,
      startsAt: at(3 * DAY),
      seatsTaken: 2,
    });
    const first = await createSession({ workshopId: workshop.id, placeId: place.id, startsAt: at(DAY) });
    await createSession({ workshopId: workshop.id, placeId: place.id, startsAt: at(-DAY) });
    await createSession({ workshopId: workshop.id, placeId: place.id, status: "CANCELLED" });
    await createSession({ workshopId: workshop.id, placeId: place.id, deletedAt: NOW });
    await createSession({
      placeId: place.id,
      workshopId: (
        await prisma.workshop.create({
          data: {
            slug: "old",
            title: "Old",
            summary: "",
            description: "",
            level: "BEGINNER",
            durationMinutes: 60,
            deletedAt: NOW,
          },
        })
      ).id,
    });

    const sessions = await listUpcomingSessions({ now: NOW });
    expect(sessions.map((s) => s.id)).toEqual([first.id, second.id]);
    expect(sessions[1]).toEqual({
      id: second.id,
      startsAt: second.startsAt,
      endsAt: second.endsAt,
      capacity: 8,
      seatsTaken: 2,
      seatsLeft: 6,
      booking: { may: true, outcome: "CONFIRM" },
      courseId: null,
      workshop: {
        id: workshop.id,
        slug: workshop.slug,
        title: "Tablette",
        summary: expect.any(String),
        level: "BEGINNER",
        topicCodes: ["devices", "internet"],
        textLang: "fr",
      },
      place: { id: place.id, slug: place.slug, name: "La Fabrique", communeName: expect.any(String) },
      servesYourCommune: false,
    });
  });

  test("filters by place, topic and level, and honours the limit", async () => {
    const placeA = await createPlace();
    const placeB = await createPlace();
    const mail = await createWorkshop({ topicCodes: ["email"], level: "INTERMEDIATE" });
    const phone = await createWorkshop({ topicCodes: ["smartphone"] });
    const a1 = await createSession({ placeId: placeA.id, workshopId: mail.id, startsAt: at(DAY) });
    const a2 = await createSession({ placeId: placeA.id, workshopId: phone.id, startsAt: at(2 * DAY) });
    const b1 = await createSession({ placeId: placeB.id, workshopId: mail.id, startsAt: at(3 * DAY) });

    const ids = async (filters: Parameters<typeof listUpcomingSessions>[0]) =>
      (await listUpcomingSessions(filters)).map((s) => s.id);
    expect(await ids({ now: NOW, placeSlug: placeA.slug })).toEqual([a1.id, a2.id]);
    expect(await ids({ now: NOW, topicCode: "email" })).toEqual([a1.id, b1.id]);
    expect(await ids({ now: NOW, level: "BEGINNER" })).toEqual([a2.id]);
    expect(await ids({ now: NOW, placeSlug: placeB.slug, topicCode: "smartphone" })).toEqual([]);
    expect(await ids({ now: NOW, limit: 2 })).toEqual([a1.id, a2.id]);
  });

  test("with a commune, sessions at places serving it come first", async () => {
    const home = await createCommune("Trèbes");
    const servingPlace = await createPlace({ servedCommuneIds: [home.id] });
    const placeInCommune = await createPlace({ communeId: home.id });
    const farPlace = await createPlace();
    const far = await createSession({ placeId: farPlace.id, startsAt: at(DAY) });
    const serving = await createSession({ placeId: servingPlace.id, startsAt: at(4 * DAY) });
    const inCommune = await createSession({ placeId: placeInCommune.id, startsAt: at(2 * DAY) });

    const sessions = await listUpcomingSessions({ now: NOW, communeId: home.id });
    expect(sessions.map((s) => [s.id, s.servesYourCommune])).toEqual([
      [inCommune.id, true],
      [serving.id, true],
      [far.id, false],
    ]);
    expect((await listUpcomingSessions({ now: NOW, communeId: home.id, limit: 2 })).map((s) => s.id)).toEqual([
      inCommune.id,
      serving.id,
    ]);
  });
});

describe("getSessionDetail", () => {
  test("the session page: workshop texts, skills, place access, trainers' first names, the cycle", async () => {
    const place = await createPlace();
    const course = await createCourse(place.id);
    const workshop = await prisma.workshop.create({
      data: {
        slug: "messagerie",
        title: "Ma messagerie",
        summary: "Envoyer un courriel",
        description: "Créer une adresse et écrire",
        level: "BEGINNER",
        durationMinutes: 120,
        prerequisites: "Savoir allumer un ordinateur",
        whatToBring: "Un téléphone",
        targetSkills: {
          create: [2, 1].map((position) => ({
            skill: {
              create: {
                code: `CRCN-${position}`,
                framework: "CRCN",
                label: `Compétence ${position}`,
                statement: `Je sais faire ${position}`,
                position,
                domain: {
                  connectOrCreate: {
                    where: { code: "COM" },
                    create: { code: "COM", framework: "CRCN", label: "Communiquer", position: 1 },
                  },
                },
              },
            },
          })),
        },
      },
    });
    const trainer = await createStaffUser("Nadia");
    const first = await createSession({
      placeId: place.id,
      workshopId: workshop.id,
      courseId: course.id,
      courseOrder: 1,
      startsAt: at(DAY),
      capacity: 6,
      seatsTaken: 4,
    });
    const second = await createSession({
      placeId: place.id,
      workshopId: workshop.id,
      courseId: course.id,
      courseOrder: 2,
      startsAt: at(8 * DAY),
      capacity: 6,
      seatsTaken: 1,
    });
    await prisma.sessionTrainer.create({ data: { sessionId: first.id, trainerId: trainer.id } });

    const detail = await getSessionDetail(first.id, NOW);
    expect(detail).toMatchObject({
      id: first.id,
      seatsLeft: 2,
      booking: { may: true, outcome: "CONFIRM" },
      timing: "upcoming",
      workshop: {
        title: "Ma messagerie",
        description: "Créer une adresse et écrire",
        prerequisites: "Savoir allumer un ordinateur",
        whatToBring: "Un téléphone",
        devicesLent: false,
        targetSkills: [
          { code: "CRCN-1", statement: "Je sais faire 1" },
          { code: "CRCN-2", statement: "Je sais faire 2" },
        ],
      },
      place: { slug: place.slug, phone: "04 68 00 00 00", stepFreeAccess: true, communeName: expect.any(String) },
      trainers: [{ firstName: "Nadia" }],
      course: {
        id: course.id,
        title: course.title,
        seatsLeft: 2,
        position: 1,
        enrolment: { may: true },
        sessions: [
          { id: first.id, courseOrder: 1, seatsLeft: 2 },
          { id: second.id, courseOrder: 2, seatsLeft: 5 },
        ],
      },
    });
    expect(JSON.stringify(detail)).not.toMatch(/staff\d+@example|passwordHash|Martin/);

    expect((await getSessionDetail(first.id, first.startsAt))?.booking).toEqual({
      may: false,
      reason: "BOOKING_CLOSED",
    });
    expect(await getSessionDetail("missing", NOW)).toBeNull();
    const standalone = await createSession();
    expect((await getSessionDetail(standalone.id, NOW))?.course).toBeNull();
  });
});

describe("listFilterOptions", () => {
  test("places and communes by name, topic codes by position, the three levels", async () => {
    const zeta = await createCommune("Villemoustaussou");
    await createCommune("Alzonne");
    await createCommune("Éménville");
    await createPlace({ communeId: zeta.id, name: "Médiathèque" });
    await createPlace({ communeId: zeta.id, name: "Espace numérique" });
    await prisma.topic.createMany({
      data: [
        { code: "smartphone", position: 2 },
        { code: "email", position: 1 },
      ],
    });

    const options = await listFilterOptions();
    expect(options.places.map((p) => p.name)).toEqual(["Espace numérique", "Médiathèque"]);
    expect(options.places[0]).toMatchObject({ slug: expect.any(String), communeName: "Villemoustaussou" });
    expect(options.communes.map((c) => c.name)).toEqual(["Alzonne", "Éménville", "Villemoustaussou"]);
    expect(options.topicCodes).toEqual(["email", "smartphone"]);
    expect(options.levels).toEqual(["BEGINNER", "INTERMEDIATE", "ADVANCED"]);
  });
});

describe("workshop translations", () => {
  async function translatedSession() {
    const workshop = await createWorkshop({ title: "Tablette" });
    const place = await createPlace();
    const session = await createSession({ workshopId: workshop.id, placeId: place.id, startsAt: at(DAY) });
    await prisma.workshopTranslation.create({
      data: {
        workshopId: workshop.id,
        locale: "en",
        title: "Tablet",
        summary: "Tablet basics",
        description: "All about tablets",
        prerequisites: null,
        whatToBring: "Your tablet",
      },
    });
    return session;
  }

  test("a page in a language the workshop is translated into reads the translation, and says its language", async () => {
    const session = await translatedSession();
    const detail = await getSessionDetail(session.id, NOW, "en");
    expect(detail?.workshop).toMatchObject({
      title: "Tablet",
      summary: "Tablet basics",
      description: "All about tablets",
      whatToBring: "Your tablet",
      textLang: "en",
    });
    const [card] = await listUpcomingSessions({ now: NOW, locale: "en" });
    expect(card.workshop).toMatchObject({ title: "Tablet", textLang: "en" });
  });

  test("other languages, and a translation's missing optional text, fall back to French", async () => {
    const session = await translatedSession();
    for (const locale of ["ar", "fr", undefined]) {
      const detail = await getSessionDetail(session.id, NOW, locale);
      expect(detail?.workshop).toMatchObject({ title: "Tablette", textLang: "fr" });
    }
    const english = await getSessionDetail(session.id, NOW, "en");
    const french = await getSessionDetail(session.id, NOW, "fr");
    expect(english?.workshop.prerequisites).toBe(french?.workshop.prerequisites);
  });
});
