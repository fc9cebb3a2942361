import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { bookingStatus, claim, sqlDate, withDb } from "./support/e2e-db";
import { nextMatchSentTo } from "./support/smtp-sink";

// "Retrouver mes réservations": ask for a link by email, open it once, see the list, cancel from
// it. The link is read from the email the app's sender delivered to the SMTP sink, as the
// resident would read it (the database keeps no usable token).

const DAY = 24 * 60 * 60 * 1000;
const NEUTRAL_ANSWER = "Si cette adresse est connue, nous venons d'y envoyer un lien valable 30 minutes.";

/** `bookingId`: one of their confirmed bookings that is still ahead (they may hold others, waitlisted). */
type Resident = { id: string; firstName: string; email: string; bookingId: string };

/**
 * A resident alone on their email address with a booking they can still cancel, claimed by this
 * test, so another test's cancellation or rate limit never meets theirs.
 */
function residentWithUpcomingBooking(): Resident {
  const candidates = withDb((db) =>
    db
      .prepare(
        `SELECT p.id, p.firstName, p.email, (
             SELECT b.id FROM Booking b JOIN Session s ON s.id = b.sessionId
             WHERE b.personId = p.id AND b.contactEmailNormalized = p.emailNormalized
               AND b.status = 'CONFIRMED' AND s.status = 'SCHEDULED'
               AND s.deletedAt IS NULL AND s.startsAt > @after
             ORDER BY s.startsAt, b.id LIMIT 1) AS bookingId
         FROM Person p
         WHERE p.email IS NOT NULL AND p.deletedAt IS NULL AND p.anonymised = 0
           AND (SELECT COUNT(*) FROM Person q WHERE q.emailNormalized = p.emailNormalized) = 1
           AND bookingId IS NOT NULL
         ORDER BY p.id`,
      )
      .all({ after: sqlDate(new Date(Date.now() + DAY)) }),
  ) as Resident[];
  const id = claim(
    "person",
    candidates.map((resident) => resident.id),
  );
  const resident = candidates.find((candidate) => candidate.id === id);
  if (!resident) throw new Error("the e2e seed has no unclaimed resident with an upcoming booking");
  return resident;
}

function hubPhone(): string {
  const row = withDb((db) =>
    db
      .prepare(
        `SELECT phone FROM Place WHERE kind = 'DIGITAL_HUB' AND deletedAt IS NULL AND phone IS NOT NULL ORDER BY createdAt LIMIT 1`,
      )
      .get(),
  ) as { phone: string } | undefined;
  if (!row) throw new Error("the e2e seed has no digital hub with a phone");
  return row.phone;
}

/** A bookings link as it appears in the email (the path of it, whatever the host). */
const BOOKINGS_LINK = /\/mes-reservations\/acces\/[\w-]{43}/;

/** Asks for the link (the form's POST) and returns the one the email then brings. */
function requestLink(page: Page, email: string): Promise<string> {
  return nextMatchSentTo(email, BOOKINGS_LINK, () => page.request.post("/mes-reservations", { form: { email } }));
}

/** Whether any email was queued for this address: what the neutral answer must not reveal. */
function emailsQueuedFor(email: string): number {
  const row = withDb((db) =>
    db.prepare(`SELECT COUNT(*) AS n FROM OutboxEmail WHERE lower(recipient) = lower(?)`).get(email),
  ) as { n: number };
  return row.n;
}

