import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { queuedEmails, sessionSeats, sessionWithOneSeatLeft, withDb } from "./support/e2e-db";
import { tr } from "./support/i18n";

// The resident's whole journey: find a workshop, book the last seat, get the confirmation and the
// calendar file, a second resident joins the waiting list, the first cancels from the manage page
// after a confirmation step, and the second is promoted — with JavaScript on and off, by keyboard
// only, in French and in Arabic.

type Variant = { language: "fr" | "ar"; javaScript: boolean; keyboardOnly: boolean };

const variants: Variant[] = [
  { language: "fr", javaScript: true, keyboardOnly: true },
  { language: "fr", javaScript: false, keyboardOnly: false },
  { language: "ar", javaScript: true, keyboardOnly: false },
  { language: "ar", javaScript: false, keyboardOnly: true },
];

/** Moves the keyboard focus with Tab (at most 200 presses) until it is on `target`. */
async function tabTo(page: Page, target: Locator) {
  await expect(target).toBeVisible();
  const handle = await target.elementHandle();
  for (let i = 0; i < 200; i++) {
    if (await page.evaluate((el) => el === document.activeElement, handle)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

function actions(page: Page, keyboardOnly: boolean) {
  return {
    async activate(target: Locator) {
      if (!keyboardOnly) return target.click();
      await tabTo(page, target);
      await page.keyboard.press("Enter");
    },
    async type(target: Locator, text: string) {
      if (!keyboardOnly) return target.fill(text);
      await tabTo(page, target);
      await page.keyboard.type(text);
    },
    async check(target: Locator) {
      if (!keyboardOnly) return target.check();
      await tabTo(page, target);
      await page.keyboard.press("Space");
      await expect(target).toBeChecked();
    },
  };
}

for (const variant of variants) {
  const { language, javaScript, keyboardOnly } = variant;
  const label = `${language}, JavaScript ${javaScript ? "on" : "off"}${keyboardOnly ? ", keyboard only" : ""}`;

  test.describe(`resident journey (${label})`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test("find, book the last seat, waiting list, cancel, promotion", async ({ page, scan, request }) => {
      test.setTimeout(180_000);
      const t = (key: string, values?: Record<string, string | number>) => tr(language, key, values);
      const session = sessionWithOneSeatLeft();
      const run = `${language}${javaScript ? "js" : "nojs"}${Date.now().toString(36)}`;
      const first = { firstName: "Odette", lastName: `Journey${run}`, email: `odette-${run}@example.org` };
      const second = { firstName: "Marcel", lastName: `Journey${run}`, email: `marcel-${run}@example.org` };
      const act = actions(page, keyboardOnly);

      // Language, chosen on the home page like a resident would.
      await page.goto("/");
      await scan();
      if (language !== "fr") {
        // The language choices are folded in the header's disclosure.
        await act.activate(page.locator(".site-prefs > summary"));
        await act.activate(page.getByRole("button", { name: tr("fr", `common:language.names.${language}`) }));
        await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
        await scan();
      }

      // Find: the catalogue filtered on the place, then the session's card.
      await page.goto(`/ateliers?lieu=${session.placeSlug}`);
      await scan();
      await act.activate(page.locator(`a[href="/ateliers/${session.id}"]`).first());
      await expect(page).toHaveURL(new RegExp(`/ateliers/${session.id}$`));
      // A workshop translated into the page's language shows its translated title.
      const translated = withDb(
        (db) =>
          db
            .prepare(
              `SELECT t.title FROM WorkshopTranslation t JOIN Session s ON s.workshopId = t.workshopId
               WHERE s.id = ? AND t.locale = ?`,
            )
            .get(session.id, language) as { title: string } | undefined,
      );
      await expect(page.getByRole("heading", { level: 1 })).toContainText(translated?.title ?? session.title);
      await scan();

      // Book the last seat.
      await act.activate(page.getByRole("link", { name: t("catalogue:session.book") }).first());
      await scan();
      await act.type(page.getByLabel(t("forms:fields.firstName.label"), { exact: true }), first.firstName);
      await act.type(page.getByLabel(t("forms:fields.lastName.label"), { exact: true }), first.lastName);
      await act.type(page.getByLabel(t("forms:fields.email.label"), { exact: true }), first.email);
      await act.activate(page.getByRole("button", { name: t("booking:submit") }));

      await expect(page).toHaveURL(/\/reservation\/[\w-]+\?confirmation=1$/);
      await expect(page.getByRole("heading", { name: t("manage:confirmation.confirmedTitle") })).toBeVisible();
      await scan();
      const firstManageUrl = page.url().replace("?confirmation=1", "");
      expect(sessionSeats(session.id).seatsTaken).toBe(session.capacity);

      // The calendar file for the confirmed booking.
      const calendarHref = await page
        .getByRole("link", { name: t("manage:actions.addToCalendar") })
        .getAttribute("href");
      const calendar = await request.get(calendarHref!);
      expect(calendar.status()).toBe(200);
      expect(calendar.headers()["content-type"]).toContain("text/calendar");
      const ics = await calendar.text();
      expect(ics).toContain("BEGIN:VEVENT");
      const icsText = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`);
      expect(ics.replace(/\r\n[ \t]/g, "")).toContain(`SUMMARY:${icsText(session.title)}`);

      // A second resident finds the session full and joins the waiting list.
      await page.goto(`/ateliers/${session.id}`);
      await expect(page.getByText(t("catalogue:seats.full")).first()).toBeVisible();
      await scan();
      await act.activate(page.getByRole("link", { name: t("catalogue:session.joinWaitlist") }).first());
      await scan();
      await act.type(page.getByLabel(t("forms:fields.firstName.label"), { exact: true }), second.firstName);
      await act.type(page.getByLabel(t("forms:fields.lastName.label"), { exact: true }), second.lastName);
      await act.type(page.getByLabel(t("forms:fields.email.label"), { exact: true }), second.email);
      await act.activate(page.getByRole("button", { name: t("booking:submitWaitlist") }));
      await expect(page).toHaveURL(/\/reservation\/[\w-]+\?confirmation=1$/);
      await expect(page.getByRole("heading", { name: t("manage:confirmation.waitlistedTitle") })).toBeVisible();
      await expect(page.getByText(t("manage:confirmation.waitlistedBody", { position: 1 }))).toBeVisible();
      await scan();
      const secondManageUrl = page.url().replace("?confirmation=1", "");

      // The first resident cancels from the manage link, after a confirmation step.
      await page.goto(firstManageUrl);
      await scan();
      await act.activate(page.getByRole("link", { name: t("manage:actions.cancel") }));
      await expect(page.getByRole("heading", { name: t("manage:cancel.title") })).toBeVisible();
      await scan();
      await act.activate(page.getByRole("button", { name: t("manage:cancel.confirm") }));
      await expect(page).toHaveURL(/\?annulee=1$/);
      await expect(page.getByRole("heading", { name: t("manage:cancelled.justNowTitle") })).toBeVisible();
      await scan();

      // The second resident was promoted in the same transaction, and told so by email.
      await page.goto(secondManageUrl);
      await expect(page.getByText(t("manage:status.CONFIRMED")).first()).toBeVisible();
      await scan();
      expect(sessionSeats(session.id).seatsTaken).toBe(session.capacity);
      expect(queuedEmails(first.email).map((e) => e.kind)).toEqual(["booking-confirmed", "booking-cancelled"]);
      expect(queuedEmails(second.email).map((e) => e.kind)).toEqual(["booking-waitlisted", "booking-promoted"]);
      expect(new Set(queuedEmails(second.email).map((e) => e.locale))).toEqual(new Set([language]));
    });
  });
}
