import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { claimUpcomingSession } from "./support/e2e-db";

type Scan = (page?: Page) => Promise<void>;

const CONFIRMATION_URL = /\/reservation\/[^/?]+\?confirmation=1$/;
const SUMMARY_TITLE = "Votre demande n'est pas encore envoyée";

/** A contact nobody else uses (in any worker), so each booking is a new person and never an "already booked". */
function newContact(tag: string) {
  const id = randomBytes(5).toString("hex");
  const digits = [...randomBytes(4)].map((byte) => String(byte % 100).padStart(2, "0"));
  // 06 1x: a block that exists (phones are checked against the numbering plan; 06 39 and 06 9x are overseas).
  digits[0] = `1${digits[0]![1]}`;
  return { email: `e2e-${tag}-${id}@exemple.fr`, phone: `06 ${digits.join(" ")}` };
}

/**
 * The booking form of an upcoming session this test has to itself, reached the way a resident
 * does from the session's page: "Réserver ma place". (The catalogue that leads there has its own
 * tests; course sessions are left alone, their few seats belong to the catalogue tests.)
 */
async function openBookingForm(page: Page, scan: Scan): Promise<string> {
  const session = claimUpcomingSession({ seatsLeft: 2 });
  await page.goto(`/ateliers/${session.id}`);
  await scan();
  await page.getByRole("link", { name: "Réserver ma place" }).first().click();
  await expect(page).toHaveURL(`/ateliers/${session.id}/reserver`);
  await scan();
  return new URL(page.url()).pathname;
}

/** With JavaScript, the browser's checks only run once React has taken over the form. */
async function whenHydrated(page: Page) {
  await page.waitForFunction(() => {
    const form = document.querySelector("form.booking-form");
    return form !== null && Object.keys(form).some((key) => key.startsWith("__react"));
  });
}

/**
 * Submits the form. Without JavaScript the browser posts a document: its response is returned, to
 * check the status. With JavaScript there may be no request at all (the browser's own check).
 */
