import { createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { claim, claimUpcomingSession, sqlDate, withDb } from "./support/e2e-db";

// "Arrêter les rappels", the one-click link of every booking email (List-Unsubscribe, RFC 8058):
// a page with one button that works without JavaScript, a bare POST as mail providers send it,
// and a wrong link answered 404 with a translated page.

/** The e2e server's stop token of a booking, derived as app/utils/link-tokens.server.ts does. */
function stopToken(bookingId: string): string {
  const key = Buffer.from(hkdfSync("sha256", "e2e-secret-not-for-production", "", "passerelle/link-tokens/v1", 32));
  return createHmac("sha256", key).update(`stop-reminders:${bookingId}`, "utf8").digest("base64url");
}

/** A confirmed booking of this test's own, with two reminders waiting in the outbox. */
function bookingWithReminders(): { bookingId: string; path: string } {
  const session = claimUpcomingSession({ seatsLeft: 2 });
  const bookingId = `e2e-stop-${randomBytes(6).toString("hex")}`;
  const now = sqlDate(new Date());
  withDb((db) => {
    const candidates = db
      .prepare(
        `SELECT id FROM Person WHERE deletedAt IS NULL AND anonymised = 0
           AND id NOT IN (SELECT personId FROM Booking WHERE sessionId = ?) ORDER BY id`,
      )
      .all(session.id) as { id: string }[];
    const personId = claim(
      "person",
      candidates.map((row) => row.id),
    );
    db.transaction(() => {
      db.prepare(
        `INSERT INTO Booking (id, sessionId, personId, status, source, manageTokenHash, confirmedAt, createdAt, updatedAt)
         VALUES (?, ?, ?, 'CONFIRMED', 'ONLINE', ?, ?, ?, ?)`,
      ).run(bookingId, session.id, personId, createHash("sha256").update(bookingId).digest("hex"), now, now, now);
      db.prepare("UPDATE Session SET seatsTaken = seatsTaken + 1 WHERE id = ?").run(session.id);
      for (const moment of ["days-before", "morning"]) {
        db.prepare(
          `INSERT INTO OutboxEmail (id, kind, recipient, locale, payload, dedupeKey, state, bookingId, sendAfter, createdAt, updatedAt)
           VALUES (?, 'reminder', 'stop@e2e.example', 'fr', ?, ?, 'PENDING', ?, ?, ?, ?)`,
        ).run(
          `${bookingId}-${moment}`,
          JSON.stringify({ moment, startsAt: new Date(session.startsAt).toISOString() }),
          `${bookingId}:${moment}`,
          bookingId,
          // Due tomorrow: the server's sender must not take them before the test stops them.
          sqlDate(new Date(Date.now() + 24 * 60 * 60 * 1000)),
          now,
          now,
        );
      }
    })();
  });
  return { bookingId, path: `/rappels/arret/${bookingId}/${stopToken(bookingId)}` };
}

function reminderState(bookingId: string) {
  return withDb((db) => ({
    wanted: (db.prepare("SELECT remindersWanted AS w FROM Booking WHERE id = ?").get(bookingId) as { w: number }).w,
    rows: db.prepare("SELECT state, dropReason FROM OutboxEmail WHERE bookingId = ? ORDER BY id").all(bookingId) as {
      state: string;
      dropReason: string | null;
    }[],
  }));
}

test.describe("stopping reminders without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the page says what stops, its one button stops it, and a second visit says it is done", async ({
    page,
    scan,
  }) => {
    const { bookingId, path } = bookingWithReminders();
    await page.goto(path);
    await scan();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Arrêter les rappels de cet atelier");
    await page.getByRole("button", { name: "Arrêter les rappels" }).click();
    await expect(page.getByRole("status")).toHaveText(/C'est fait/);
    await scan();
    expect(reminderState(bookingId)).toEqual({
      wanted: 0,
      rows: [
        { state: "DROPPED", dropReason: "reminders-stopped" },
        { state: "DROPPED", dropReason: "reminders-stopped" },
      ],
    });

    await page.goto(path);
    await expect(page.getByRole("status")).toHaveText(/déjà arrêtés/);
    await scan();
  });

  test("in Arabic, right to left, with the French title marked", async ({ page, scan }) => {
    const { path } = bookingWithReminders();
    await page.goto(`${path}?lng=ar`);
    await scan();
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("button", { name: "إيقاف التذكيرات" })).toBeVisible();
    await expect(page.locator("main strong[lang=fr]")).toHaveCount(1);
  });
});

test("a mail provider's one-click POST, with no cookie and no form token, stops the reminders", async ({ request }) => {
  const { bookingId, path } = bookingWithReminders();
  const response = await request.post(path, { form: { "List-Unsubscribe": "One-Click" } });
  expect(response.status()).toBe(200);
  expect(reminderState(bookingId).wanted).toBe(0);
});

test("a wrong token is a translated 404 page, never a 500", async ({ page, scan, request }) => {
  const { bookingId } = bookingWithReminders();
  const response = await page.goto(`/rappels/arret/${bookingId}/${"x".repeat(43)}`);
  expect(response?.status()).toBe(404);
  await scan();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ce lien ne marche pas");
  expect((await request.post(`/rappels/arret/${bookingId}/nope`, { form: {} })).status()).toBe(404);
  expect(reminderState(bookingId).wanted).toBe(1);
});
