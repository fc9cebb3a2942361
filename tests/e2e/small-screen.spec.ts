import type { BrowserContext, Page } from "@playwright/test";
import { e2eUrls } from "../../playwright.config";
import { expect, test } from "./fixtures";
import { claimUpcomingSession, sqlDate, withDb } from "./support/e2e-db";

// A phone held upright (issue 7): what matters must be on the first screen, without scrolling.
const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

/** The display cookie the « Grands caractères » button sets (a Remix cookie: base64 of its JSON). */
async function useDisplay(context: BrowserContext, display: "standard" | "large") {
  const value = Buffer.from(JSON.stringify(display)).toString("base64");
  await context.addCookies([{ name: "display", value, url: e2eUrls.app }]);
}

/** Bottom edge of the element, in the viewport (the page is not scrolled). */
async function bottomOf(page: Page, locator: ReturnType<Page["locator"]>) {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not rendered");
  return box.y + box.height;
}

for (const display of ["standard", "large"] as const) {
  test.describe(`first screen, ${display} display`, () => {
    test.beforeEach(async ({ context }) => {
      await useDisplay(context, display);
    });

    test("the session page shows its booking action without scrolling", async ({ page, scan }) => {
      const session = claimUpcomingSession({ seatsLeft: 2 });
      await page.goto(`/ateliers/${session.id}`);
      await scan();
      if (display === "large") await expect(page.locator("html")).toHaveClass(/display-large/);
      const book = page.getByRole("link", { name: "Réserver ma place" }).first();
      await expect(book).toBeVisible();
      expect(await bottomOf(page, book)).toBeLessThanOrEqual(PHONE.height);
      // The header leaves the screen to the page: the language and display choices are folded.
      expect(await bottomOf(page, page.locator(".site-header"))).toBeLessThan(PHONE.height / 5);
      await expect(page.getByRole("button", { name: "English" })).toBeHidden();
    });

    test("the booking form's first field is on the first screen", async ({ page, scan }) => {
      const session = claimUpcomingSession({ seatsLeft: 2 });
      await page.goto(`/ateliers/${session.id}/reserver`);
      await scan();
      const firstName = page.getByLabel("Prénom");
      await expect(firstName).toBeVisible();
      expect(await bottomOf(page, firstName)).toBeLessThanOrEqual(PHONE.height);
    });
  });
}

async function filterBeginners(page: Page, scan: (page?: Page) => Promise<void>, javaScriptEnabled: boolean) {
  await page.goto("/ateliers");
  await scan();
  await page.getByLabel("Niveau").selectOption({ label: "Débutant" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/\/ateliers\?.*niveau=BEGINNER.*#resultats$/);
  const heading = page.locator("#resultats");
  await expect(heading).toHaveText(/^\d+ ateliers à venir correspondent à votre recherche\.$/);
  await expect(heading).toBeInViewport();
  // The first result is in view, not a screen and a half below the filters.
  await expect(page.locator(".session-card").first()).toBeInViewport();
  if (javaScriptEnabled) await expect(heading).toBeFocused();
  await scan();
}

test("filtering lands on the results, JavaScript on", async ({ page, scan }) => {
  await filterBeginners(page, scan, true);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filtering lands on the results", async ({ page, scan }) => {
    await filterBeginners(page, scan, false);
  });

  test("the folded choices open and switch the language", async ({ page, scan }) => {
    await page.goto("/");
    await scan();
    await page.locator(".site-prefs > summary").click();
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await scan();
  });
});

test.describe("a refused form without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the booking form says « Erreur : » in its title and puts the summary first in main", async ({ page, scan }) => {
    const session = claimUpcomingSession({ seatsLeft: 2 });
    await page.goto(`/ateliers/${session.id}/reserver`);
    await scan();
    await expect(page).toHaveTitle(/^Réserver : /);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.request().resourceType() === "document"),
      page.getByRole("button", { name: "Confirmer ma réservation" }).click(),
    ]);
    expect(response.status()).toBe(400);
    await expect(page).toHaveTitle(/^Erreur : Réserver : /);
    const first = page.locator("main > :first-child");
    await expect(first).toHaveClass(/error-summary/);
    await expect(first).toBeInViewport();
    await scan();
  });

  test("the retrieve form does the same", async ({ page, scan }) => {
    await page.goto("/mes-reservations");
    await scan();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.request().resourceType() === "document"),
      page.getByRole("button", { name: "M'envoyer le lien" }).click(),
    ]);
    expect(response.status()).toBe(400);
    await expect(page).toHaveTitle(/^Erreur : /);
    await expect(page.locator("main > :first-child")).toHaveClass(/error-summary/);
    await scan();
  });
});

