import { beforeEach, describe, expect, test } from "vitest";

import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { DAY, NOW, at, createPlace, createSession, createWorkshop } from "../../tests/fixtures/rows";
import { listSuggestedNextSessions } from "./session.server";

beforeEach(() => resetDatabase());

describe("listSuggestedNextSessions", () => {
  test("one upcoming session with a seat per other workshop, the same place first, none already booked", async () => {
    const done = await createWorkshop({ title: "Tablette" });
    const here = await createPlace({ name: "Ici" });
    const there = await createPlace({ name: "Ailleurs" });
    const mail = await createWorkshop({ title: "Courriel" });
    const photos = await createWorkshop({ title: "Photos" });
    const booked = await createWorkshop({ title: "Déjà réservé" });
    const full = await createWorkshop({ title: "Complet" });

    await createSession({ workshopId: done.id, placeId: here.id, startsAt: at(2 * DAY) });
    const mailThere = await createSession({ workshopId: mail.id, placeId: there.id, startsAt: at(2 * DAY) });
    await createSession({ workshopId: mail.id, placeId: there.id, startsAt: at(4 * DAY) });
    const photosHere = await createSession({ workshopId: photos.id, placeId: here.id, startsAt: at(6 * DAY) });
    await createSession({ workshopId: full.id, placeId: here.id, startsAt: at(3 * DAY), capacity: 2, seatsTaken: 2 });
    await createSession({ workshopId: photos.id, placeId: here.id, startsAt: at(-DAY) });
    const bookedSession = await createSession({ workshopId: booked.id, placeId: here.id, startsAt: at(3 * DAY) });
    const person = await prisma.person.create({ data: { firstName: "Odette", lastName: "M", nameKey: "odette m" } });
    await prisma.booking.create({
      data: {
        sessionId: bookedSession.id,
        personId: person.id,
        status: "CONFIRMED",
        source: "ONLINE",
        manageTokenHash: "h",
      },
    });

    const suggestions = await listSuggestedNextSessions(prisma, {
      afterWorkshopId: done.id,
      placeId: here.id,
      personId: person.id,
      now: NOW,
      limit: 2,
    });
    expect(suggestions.map((s) => s.id)).toEqual([photosHere.id, mailThere.id]);
  });
});
