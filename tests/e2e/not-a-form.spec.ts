import { expect, test } from "./fixtures";
import { claimUpcomingSession, insertCourse, withDb } from "./support/e2e-db";

// Requests no browser sends — no body, JSON, plain text, another verb — on every resident form
// action, in both the document and the single-fetch (`.data`) form. Each gets a 4xx or a
// redirect, never a 500, and books nothing. No page is visited, so there is nothing to scan.

/** A session and a course of this test's own, so the bookings counted are only what it could have made. */
function ownSessionAndCourse() {
  const session = claimUpcomingSession({ latest: true });
  // Months ahead: the catalogue lists it last, where no test that picks "the first course" looks.
  const course = insertCourse([300, 307]);
  const sessionIds = [session.id, ...course.sessionIds];
  const bookingCount = () =>
    withDb(
      (db) =>
        (
          db
            .prepare(`SELECT COUNT(*) AS n FROM Booking WHERE sessionId IN (${sessionIds.map(() => "?").join(", ")})`)
            .get(...sessionIds) as { n: number }
        ).n,
    );
  return { sessionId: session.id, courseId: course.id, bookingCount };
}

const bodies: { name: string; method: "POST" | "DELETE"; headers?: Record<string, string>; data?: string }[] = [
  { name: "no body", method: "POST" },
  { name: "JSON", method: "POST", headers: { "Content-Type": "application/json" }, data: '{"firstName":"Marie"}' },
  { name: "plain text", method: "POST", headers: { "Content-Type": "text/plain" }, data: "firstName=Marie" },
  { name: "DELETE without body", method: "DELETE" },
];

test("a body that is not a form gets a 4xx or a redirect on every resident action, never a 500", async ({
  request,
}) => {
  const { sessionId, courseId, bookingCount } = ownSessionAndCourse();
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
