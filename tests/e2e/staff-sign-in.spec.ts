import { createHmac } from "node:crypto";
import type { Browser, BrowserContext, Page, Response } from "@playwright/test";
import { E2E_SESSION_SECRET, e2eUrls } from "../../playwright.config";
import { expect, test } from "./fixtures";
import { sqlDate, withDb } from "./support/e2e-db";
import { tr } from "./support/i18n";
import { nextMatchSentTo } from "./support/smtp-sink";
import { createStaff, type TestStaff } from "./support/staff-db";

// Staff sign-in (issue 9), on a phone held upright: signing in and out (a copied cookie opens
// nothing afterwards), eleven wrong passwords in a row end in a 429 until the window ends, a
// password-reset link read from the email works once, an administrator ends someone's logins.
// Every account is made for its test: no other test meets its limits or its logins.

test.use({ viewport: { width: 390, height: 844 } });

const t = (key: string, values: Record<string, string | number> = {}) => tr("fr", `staff:${key}`, values);
const SIGN_IN = "/pro/connexion";
/** A page of the staff area this spec owns, to land on once signed in (« Mes ateliers » is another's). */
const SIGNED_IN_PAGE = "/pro/deconnexion";
const RESET_LINK = /\/pro\/mot-de-passe\/[\w-]{43}/;

function expectPrivate(response: Response | null) {
  expect(response?.headers()["cache-control"]).toBe("private, no-store");
}

/** Fills the sign-in form and sends it; the answer to the POST itself (its status, its headers). */
async function submitSignIn(page: Page, email: string, password: string): Promise<Response> {
  await page.getByLabel(t("signIn.email")).fill(email);
  await page.getByLabel(t("signIn.password")).fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith(SIGN_IN)),
    page.getByRole("button", { name: t("signIn.submit") }).click(),
  ]);
  // Without JavaScript the answer is a document: read whole before anything else happens (the
  // next submission would discard it before the axe fixture keeps it).
  if (response.request().isNavigationRequest()) {
    await response.finished();
    await page.waitForLoadState("load");
  }
  return response;
}

/** The signed-in page of SIGNED_IN_PAGE: the staff bar names who is signed in. */
async function expectSignedIn(page: Page, staff: TestStaff) {
  await expect(page).toHaveURL(new RegExp(`${SIGNED_IN_PAGE}$`));
  await expect(page.getByRole("navigation", { name: t("bar.label") })).toContainText(
    t("bar.signedInAs", { name: `${staff.firstName} ${staff.lastName}` }),
  );
}

