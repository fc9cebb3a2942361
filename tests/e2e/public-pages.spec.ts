import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { claim, claimUpcomingSession, sqlDate, withDb } from "./support/e2e-db";
import { linkTokens } from "./support/link-tokens";

// The pages a French public body must publish, linked from every footer, and the links from
// « Mes réservations » to each booking's card and calendar file.

const LEGAL_PAGES = [
  { link: "Mentions légales", path: "/mentions-legales", h1: "Mentions légales", ar: "الإشعار القانوني" },
  { link: "Données personnelles", path: "/donnees-personnelles", h1: "Données personnelles", ar: "البيانات الشخصية" },
  {
    link: "Accessibilité : partiellement conforme",
    path: "/accessibilite",
    h1: "Déclaration d'accessibilité",
    ar: "بيان إمكانية الوصول",
  },
] as const;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

test.describe("the legal pages", () => {
  for (const legal of LEGAL_PAGES) {
    test(`« ${legal.h1} » is linked from the footer of a resident page`, async ({ page, scan }) => {
      await page.goto("/mes-reservations");
      await scan();
      const footer = page.getByRole("contentinfo").getByRole("navigation", { name: "Informations légales" });
      await footer.getByRole("link", { name: legal.link, exact: true }).click();
      await expect(page).toHaveURL(legal.path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(legal.h1);
      // Demo values are flagged as such until the body sets its own.
      await expect(page.getByText("Site de démonstration")).toBeVisible();
      // Every page links to all three, this one included, and to the staff sign-in.
      await expect(footer.getByRole("link")).toHaveCount(3);
      await expect(page.getByRole("contentinfo").getByRole("link")).toHaveCount(4);
      await expect(page.getByRole("contentinfo").getByRole("link", { name: "Espace professionnels" })).toHaveAttribute(
        "href",
        "/pro/connexion",
      );
      await scan();
    });

    test(`« ${legal.h1} » in Arabic reads right to left, French names isolated`, async ({ page, scan }) => {
      await page.goto(`${legal.path}?lng=ar`);
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(legal.ar);
      const headings = await page.locator("main h2").allInnerTexts();
      expect(headings.length).toBeGreaterThanOrEqual(4);
      // The publisher's name is French inside Arabic text: marked so, and isolated.
      await expect(page.locator('main bdi[lang="fr"]').first()).toHaveAttribute("dir", "auto");
      const footer = page.getByRole("contentinfo");
      await expect(footer.getByRole("link", { name: "البيانات الشخصية" })).toBeVisible();
      await expect(footer.locator('bdi[lang="fr"]')).toHaveText("Fabriques de territoires");
      await scan();
    });
  }

  test("the personal-data page says what is kept, why, how long, the rights and whom to write to", async ({
    page,
    scan,
  }) => {
    await page.goto("/donnees-personnelles");
    const main = page.getByRole("main");
    for (const heading of ["Ce que nous gardons", "Pourquoi", "Combien de temps", "Vos droits"]) {
      await expect(main.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    }
    const kept = main.getByRole("region", { name: "Ce que nous gardons" }).getByRole("listitem");
    for (const what of [
      "Vous :",
      "Vos réservations :",
      "Les messages",
      "Votre présence",
      "Ce que vous avez appris",
      "Les notes de suivi",
    ]) {
      await expect(kept.filter({ hasText: new RegExp(`^${what}`) })).toHaveCount(1);
    }
    await expect(main.getByText("trois ans après votre dernière activité")).toBeVisible();
    await expect(main.getByRole("link", { name: /^dpo@/ })).toHaveAttribute("href", /^mailto:dpo@/);
    await expect(main.getByRole("link", { name: /CNIL/ })).toHaveAttribute("href", /cnil\.fr/);
    await scan();
  });

  test("the accessibility statement gives the RGAA level, known gaps, a contact and the recourse", async ({
    page,
    scan,
  }) => {
    await page.goto("/accessibilite");
    const main = page.getByRole("main");
    await expect(main.getByText(/partiellement conforme .*RGAA.*4\.1/)).toBeVisible();
    await expect(main.getByText(/restent en français/)).toBeVisible();
    await expect(main.getByText(/établie le \w+ \d+/)).toBeVisible();
    await expect(main.getByRole("link", { name: /^accessibilite@/ })).toBeVisible();
    await expect(main.getByRole("link", { name: "Défenseur des droits" })).toHaveAttribute(
      "href",
      /defenseurdesdroits\.fr/,
    );
    await scan();
  });

  test("without JavaScript the pages are whole", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const legal of LEGAL_PAGES) {
      const response = await page.goto(legal.path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(legal.h1);
    }
    await context.close();
  });
});

/**
 * A resident alone on a fresh email with a booking on a claimed session, written as the booking
 * service writes it (manage token derived from the booking id), and a fresh single-use link to
 * « Mes réservations ».
 */
async function residentWithDerivedBooking() {
  const { manageTokenFor, bookingsLinkTokenFor } = await linkTokens();
  const session = claimUpcomingSession({ seatsLeft: 1 });
  const suffix = randomBytes(4).toString("hex");
  const personId = `e2e-person-${suffix}`;
  const bookingId = `e2e-booking-${suffix}`;
  const accessId = `e2e-access-${suffix}`;
  const email = `liste.${suffix}@e2e.example`;
  const now = new Date();
  withDb((db) =>
    db.transaction(() => {
      db.prepare(
        `INSERT INTO Person (id, firstName, lastName, nameKey, email, emailNormalized, lastActivityAt, createdAt, updatedAt)
         VALUES (?, 'Lucienne', ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        personId,
        `Liste${suffix}`,
        `lucienne liste${suffix}`,
        email,
        email,
        sqlDate(now),
        sqlDate(now),
        sqlDate(now),
      );
      db.prepare(
        `INSERT INTO Booking (id, sessionId, personId, status, source, manageTokenHash, deskCode, confirmedAt, createdAt, updatedAt)
         VALUES (?, ?, ?, 'CONFIRMED', 'ONLINE', ?, NULL, ?, ?, ?)`,
      ).run(
        bookingId,
        session.id,
        personId,
        sha256(manageTokenFor(bookingId)),
        sqlDate(now),
        sqlDate(now),
        sqlDate(now),
      );
      db.prepare("UPDATE Session SET seatsTaken = seatsTaken + 1 WHERE id = ?").run(session.id);
      db.prepare(
        `INSERT INTO AccessToken (id, tokenHash, personId, purpose, expiresAt, createdAt)
         VALUES (?, ?, ?, 'bookings-list', ?, ?)`,
      ).run(
        accessId,
        sha256(bookingsLinkTokenFor(accessId)),
        personId,
        sqlDate(new Date(now.getTime() + 30 * 60 * 1000)),
        sqlDate(now),
      );
    })(),
  );
  expect(claim("person", [personId])).toBe(personId);
  return {
    session,
    accessLink: `/mes-reservations/acces/${bookingsLinkTokenFor(accessId)}`,
    managePath: `/reservation/${manageTokenFor(bookingId)}`,
  };
}

test("« Mes réservations » links each upcoming booking to its card and its calendar file", async ({ page, scan }) => {
  const resident = await residentWithDerivedBooking();
  await page.goto(resident.accessLink);
  await scan();
  await page.getByRole("button", { name: "Voir mes réservations" }).click();
  await expect(page).toHaveURL("/mes-reservations/liste");
  await scan();

  const item = page.locator(".manage-list li").filter({ hasText: resident.session.title });
  const card = item.getByRole("link", { name: /^Carte à imprimer/ });
  const calendar = item.getByRole("link", { name: /^Ajouter à mon agenda/ });
  await expect(card).toHaveAttribute("href", `${resident.managePath}/carte`);
  await expect(calendar).toHaveAttribute("href", `${resident.managePath}/agenda.ics`);

  const ics = await page.request.get(`${resident.managePath}/agenda.ics`);
  expect(ics.status()).toBe(200);
  const body = (await ics.text()).replace(/\r\n /g, "");
  expect(body).toContain("BEGIN:VALARM");
  expect(body).toContain("TRIGGER;RELATED=START:-P1D");

  await card.click();
  await expect(page).toHaveURL(`${resident.managePath}/carte`);
  await expect(page.locator(".booking-card").getByRole("heading", { level: 1 })).toHaveText(resident.session.title);
  await scan();
});
