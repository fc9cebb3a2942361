// Skill progress on a phone (issue 9): a trainer opens the page of a session under way, sees the
// level a learner's last assessment left, records a new one with a comment, with JavaScript on
// and off; the history keeps both rows.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { sqlDate, withDb } from "./support/e2e-db";
import { createRoster, createStaff, type TestRoster, type TestStaff } from "./support/staff-db";

test.use({ viewport: { width: 390, height: 844 } });

type Skill = { id: string; label: string; statement: string };
const DAY = 24 * 60 * 60 * 1000;

/**
 * A fresh trainer and a session that began half an hour ago: its first learner marked present with
 * an earlier assessment of the first target skill, the second late, the third not marked yet.
 */
function scene() {
  const trainer = createStaff(["TRAINER"]);
  const roster = createRoster({ trainerId: trainer.id, startsInMinutes: -30, booked: 3 });
  const [present, late] = roster.booked;
  const skills = withDb((db) => {
    const now = sqlDate(new Date());
    const targetSkills = db
      .prepare(
        `SELECT s.id, s.label, s.statement FROM WorkshopSkill ws JOIN Skill s ON s.id = ws.skillId
         WHERE ws.workshopId = ? ORDER BY s.position, s.code`,
      )
      .all(roster.workshopId) as Skill[];
    db.transaction(() => {
      const mark = db.prepare(
        `INSERT INTO Attendance (id, sessionId, personId, bookingId, status, isWalkIn, markedById, markedAt, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
      );
      mark.run(
        `${present.bookingId}-a`,
        roster.sessionId,
        present.id,
        present.bookingId,
        "PRESENT",
        trainer.id,
        now,
        now,
        now,
      );
      mark.run(`${late.bookingId}-a`, roster.sessionId, late.id, late.bookingId, "LATE", trainer.id, now, now, now);
      const tenDaysAgo = sqlDate(new Date(Date.now() - 10 * DAY));
      db.prepare(
        `INSERT INTO SkillAssessment (id, personId, skillId, level, sessionId, assessedById, assessedAt, note, createdAt)
         VALUES (?, ?, ?, 'ACCOMPANIED', NULL, ?, ?, NULL, ?)`,
      ).run(
        `e2e-assessment-${randomBytes(4).toString("hex")}`,
        present.id,
        targetSkills[0].id,
        trainer.id,
        tenDaysAgo,
        tenDaysAgo,
      );
    })();
    return targetSkills;
  });
  return { trainer, roster, skills };
}

function assessmentsOf(personId: string, skillId: string) {
  return withDb(
    (db) =>
      db
        .prepare(
          `SELECT level, sessionId, assessedById, note FROM SkillAssessment
           WHERE personId = ? AND skillId = ? ORDER BY assessedAt, createdAt`,
        )
        .all(personId, skillId) as {
        level: string;
        sessionId: string | null;
        assessedById: string;
        note: string | null;
      }[],
  );
}

async function signInTo(page: Page, path: string, trainer: TestStaff, scan: () => Promise<void>) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/pro\/connexion\?redirectTo=/);
  await scan();
  await page.getByLabel("Adresse e-mail").fill(trainer.email);
  await page.getByLabel("Mot de passe").fill(trainer.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

const nameOf = (person: TestRoster["booked"][number]) => `${person.firstName} ${person.lastName}`;

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a trainer sees the level left last time, records a new one with a comment, and the history keeps both", async ({
      page,
      scan,
    }) => {
      const { trainer, roster, skills } = scene();
      const [present, late, unmarked] = roster.booked;
      const path = `/pro/ateliers/${roster.sessionId}/competences`;
      await signInTo(page, path, trainer, scan);
      await expect(page.getByRole("heading", { level: 1, name: "Progrès des participants" })).toBeVisible();
      await scan();

      // One heading per attendee; the one not marked yet is sent to the roster.
      const person = page.getByRole("region", { name: nameOf(present) });
      await expect(page.getByRole("region", { name: nameOf(late) })).toBeVisible();
      const others = page.getByRole("region", { name: "Présence à noter d'abord" });
      await expect(others.getByRole("listitem").filter({ hasText: nameOf(unmarked) })).toContainText(
        "Marquez d'abord sa présence",
      );
      await expect(others.getByRole("link", { name: "sur la liste d'appel" })).toHaveAttribute(
        "href",
        `/pro/ateliers/${roster.sessionId}`,
      );

      // Pre-filled from the earlier assessment, with who set it.
      const card = person.getByRole("form", { name: skills[0].label });
      await expect(card).toContainText(skills[0].statement);
      await expect(card).toContainText(`Niveau actuel : Accompagné — `);
      await expect(card).toContainText(`par ${trainer.firstName} ${trainer.lastName}`);
      await expect(card.getByRole("button", { name: "Accompagné", exact: true })).toHaveAttribute(
        "aria-pressed",
        "true",
      );
      await expect(card.getByRole("button", { name: "Autonome", exact: true })).toHaveAttribute(
        "aria-pressed",
        "false",
      );
      // A big target: the whole button, not just its word.
      const box = await card.getByRole("button", { name: "Partiellement autonome", exact: true }).boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);

      if (javaScriptEnabled) await expect(card.locator('input[name="js"]')).toHaveCount(1);
      await card.getByLabel("Commentaire (facultatif)").fill("A joint la photo sans aide");
      await card.getByRole("button", { name: "Autonome", exact: true }).click();

      if (javaScriptEnabled) {
        await expect(card.getByRole("status")).toHaveText(
          `Niveau enregistré pour ${nameOf(present)} : ${skills[0].label}.`,
        );
        await expect(card.getByLabel("Commentaire (facultatif)")).toHaveValue("");
      } else {
        // Back on the page, at the person.
        await expect(page).toHaveURL(new RegExp(`${path}#personne-${present.id}$`));
        await scan();
      }
      await expect(card).toContainText("Niveau actuel : Autonome — à cette séance");
      await expect(card).toContainText("Commentaire : A joint la photo sans aide");
      await expect(card.getByRole("button", { name: "Autonome", exact: true })).toHaveAttribute("aria-pressed", "true");
      await expect(card.getByRole("button", { name: "Accompagné", exact: true })).toHaveAttribute(
        "aria-pressed",
        "false",
      );

      expect(assessmentsOf(present.id, skills[0].id)).toEqual([
        { level: "ACCOMPANIED", sessionId: null, assessedById: trainer.id, note: null },
        {
          level: "AUTONOMOUS",
          sessionId: roster.sessionId,
          assessedById: trainer.id,
          note: "A joint la photo sans aide",
        },
      ]);
      if (javaScriptEnabled) await scan();
    });
  });
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a comment too long is refused beside the field, kept, and nothing is recorded", async ({ page, scan }) => {
      const { trainer, roster, skills } = scene();
      const [, late] = roster.booked;
      const path = `/pro/ateliers/${roster.sessionId}/competences`;
      await signInTo(page, path, trainer, scan);
      await scan();
      const card = page.getByRole("region", { name: nameOf(late) }).getByRole("form", { name: skills[0].label });
      if (javaScriptEnabled) await expect(card.locator('input[name="js"]')).toHaveCount(1);
      const tooLong = "Très bien ".repeat(60);
      await card.getByLabel("Commentaire (facultatif)").fill(tooLong);
      await card.getByRole("button", { name: "Pas encore abordé", exact: true }).click();

      if (javaScriptEnabled) {
        await expect(card.getByRole("alert")).toContainText("Le commentaire est trop long : 500 caractères au plus");
      } else {
        await expect(page).toHaveTitle(/^Erreur : Progrès des participants/);
        await scan();
        await expect(page.getByRole("alert")).toContainText("Le niveau n'a pas été enregistré");
      }
      await expect(card).toContainText("Le commentaire est trop long : 500 caractères au plus");
      await expect(card.getByLabel("Commentaire (facultatif)")).toHaveValue(tooLong);
      await expect(card.getByRole("button", { name: "Pas encore abordé", exact: true })).toHaveAttribute(
        "aria-pressed",
        "false",
      );
      expect(assessmentsOf(late.id, skills[0].id)).toEqual([]);
      if (javaScriptEnabled) await scan();
    });
  });
}