test.describe("asking for the link, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an unknown and a known address get the same neutral answer", async ({ page, scan }) => {
    await page.goto("/mes-reservations");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Retrouver mes réservations");
    await expect(page.getByRole("heading", { name: "Pas d'adresse e-mail ?" })).toBeVisible();
    await scan();

    const unknown = `personne.${randomBytes(4).toString("hex")}@inconnu.example`;
    await page.getByLabel("Votre adresse e-mail").fill(unknown);
    await page.getByRole("button", { name: "M'envoyer le lien" }).click();
    await expect(page).toHaveURL("/mes-reservations?envoye=1");
    await expect(page.getByText(NEUTRAL_ANSWER)).toBeVisible();
    await scan();
    const answerForUnknown = await page.locator("main").innerText();
    expect(emailsQueuedFor(unknown)).toBe(0);

    const known = residentWithUpcomingBooking();
    const link = await nextMatchSentTo(known.email, BOOKINGS_LINK, async () => {
      await page.getByLabel("Votre adresse e-mail").fill(known.email);
      await page.getByRole("button", { name: "M'envoyer le lien" }).click();
      await expect(page).toHaveURL("/mes-reservations?envoye=1");
      await scan();
      expect(await page.locator("main").innerText()).toBe(answerForUnknown);
    });
    expect(link).toMatch(/^\/mes-reservations\/acces\/[\w-]{43}$/);
  });

  test("a malformed address is refused with 400 and a message beside the field", async ({ page, scan }) => {
    await page.goto("/mes-reservations");
    await scan();
    await page.getByLabel("Votre adresse e-mail").fill("marie.dupont-orange.fr");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "M'envoyer le lien" }).click(),
    ]);
    expect(response.request().resourceType()).toBe("document");
    expect(response.status()).toBe(400);
    const message =
      "Cette adresse e-mail semble incomplète. Elle doit contenir un @ et un point, par exemple marie.dupont@orange.fr.";
    await expect(page.getByRole("alert")).toContainText(message);
    const field = page.getByLabel("Votre adresse e-mail");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveValue("marie.dupont-orange.fr");
    await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await scan();
  });

  test("more than three requests for one address in a quarter of an hour answer 429", async ({ page, scan }) => {
    const email = `presse.${randomBytes(4).toString("hex")}@inconnu.example`;
    for (let attempt = 1; attempt <= 3; attempt++) {
      await page.goto("/mes-reservations");
      await scan();
      await page.getByLabel("Votre adresse e-mail").fill(email);
      await page.getByRole("button", { name: "M'envoyer le lien" }).click();
      await expect(page.getByText(NEUTRAL_ANSWER)).toBeVisible();
      await scan();
    }
    await page.getByLabel("Votre adresse e-mail").fill(email);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "M'envoyer le lien" }).click(),
    ]);
    expect(response.status()).toBe(429);
    const retryAfter = Number(response.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // When to try again in words, and the digital hub's phone (no place is in question here).
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Vous avez demandé plusieurs liens en peu de temps.");
    await expect(alert).toContainText(
      `Vous pourrez en demander un nouveau dans ${Math.ceil(retryAfter / 60)} minutes.`,
    );
    await expect(alert).toContainText(`appelez l'accueil au \u2066${hubPhone()}\u2069`);
    await expect(page.getByText(NEUTRAL_ANSWER)).toHaveCount(0);
    await scan();
  });
});