async function submit(page: Page, javaScriptEnabled: boolean, label = "Confirmer ma réservation") {
  const button = page.getByRole("button", { name: label });
  if (javaScriptEnabled) {
    await whenHydrated(page);
    await button.click();
    return null;
  }
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.request().resourceType() === "document"),
    button.click(),
  ]);
  return response;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`booking form ${javaScriptEnabled ? "with" : "without"} JavaScript`, () => {
    test.use({ javaScriptEnabled });

    test("an empty form says what is missing beside each field and in a summary at the top", async ({ page, scan }) => {
      await openBookingForm(page, scan);
      const post = await submit(page, javaScriptEnabled);
      if (!javaScriptEnabled) expect(post?.status()).toBe(400);

      const summary = page.getByRole("alert").filter({ hasText: SUMMARY_TITLE });
      await expect(summary).toBeVisible();
      await expect(summary.getByRole("heading", { name: SUMMARY_TITLE })).toBeVisible();
      if (javaScriptEnabled) await expect(summary).toBeFocused();
      await expect(summary.getByRole("link")).toHaveText([
        "Indiquez votre prénom.",
        "Indiquez votre nom.",
        "Indiquez une adresse e-mail ou un numéro de téléphone : au moins l'un des deux.",
      ]);

      const firstName = page.getByLabel("Prénom");
      await expect(firstName).toHaveAttribute("aria-invalid", "true");
      const describedBy = (await firstName.getAttribute("aria-describedby")) ?? "";
      await expect(page.locator(`[id="${describedBy.split(" ")[0]}"]`)).toHaveText("Erreur : Indiquez votre prénom.");
      await expect(page.getByLabel("Adresse e-mail", { exact: true })).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel("Numéro de téléphone")).toHaveAttribute("aria-invalid", "true");
      await scan();

      await summary.getByRole("link", { name: "Indiquez votre nom." }).click();
      await expect(page.getByLabel("Nom", { exact: true })).toBeFocused();
    });

    test("a 10,000-character name and a broken email are refused, and everything typed is kept", async ({
      page,
      scan,
    }) => {
      await openBookingForm(page, scan);
      await page.getByLabel("Prénom").fill("A".repeat(10_000));
      await page.getByLabel("Nom", { exact: true }).fill("Dupont-Martin");
      await page.getByLabel("Adresse e-mail", { exact: true }).fill("marie.dupont@");
      await page.getByLabel("Votre commune").selectOption({ label: "Montolieu (11170)" });
      await page.getByLabel("Votre âge").selectOption({ label: "De 60 à 69 ans" });
      await page.getByLabel("Langue de nos messages").selectOption("es");
      await page.getByLabel("Recevoir des rappels avant l'atelier").uncheck();
      await page.getByLabel("Recevoir de temps en temps des idées d'autres ateliers").check();
      const post = await submit(page, javaScriptEnabled);
      if (!javaScriptEnabled) expect(post?.status()).toBe(400);

      const summary = page.getByRole("alert").filter({ hasText: SUMMARY_TITLE });
      await expect(summary.getByRole("link")).toHaveText([
        "C'est trop long : 100 caractères au maximum.",
        "Cette adresse e-mail ne semble pas complète. Elle doit ressembler à marie.dupont@exemple.fr.",
      ]);
      await expect(page.getByLabel("Prénom")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel("Adresse e-mail", { exact: true })).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel("Nom", { exact: true })).not.toHaveAttribute("aria-invalid", "true");

      // Checked in the browser, the name stays whole; refused by the server, it comes back cut one
      // character past the longest field (FIELD_ECHO_LIMIT), never echoed whole.
      expect((await page.getByLabel("Prénom").inputValue()).length).toBe(javaScriptEnabled ? 10_000 : 1_001);
      await expect(page.getByLabel("Nom", { exact: true })).toHaveValue("Dupont-Martin");
      await expect(page.getByLabel("Adresse e-mail", { exact: true })).toHaveValue("marie.dupont@");
      await expect(page.getByLabel("Votre commune").locator("option:checked")).toHaveText("Montolieu (11170)");
      await expect(page.getByLabel("Votre âge")).toHaveValue("FROM_60_TO_69");
      await expect(page.getByLabel("Langue de nos messages")).toHaveValue("es");
      // The boxes come back as chosen: an unticked box (which sends nothing) stays unticked.
      await expect(page.getByLabel("Recevoir des rappels avant l'atelier")).not.toBeChecked();
      await expect(page.getByLabel("Recevoir de temps en temps des idées d'autres ateliers")).toBeChecked();
      await scan();
    });

    test("an email or a phone is required, said on both fields, and a phone must be a phone", async ({
      page,
      scan,
    }) => {
      await openBookingForm(page, scan);
      await page.getByLabel("Prénom").fill("Odette");
      await page.getByLabel("Nom", { exact: true }).fill("Fabre");
      const post = await submit(page, javaScriptEnabled);
      if (!javaScriptEnabled) expect(post?.status()).toBe(400);

      const message = "Indiquez une adresse e-mail ou un numéro de téléphone : au moins l'un des deux.";
      const summary = page.getByRole("alert").filter({ hasText: SUMMARY_TITLE });
      await expect(summary.getByRole("link")).toHaveText([message]);
      for (const label of ["Adresse e-mail", "Numéro de téléphone"]) {
        const field = page.getByLabel(label, { exact: true });
        await expect(field).toHaveAttribute("aria-invalid", "true");
        const errorId = ((await field.getAttribute("aria-describedby")) ?? "").split(" ")[0];
        await expect(page.locator(`[id="${errorId}"]`)).toHaveText(`Erreur : ${message}`);
      }
      await expect(page.getByLabel("Prénom")).toHaveValue("Odette");
      await scan();

      await page.getByLabel("Numéro de téléphone").fill("06 12 34");
      const second = await submit(page, javaScriptEnabled);
      if (!javaScriptEnabled) expect(second?.status()).toBe(400);
      await expect(summary.getByRole("link")).toHaveText([
        "Ce numéro ne semble pas correct. Il doit ressembler à 06 12 34 56 78.",
      ]);
      await expect(page.getByLabel("Nom", { exact: true })).toHaveValue("Fabre");
      await scan();
    });

    test("a valid booking is sent on to the confirmation page", async ({ page, scan }) => {
      await openBookingForm(page, scan);
      const contact = newContact(javaScriptEnabled ? "js" : "nojs");
      await page.getByLabel("Prénom").fill("Germaine");
      await page.getByLabel("Nom", { exact: true }).fill("Rouanet");
      await page.getByLabel("Numéro de téléphone").fill(contact.phone);
      await page.getByLabel("Adresse e-mail", { exact: true }).fill(contact.email);
      await page.getByLabel("Votre commune").selectOption({ label: "Arzens (11290)" });

      if (javaScriptEnabled) {
        await submit(page, true);
        await expect(page).toHaveURL(CONFIRMATION_URL);
      } else {
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === "POST"),
          page.getByRole("button", { name: "Confirmer ma réservation" }).click(),
        ]);
        expect(response.status()).toBe(303);
        expect(response.headers()["location"]).toMatch(CONFIRMATION_URL);
        await expect(page).toHaveURL(CONFIRMATION_URL);
        // The confirmation page belongs to the manage pages; it is scanned as every visited page is.
        await scan();
      }
    });

    test("booking the same session twice gets the neutral answer at the top of the form, keeping the input", async ({
      page,
      scan,
    }) => {
      const formPath = await openBookingForm(page, scan);
      const contact = newContact(javaScriptEnabled ? "twice-js" : "twice");
      const fill = async () => {
        await page.getByLabel("Prénom").fill("Lucienne");
        await page.getByLabel("Nom", { exact: true }).fill("Bousquet");
        await page.getByLabel("Adresse e-mail", { exact: true }).fill(contact.email);
      };
      await fill();
      const first = await submit(page, javaScriptEnabled);
      if (!javaScriptEnabled) expect(first?.status()).toBe(303);
      await expect(page).toHaveURL(CONFIRMATION_URL);
      if (!javaScriptEnabled) await scan();

      await page.goto(formPath);
      await scan();
      await fill();
      if (javaScriptEnabled) {
        // The refusal comes back through fetch: the summary shows it and takes the focus.
        const [answer] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === "POST"),
          submit(page, true),
        ]);
        expect(answer.status()).toBe(200);
      } else {
        expect((await submit(page, false))?.status()).toBe(200);
      }
      // Decision 010: whoever posts her email hears the same neutral words; the reason goes to her by email.
      const summary = page.getByRole("alert").filter({ hasText: SUMMARY_TITLE });
      if (javaScriptEnabled) await expect(summary).toBeFocused();
      await expect(summary).toContainText("Nous n'avons pas pu faire cette réservation avec ce formulaire.");
      await expect(summary).not.toContainText("déjà inscrit");
      await expect(summary.getByRole("link", { name: "Retrouver mes réservations" })).toHaveAttribute(
        "href",
        "/mes-reservations",
      );
      await expect(page.getByLabel("Adresse e-mail", { exact: true })).toHaveValue(contact.email);
      await expect(page.getByLabel("Prénom")).toHaveValue("Lucienne");
      await scan();
    });
  });
}

