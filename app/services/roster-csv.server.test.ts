import { beforeEach, describe, expect, test } from "vitest";

import { UTF8_BOM } from "~/domain/attendance/signature-sheet";
import { readSignatureSheet } from "~/models/signature-sheet.server";
import { prisma } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";

import { resetDatabase } from "../../tests/setup/db";
import { createCommune, createPlace, createSession, createStaffUser, createWorkshop } from "../../tests/fixtures/rows";
import { rosterCsvForSession } from "./roster-csv.server";

beforeEach(() => resetDatabase());

let n = 0;

/** A session in Paris on 3 December 2026 at 14:00, with a trainer. */
async function sessionWithTrainer() {
  const commune = await createCommune("Montolieu");
  const place = await createPlace({ communeId: commune.id, name: "La Page" });
  const workshop = await createWorkshop({ title: "Écrire un e-mail" });
  const session = await createSession({
    placeId: place.id,
    workshopId: workshop.id,
    startsAt: new Date("2026-12-03T13:00:00Z"),
  });
  const trainer = await createStaffUser("Claire");
  await prisma.sessionTrainer.create({ data: { sessionId: session.id, trainerId: trainer.id } });
  return { session, trainer, communeId: commune.id, workshop };
}

async function person(
  firstName: string,
  lastName: string,
  extra: { phone?: string; email?: string; communeId?: string } = {},
) {
  return prisma.person.create({
    data: { firstName, lastName, nameKey: `${firstName} ${lastName}`.toLowerCase(), ...extra },
    select: { id: true },
  });
}

async function book(
  sessionId: string,
  personId: string,
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED" = "CONFIRMED",
) {
  return prisma.booking.create({
    data: { sessionId, personId, status, source: "PHONE", manageTokenHash: `hash-${++n}` },
    select: { id: true },
  });
}

describe("readSignatureSheet", () => {
  test("booked learners by name, then walk-ins by name; marks and the head count; no waiting list", async () => {
    const { session, trainer } = await sessionWithTrainer();
    const zoe = await person("Zoé", "Martin");
    const emile = await person("Émile", "Arnaud");
    const anne = await person("Anne", "martin");
    const waiting = await person("Paul", "Attente");
    const late = await person("Rita", "Vidal");
    const walkInB = await person("Bruno", "Abadie");
    const walkInA = await person("Ada", "Zèbre");
    const zoeBooking = await book(session.id, zoe.id);
    await book(session.id, emile.id);
    await book(session.id, anne.id);
    await book(session.id, waiting.id, "WAITLISTED");
    await book(session.id, late.id, "CANCELLED");
    await prisma.attendance.create({
      data: {
        sessionId: session.id,
        personId: zoe.id,
        bookingId: zoeBooking.id,
        status: "LATE",
        markedById: trainer.id,
        markedAt: new Date(),
      },
    });
    for (const walkIn of [walkInA, walkInB]) {
      await prisma.attendance.create({
        data: {
          sessionId: session.id,
          personId: walkIn.id,
          status: "PRESENT",
          isWalkIn: true,
          markedById: trainer.id,
          markedAt: new Date(),
        },
      });
    }
    await prisma.anonymousVisit.createMany({
      data: [
        { sessionId: session.id, count: 2, recordedById: trainer.id, requestKey: "k1" },
        { sessionId: session.id, count: 1, recordedById: trainer.id, requestKey: "k2" },
      ],
    });

    const sheet = await readSignatureSheet(session.id);
    expect(sheet?.participants.map((p) => [p.lastName, p.firstName, p.isWalkIn, p.attendance])).toEqual([
      ["Arnaud", "Émile", false, null],
      ["martin", "Anne", false, null],
      ["Martin", "Zoé", false, "LATE"],
      ["Abadie", "Bruno", true, "PRESENT"],
      ["Zèbre", "Ada", true, "PRESENT"],
    ]);
    expect(sheet?.trainers).toEqual([expect.stringMatching(/^Claire Martin\d+$/)]);
    expect(sheet?.anonymousCount).toBe(3);
  });

  test("a deleted or unknown session has no sheet", async () => {
    expect(await readSignatureSheet("nope")).toBeNull();
    const deleted = await createSession({ deletedAt: new Date() });
    expect(await readSignatureSheet(deleted.id)).toBeNull();
  });
});

describe("rosterCsvForSession", () => {
  test("a BOM, French headings, one safe line per learner in the sheet's order, and a dated file name", async () => {
    const { session, trainer, communeId, workshop } = await sessionWithTrainer();
    const booked = await person("Jeanne", '=HYPERLINK("http://evil")', {
      phone: "+33612345678",
      email: "jeanne@example.org",
      communeId,
    });
    const walkIn = await person("Louis", "Abadie");
    const booking = await book(session.id, booked.id);
    await prisma.attendance.create({
      data: {
        sessionId: session.id,
        personId: booked.id,
        bookingId: booking.id,
        status: "PRESENT",
        markedById: trainer.id,
        markedAt: new Date(),
      },
    });
    await prisma.attendance.create({
      data: {
        sessionId: session.id,
        personId: walkIn.id,
        status: "LATE",
        isWalkIn: true,
        markedById: trainer.id,
        markedAt: new Date(),
      },
    });
    const workshopSlug = (await prisma.workshop.findUniqueOrThrow({ where: { id: workshop.id } })).slug;

    const result = await rosterCsvForSession(session.id, getT("fr", "sheet"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fileName).toBe(`emargement-2026-12-03-${workshopSlug}.csv`);
    expect(result.csv.startsWith(UTF8_BOM)).toBe(true);
    expect(result.csv.slice(1).split("\r\n")).toEqual([
      "Nom;Prénom;Téléphone;E-mail;Commune;Source;Présence;Accueil sans réservation",
      `"'=HYPERLINK(""http://evil"")";Jeanne;06 12 34 56 78;jeanne@example.org;Montolieu;Par téléphone;Présent·e;Non`,
      "Abadie;Louis;;;;;En retard;Oui",
      "",
    ]);
  });

  test("an unknown session is not found", async () => {
    expect(await rosterCsvForSession("nope", getT("fr", "sheet"))).toEqual({ ok: false, code: "NOT_FOUND" });
  });
});
