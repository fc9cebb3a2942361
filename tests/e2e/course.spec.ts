import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { sqlDate, withDb } from "./support/e2e-db";

// The course enrolment page for a course that is over, and for one that does not exist. (Joining
// an upcoming course is in booking-form.spec.ts.)

const DAY = 24 * 60 * 60 * 1000;

/** A course of two sessions held last month, at a place and with a workshop of the seed. */
function pastCourse(): { id: string; title: string } {
  const suffix = randomBytes(4).toString("hex");
  const id = `e2e-course-${suffix}`;
  const title = `Parcours terminé ${suffix}`;
  withDb((db) => {
    const { placeId, workshopId } = db
      .prepare(
        `SELECT p.id AS placeId, (SELECT id FROM Workshop WHERE deletedAt IS NULL ORDER BY id LIMIT 1) AS workshopId
         FROM Place p WHERE p.deletedAt IS NULL ORDER BY p.id LIMIT 1`,
      )
      .get() as { placeId: string; workshopId: string };
    const now = sqlDate(new Date());
    db.transaction(() => {
      db.prepare(
        `INSERT INTO Course (id, slug, title, summary, placeId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, id, title, "Deux séances, déjà passées.", placeId, now, now);
      for (const order of [1, 2]) {
        const startsAt = new Date(Date.now() - (30 - 7 * order) * DAY);
        db.prepare(
          `INSERT INTO Session (id, workshopId, placeId, startsAt, endsAt, capacity, seatsTaken, status, courseId, courseOrder, createdAt, updatedAt)
           VALUES (?, ?, ?, ?, ?, 8, 3, 'COMPLETED', ?, ?, ?, ?)`,
        ).run(
          `${id}-${order}`,
          workshopId,
          placeId,
          sqlDate(startsAt),
          sqlDate(new Date(startsAt.getTime() + 2 * 60 * 60 * 1000)),
          id,
          order,
          now,
          now,
        );
      }
    })();
  });
  return { id, title };
}

test("a course that is over says enrolment is closed, without a form", async ({ page, scan }) => {
  const course = pastCourse();
  const response = await page.goto(`/parcours/${course.id}/inscription`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("M'inscrire au parcours");
  await expect(page.getByRole("heading", { level: 2, name: course.title })).toBeVisible();
  await expect(page.locator(".course-sessions li")).toHaveCount(2);
  await expect(page.getByText("Il n'est plus possible de s'inscrire à ce parcours.")).toBeVisible();
  await expect(page.getByRole("button", { name: "M'inscrire au parcours" })).toHaveCount(0);
  await scan();
});

test("an unknown course is a translated 404", async ({ page, scan }) => {
  const response = await page.goto("/parcours/no-such-course/inscription");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Atelier introuvable");
  await scan();
});
