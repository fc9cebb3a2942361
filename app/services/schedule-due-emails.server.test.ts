import { beforeEach, expect, test } from "vitest";

import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { createPlace, createSession, createStaffUser, createWorkshop } from "../../tests/fixtures/rows";
import { scheduleDueEmails } from "./schedule-due-emails.server";

beforeEach(() => resetDatabase());

// Tuesday 1 December 2026, 10:00 Paris.
const NOW = new Date("2026-12-01T09:00:00.000Z");
const TOMORROW_MORNING = new Date("2026-12-02T09:00:00.000Z");
const TOMORROW_AFTERNOON = new Date("2026-12-02T13:00:00.000Z");

async function sessionWith(startsAt: Date, trainerIds: string[], status?: "CANCELLED") {
  const place = await createPlace();
  const workshop = await createWorkshop();
  const session = await createSession({ startsAt, placeId: place.id, workshopId: workshop.id, status });
  await prisma.sessionTrainer.createMany({
    data: trainerIds.map((trainerId) => ({ sessionId: session.id, trainerId })),
  });
  return session;
}

async function rosters() {
  const rows = await prisma.outboxEmail.findMany({
    where: { kind: "trainer-roster" },
    orderBy: { recipient: "asc" },
    select: { recipient: true, locale: true, sendAfter: true, payload: true, bookingId: true },
  });
  return rows.map((row) => ({ ...row, payload: JSON.parse(row.payload) }));
}

test("one roster per trainer for tomorrow, due at 18:00 Paris today, written once however many ticks", async () => {
  const lea = await createStaffUser("Léa");
  const paul = await createStaffUser("Paul");
  await sessionWith(TOMORROW_MORNING, [lea.id]);
  await sessionWith(TOMORROW_AFTERNOON, [lea.id, paul.id]);

  expect(await scheduleDueEmails(NOW)).toEqual({ rostersQueued: 2 });
  expect(await scheduleDueEmails(NOW)).toEqual({ rostersQueued: 0 });
  expect(await scheduleDueEmails(new Date("2026-12-01T18:00:00.000Z"))).toEqual({ rostersQueued: 0 });

  const emails = await prisma.staffUser.findMany({
    where: { id: { in: [lea.id, paul.id] } },
    select: { id: true, email: true },
  });
  const emailOf = (id: string) => emails.find((e) => e.id === id)!.email;
  expect(await rosters()).toEqual(
    [lea.id, paul.id]
      .map((id) => ({
        recipient: emailOf(id),
        locale: "fr",
        sendAfter: new Date("2026-12-01T17:00:00.000Z"),
        payload: { trainerId: id, day: "2026-12-02" },
        bookingId: null,
      }))
      .sort((a, b) => a.recipient.localeCompare(b.recipient)),
  );
});

test("no roster for a cancelled session, a day after tomorrow, or an inactive trainer", async () => {
  const lea = await createStaffUser("Léa");
  const gone = await createStaffUser("Ancien");
  await prisma.staffUser.update({ where: { id: gone.id }, data: { active: false } });
  await sessionWith(TOMORROW_MORNING, [lea.id], "CANCELLED");
  await sessionWith(new Date("2026-12-03T09:00:00.000Z"), [lea.id]);
  await sessionWith(TOMORROW_AFTERNOON, [gone.id]);

  expect(await scheduleDueEmails(NOW)).toEqual({ rostersQueued: 0 });
  expect(await rosters()).toEqual([]);
});