test.describe("booking form, server answers", () => {
  test.use({ javaScriptEnabled: false });

  test("a forged session id is a translated 404, for the form and for a post", async ({ page, request, scan }) => {
    const response = await page.goto("/ateliers/seance-inventee/reserver");
    expect(response?.status()).toBe(404);
    await scan();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Atelier introuvable");

    const post = await request.post("/ateliers/seance-inventee/reserver", {
      form: { firstName: "Jean", lastName: "Roux", phone: "0612345678" },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(404);
  });

  test("posted straight to the server, oversized or forged values get a 400 with messages, never a 500", async ({
    page,
    request,
    scan,
  }) => {
    const formPath = await openBookingForm(page, scan);
    const tooLong = await request.post(formPath, {
      form: { firstName: "B".repeat(10_000), lastName: "C".repeat(10_000), email: `${"d".repeat(10_000)}@exemple.fr` },
      maxRedirects: 0,
    });
    expect(tooLong.status()).toBe(400);
    const tooLongPage = await tooLong.text();
    expect(tooLongPage).toContain("C&#x27;est trop long : 100 caractères au maximum.");
    expect(tooLongPage).toContain("C&#x27;est trop long : 254 caractères au maximum.");
    // What was typed comes back cut, never whole.
    expect(tooLongPage).not.toContain("C".repeat(1_002));

    const forged = await request.post(formPath, {
      form: {
        firstName: "Jean",
        lastName: "Roux",
        phone: "0612345678",
        communeId: "commune-inventee",
        ageBand: "CENTENARIAN",
        preferredLanguage: "xx",
        consentReminders: "oui",
      },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(400);
    const forgedPage = await forged.text();
    expect(forgedPage).toContain("Choisissez votre commune dans la liste.");
    expect(forgedPage).toContain("Choisissez une réponse dans la liste.");
  });

  test("a filled spam trap books nothing and answers 400", async ({ page, request, scan }) => {
    const formPath = await openBookingForm(page, scan);
    const contact = newContact("trap");
    const person = { firstName: "Paul", lastName: "Aribaud", email: contact.email, phone: contact.phone };

    const trapped = await request.post(formPath, {
      form: { ...person, website: "http://spam.example" },
      maxRedirects: 0,
    });
    expect(trapped.status()).toBe(400);
    expect(await trapped.text()).toContain("Votre demande n&#x27;a pas pu être envoyée.");

    // Nothing was booked: the same person can now book (no "already booked").
    const real = await request.post(formPath, { form: person, maxRedirects: 0 });
    expect(real.status()).toBe(303);
    expect(real.headers()["location"]).toMatch(CONFIRMATION_URL);
  });

  test("a whole course is booked in one go and sent on to the first session's confirmation", async ({ page, scan }) => {
    await page.goto("/ateliers?lieu=hub-carcassonne");
    await scan();
    const courseCard = page.locator(".session-card").filter({ hasText: "Fait partie d'un parcours" }).first();
    await courseCard.getByRole("link", { name: "Voir l'atelier et réserver" }).click();
    await scan();
    await page.getByRole("link", { name: "M'inscrire au parcours complet" }).click();
    await scan();

    const contact = newContact("course");
    await page.getByLabel("Prénom").fill("Marcel");
    await page.getByLabel("Nom", { exact: true }).fill("Cathala");
    await page.getByLabel("Numéro de téléphone").fill(contact.phone);
    const enrolled = await submit(page, false, "M'inscrire au parcours");
    expect(enrolled?.status()).toBe(303);
    expect(enrolled?.headers()["location"]).toMatch(/\/reservation\/[^/?]+\?confirmation=1&parcours=1$/);
    await expect(page).toHaveURL(/\/reservation\/[^/?]+\?confirmation=1&parcours=1$/);
    await scan();
  });
});
