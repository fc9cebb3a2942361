import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { sqlDate, withDb } from "./support/e2e-db";
import { createRoster, createStaff, type TestRoster, type TestStaff } from "./support/staff-db";

// A trainer prints the signature sheet on a phone-sized screen and downloads the roster's CSV.
test.use({ viewport: { width: 390, height: 844 } });

/** Signs in through the real form, from the page the staff member asked for. */
async function signInFrom(page: Page, path: string, staff: TestStaff, scan: () => Promise<void>) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/pro\/connexion\?redirectTo=/);
  await scan();
  await page.getByLabel("Adresse e-mail").fill(staff.email);
  await page.getByLabel("Mot de passe").fill(staff.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/**
 * The roster made readable for the sheet's order: booked learners renamed Zola, Bernard, Martin;
 * the second marked late; one walk-in, Abadie, whose first name is a spreadsheet formula.
 */
function sheetRoster(trainer: TestStaff): TestRoster & { walkIn: { id: string; lastName: string } } {
  const roster = createRoster({ trainerId: trainer.id, startsInMinutes: -30, booked: 3 });
  const suffix = roster.sessionId.slice(-8);
  const walkIn = { id: `${roster.sessionId}-walkin`, lastName: `Abadie${suffix}` };
  withDb((db) => {
    const now = sqlDate(new Date());
    db.transaction(() => {
      ["Zola", "Bernard", "Martin"].forEach((name, i) => {
        db.prepare(`UPDATE Person SET lastName = ? WHERE id = ?`).run(`${name}${suffix}`, roster.booked[i].id);
      });
      db.prepare(
        `INSERT INTO Attendance (id, sessionId, personId, bookingId, status, isWalkIn, markedById, markedAt, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, 'LATE', 0, ?, ?, ?, ?)`,
      ).run(
        `${roster.sessionId}-a2`,
        roster.sessionId,
        roster.booked[1].id,
        roster.booked[1].bookingId,
        trainer.id,
        now,
        now,
        now,
      );
      db.prepare(
        `INSERT INTO Person (id, firstName, lastName, nameKey, preferredLanguage, lastActivityAt, createdAt, updatedAt)
         VALUES (?, '=2+3', ?, ?, 'fr', ?, ?, ?)`,
      ).run(walkIn.id, walkIn.lastName, `=2+3 ${walkIn.lastName}`.toLowerCase(), now, now, now);
      db.prepare(
        `INSERT INTO Attendance (id, sessionId, personId, status, isWalkIn, markedById, markedAt, createdAt, updatedAt)
         VALUES (?, ?, ?, 'PRESENT', 1, ?, ?, ?, ?)`,
      ).run(`${roster.sessionId}-a4`, roster.sessionId, walkIn.id, trainer.id, now, now, now);
      db.prepare(`UPDATE Session SET seatsTaken = seatsTaken + 1 WHERE id = ?`).run(roster.sessionId);
      db.prepare(
        `INSERT INTO AnonymousVisit (id, sessionId, count, recordedById, requestKey, createdAt) VALUES (?, ?, 2, ?, ?, ?)`,
      ).run(`${roster.sessionId}-v1`, roster.sessionId, trainer.id, `${roster.sessionId}-k1`, now);
    })();
  });
  return { ...roster, walkIn };
}

test("a trainer prints the signature sheet of her session and downloads its roster", async ({ page, scan }) => {
  const trainer = createStaff(["TRAINER"]);
  const roster = sheetRoster(trainer);
  const suffix = roster.sessionId.slice(-8);
  const sheetPath = `/pro/ateliers/${roster.sessionId}/emargement`;

  await signInFrom(page, sheetPath, trainer, scan);
  await expect(page).toHaveURL(sheetPath);
  await expect(page.getByRole("heading", { level: 1, name: "Feuille d'émargement" })).toBeVisible();
  await scan();

  await expect(page.getByText(roster.workshopTitle).first()).toBeVisible();
  await expect(page.getByText(`${trainer.firstName} ${trainer.lastName}`, { exact: true })).toBeVisible();
  await expect(page.getByText("8 places", { exact: true })).toBeVisible();
  // The table scrolls sideways inside a named, focusable region on a narrow screen.
  const region = page.getByRole("region", { name: "Participants" });
  await expect(region).toHaveAttribute("tabindex", "0");

  const rows = page.locator(".sheet-table tbody tr[data-person]");
  await expect(rows).toHaveCount(4);
  const cells = async (i: number) => (await rows.nth(i).locator("td").allInnerTexts()).map((c) => c.trim());
  expect(await cells(0)).toEqual(["1", `Bernard${suffix}`, "Apprenant2", expect.any(String), "En retard", ""]);
  expect((await cells(1)).slice(0, 3)).toEqual(["2", `Martin${suffix}`, "Apprenant3"]);
  expect((await cells(2)).slice(0, 3)).toEqual(["3", `Zola${suffix}`, "Apprenant1"]);
  expect(await cells(3)).toEqual(["4", roster.walkIn.lastName, "=2+3", "", "Présent·e", ""]);
  expect((await cells(1))[4]).toBe("");
  await expect(page.getByRole("columnheader", { name: "Signature" })).toBeVisible();
  await expect(page.locator(".sheet-table tbody tr.sheet-blank")).toHaveCount(8);
  await expect(page.getByText("Signature du conseiller numérique")).toBeVisible();
  await expect(page.locator(".sheet-footer").getByText("Fabriques de territoires")).toBeVisible();
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeVisible();
  await expect(page.getByText("2 personnes accueillies sans donner leur nom.")).toBeVisible();

  // On paper: no site header, no staff bar, no buttons; the table and the footer remain.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.locator(".staff-bar")).toBeHidden();
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeHidden();
  await expect(page.locator(".sheet-table")).toBeVisible();
  await expect(rows.first()).toBeVisible();
  await expect(page.getByText("Signature du conseiller numérique")).toBeVisible();
  await expect(page.locator(".sheet-footer").getByText("Fabriques de territoires")).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator(".staff-bar")).toBeVisible();

  const response = await page.request.get(`/pro/ateliers/${roster.sessionId}/liste.csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(
    /^attachment; filename="emargement-\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.csv"$/,
  );
  expect(response.headers()["cache-control"]).toContain("no-store");
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = body.subarray(3).toString("utf8").split("\r\n");
  expect(lines[0]).toBe("Nom;Prénom;Téléphone;E-mail;Commune;Source;Présence;Accueil sans réservation");
  expect(lines[1]).toMatch(
    new RegExp(`^Bernard${suffix};Apprenant2;06 \\d\\d \\d\\d \\d\\d \\d\\d;;[^;]*;En ligne;En retard;Non$`),
  );
  expect(lines[4]).toBe(`${roster.walkIn.lastName};'=2+3;;;;;Présent·e;Oui`);
  expect(lines).toHaveLength(6);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the sheet is the same page, printed from the browser's menu", async ({ page, scan }) => {
    const trainer = createStaff(["TRAINER"]);
    const roster = sheetRoster(trainer);
    await signInFrom(page, `/pro/ateliers/${roster.sessionId}/emargement`, trainer, scan);
    await expect(page.getByRole("heading", { level: 1, name: "Feuille d'émargement" })).toBeVisible();
    await scan();
    await expect(page.locator(".sheet-table tbody tr[data-person]")).toHaveCount(4);
    await expect(page.getByRole("button", { name: "Imprimer" })).toHaveCount(0);
    await expect(page.getByText("utilisez aussi le menu « Imprimer » de votre navigateur")).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".staff-bar")).toBeHidden();
    await expect(page.locator(".sheet-table")).toBeVisible();
  });
});

test("another trainer gets 403 for both the sheet and the CSV", async ({ page, scan }) => {
  const owner = createStaff(["TRAINER"]);
  const roster = createRoster({ trainerId: owner.id, booked: 2 });
  const stranger = createStaff(["TRAINER"]);
  const sheetPath = `/pro/ateliers/${roster.sessionId}/emargement`;

  await signInFrom(page, sheetPath, stranger, scan);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Accès refusé/);
  await scan();
  await expect(page.getByText(roster.booked[0].lastName)).toHaveCount(0);
  const again = await page.goto(sheetPath);
  expect(again?.status()).toBe(403);
  await scan();

  const csv = await page.request.get(`/pro/ateliers/${roster.sessionId}/liste.csv`);
  expect(csv.status()).toBe(403);
  expect(await csv.text()).not.toContain(roster.booked[0].lastName);
});
