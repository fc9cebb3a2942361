import { expect, test } from "./fixtures";
import { bookingStatusesByEmail, sessionSeats, sessionWithOneSeatLeft } from "./support/e2e-db";

// 200 residents press "Confirmer" at the same moment for the last seat: the server must hand it to
// exactly one of them, put everyone else on the waiting list, and never answer 500.
test("200 concurrent bookings for the last seat: one confirmed, 199 waitlisted, no 500", async ({ request }) => {
  test.setTimeout(180_000);
  const session = sessionWithOneSeatLeft();
  const before = sessionSeats(session.id);
  const run = Date.now().toString(36);

  const responses = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      request.post(`/ateliers/${session.id}/reserver`, {
        form: {
          firstName: "Rush",
          lastName: `Personne${i}`,
          email: `rush-${run}-${i}@example.org`,
          preferredLanguage: "fr",
          consentServiceEmails: "on",
        },
        maxRedirects: 0,
        timeout: 150_000,
      }),
    ),
  );

  const statuses = responses.map((response) => response.status());
  expect(statuses.filter((status) => status >= 500)).toEqual([]);
  expect(new Set(statuses)).toEqual(new Set([303]));
  for (const response of responses) {
    expect(response.headers().location).toMatch(/^\/reservation\/[\w-]{20,}\?confirmation=1$/);
  }

  const bookings = bookingStatusesByEmail(session.id, `rush-${run}-%`);
  expect(bookings).toHaveLength(200);
  expect(bookings.filter((b) => b.status === "CONFIRMED")).toHaveLength(1);
  expect(bookings.filter((b) => b.status === "WAITLISTED")).toHaveLength(199);
  expect(sessionSeats(session.id)).toEqual({ capacity: before.capacity, seatsTaken: before.capacity });
});
