// The trainer's day from end to end, on a phone, with JavaScript on and off (issue 9's
// acceptance): sign in, open today's session from « Mes ateliers », mark the roster, welcome a
// walk-in already known (no second record) and a new one, record skill levels, print the
// signature sheet, sign out. Each step goes through the links a trainer would tap; the specs
// staff-roster, staff-walk-in, staff-skills, staff-sheet and staff-sign-in test each page in depth.
import { randomBytes } from "node:crypto";

import { nameKey } from "../../app/domain/people/name-key";
import { expect, test } from "./fixtures";
import { sqlDate, withDb } from "./support/e2e-db";
import { attendanceOf, createRoster, createStaff } from "./support/staff-db";

test.use({ viewport: { width: 390, height: 844 } });

const letters = () => [...randomBytes(6)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("");

const peopleNamed = (key: string) =>
  withDb((db) => (db.prepare(`SELECT COUNT(*) AS n FROM Person WHERE nameKey = ?`).get(key) as { n: number }).n);

const assessmentsAt = (sessionId: string) =>
  withDb(
    (db) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM SkillAssessment WHERE sessionId = ?`).get(sessionId) as { n: number }).n,
  );

for (const javaScriptEnabled of [true, false]) {
  test.describe(`a trainer's day ${javaScriptEnabled ? "with" : "without"} JavaScript`, () => {
    test.use({ javaScriptEnabled });

    test("signs in, marks the roster, adds a known and a new walk-in, records skills, prints the sheet, signs out", async ({
      page,
      scan,
    }) => {
      // Seven pages, each scanned by axe: three times the usual time on a busy machine.
      test.slow();
      const trainer = createStaff(["TRAINER"]);
      const roster = createRoster({ trainerId: trainer.id, startsInMinutes: -15, capacity: 6, booked: 2 });
      const [first, second] = roster.booked;
      const known = { firstName: "Hélène", lastName: `Dupré-${letters()}` };
      const knownId = `e2e-journey-${letters()}`;
      withDb((db) => {
        const now = sqlDate(new Date());
        db.prepare(
          `INSERT INTO Person (id, firstName, lastName, nameKey, preferredLanguage, lastActivityAt, createdAt, updatedAt)
           VALUES (?, ?, ?, ?, 'fr', ?, ?, ?)`,
        ).run(knownId, known.firstName, known.lastName, nameKey(known.firstName, known.lastName), now, now, now);
      });

      // Sign in from the footer's « Espace professionnels ».
      await page.goto("/");
      await scan();
      await page.getByRole("link", { name: "Espace professionnels" }).click();
      await scan();
      await page.getByLabel("Adresse e-mail").fill(trainer.email);
      await page.getByLabel("Mot de passe").fill(trainer.password);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Mes ateliers" })).toBeVisible();
      await scan();

      // Today's session, then its roster: one tap per person.
      await page.getByRole("region", { name: "Aujourd'hui" }).getByRole("link", { name: roster.workshopTitle }).click();
      await expect(page.getByRole("heading", { level: 1, name: roster.workshopTitle })).toBeVisible();
      await scan();
      for (const [person, label] of [
        [first, "Présent"],
        [second, "Absent"],
      ] as const) {
        const group = page.getByRole("group", { name: `Présence de ${person.firstName} ${person.lastName}` });
        await group.getByRole("button", { name: label, exact: true }).click();
        await expect(group.getByText(`Noté : ${label}`)).toBeVisible();
        if (!javaScriptEnabled) await scan();
      }
      // With JavaScript the pressed button shows before the server answers: wait for the rows.
      await expect.poll(() => attendanceOf(roster.sessionId).map((a) => a.status)).toEqual(["PRESENT", "ABSENT"]);

      // A walk-in already known, found without accents: no second record.
      await page.getByRole("link", { name: "Accueillir une personne sans inscription" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ajouter une personne venue sans réservation");
      await scan();
      await page
        .getByRole("searchbox", { name: "Prénom et nom, téléphone ou e-mail" })
        .fill(`helene ${known.lastName.replace("é", "e").toUpperCase()}`);
      await page.getByRole("button", { name: "Chercher" }).click();
      await expect(page.getByRole("list", { name: /Personnes trouvées/ })).toBeVisible();
      await scan();
      await page.getByRole("button", { name: /^Ajouter Hélène/ }).click();
      await expect(page.getByRole("status")).toContainText("est ajouté·e à la liste, présent·e.");
      await scan();
      expect(peopleNamed(nameKey(known.firstName, known.lastName))).toBe(1);

      // A new walk-in.
      const newcomer = { firstName: "Gérard", lastName: `Nouveau-${letters()}` };
      await page.getByLabel("Prénom", { exact: true }).fill(newcomer.firstName);
      await page.getByLabel("Nom", { exact: true }).fill(newcomer.lastName);
      await page.getByRole("button", { name: "Créer et ajouter à la liste" }).click();
      await expect(page.getByRole("status")).toContainText(`Gérard ${newcomer.lastName} est ajouté·e à la liste`);
      await scan();
      expect(peopleNamed(nameKey(newcomer.firstName, newcomer.lastName))).toBe(1);
      const marks = attendanceOf(roster.sessionId);
      expect(marks.filter((mark) => mark.isWalkIn === 1)).toHaveLength(2);
      expect(marks.find((mark) => mark.personId === knownId)).toMatchObject({ status: "PRESENT", isWalkIn: 1 });

      // Skills: back to the roster, then the skills page; one level for the person present.
      await page.getByRole("link", { name: "Voir la liste de l'atelier" }).click();
      await scan();
      await page.getByRole("link", { name: "Compétences travaillées" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Progrès des participants" })).toBeVisible();
      await scan();
      const card = page
        .getByRole("region", { name: `${first.firstName} ${first.lastName}` })
        .getByRole("form")
        .first();
      await card.getByRole("button", { name: "Accompagné", exact: true }).click();
      await expect(card.getByRole("button", { name: "Accompagné", exact: true })).toHaveAttribute(
        "aria-pressed",
        "true",
      );
      if (!javaScriptEnabled) await scan();
      await expect.poll(() => assessmentsAt(roster.sessionId)).toBe(1);

      // The signature sheet, as printed: everyone on it, the bars hidden.
      await page.goto(`/pro/ateliers/${roster.sessionId}`);
      await scan();
      await page.getByRole("link", { name: "Feuille d'émargement à imprimer" }).click();
      await scan();
      const sheet = page.getByRole("table");
      for (const name of [first.lastName, second.lastName, known.lastName, newcomer.lastName]) {
        await expect(sheet).toContainText(name);
      }
      await page.emulateMedia({ media: "print" });
      await expect(page.locator(".staff-bar")).toBeHidden();
      await expect(sheet).toBeVisible();
      await page.emulateMedia({ media: "screen" });

      // Sign out: the staff pages ask for a sign-in again.
      await page.getByRole("button", { name: "Se déconnecter" }).click();
      await expect(page).toHaveURL(/\/pro\/connexion/);
      await scan();
      await page.goto(`/pro/ateliers/${roster.sessionId}`);
      await expect(page).toHaveURL(/\/pro\/connexion\?redirectTo=/);
      await expect(page.getByText(first.lastName)).toHaveCount(0);
      await scan();
    });
  });
}
