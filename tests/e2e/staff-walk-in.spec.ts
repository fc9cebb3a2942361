// A trainer, phone in hand, adds the people who came without booking: someone already known
// (found by an accent-less name or a phone written another way: no second record), someone new,
// someone beyond the room's capacity (with a reason), and a head count of visitors without a name.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";

import { nameKey } from "../../app/domain/people/name-key";
import { expect, test } from "./fixtures";
import { sqlDate, withDb } from "./support/e2e-db";
import { createRoster, createStaff, type TestStaff } from "./support/staff-db";

test.use({ viewport: { width: 390, height: 844 } });

/** Letters only, so that the name is a name (digits would read as a phone in the search). */
const letters = () => [...randomBytes(6)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("");

/** A random French mobile number in a block that exists (06 7x…: libphonenumber knows every one valid). */
const mobile = () => `+3367${[...randomBytes(7)].map((b) => b % 10).join("")}`;

/** Someone the service already knows, with an accented name and a phone, written as the booking form would. */
function insertKnownPerson(firstName: string, lastName: string, phone: string): string {
  const id = `e2e-walkin-${letters()}`;
  const now = sqlDate(new Date());
  const national = `0${phone.slice(3, 4)} ${phone.slice(4).replace(/(\d\d)(?=\d)/g, "$1 ")}`;
  withDb((db) =>
    db
      .prepare(
        `INSERT INTO Person (id, firstName, lastName, nameKey, phone, phoneNormalized, birthYear, preferredLanguage, lastActivityAt, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, ?, 1948, 'fr', ?, ?, ?)`,
      )
      .run(id, firstName, lastName, nameKey(firstName, lastName), national, phone, now, now, now),
  );
  return id;
}

const peopleNamed = (key: string) =>
  withDb((db) => (db.prepare(`SELECT COUNT(*) AS n FROM Person WHERE nameKey = ?`).get(key) as { n: number }).n);

const walkInOf = (sessionId: string, personId: string) =>
  withDb(
    (db) =>
      db
        .prepare(
          `SELECT status, isWalkIn, bookingId, capacityOverrideReason FROM Attendance WHERE sessionId = ? AND personId = ?`,
        )
        .get(sessionId, personId) as
        | { status: string; isWalkIn: number; bookingId: string | null; capacityOverrideReason: string | null }
        | undefined,
  );

async function signIn(page: Page, scan: (page?: Page) => Promise<void>, staff: TestStaff, to: string) {
  await page.goto(`/pro/connexion?${new URLSearchParams({ redirectTo: to })}`);
  await scan();
  await page.getByLabel("Adresse e-mail").fill(staff.email);
  await page.getByLabel("Mot de passe").fill(staff.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(new RegExp(`${to}$`));
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`walk-ins ${javaScriptEnabled ? "with" : "without"} JavaScript`, () => {
    test.use({ javaScriptEnabled });

    test("adds a known person without a duplicate, a new person, one beyond capacity with a reason, and a head count", async ({
      page,
      scan,
    }) => {
      const staff = createStaff(["TRAINER"]);
      // Three booked, two seats left: the known person and the new one fill the room.
      const roster = createRoster({ trainerId: staff.id, startsInMinutes: 0, capacity: 5, booked: 3 });
      const path = `/pro/ateliers/${roster.sessionId}/arrivee`;
      const family = `Bérénger-${letters()}`;
      const helenePhone = mobile();
      const helene = insertKnownPerson("Hélène", family, helenePhone);
      const latePhone = mobile();
      const late = insertKnownPerson("Jérôme", `Lévêque-${letters()}`, latePhone);

      await signIn(page, scan, staff, path);
      await scan();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ajouter une personne venue sans réservation");
      await expect(page.getByText("Places occupées : 3 sur 5.")).toBeVisible();

      // 1. Found without accents (JS on) or by the phone written another way (JS off).
      const search = page.getByRole("searchbox", { name: "Prénom et nom, téléphone ou e-mail" });
      const query = javaScriptEnabled
        ? `helene ${family.toUpperCase().normalize("NFD").replace(/\p{M}/gu, "")}`
        : `0${helenePhone.slice(3, 4)}.${helenePhone.slice(4).replace(/(\d\d)(?=\d)/g, "$1.")}`;
      await search.fill(query);
      await page.getByRole("button", { name: "Chercher" }).click();
      const results = page.getByRole("list", { name: /Personnes trouvées/ });
      await expect(results).toBeVisible();
      // Sent as a POST: a name or a phone typed here never sits in the address (nor the history).
      expect(new URL(page.url()).search).toBe("");
      await scan();
      await expect(results.getByRole("listitem")).toHaveCount(1);
      // The phone search did not type the last name: only its initial is shown.
      await expect(results).toContainText(javaScriptEnabled ? `Hélène ${family}` : "Hélène B.");
      await expect(results).toContainText("70 ans et plus");
      await results.getByRole("button", { name: /^Ajouter Hélène/ }).click();
      await expect(page.getByRole("status")).toContainText("est ajouté·e à la liste, présent·e.");
      await scan();
      expect(peopleNamed(nameKey("Hélène", family))).toBe(1);
      expect(walkInOf(roster.sessionId, helene)).toEqual({
        status: "PRESENT",
        isWalkIn: 1,
        bookingId: null,
        capacityOverrideReason: null,
      });

      // 2. A new person: the form first says what is missing, then creates one record.
      await page.getByRole("button", { name: "Créer et ajouter à la liste" }).click();
      await expect(page.getByRole("alert")).toContainText("Indiquez le prénom.");
      await expect(page.getByRole("alert")).toContainText("Indiquez le nom.");
      await expect(page).toHaveTitle(/^Erreur : /);
      await scan();
      const newcomer = { firstName: "Gérard", lastName: `Nouveau-${letters()}` };
      await page.getByLabel("Prénom", { exact: true }).fill(newcomer.firstName);
      await page.getByLabel("Nom", { exact: true }).fill(newcomer.lastName);
      await page.getByLabel("Téléphone (facultatif)").fill(mobile().replace("+33", "0"));
      await page.getByLabel("Tranche d'âge (facultatif)").first().selectOption({ label: "De 60 à 69 ans" });
      await page.getByRole("button", { name: "Créer et ajouter à la liste" }).click();
      await expect(page.getByRole("status")).toContainText(`Gérard ${newcomer.lastName} est ajouté·e à la liste`);
      await scan();
      expect(peopleNamed(nameKey(newcomer.firstName, newcomer.lastName))).toBe(1);
      await expect(page.getByText("Places occupées : 5 sur 5.")).toBeVisible();

      // 3. The room is full, and the « new » person is someone known: the same phone and first
      // name lead to the existing record, and then, the room being full, to a reason, logged.
      await page.getByLabel("Prénom", { exact: true }).fill("Jerome");
      await page.getByLabel("Nom", { exact: true }).fill("Leveque");
      await page.getByLabel("Téléphone (facultatif)").fill(latePhone.replace("+33", "0"));
      await page.getByRole("button", { name: "Créer et ajouter à la liste" }).click();
      const candidates = page.locator(".walkin-duplicates");
      await expect(candidates.getByRole("heading")).toHaveText("Cette personne est peut-être déjà connue");
      await expect(candidates).toContainText("Jérôme L.");
      await expect(candidates.getByRole("button", { name: /C'est une autre personne/ })).toHaveCount(0);
      await scan();
      // Each « C'est cette personne » has its own one-time key, not the create form's.
      const createKey = await page.locator('.walkin-create input[name="requestKey"]').inputValue();
      const candidateKey = await candidates.locator('input[name="requestKey"]').first().inputValue();
      expect(candidateKey).not.toBe(createKey);
      await candidates.getByRole("button", { name: "C'est cette personne : Jérôme L." }).click();
      const pending = page.getByRole("form", { name: "L'atelier est complet" });
      await expect(pending).toBeVisible();
      await scan();
      await pending.getByRole("button", { name: "Ajouter quand même" }).click();
      await expect(page.getByRole("alert")).toContainText("Indiquez pourquoi vous ajoutez cette personne");
      await scan();
      await page.locator("#pending-reason").fill("Une chaise en plus, il a sa tablette");
      await page.getByRole("button", { name: "Ajouter quand même" }).click();
      await expect(page.getByRole("status")).toContainText("au-delà des places prévues");
      await scan();
      expect(walkInOf(roster.sessionId, late)?.capacityOverrideReason).toBe("Une chaise en plus, il a sa tablette");
      expect(peopleNamed(nameKey("Jerome", "Leveque"))).toBe(0);
      const overrides = withDb(
        (db) =>
          db
            .prepare(`SELECT actorUserId FROM AuditLog WHERE action = 'session.capacity-override' AND entityId = ?`)
            .all(roster.sessionId) as { actorUserId: string }[],
      );
      expect(overrides).toEqual([{ actorUserId: staff.id }]);

      // A reason typed for a full room stays in its field when the form is refused for a name.
      await page.getByLabel("Prénom", { exact: true }).fill("");
      await page.getByLabel("Nom", { exact: true }).fill("");
      await page.locator("#create-reason").fill("Elle attend sa fille");
      await page.getByRole("button", { name: "Créer et ajouter à la liste" }).click();
      await expect(page.getByRole("alert")).toContainText("Indiquez le prénom.");
      await expect(page.locator("#create-reason")).toHaveValue("Elle attend sa fille");
      await scan();

      // 4. Visitors who gave no name: counted, shown in the running total, no seat taken.
      await page.getByLabel("Nombre de personnes").fill("3");
      await page.getByLabel("Tranche d'âge (facultatif)").last().selectOption({ label: "70 ans et plus" });
      await page.getByRole("button", { name: "Enregistrer" }).click();
      await expect(page.getByText("Total pour cet atelier : 3 personnes")).toBeVisible();
      await scan();
      const visits = withDb(
        (db) =>
          db.prepare(`SELECT SUM(count) AS n FROM AnonymousVisit WHERE sessionId = ?`).get(roster.sessionId) as {
            n: number;
          },
      );
      expect(visits.n).toBe(3);
      await expect(page.getByText("Places occupées : 6 sur 5.")).toBeVisible();
    });
  });
}

test("forged and broken posts get a 4xx with words, never a 500, and write nothing", async ({ page, scan }) => {
  const staff = createStaff(["TRAINER"]);
  const roster = createRoster({ trainerId: staff.id, startsInMinutes: 0, capacity: 5, booked: 1 });
  const path = `/pro/ateliers/${roster.sessionId}/arrivee`;
  await signIn(page, scan, staff, path);
  await scan();
  const key = "forgedforgedforgedforged";
  const post = (form: Record<string, string>) => page.request.post(path, { form, maxRedirects: 0 });

  const answers = await Promise.all([
    post({}),
    post({ intent: "add", requestKey: "short" }),
    post({ intent: "add", requestKey: `${key}:a`, personId: "nobody", pick: "0".repeat(64) }),
    post({ intent: "add", requestKey: `${key}:b`, personId: "x".repeat(5000) }),
    post({ intent: "create", requestKey: `${key}:c`, firstName: "A".repeat(5000), lastName: "", ageBand: "OLD" }),
    post({ intent: "create", requestKey: `${key}:d`, firstName: "Ana", lastName: "Forge", communeId: "nowhere" }),
    post({ intent: "count", requestKey: `${key}:e`, count: "999" }),
    post({ intent: "count", requestKey: `${key}:f`, count: "-1", communeId: "nowhere" }),
    post({ intent: "erase", requestKey: `${key}:g` }),
  ]);
  expect(answers.map((a) => a.status())).toEqual([400, 400, 400, 400, 400, 400, 400, 400, 400]);

  // Someone never shown to this trainer: a bare id, or one with another session's signature, is
  // refused before anything about them is read — no name in the answer, nothing written.
  const stranger = insertKnownPerson("Solange", `Inconnue-${letters()}`, mobile());
  for (const pick of [undefined, "a".repeat(64)]) {
    const refused = await post({
      intent: "add",
      requestKey: `${key}:${pick ? "i" : "h"}`,
      personId: stranger,
      reason: "x".repeat(400),
      ...(pick ? { pick } : {}),
    });
    expect(refused.status()).toBe(400);
    expect(await refused.text()).not.toContain("Solange");
  }
  const searched = await page.request.get(`${path}?q=${"%25".repeat(3000)}&ajout=${"z".repeat(500)}`);
  expect(searched.status()).toBe(200);
  const tooLong = await post({ intent: "search", q: "%".repeat(5000) });
  expect(tooLong.status()).toBe(400);
  const written = withDb(
    (db) =>
      db
        .prepare(
          `SELECT (SELECT COUNT(*) FROM Attendance WHERE sessionId = ?) + (SELECT COUNT(*) FROM AnonymousVisit WHERE sessionId = ?) AS n`,
        )
        .get(roster.sessionId, roster.sessionId) as { n: number },
  );
  expect(written.n).toBe(0);
});

test.describe("a namesake", () => {
  test.use({ javaScriptEnabled: false });

  test("is created as another person only after « C'est une autre personne »", async ({ page, scan }) => {
    const staff = createStaff(["TRAINER"]);
    const roster = createRoster({ trainerId: staff.id, startsInMinutes: 0, capacity: 5, booked: 1 });
    const path = `/pro/ateliers/${roster.sessionId}/arrivee`;
    const family = `Marçal-${letters()}`;
    insertKnownPerson("Hélène", family, mobile());
    await signIn(page, scan, staff, path);
    await scan();

    await page.getByLabel("Prénom", { exact: true }).fill("Helene");
    await page.getByLabel("Nom", { exact: true }).fill(family.replace("ç", "c"));
    await page.getByLabel("Téléphone (facultatif)").fill(mobile());
    await page.getByRole("button", { name: "Créer et ajouter à la liste" }).click();
    const candidates = page.locator(".walkin-duplicates");
    await expect(candidates).toContainText("Même prénom et même nom");
    // The trainer typed the whole name: it is shown whole, to compare with the commune and age.
    await expect(candidates).toContainText(`Hélène ${family}`);
    await scan();
    expect(peopleNamed(nameKey("Hélène", family))).toBe(1);

    await candidates.getByRole("button", { name: "C'est une autre personne : créer sa fiche" }).click();
    await expect(page.getByRole("status")).toContainText("est ajouté·e à la liste");
    await scan();
    expect(peopleNamed(nameKey("Hélène", family))).toBe(2);
  });
});

test.describe("someone on the waiting list", () => {
  test.use({ javaScriptEnabled: false });

  test("added as a walk-in: the page says their waiting-list booking is cancelled", async ({ page, scan }) => {
    const staff = createStaff(["TRAINER"]);
    const roster = createRoster({ trainerId: staff.id, startsInMinutes: 0, capacity: 5, booked: 1, waitlisted: 1 });
    const [waiting] = roster.waitlisted;
    const path = `/pro/ateliers/${roster.sessionId}/arrivee`;
    await signIn(page, scan, staff, path);
    await scan();
    await page.getByRole("searchbox", { name: "Prénom et nom, téléphone ou e-mail" }).fill(waiting.phone);
    await page.getByRole("button", { name: "Chercher" }).click();
    const results = page.getByRole("list", { name: /Personnes trouvées/ });
    await expect(results).toContainText("Sur la liste d'attente de cet atelier");
    await scan();
    await results.getByRole("button", { name: /^Ajouter Apprenant/ }).click();
    await expect(page.getByRole("status")).toContainText(
      "Sa réservation en liste d'attente pour cet atelier est annulée",
    );
    await scan();
    const rows = withDb(
      (db) =>
        db
          .prepare(
            `SELECT b.status, b.cancelledBy, s.waitlistCount FROM Booking b JOIN Session s ON s.id = b.sessionId WHERE b.id = ?`,
          )
          .get(waiting.bookingId) as { status: string; cancelledBy: string; waitlistCount: number },
    );
    expect(rows).toEqual({ status: "CANCELLED", cancelledBy: "STAFF", waitlistCount: 0 });
    expect(walkInOf(roster.sessionId, waiting.id)?.isWalkIn).toBe(1);
  });
});
