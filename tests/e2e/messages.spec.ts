// Issue 7: messages about one's own booking need no tick. A booking made with an email and no box
// touched gets its confirmation (an outbox row) and its reminders (the booking wants them), the
// page says where they go, and unticking reminders (on the form or the manage page) stops them.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { claimUpcomingSession, withDb } from "./support/e2e-db";

const CONFIRMATION_URL = /\/reservation\/[^/?]+\?confirmation=1$/;

function newEmail(tag: string) {
  return `e2e-${tag}-${randomBytes(5).toString("hex")}@exemple.fr`;
}

/** The booking made with this email, and the emails queued about it. */
function bookingMadeWith(email: string) {
  return withDb((db) => {
    const booking = db
      .prepare(`SELECT id, contactEmail, remindersWanted, locale FROM Booking WHERE contactEmail = ?`)
      .get(email) as { id: string; contactEmail: string; remindersWanted: number; locale: string } | undefined;
    const emails = booking
      ? (db.prepare(`SELECT kind, recipient, state FROM OutboxEmail WHERE bookingId = ?`).all(booking.id) as {
          kind: string;
          recipient: string;
          state: string;
        }[])
      : [];
    return { booking, emails };
  });
}

async function fillIn(page: Page, email: string) {
  await page.getByLabel("Prénom").fill("Yvette");
  await page.getByLabel("Nom", { exact: true }).fill("Rouquier");
  await page.getByLabel("Adresse e-mail", { exact: true }).fill(email);
}

async function openForm(page: Page, scan: () => Promise<void>) {
  const session = claimUpcomingSession({ seatsLeft: 2 });
  await page.goto(`/ateliers/${session.id}/reserver`);
  await scan();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`messages ${javaScriptEnabled ? "with" : "without"} JavaScript`, () => {
    test.use({ javaScriptEnabled });

    test("no box touched: the confirmation is queued, reminders are on, the page says where; the manage page stops them", async ({
      page,
      scan,
    }) => {
      const email = newEmail("nobox");
      await openForm(page, scan);
      await expect(page.getByLabel("Recevoir des rappels avant l'atelier")).toBeChecked();
      await expect(page.getByLabel("Recevoir de temps en temps des idées d'autres ateliers")).not.toBeChecked();
      await fillIn(page, email);
      await page.getByRole("button", { name: "Confirmer ma réservation" }).click();
      await expect(page).toHaveURL(CONFIRMATION_URL);

      const messages = page.getByRole("region", { name: "Vos messages" });
      await expect(messages).toContainText(`Un e-mail de confirmation part à ${email}.`);
      await expect(messages).toContainText("Vous recevrez un rappel 2 jours avant et le matin de l'atelier.");
      await scan();
      const made = bookingMadeWith(email);
      expect(made.booking).toMatchObject({ contactEmail: email, remindersWanted: 1, locale: "fr" });
      // The confirmation and the reminders, all to the address typed, with no box ticked.
      expect(made.emails.filter((e) => e.kind === "booking-confirmed")).toEqual([
        { kind: "booking-confirmed", recipient: email, state: expect.any(String) },
      ]);
      const pendingReminders = () =>
        bookingMadeWith(email).emails.filter((e) => e.kind === "reminder" && e.state === "PENDING");
      expect(pendingReminders().length).toBeGreaterThan(0);
      expect(new Set(made.emails.map((e) => e.recipient))).toEqual(new Set([email]));

      // Later, by the link: the address is masked, and one button stops the reminders.
      await page.goto(page.url().replace("?confirmation=1", ""));
      await expect(messages).toContainText(`Les messages sur cette réservation partent à e…@exemple.fr.`);
      await scan();
      await messages.getByRole("button", { name: "Ne plus recevoir de rappels" }).click();
      await expect(messages).toContainText("C'est noté : vous ne recevrez pas de rappel pour cet atelier.");
      await expect(messages).toContainText("Vous ne recevrez pas de rappel.");
      await scan();
      expect(bookingMadeWith(email).booking?.remindersWanted).toBe(0);
      expect(pendingReminders()).toEqual([]);
      await messages.getByRole("button", { name: "Recevoir les rappels" }).click();
      await expect(messages).toContainText("Vous recevrez un rappel 2 jours avant et le matin de l'atelier.");
      await scan();
      expect(bookingMadeWith(email).booking?.remindersWanted).toBe(1);
      expect(pendingReminders().length).toBeGreaterThan(0);
    });

    test("an unticked reminders box stays unticked when the form comes back with an error, and the booking wants none", async ({
      page,
      scan,
    }) => {
      const email = newEmail("unticked");
      await openForm(page, scan);
      await page.getByLabel("Recevoir des rappels avant l'atelier").uncheck();
      await page.getByLabel("Recevoir de temps en temps des idées d'autres ateliers").check();
      // The last name left out: the form comes back.
      await page.getByLabel("Prénom").fill("Yvette");
      await page.getByLabel("Adresse e-mail", { exact: true }).fill(email);
      await page.getByRole("button", { name: "Confirmer ma réservation" }).click();
      await expect(page.getByRole("alert")).toBeVisible();
      await scan();
      await expect(page.getByLabel("Recevoir des rappels avant l'atelier")).not.toBeChecked();
      await expect(page.getByLabel("Recevoir de temps en temps des idées d'autres ateliers")).toBeChecked();

      await page.getByLabel("Nom", { exact: true }).fill("Rouquier");
      await page.getByRole("button", { name: "Confirmer ma réservation" }).click();
      await expect(page).toHaveURL(CONFIRMATION_URL);
      await expect(page.getByRole("region", { name: "Vos messages" })).toContainText("Vous ne recevrez pas de rappel.");
      await scan();
      const made = bookingMadeWith(email);
      expect(made.booking?.remindersWanted).toBe(0);
      // The confirmation comes all the same; no reminder is written.
      expect(made.emails.map((e) => e.kind)).toContain("booking-confirmed");
      expect(made.emails.filter((e) => e.kind === "reminder")).toEqual([]);
    });
  });
}

test("a phone-only booking: the page says there is no email, to keep the card or call the place", async ({
  page,
  scan,
}) => {
  const session = claimUpcomingSession({ seatsLeft: 2 });
  await page.goto(`/ateliers/${session.id}/reserver`);
  await scan();
  const digits = [...randomBytes(4)].map((byte) => String(byte % 100).padStart(2, "0"));
  digits[0] = `1${digits[0]![1]}`;
  await page.getByLabel("Prénom").fill("Gaston");
  await page.getByLabel("Nom", { exact: true }).fill("Bories");
  await page.getByLabel("Numéro de téléphone").fill(`06 ${digits.join(" ")}`);
  await page.getByRole("button", { name: "Confirmer ma réservation" }).click();
  await expect(page).toHaveURL(CONFIRMATION_URL);
  await expect(page.getByRole("region", { name: "Vos messages" })).toContainText("Pas d'e-mail : gardez votre carte");
  await scan();
});
