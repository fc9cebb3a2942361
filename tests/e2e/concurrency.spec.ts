import { WAITLIST_CAP } from "../../app/domain/booking/waitlist";
import { expect, test } from "./fixtures";
import { bookingStatusesByEmail, sessionSeats, sessionWithOneSeatLeft } from "./support/e2e-db";

// 200 residents press "Confirmer" at the same moment for the last seat: the server must hand it to
// exactly one of them, put the next WAITLIST_CAP on the waiting list, tell the others that the
// list is full (409), and never answer 500.
test("200 concurrent bookings for the last seat: one confirmed, a full waiting list, the rest refused, no 500", async ({
  request,
}) => {
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
          consentReminders: "on",
        },
        maxRedirects: 0,
        timeout: 150_000,
      }),
    ),
  );

  const statuses = responses.map((response) => response.status());
  expect(statuses.filter((status) => status >= 500)).toEqual([]);
  const booked = responses.filter((response) => response.status() === 303);
  expect(booked).toHaveLength(1 + WAITLIST_CAP);
  expect(statuses.filter((status) => status === 409)).toHaveLength(200 - 1 - WAITLIST_CAP);
  for (const response of booked) {
    expect(response.headers().location).toMatch(/^\/reservation\/[\w-]{20,}\?confirmation=1$/);
  }
  const refused = await responses.find((response) => response.status() === 409)!.text();
  expect(refused).toContain("Cet atelier est complet, et sa liste");

  const bookings = bookingStatusesByEmail(session.id, `rush-${run}-%`);
  expect(bookings).toHaveLength(1 + WAITLIST_CAP);
  expect(bookings.filter((b) => b.status === "CONFIRMED")).toHaveLength(1);
  expect(bookings.filter((b) => b.status === "WAITLISTED")).toHaveLength(WAITLIST_CAP);
  expect(sessionSeats(session.id)).toEqual({ capacity: before.capacity, seatsTaken: before.capacity });
});