test.describe("opening the link, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the link opens the list once; used again, or expired, it explains and offers a new one", async ({
    page,
    scan,
  }) => {
    const resident = residentWithUpcomingBooking();
    const link = await requestLink(page, resident.email);

    // Opening only shows a button: a mail filter fetching the link does not spend it.
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ouvrir mes réservations");
    await scan();
    await page.goto(link);
    await scan();
    await page.getByRole("button", { name: "Voir mes réservations" }).click();
    await expect(page).toHaveURL("/mes-reservations/liste");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes réservations");
    await expect(page.getByText(`Bonjour ${resident.firstName} !`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "À venir" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Passées" })).toBeVisible();
    await scan();

    const cookie = (await page.context().cookies()).find((c) => c.name === "__resident");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000 + 5000);
    expect(cookie!.value).not.toContain(resident.email);

    await page.goto(link);
    await scan();
    const [second] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Voir mes réservations" }).click(),
    ]);
    expect(second.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ce lien a déjà servi");
    await expect(page.getByLabel("Votre adresse e-mail")).toBeVisible();
    await scan();

    const forged = await page.request.post(`/mes-reservations/acces/${randomBytes(32).toString("base64url")}`, {
      form: {},
    });
    expect(forged.status()).toBe(404);
    expect(await forged.text()).toContain("Ce lien ne fonctionne pas");
  });

  test("an expired link says so", async ({ page, scan }) => {
    const resident = residentWithUpcomingBooking();
    const link = await requestLink(page, resident.email);
    withDb((db) =>
      db
        .prepare("UPDATE AccessToken SET expiresAt = ? WHERE personId = ? AND usedAt IS NULL")
        .run(sqlDate(new Date(Date.now() - 60_000)), resident.id),
    );
    await page.goto(link);
    await scan();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Voir mes réservations" }).click(),
    ]);
    expect(response.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ce lien a expiré");
    await scan();
  });

  test("cancelling from the list asks first; someone else's booking is a 404; logging out closes the list", async ({
    page,
    scan,
  }) => {
    const resident = residentWithUpcomingBooking();
    await page.goto(await requestLink(page, resident.email));
    await scan();
    await page.getByRole("button", { name: "Voir mes réservations" }).click();
    await expect(page).toHaveURL("/mes-reservations/liste");
    await scan();

    // Their confirmed booking (the list may also hold waitlisted ones, whose status differs).
    const bookingId = resident.bookingId;
    const cancelLink = page
      .getByRole("link", { name: /^Annuler cet atelier/ })
      .and(page.locator(`a[href$="reservation=${bookingId}"]`));
    const href = await cancelLink.getAttribute("href");
    await cancelLink.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Voulez-vous vraiment annuler ?");
    await scan();
    await page.getByRole("link", { name: "Non, garder ma place" }).click();
    await expect(page).toHaveURL("/mes-reservations/liste");
    await scan();
    expect(bookingStatus(bookingId)).toBe("CONFIRMED");

    await page.goto(href!);
    await scan();
    await page.getByRole("button", { name: "Oui, annuler ma place" }).click();
    await expect(page).toHaveURL(`/mes-reservations/liste?annulee=${bookingId}`);
    await expect(page.getByRole("status")).toContainText("Votre réservation est annulée");
    await expect(page.getByRole("heading", { level: 2, name: "Réserver une autre date" })).toBeVisible();
    await scan();
    expect(bookingStatus(bookingId)).toBe("CANCELLED");

    // Replaying the cancel form: 409, said plainly.
    const replay = await page.request.post(href!, { form: { bookingId } });
    expect(replay.status()).toBe(409);
    expect(await replay.text()).toContain("Cette réservation est déjà annulée");

    // Another resident's booking, by its id: not found, whether asked for or posted.
    // (Another resident claimed by this test, so no other test cancels it meanwhile.)
    const othersBooking = residentWithUpcomingBooking().bookingId;
    const forgedPage = await page.goto(`/mes-reservations/annuler?reservation=${othersBooking}`);
    expect(forgedPage?.status()).toBe(404);
    await scan();
    const forgedPost = await page.request.post(href!, { form: { bookingId: othersBooking } });
    expect(forgedPost.status()).toBe(404);
    expect(bookingStatus(othersBooking)).toBe("CONFIRMED");
    // A body that is not a form names no booking: not found either, not a 500.
    const notAForm = await page.request.post(href!, { data: { bookingId: othersBooking } });
    expect(notAForm.status()).toBe(404);

    await page.goto("/mes-reservations/liste");
    await scan();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL("/mes-reservations");
    await scan();
    await page.goto("/mes-reservations/liste");
    await expect(page).toHaveURL("/mes-reservations");
    await scan();
  });
});

test("with JavaScript, a malformed address is caught before sending, with the same words", async ({ page, scan }) => {
  await page.goto("/mes-reservations");
  await scan();
  let posted = false;
  page.on("request", (request) => {
    if (request.method() === "POST") posted = true;
  });
  await page.getByLabel("Votre adresse e-mail").fill("marie.dupont@");
  await page.getByRole("button", { name: "M'envoyer le lien" }).click();
  await expect(page.getByRole("alert")).toContainText("Cette adresse e-mail semble incomplète.");
  await expect(page.getByLabel("Votre adresse e-mail")).toHaveAttribute("aria-invalid", "true");
  expect(posted).toBe(false);
  await scan();
});

test.describe("a bookings session kept by the browser", () => {
  // Signed in once per worker through the real link, like the staff tests will be (fixtures.ts).
  let resident: Resident;
  test.use({
    storageState: async ({ signedInState }, use) =>
      use(
        await signedInState("resident", async (page) => {
          resident = residentWithUpcomingBooking();
          await page.goto(await requestLink(page, resident.email));
          await page.getByRole("button", { name: "Voir mes réservations" }).click();
          await expect(page).toHaveURL("/mes-reservations/liste");
        }),
      ),
  });

  test("opens the list in a new browser without a new link", async ({ page, scan }) => {
    await page.goto("/mes-reservations/liste");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes réservations");
    await expect(page.getByText(`Bonjour ${resident.firstName} !`)).toBeVisible();
    await scan();
  });
});
