import { expect, test } from "./fixtures";
import { bookingStatus, claim, derivedLinkToken, sqlDate, withDb } from "./support/e2e-db";
import { nextMatchSentTo } from "./support/smtp-sink";

// One policy answers "may I cancel this?": for a booking whose session the place cancelled,
// the manage page and the bookings list must say the same thing (the place cancelled it,
// nothing to cancel) and neither may offer the cancel button.

const DAY = 24 * 60 * 60 * 1000;

type Booked = { personId: string; email: string; bookingId: string; sessionId: string; title: string };

/**
 * A resident alone on their email with an upcoming confirmed booking; the test claims both the
 * person and the session (it cancels the session), so no other worker reads or changes them.
 */
function residentWithUpcomingBooking(): Booked {
  const rows = withDb((db) =>
    db
      .prepare(
        `SELECT p.id AS personId, p.email, b.id AS bookingId, s.id AS sessionId, w.title
         FROM Person p JOIN Booking b ON b.personId = p.id JOIN Session s ON s.id = b.sessionId
           JOIN Workshop w ON w.id = s.workshopId
         WHERE p.email IS NOT NULL AND p.deletedAt IS NULL AND p.anonymised = 0
           AND (SELECT COUNT(*) FROM Person q WHERE q.emailNormalized = p.emailNormalized) = 1
           AND b.contactEmailNormalized = p.emailNormalized
           AND b.status = 'CONFIRMED' AND s.status = 'SCHEDULED' AND s.deletedAt IS NULL
           AND s.courseId IS NULL AND s.startsAt > ?
         ORDER BY p.id DESC, s.startsAt`,
      )
      .all(sqlDate(new Date(Date.now() + 2 * DAY))),
  ) as Booked[];
  const row = rows.find((r) => claim("session", [r.sessionId]) && claim("person", [r.personId]));
  if (!row) throw new Error("the e2e seed has no unclaimed resident with an upcoming booking");
  return row;
}

test("a booking of a session the place cancelled: the manage page and the list agree, no cancel button", async ({
  page,
  scan,
}) => {
  const booked = residentWithUpcomingBooking();
  // The place cancels the session; the booking row is left as it was, and we hold its manage link.
  const token = derivedLinkToken("manage", booked.bookingId);
  withDb((db) => {
    db.prepare(`UPDATE Session SET status = 'CANCELLED', cancelledAt = ?, cancellationReason = ? WHERE id = ?`).run(
      sqlDate(new Date()),
      "Formatrice malade",
      booked.sessionId,
    );
  });

  await page.goto(`/reservation/${token}`);
  await scan();
  await expect(page.getByText("Cet atelier a été annulé par le lieu. Nous en sommes désolés.")).toBeVisible();
  await expect(page.getByText("Motif : Formatrice malade")).toBeVisible();
  await expect(page.getByRole("link", { name: "Annuler ma réservation" })).toHaveCount(0);

  // The cancel page and its form say the same, and change nothing.
  await page.goto(`/reservation/${token}/annuler`);
  await scan();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cet atelier a été annulé par le lieu");
  const post = await page.request.post(`/reservation/${token}/annuler`, { form: {}, maxRedirects: 0 });
  expect(post.status()).toBe(409);
  expect(bookingStatus(booked.bookingId)).toBe("CONFIRMED");

  // The bookings list, signed in by the link sent to her address.
  const link = await nextMatchSentTo(booked.email, /\/mes-reservations\/acces\/[\w-]{43}/, () =>
    page.request.post("/mes-reservations", { form: { email: booked.email } }),
  );
  await page.goto(link);
  await scan();
  await page.getByRole("button", { name: "Voir mes réservations" }).click();
  await expect(page).toHaveURL("/mes-reservations/liste");
  await scan();
  // This booking's entry (she may hold others of the same workshop, past and cancelled too).
  const item = page.locator(".manage-list > li").filter({ has: page.locator(`[id="booking-${booked.bookingId}"]`) });
  await expect(
    item.getByText("Cet atelier a été annulé par le lieu : il n'y a rien à annuler de votre côté."),
  ).toBeVisible();
  await expect(page.locator(`a[href$="reservation=${booked.bookingId}"]`)).toHaveCount(0);
});