/** A fresh browser holding only these cookies (a copied cookie), JavaScript on so axe can run. */
async function contextWith(browser: Browser, cookies: Awaited<ReturnType<BrowserContext["cookies"]>>) {
  const context = await browser.newContext({
    baseURL: e2eUrls.app,
    viewport: { width: 390, height: 844 },
    javaScriptEnabled: true,
  });
  await context.addCookies(cookies);
  return context;
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a trainer signs in and out; the copied cookie opens nothing afterwards", async ({ page, browser, scan }) => {
      const staff = createStaff(["TRAINER"]);
      const first = await page.goto(`${SIGN_IN}?redirectTo=${encodeURIComponent(SIGNED_IN_PAGE)}`);
      expectPrivate(first);
      await scan();
      await expect(page.getByRole("link", { name: t("signIn.forgotten") })).toBeVisible();

      // A wrong password first: refused beside the email, which is kept; the password is not.
      const refused = await submitSignIn(page, staff.email, "pas le bon");
      expect(refused.status()).toBe(400);
      expectPrivate(refused);
      await expect(page.getByRole("alert")).toContainText(t("signIn.errors.badCredentials"));
      await expect(page).toHaveTitle(/^Erreur : /);
      await expect(page.getByLabel(t("signIn.email"))).toHaveValue(staff.email);
      await expect(page.getByLabel(t("signIn.password"))).toHaveValue("");
      await expect(page.locator("main > :first-child")).toHaveClass(/error-summary/);
      await scan();

      const signedIn = await submitSignIn(page, staff.email, staff.password);
      if (!javaScriptEnabled) expect(signedIn.status()).toBe(303);
      await expectSignedIn(page, staff);
      await scan();
      const lastLogin = withDb(
        (db) => db.prepare(`SELECT lastLoginAt FROM StaffUser WHERE id = ?`).get(staff.id) as { lastLoginAt: string },
      );
      expect(lastLogin.lastLoginAt).not.toBeNull();

      const cookies = await page.context().cookies();
      await page
        .getByRole("navigation", { name: t("bar.label") })
        .getByRole("button", { name: t("bar.signOut") })
        .click();
      await expect(page).toHaveURL(/\/pro\/connexion\?info=deconnecte$/);
      await expect(page.getByRole("status")).toContainText(t("signIn.signedOut"));
      await scan();
      const audited = withDb(
        (db) =>
          db.prepare(`SELECT action FROM AuditLog WHERE entityId = ? ORDER BY at, id`).all(staff.id) as {
            action: string;
          }[],
      );
      expect(audited.map((row) => row.action)).toEqual(["staff.sign-in-failed", "staff.sign-in", "staff.sign-out"]);

      // The cookie as it was before signing out, in another browser: the login is over.
      const copy = await contextWith(browser, cookies);
      try {
        const elsewhere = await copy.newPage();
        await elsewhere.goto(SIGNED_IN_PAGE);
        await expect(elsewhere).toHaveURL(new RegExp(`${SIGN_IN}$`));
        await expect(elsewhere.getByRole("navigation", { name: t("bar.label") })).toHaveCount(0);
        await scan(elsewhere);
      } finally {
        await copy.close();
      }
    });

    test("a reset link from the email sets a new password once; the second use is refused", async ({ page, scan }) => {
      const staff = createStaff(["TRAINER"]);
      await page.goto(SIGN_IN);
      await scan();
      await page.getByRole("link", { name: t("signIn.forgotten") }).click();
      await expect(page).toHaveURL(/\/pro\/mot-de-passe-oublie$/);
      await scan();
      await page.getByLabel(t("forgotten.email")).fill(staff.email);
      const link = await nextMatchSentTo(staff.email, RESET_LINK, async () => {
        await page.getByRole("button", { name: t("forgotten.submit") }).click();
        await expect(page.getByRole("status")).toContainText(t("forgotten.sent"));
      });
      await scan();

      const opened = await page.goto(link);
      expectPrivate(opened);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("reset.title"));
      await scan();
      // Two different passwords: refused beside the confirmation, neither sent back.
      const newPassword = `nouvelle phrase ${javaScriptEnabled ? "on" : "off"} assez longue`;
      await page.getByLabel(t("reset.password"), { exact: true }).fill(newPassword);
      await page.getByLabel(t("reset.confirmation")).fill(`${newPassword} !`);
      await page.getByRole("button", { name: t("reset.submit") }).click();
      await expect(page.getByRole("alert")).toContainText(t("reset.errors.confirmationMismatch"));
      await expect(page.getByLabel(t("reset.password"), { exact: true })).toHaveValue(
        javaScriptEnabled ? newPassword : "",
      );
      await scan();

      await page.getByLabel(t("reset.password"), { exact: true }).fill(newPassword);
      await page.getByLabel(t("reset.confirmation")).fill(newPassword);
      await page.getByRole("button", { name: t("reset.submit") }).click();
      await expect(page).toHaveURL(/\/pro\/connexion\?info=mot-de-passe-change$/);
      await expect(page.getByRole("status")).toContainText(t("signIn.passwordChanged"));
      await scan();

      // The old password no longer opens; the new one does.
      await page.goto(`${SIGN_IN}?redirectTo=${encodeURIComponent(SIGNED_IN_PAGE)}`);
      await scan();
      expect((await submitSignIn(page, staff.email, staff.password)).status()).toBe(400);
      await submitSignIn(page, staff.email, newPassword);
      await expectSignedIn(page, staff);
      await scan();

      // The link again: spent.
      const again = await page.goto(link);
      expect(again?.status()).toBe(410);
      await expect(page.getByRole("alert")).toContainText(t("reset.errors.USED"));
      await scan();
      const reused = await page.request.post(link, {
        form: { password: "encore une autre phrase", confirmation: "encore une autre phrase" },
        maxRedirects: 0,
      });
      expect(reused.status()).toBe(410);
    });
  });
}

