import { expect, test } from "./fixtures";
import { claimUpcomingSession } from "./support/e2e-db";
import { tr } from "./support/i18n";

// A limit answers 429 with the form kept, in the resident's language: when to try again, in words,
// and the reception's phone. (The e2e server exempts loopback from the per-address limits, so these
// go through the per-contact ones.)

const BOOKINGS_PER_CONTACT = 10;

/** An upcoming single session whose place lists a phone, claimed so no other test books it meanwhile. */
function sessionWithPlacePhone(): { id: string; phone: string } {
  const session = claimUpcomingSession({ seatsLeft: 1, latest: true });
  return { id: session.id, phone: session.phone };
}

test.describe("rate limits, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("one booking too many with one email: 429, in Arabic, with when to try again and the place's phone", async ({
    page,
    request,
    scan,
  }) => {
    const session = sessionWithPlacePhone();
    const email = `limite-${Date.now().toString(36)}@example.org`;
    const form = { firstName: "Nadia", lastName: "Limite", email, preferredLanguage: "ar" };
    // The limit counts attempts: the first books, the next ones are "already booked" (409).
    for (let i = 0; i < BOOKINGS_PER_CONTACT; i++) {
      const response = await request.post(`/ateliers/${session.id}/reserver`, { form, maxRedirects: 0 });
      // 303: booked; 200: the neutral answer to a repeat (decision 010); 409: a refusal anyone would hear.
      expect([303, 200, 409]).toContain(response.status());
    }

    await page.goto("/");
    await scan();
    await page.locator(".site-prefs > summary").click(); // the choices are folded in the header
    await page.getByRole("button", { name: tr("fr", "common:language.names.ar") }).click();
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await page.goto(`/ateliers/${session.id}/reserver`);
    await scan();
    await page.getByLabel(tr("ar", "forms:fields.firstName.label"), { exact: true }).fill(form.firstName);
    await page.getByLabel(tr("ar", "forms:fields.lastName.label"), { exact: true }).fill(form.lastName);
    await page.getByLabel(tr("ar", "forms:fields.email.label"), { exact: true }).fill(email);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: tr("ar", "booking:submit") }).click(),
    ]);

    expect(response.status()).toBe(429);
    const retryAfter = Number(response.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(23 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    const when = new Intl.RelativeTimeFormat("ar", { numeric: "always" }).format(24, "hour");
    await expect(page.getByRole("alert")).toContainText(
      tr("ar", "rateLimit:booking", { when, phone: `\u2066${session.phone}\u2069` }),
    );
    await expect(page.getByLabel(tr("ar", "forms:fields.email.label"), { exact: true })).toHaveValue(email);
    await scan();
  });
});