test.describe("JavaScript on", () => {
  test("a double tap, and a tap on the level already pressed, record one row", async ({ page, scan }) => {
    const { trainer, roster, skills } = scene();
    const [, late] = roster.booked;
    const path = `/pro/ateliers/${roster.sessionId}/competences`;
    await signInTo(page, path, trainer, scan);
    await scan();
    const card = page.getByRole("region", { name: nameOf(late) }).getByRole("form", { name: skills[0].label });
    await expect(card.locator('input[name="js"]')).toHaveCount(1);
    await card.getByRole("button", { name: "Accompagné", exact: true }).dblclick();
    await expect(card).toContainText("Niveau actuel : Accompagné — à cette séance");
    await expect(card.getByRole("button", { name: "Accompagné", exact: true })).toHaveAttribute("aria-pressed", "true");
    // The first of two quick taps may never reach the server (the browser drops it for the
    // second): a third tap on the level already pressed, once the others are answered, does.
    const answered = page.waitForResponse(
      (response) => response.request().method() === "POST" && response.url().includes("/competences"),
    );
    await card.getByRole("button", { name: "Accompagné", exact: true }).click();
    const response = await answered;
    expect(response.status()).toBe(200);
    // The tap went with its own id and the time since it was tapped, not the page's render id.
    const sent = new URLSearchParams(response.request().postData() ?? "");
    expect(sent.get("tapId")).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(sent.get("tapId")).not.toBe(await card.locator('input[name="tapId"]').inputValue());
    expect(Number(sent.get("elapsedMs"))).toBeGreaterThanOrEqual(0);
    await expect(card.getByRole("button", { name: "Accompagné", exact: true })).toHaveAttribute("aria-pressed", "true");
    expect(assessmentsOf(late.id, skills[0].id)).toEqual([
      { level: "ACCOMPANIED", sessionId: roster.sessionId, assessedById: trainer.id, note: null },
    ]);
  });
});