test.describe("eleven wrong passwords in a row", () => {
  test.use({ javaScriptEnabled: false });

  /** The key rate-limits.server.ts gives the email's failure counter: the rule's name and an HMAC. */
  const failureKey = (email: string) =>
    `sign-in-failures-per-email:${createHmac("sha256", E2E_SESSION_SECRET).update(email.toLowerCase()).digest("hex")}`;

  test("end in the rate-limit message with HTTP 429, even for the right password, until the window ends", async ({
    page,
    scan,
  }) => {
    const staff = createStaff(["TRAINER"]);
    await page.goto(`${SIGN_IN}?redirectTo=${encodeURIComponent(SIGNED_IN_PAGE)}`);
    await scan();
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await submitSignIn(page, staff.email, `faux ${attempt}`);
      expect(response.status(), `attempt ${attempt}`).toBe(400);
    }
    await scan();
    const eleventh = await submitSignIn(page, staff.email, "faux 11");
    expect(eleventh.status()).toBe(429);
    expectPrivate(eleventh);
    const retryAfter = Number(eleventh.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const when = new Intl.RelativeTimeFormat("fr", { numeric: "always" }).format(Math.ceil(retryAfter / 60), "minute");
    await expect(page.getByRole("alert")).toContainText(t("rateLimit.signIn", { when }));
    await expect(page.getByLabel(t("signIn.email"))).toHaveValue(staff.email);
    await scan();

    // Blocked: the right password too.
    expect((await submitSignIn(page, staff.email, staff.password)).status()).toBe(429);

    // The window ends (its row expires; nothing else changes).
    const ended = withDb(
      (db) =>
        db
          .prepare(`UPDATE RateLimit SET expire = ? WHERE key = ?`)
          .run(sqlDate(new Date(Date.now() - 1000)), failureKey(staff.email)).changes,
    );
    expect(ended).toBe(1);
    const accepted = await submitSignIn(page, staff.email, staff.password);
    expect(accepted.status()).toBe(303);
    await expectSignedIn(page, staff);
    await scan();
  });
});

