import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { E2E_DB_FILE } from "../../playwright.config";
import { expect, test } from "./fixtures";

const WEEKDAY = "(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)";
const MONTH = "(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)";
/** Matches "mardi 3 mars, de 14 h à 16 h" and "lundi 30 novembre, de 14 h à 15 h 30". */
const FRENCH_SESSION_TIME = new RegExp(
  // \\s: times and dates hold no-break spaces (« 14 h 30 » never breaks).
  `^${WEEKDAY}\\s\\d{1,2}(er)?\\s${MONTH}, de\\s\\d{1,2}\\sh(\\s\\d{2})? à\\s\\d{1,2}\\sh(\\s\\d{2})?$`,
  "i",
);
/** Matches "lundi 7 décembre 2026" (a day's heading in the catalogue). */
const FRENCH_DAY = new RegExp(`^${WEEKDAY}\\s\\d{1,2}(er)?\\s${MONTH}\\s\\d{4}$`, "i");
const SEATS_TEXT =
  /^(Plus qu'une place|Plus que \d+ places|Une place libre|\d+ places libres|Complet — liste d'attente|Complet — liste d'attente complète)$/;

/**
 * Sessions that the catalogue never lists (cancelled, already held) can only be found in the
 * database the e2e server runs on.
 */
function findSessionId(where: string): string {
  const db = new Database(path.resolve(E2E_DB_FILE), { readonly: true, fileMustExist: true });
  try {
    // Not one that another test inserted (their ids start with "e2e-").
    const row = db
      .prepare(`SELECT id FROM Session WHERE ${where} AND id NOT LIKE 'e2e-%' ORDER BY startsAt DESC LIMIT 1`)
      .get() as { id: string } | undefined;
    if (!row) throw new Error(`No session where ${where}`);
    return row.id;
  } finally {
    db.close();
  }
}

async function cardTexts(page: Page, scope = page.locator("main")) {
  return scope.locator(".session-card").allInnerTexts();
}

test.describe("catalogue", () => {
  test("lists upcoming sessions by day, with Paris times and the seats left", async ({ page, scan }) => {
    const response = await page.goto("/ateliers");
    expect(response?.status()).toBe(200);
    await scan();
    await expect(page).toHaveTitle("Trouver un atelier — Passerelle");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trouver un atelier");

    const days = page.locator(".catalogue-day__title");
    expect(await days.count()).toBeGreaterThan(5);
    await expect(days.first()).toHaveText(FRENCH_DAY);

    const firstCard = page.locator(".session-card").first();
    await expect(firstCard.locator(".session-card__when")).toHaveText(FRENCH_SESSION_TIME);
    const seats = await page.locator(".session-card .seats").allInnerTexts();
    expect(seats.length).toBeGreaterThan(10);
    for (const text of seats) expect(text).toMatch(SEATS_TEXT);
    // The seed fills some sessions and gives them a waiting list.
    expect(seats).toContain("Complet — liste d'attente");
  });

  test("a forged filter value is ignored with a message, never an error", async ({ page, scan }) => {
    const response = await page.goto(
      `/ateliers?lieu=nulle-part&commune=${"forged".repeat(500)}&theme=%3Cscript%3E&niveau=EXPERT`,
    );
    expect(response?.status()).toBe(200);
    await scan();
    await expect(page.getByRole("status").filter({ hasText: "nous ne l'avons pas pris en compte" })).toBeVisible();
    await expect(page.getByLabel("Lieu")).toHaveValue("");
    await expect(page.getByLabel("Votre commune")).toHaveValue("");
    expect(await page.locator(".session-card").count()).toBeGreaterThan(10);
  });

  test("an unknown session is a translated 404", async ({ page, scan }) => {
    const response = await page.goto("/ateliers/cette-seance-n-existe-pas");
    expect(response?.status()).toBe(404);
    await scan();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Atelier introuvable");
    await expect(page.getByRole("link", { name: "Voir tous les ateliers" })).toBeVisible();
  });
});

test.describe("catalogue without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filters by commune, place, topic and level with a plain GET form, keeping the choices", async ({
    page,
    scan,
  }) => {
    await page.goto("/ateliers");
    await scan();

    // A commune orders the list: the places serving it come first, under their own heading.
    await page.getByLabel("Votre commune").selectOption({ label: "Montolieu (11170)" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/[?&]commune=[^&]+/);
    await scan();
    await expect(page.getByLabel("Votre commune")).toHaveValue(/.+/);
    await expect(page.getByLabel("Votre commune").locator("option:checked")).toHaveText("Montolieu (11170)");
    const near = page.locator("section", {
      has: page.getByRole("heading", { name: "Les ateliers près de chez vous" }),
    });
    await expect(near).toBeVisible();
    const nearCards = await cardTexts(page, near);
    expect(nearCards.length).toBeGreaterThan(0);
    for (const text of nearCards) expect(text).toContain("La Page — tiers-lieu de Montolieu");
    await expect(page.getByRole("heading", { name: "Les autres ateliers de l'agglo" })).toBeVisible();

    // Place and level together.
    await page.getByLabel("Lieu").selectOption({ label: "Hub numérique de Carcassonne (Carcassonne)" });
    await page.getByLabel("Niveau").selectOption({ label: "Débutant" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/lieu=hub-carcassonne/);
    await expect(page).toHaveURL(/niveau=BEGINNER/);
    await scan();
    await expect(page.getByLabel("Lieu")).toHaveValue("hub-carcassonne");
    await expect(page.getByLabel("Niveau")).toHaveValue("BEGINNER");
    await expect(page.getByLabel("Votre commune").locator("option:checked")).toHaveText("Montolieu (11170)");
    const hubCards = await cardTexts(page);
    expect(hubCards.length).toBeGreaterThan(0);
    for (const text of hubCards) {
      expect(text).toContain("Hub numérique de Carcassonne");
      expect(text).toContain("Débutant");
    }

    // Topic, from a clean slate.
    await page.getByRole("link", { name: "Voir tous les ateliers" }).click();
    await scan();
    await page.getByLabel("Thème").selectOption({ label: "Démarches en ligne" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/theme=online-procedures/);
    await scan();
    await expect(page.getByLabel("Thème")).toHaveValue("online-procedures");
    const topicCards = await cardTexts(page);
    expect(topicCards.length).toBeGreaterThan(0);
    for (const text of topicCards) expect(text).toContain("Démarches en ligne");
  });

  test("the session page tells what, when, where, with whom, and offers to book", async ({ page, scan }) => {
    await page.goto("/ateliers?lieu=hub-carcassonne");
    await scan();
    const card = page
      .locator(".session-card")
      .filter({ hasNot: page.locator(".seats--full") })
      .first();
    const title = (await card.locator(".session-card__title").innerText()).trim();
    await card.getByRole("link", { name: "Voir l'atelier et réserver" }).click();
    await scan();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page).toHaveTitle(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} — `));
    await expect(page.locator(".session-key-facts__when")).toHaveText(FRENCH_SESSION_TIME);
    // The first screen holds when, where (the place) and the seats; the address is under « Le lieu ».
    const facts = page.locator(".session-key-facts");
    await expect(facts).toContainText("Hub numérique de Carcassonne");
    await expect(page.locator("section", { has: page.locator("#place-title") })).toContainText("14 rue de Verdun");
    await expect(page.locator("dt", { hasText: "Avec" })).toBeVisible();
    await expect(facts.locator(".seats")).toHaveText(SEATS_TEXT);

    await expect(page.getByRole("heading", { name: "Ce que vous allez apprendre" })).toBeVisible();
    const skills = await page.locator(".skills li").allInnerTexts();
    expect(skills.length).toBeGreaterThan(0);
    for (const skill of skills) expect(skill).toMatch(/^Je sais /);
    await expect(page.getByRole("heading", { name: "Ce qu'il faut apporter" })).toBeVisible();
    await expect(page.locator(".session-devices")).toHaveText(
      /^(Pas d'appareil \? Nous vous en prêtons un pendant l'atelier\.|Nous ne prêtons pas d'appareil pour cet atelier : venez avec le vôtre\.)$/,
    );
    await expect(page.getByRole("heading", { name: "Le lieu" })).toBeVisible();
    await expect(page.getByRole("link", { name: "04 68 10 24 50" }).first()).toHaveAttribute("href", "tel:0468102450");
    await expect(page.getByText("Accès de plain-pied")).toBeVisible();

    await page.getByRole("link", { name: "Réserver ma place" }).first().click();
    await expect(page).toHaveURL(/\/ateliers\/[^/]+\/reserver$/);
    await scan();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Réserver ma place");
  });

  test("a full session offers the waiting list", async ({ page, scan }) => {
    await page.goto("/ateliers");
    await scan();
    const full = page
      .locator(".session-card")
      .filter({ has: page.locator(".seats--full:not(.seats--waitlist-full)") })
      .first();
    await full.getByRole("link", { name: "Voir l'atelier et la liste d'attente" }).click();
    await scan();
    // The session's own badge (the other dates offered below it have theirs).
    await expect(page.locator(".session-key-facts > .badges .seats")).toHaveText("Complet — liste d'attente");
    await expect(page.getByText("L'atelier est complet. Inscrivez-vous sur la liste d'attente").first()).toBeVisible();
    await page.getByRole("link", { name: "M'inscrire sur la liste d'attente" }).first().click();
    await scan();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inscription sur liste d'attente");
    await expect(page.getByRole("button", { name: "M'inscrire sur la liste d'attente" })).toBeVisible();
  });

  test("a session of a course explains it and links to the course enrolment", async ({ page, scan }) => {
    await page.goto("/ateliers?lieu=hub-carcassonne");
    await scan();
    const courseCard = page.locator(".session-card").filter({ hasText: "Fait partie d'un parcours" }).first();
    await courseCard.getByRole("link", { name: "Voir l'atelier et réserver" }).click();
    await scan();
    await expect(page.getByRole("heading", { name: "Cet atelier fait partie d'un parcours" })).toBeVisible();
    await expect(page.getByText(/^Cet atelier est la séance \d sur 4\.$/)).toBeVisible();
    await page.getByRole("link", { name: "M'inscrire au parcours complet" }).click();
    await expect(page).toHaveURL(/\/parcours\/[^/]+\/inscription$/);
    await scan();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("M'inscrire au parcours");
    expect(await page.locator(".course-sessions li").count()).toBe(4);
    await expect(page.getByRole("button", { name: "M'inscrire au parcours" })).toBeVisible();
  });

  test("cancelled and past sessions say that booking is closed", async ({ page, scan }) => {
    const cancelled = findSessionId("status = 'CANCELLED'");
    expect((await page.goto(`/ateliers/${cancelled}`))?.status()).toBe(200);
    await scan();
    await expect(page.getByText("Cet atelier est annulé. Nous sommes désolés.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Réserver ma place" })).toHaveCount(0);

    const past = findSessionId("status = 'COMPLETED'");
    expect((await page.goto(`/ateliers/${past}`))?.status()).toBe(200);
    await scan();
    await expect(page.getByText("Cet atelier a déjà eu lieu : les réservations sont closes.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Réserver ma place" })).toHaveCount(0);

    expect((await page.goto(`/ateliers/${past}/reserver`))?.status()).toBe(200);
    await scan();
    await expect(page.getByText("Il n'est plus possible de réserver cet atelier.")).toBeVisible();
    await expect(page.locator("form.booking-form")).toHaveCount(0);
  });

  test("the Arabic catalogue reads right to left", async ({ page, scan }) => {
    await page.goto("/ateliers");
    await scan();
    await page.locator(".site-prefs > summary").click(); // the choices are folded in the header
    await page.getByRole("button", { name: "العربية" }).click();
    await expect(page).toHaveURL(/\/ateliers$/);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await scan();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("البحث عن ورشة");
    await expect(page.getByRole("button", { name: "تصفية" })).toBeVisible();
    await expect(page.getByLabel("بلديتكم")).toBeVisible();
    // Logical properties: the filters' labels start on the right.
    const direction = await page.locator(".catalogue-filters").evaluate((node) => getComputedStyle(node).direction);
    expect(direction).toBe("rtl");
    const seats = await page.locator(".session-card .seats").allInnerTexts();
    expect(seats).toContain("مكتملة — قائمة الانتظار");
  });
});

test.describe("catalogue without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("shows the first 30 sessions, and more on request", async ({ page, scan }) => {
    await page.goto("/ateliers");
    await scan();
    const cards = page.locator(".session-card");
    await expect(cards).toHaveCount(30);
    const total = Number((await page.locator(".catalogue__count").innerText()).match(/\d+/)?.[0]);
    expect(total).toBeGreaterThan(30);
    await page.getByRole("link", { name: "Afficher plus d'ateliers" }).click();
    await expect(page).toHaveURL(/[?&]voir=60$/);
    await expect(cards).toHaveCount(Math.min(60, total));
    await scan();
  });
});