test("a late resend of an older tap is kept in the history but does not become the current level", async ({
  page,
  scan,
}) => {
  const { trainer, roster, skills } = scene();
  const [, late] = roster.booked;
  const path = `/pro/ateliers/${roster.sessionId}/competences`;
  await signInTo(page, path, trainer, scan);
  const tap = { personId: late.id, skillId: skills[0].id, js: "1" };
  const post = (form: Record<string, string>) => page.request.post(path, { form, maxRedirects: 0 });
  // « Autonome » tapped now is stored; « Accompagné », tapped two minutes ago, arrives after it.
  expect((await post({ ...tap, level: "AUTONOMOUS", tapId: "e2e-tap-newer", elapsedMs: "0" })).status()).toBe(200);
  expect((await post({ ...tap, level: "ACCOMPANIED", tapId: "e2e-tap-older", elapsedMs: "120000" })).status()).toBe(
    200,
  );
  // Its resend again: still one row.
  expect((await post({ ...tap, level: "ACCOMPANIED", tapId: "e2e-tap-older", elapsedMs: "150000" })).status()).toBe(
    200,
  );
  expect(assessmentsOf(late.id, skills[0].id).map((row) => row.level)).toEqual(["ACCOMPANIED", "AUTONOMOUS"]);
  await page.reload();
  const card = page.getByRole("region", { name: nameOf(late) }).getByRole("form", { name: skills[0].label });
  await expect(card).toContainText("Niveau actuel : Autonome — à cette séance");
  await expect(card.getByRole("button", { name: "Autonome", exact: true })).toHaveAttribute("aria-pressed", "true");
  await scan();
});

test("forged or refused posts get a 4xx and write nothing; another trainer's session is refused", async ({
  page,
  scan,
}) => {
  const { trainer, roster, skills } = scene();
  const [present, , unmarked] = roster.booked;
  const path = `/pro/ateliers/${roster.sessionId}/competences`;
  await signInTo(page, path, trainer, scan);
  await scan();
  const post = (form: Record<string, string>, to = path) => page.request.post(to, { form, maxRedirects: 0 });
  const tap = { personId: present.id, skillId: skills[0].id, level: "AUTONOMOUS", js: "1", tapId: "e2e-forged-tap" };

  expect((await post({ ...tap, level: "EXPERT" })).status()).toBe(400);
  // Garbage ids and numbers are read as a bad form, never a 500.
  const garbageForms: Record<string, string>[] = [
    { tapId: "" },
    { tapId: "x" },
    { tapId: "<b>".repeat(30) },
    { elapsedMs: "abc" },
    { elapsedMs: "1e99" },
    { personId: "p".repeat(5000) },
    { skillId: "" },
  ];
  for (const garbage of garbageForms) {
    expect((await post({ ...tap, ...garbage })).status(), JSON.stringify(garbage).slice(0, 60)).toBe(400);
  }
  expect((await post({ ...tap, skillId: "not-a-skill" })).status()).toBe(400);
  expect((await post({ ...tap, personId: unmarked.id })).status()).toBe(409);
  expect((await post({})).status()).toBe(400);

  const someoneElse = createStaff(["TRAINER"]);
  const otherRoster = createRoster({ trainerId: someoneElse.id, startsInMinutes: -30, booked: 1 });
  const otherPath = `/pro/ateliers/${otherRoster.sessionId}/competences`;
  expect((await post({ ...tap, personId: otherRoster.booked[0].id }, otherPath)).status()).toBe(403);
  expect((await page.request.get(otherPath)).status()).toBe(403);

  expect(
    withDb((db) =>
      db
        .prepare(`SELECT COUNT(*) AS n FROM SkillAssessment WHERE personId IN (?, ?, ?)`)
        .get(present.id, unmarked.id, otherRoster.booked[0].id),
    ),
  ).toEqual({ n: 1 });
});