test("in Arabic, French names and addresses are isolated left to right, French texts say so, and ?lng=ar stays", async ({
  page,
  scan,
}) => {
  const session = claimUpcomingSession({ seatsLeft: 2 });
  await page.goto(`/ateliers/${session.id}?lng=ar`);
  await scan();
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");

  // The place's name and its address, each inside an isolated left-to-right element in French.
  for (const text of [session.placeName, session.addressLine]) {
    const holder = page.locator("main bdi[dir='ltr'][lang='fr']", { hasText: text }).first();
    await expect(holder).toBeVisible();
  }
  const phone = page.locator(`main a[href^="tel:"]`).first();
  await expect(phone).toHaveAttribute("dir", "ltr");

  // « Je sais… » statements are French; the title is French unless the workshop has an Arabic translation.
  await expect(page.locator(".skills")).toHaveAttribute("lang", "fr");
  const translated = withDb(
    (db) =>
      db
        .prepare(
          `SELECT COUNT(*) AS n FROM WorkshopTranslation t JOIN Session s ON s.workshopId = t.workshopId
           WHERE s.id = ? AND t.locale = 'ar'`,
        )
        .get(session.id) as { n: number },
  ).n;
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", translated > 0 ? "ar" : "fr");

  // A plain link, without ?lng=: still Arabic (the address set the language cookie).
  await page.locator(".site-nav a[href='/ateliers']").click();
  await expect(page).toHaveURL(/\/ateliers$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await scan();
});

test("in Arabic, the catalogue and a session page hydrate to the same French place lines, with no React error", async ({
  page,
  scan,
}) => {
  // The browser holds only the page's language: a French line looked up there became a raw key.
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const session = claimUpcomingSession({ seatsLeft: 2 });
  for (const path of [`/ateliers/${session.id}?lng=ar`, `/ateliers?lieu=${session.placeSlug}&lng=ar`]) {
    await page.goto(path);
    // Remix sets window.__remixRouter when it has hydrated.
    await page.waitForFunction(() => "__remixRouter" in window, undefined, { timeout: 15_000 });
    await scan();
    await expect(page.locator("main bdi[lang='fr']", { hasText: session.placeName }).first()).toBeVisible();
    await expect(page.locator("main")).not.toContainText(/\b(card|session)\.[a-z]+[A-Z]\w*/);
  }
  expect(errors).toEqual([]);
});

test("a full session offers other dates with seats before its waiting list", async ({ page, scan }) => {
  const session = claimUpcomingSession({ seatsLeft: 1 });
  withDb((db) => db.prepare(`UPDATE Session SET capacity = seatsTaken WHERE id = ?`).run(session.id));
  const others = withDb(
    (db) =>
      db
        .prepare(
          `SELECT COUNT(*) AS n FROM Session o JOIN Session s ON s.workshopId = o.workshopId
           WHERE s.id = ? AND o.id <> s.id AND o.status = 'SCHEDULED' AND o.deletedAt IS NULL
             AND o.startsAt > ? AND o.seatsTaken < o.capacity`,
        )
        .get(session.id, sqlDate(new Date())) as { n: number },
  ).n;

  await page.goto(`/ateliers/${session.id}`);
  await scan();
  const waitlist = page.getByRole("link", { name: "M'inscrire sur la liste d'attente" }).first();
  await expect(waitlist).toBeVisible();
  const dates = page.locator(".other-dates__link");
  await expect(dates).toHaveCount(Math.min(3, others));
  if (others > 0) {
    const [date, join] = [await dates.first().boundingBox(), await waitlist.boundingBox()];
    expect(date!.y).toBeLessThan(join!.y);
  }

  await waitlist.click();
  await scan();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inscription sur liste d'attente");
  await expect(page.locator(".other-dates__link")).toHaveCount(Math.min(3, others));
});
