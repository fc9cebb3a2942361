import { expect, test } from "./fixtures";
import { startCaptureServer, type CaptureServer } from "./support/capture-server";
import { claimUpcomingSession } from "./support/e2e-db";
import { tr } from "./support/i18n";

// The demo shows its mail (issue 8): without SMTP_URL, a booking's confirmation is captured and
// readable from the same machine at /courrier, with its calendar invite. The main e2e server
// sends to the SMTP sink, so this spec starts a server of its own in capture mode.

const t = (key: string, values?: Record<string, string | number>) => tr("fr", key, values);

test.describe("a demo server without SMTP_URL", () => {
  // One capture server for these tests: they run one after the other, in one worker.
  test.describe.configure({ mode: "default" });
  let server: CaptureServer;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startCaptureServer();
  });
  test.afterAll(async () => server?.stop());

  test("a booking's confirmation, with its invite, shows in the local mail view", async ({ page, scan }) => {
    test.setTimeout(150_000);
    const session = claimUpcomingSession();
    const run = Date.now().toString(36);
    const email = `courrier-${run}@example.org`;

    await page.goto(`${server.url}/ateliers/${session.id}/reserver`);
    await scan();
    await page.getByLabel(t("forms:fields.firstName.label"), { exact: true }).fill("Germaine");
    await page.getByLabel(t("forms:fields.lastName.label"), { exact: true }).fill(`Courrier${run}`);
    await page.getByLabel(t("forms:fields.email.label"), { exact: true }).fill(email);
    await page.getByRole("button", { name: t("booking:submit") }).click();
    await expect(page.getByRole("heading", { name: t("manage:confirmation.confirmedTitle") })).toBeVisible();
    await scan();

    // The sender runs every 300 ms: the list shows the message once it is written.
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(async () => {
      await page.goto(`${server.url}/courrier`);
      await expect(row).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("mail:list.title"));
    await scan();

    await row.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/courrier/outbox\\.`));
    await expect(page.locator("dd").filter({ hasText: email })).toBeVisible();
    await expect(page.getByRole("heading", { name: t("mail:message.html") })).toBeVisible();
    const frame = page.frameLocator("iframe.local-mail-frame");
    await expect(frame.locator("body")).toContainText(session.title);
    await expect(page.locator(".local-mail-text")).toContainText(session.title);
    await scan();

    // The invite: an .ics attachment, downloadable, describing the workshop.
    const invite = page.getByRole("link", { name: /\.ics$/ });
    await expect(invite).toHaveCount(1);
    const download = await page.request.get(new URL((await invite.getAttribute("href"))!, server.url).href);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toContain("text/calendar");
    expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.ics"$/);
    const ics = await download.text();
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).toContain("END:VCALENDAR");

    // The outbox view lists it as sent, without any link in it.
    await page.goto(`${server.url}/courrier/envoi?etat=SENT`);
    const sent = page.getByRole("row").filter({ hasText: email });
    await expect(sent).toHaveCount(1);
    expect(await page.locator("main").innerHTML()).not.toMatch(/\/reservation\/|\/mes-reservations\/acces\//);
    await scan();
  });

  test("a failed email is listed with its error, and « send again » puts it back in line", async ({ page, scan }) => {
    const run = Date.now().toString(36);
    const recipient = `echec-${run}@example.org`;
    const id = `e2e-failed-${run}`;
    server.withDb((db) =>
      db
        .prepare(
          `INSERT INTO OutboxEmail (id, kind, recipient, locale, payload, dedupeKey, state, sendAfter, attempts,
             lastError, failedAt, createdAt, updatedAt)
           VALUES (?, 'reminder', ?, 'fr', '{}', ?, 'FAILED', ?, 6, 'Error: connect ECONNREFUSED 10.0.0.9:25', ?, ?, ?)`,
        )
        .run(id, recipient, `e2e:${id}`, Date.now(), Date.now(), Date.now(), Date.now()),
    );
    const state = () =>
      server.withDb(
        (db) => (db.prepare("SELECT state FROM OutboxEmail WHERE id = ?").get(id) as { state: string }).state,
      );

    await page.goto(`${server.url}/courrier/envoi?etat=FAILED`);
    const row = page.getByRole("row").filter({ hasText: recipient });
    await expect(row).toContainText("Error: connect ECONNREFUSED 10.0.0.9:25");
    await scan();
    await row.getByRole("button", { name: new RegExp(`^${t("mail:outbox.sendAgain")}`) }).click();
    await expect(page.getByRole("status")).toHaveText(t("mail:outbox.sentAgain"));
    await expect(page.getByRole("row").filter({ hasText: recipient })).toHaveCount(0);
    await scan();
    // Back in line, then taken by the running sender: sent, or dropped by the composer (no booking
    // behind this row) — out of FAILED either way.
    await expect.poll(state).not.toBe("FAILED");
    await expect.poll(state).not.toBe("PENDING");
  });
});

test("the mail view does not exist where mail goes to a real SMTP server", async ({ request }) => {
  // The main e2e server sends to the SMTP sink: there, /courrier is any unknown address.
  for (const path of ["/courrier", "/courrier/envoi", "/courrier/outbox.x/html", "/courrier/outbox.x/piece/0"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  expect((await request.post("/courrier/envoi", { form: { id: "x" } })).status()).toBe(404);
});
