import { expect, test } from "./fixtures";
import { insertCourse } from "./support/e2e-db";

// The course enrolment page for a course that is over, and for one that does not exist. (Joining
// an upcoming course is in booking-form.spec.ts.)

test("a course that is over says enrolment is closed, without a form", async ({ page, scan }) => {
  // Two sessions held last month.
  const course = insertCourse([-23, -16]);
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
