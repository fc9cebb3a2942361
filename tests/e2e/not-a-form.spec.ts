import { expect, test } from "./fixtures";
import { withDb } from "./support/e2e-db";

// Requests no browser sends — no body, JSON, plain text, another verb — on every resident form
// action, in both the document and the single-fetch (`.data`) form. Each gets a 4xx or a
// redirect, never a 500, and books nothing. No page is visited, so there is nothing to scan.

function upcomingIds() {
  return withDb((db) => {
    const session = db
      .prepare(
        `SELECT id FROM Session WHERE status = 'SCHEDULED' AND deletedAt IS NULL AND courseId IS NULL
         ORDER BY startsAt DESC LIMIT 1`,
      )
      .get() as { id: string };
    const course = db.prepare(`SELECT id FROM Course WHERE deletedAt IS NULL LIMIT 1`).get() as { id: string };
    return { sessionId: session.id, courseId: course.id };
  });
}

const bookingCount = () => withDb((db) => (db.prepare("SELECT COUNT(*) AS n FROM Booking").get() as { n: number }).n);

const bodies: { name: string; method: "POST" | "DELETE"; headers?: Record<string, string>; data?: string }[] = [
  { name: "no body", method: "POST" },
  { name: "JSON", method: "POST", headers: { "Content-Type": "application/json" }, data: '{"firstName":"Marie"}' },
  { name: "plain text", method: "POST", headers: { "Content-Type": "text/plain" }, data: "firstName=Marie" },
  { name: "DELETE without body", method: "DELETE" },
];

test("a body that is not a form gets a 4xx or a redirect on every resident action, never a 500", async ({
  request,
}) => {
  const { sessionId, courseId } = upcomingIds();
  const before = bookingCount();
  const paths = [
    `/ateliers/${sessionId}/reserver`,
    `/parcours/${courseId}/inscription`,
    "/mes-reservations",
    "/mes-reservations/annuler",
    "/preferences",
  ];
  for (const path of paths) {
    for (const target of [path, `${path}.data`]) {
      for (const body of bodies) {
        const response = await request.fetch(target, {
          method: body.method,
          headers: body.headers,
          data: body.data,
          maxRedirects: 0,
        });
        const label = `${body.name} → ${target}`;
        expect(response.status(), label).toBeGreaterThanOrEqual(200);
        expect(response.status(), label).toBeLessThan(500);
      }
    }
  }
  expect(bookingCount()).toBe(before);
});