for (const javaScriptEnabled of [false, true]) {
  test.describe(`an administrator, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("ends a trainer's logins from the team page; the trainer may not open it", async ({ page, browser, scan }) => {
      const admin = createStaff(["ADMIN"]);
      const trainer = createStaff(["TRAINER"]);

      // The trainer, signed in on a phone of their own.
      const phone = await contextWith(browser, []);
      try {
        const trainerPage = await phone.newPage();
        await trainerPage.goto(`${SIGN_IN}?redirectTo=${encodeURIComponent("/pro/equipe")}`);
        await scan(trainerPage);
        await submitSignIn(trainerPage, trainer.email, trainer.password);
        await expect(trainerPage.getByRole("heading", { level: 1 })).toHaveText(tr("fr", "errors:noAccess.title"));
        await scan(trainerPage);

        await page.goto(`${SIGN_IN}?redirectTo=${encodeURIComponent("/pro/equipe")}`);
        await scan();
        await submitSignIn(page, admin.email, admin.password);
        await expect(page).toHaveURL(/\/pro\/equipe$/);
        await expect(
          page.getByRole("navigation", { name: t("bar.label") }).getByRole("link", { name: t("bar.team") }),
        ).toBeVisible();
        await scan();
        const card = page.getByRole("listitem").filter({
          has: page.getByRole("heading", { name: `${trainer.firstName} ${trainer.lastName}` }),
        });
        await expect(card).toContainText(trainer.email);
        // The button says whose logins it ends, from the locale (visually hidden: the card shows it).
        const endLogins = card.getByRole("button", {
          name: `${t("team.endLogins")}${t("team.endLoginsOf", { name: `${trainer.firstName} ${trainer.lastName}` })}`,
          exact: true,
        });
        await endLogins.click();
        await expect(page.getByRole("status")).toContainText(
          t("team.ended_one", { count: 1, name: `${trainer.firstName} ${trainer.lastName}` }),
        );
        await scan();
        const audited = withDb(
          (db) =>
            db
              .prepare(`SELECT actorUserId FROM AuditLog WHERE entityId = ? AND action = 'staff.sessions-ended'`)
              .all(trainer.id) as { actorUserId: string }[],
        );
        expect(audited).toEqual([{ actorUserId: admin.id }]);

        // The trainer's phone is signed out.
        await trainerPage.goto(SIGNED_IN_PAGE);
        await expect(trainerPage).toHaveURL(new RegExp(`${SIGN_IN}$`));
        await scan(trainerPage);
      } finally {
        await phone.close();
      }
    });
  });
}

test("forged or broken posts to the sign-in pages get a 4xx or a redirect, never a 500", async ({ request }) => {
  const long = "x".repeat(5000);
  const posts: [string, Parameters<typeof request.post>[1]][] = [
    ["/pro/connexion", { data: "{}", headers: { "content-type": "application/json" } }],
    ["/pro/connexion", { form: { email: `${long}@example.org`, password: long } }],
    ["/pro/connexion", { form: { email: "a\u0000b@example.org", password: "x", redirectTo: "//ailleurs.example" } }],
    ["/pro/mot-de-passe-oublie", { form: {} }],
    ["/pro/mot-de-passe-oublie", { form: { email: `\u202e${long}` } }],
    [`/pro/mot-de-passe/${long}`, { form: { password: "p".repeat(20), confirmation: "p".repeat(20) } }],
    ["/pro/mot-de-passe/inconnu", { form: { password: "é".repeat(40), confirmation: "é".repeat(40) } }],
    [
      "/pro/mot-de-passe/inconnu",
      { form: { password: "une phrase assez longue", confirmation: "une phrase assez longue" } },
    ],
    ["/pro/equipe", { form: { userId: long } }],
    ["/pro/deconnexion", { form: {} }],
  ];
  for (const [path, options] of posts) {
    const response = await request.post(path, { ...options, maxRedirects: 0 });
    expect(response.status(), `POST ${path.slice(0, 40)}`).toBeGreaterThanOrEqual(300);
    expect(response.status(), `POST ${path.slice(0, 40)}`).toBeLessThan(500);
  }
  for (const path of [`/pro/mot-de-passe/${long}`, "/pro/mot-de-passe/%00", "/pro/equipe", "/pro"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), `GET ${path.slice(0, 40)}`).toBeGreaterThanOrEqual(300);
    expect(response.status(), `GET ${path.slice(0, 40)}`).toBeLessThan(500);
  }
});

test("a login ends by itself: the cookie is HttpOnly and lasts a working day, and an expired login opens nothing", async ({
  request,
}) => {
  const staff = createStaff(["TRAINER"]);
  const signedIn = await request.post(SIGN_IN, {
    form: { email: staff.email, password: staff.password, redirectTo: SIGNED_IN_PAGE },
    maxRedirects: 0,
  });
  expect(signedIn.status()).toBe(303);
  expect(signedIn.headers()["location"]).toBe(SIGNED_IN_PAGE);
  const cookie = signedIn.headers()["set-cookie"] ?? "";
  expect(cookie).toMatch(/^__staff=/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  expect(cookie).toMatch(/Max-Age=43200/i);
  expect((await request.get(SIGNED_IN_PAGE, { maxRedirects: 0 })).status()).toBe(200);

  // Twelve hours later (the row's end moved into the past; the browser would still send the cookie).
  withDb((db) =>
    db
      .prepare(`UPDATE AuthSession SET expiresAt = ? WHERE userId = ?`)
      .run(sqlDate(new Date(Date.now() - 1000)), staff.id),
  );
  const expired = await request.get(SIGNED_IN_PAGE, { maxRedirects: 0 });
  expect(expired.status()).toBe(303);
  expect(expired.headers()["location"]).toBe(SIGN_IN);
});
