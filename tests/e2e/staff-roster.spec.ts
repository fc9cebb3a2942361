// A trainer's day on a phone: « Mes ateliers », the roster, one tap per person, with JavaScript on
// and off. Each test makes its own trainer and sessions (support/staff-db.ts), so workers never
// mark the same rows.
import type { Page } from "@playwright/test";

import { e2eUrls } from "../../playwright.config";
import { expect, test } from "./fixtures";
import { attendanceOf, createRoster, createStaff, type TestStaff } from "./support/staff-db";

test.use({ viewport: { width: 390, height: 844 } });

const MARKS = [
  ["PRESENT", "Présent"],
  ["LATE", "En retard"],
  ["EXCUSED", "Excusé"],
  ["ABSENT", "Absent"],
] as const;

async function signIn(page: Page, staff: TestStaff, scan: () => Promise<void>) {
  await page.goto("/pro/connexion");
  await scan();
  await page.getByLabel("Adresse e-mail").fill(staff.email);
  await page.getByLabel("Mot de passe").fill(staff.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/pro\/ateliers$/);
}

const nameOf = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a trainer finds today's session in « Mes ateliers », marks each of the four statuses, and the database agrees", async ({
      page,
      scan,
    }) => {
      const trainer = createStaff(["TRAINER"]);
      const roster = createRoster({
        trainerId: trainer.id,
        startsInMinutes: -5,
        booked: 4,
        waitlisted: 1,
        capacity: 4,
      });
      // Two days ago, nobody marked: its sheet stands out.
      const unfinished = createRoster({ trainerId: trainer.id, startsInMinutes: -2 * 24 * 60, booked: 1 });

      await signIn(page, trainer, scan);
      await expect(page.getByRole("heading", { level: 1, name: "Mes ateliers" })).toBeVisible();
      await scan();
      await expect(page.getByText("1 feuille d'émargement à compléter")).toBeVisible();
      // Sheets still to complete come right after today, apart from the other past sessions.
      const past = page.getByRole("region", { name: "Émargements à compléter" });
      const pastCard = past
        .getByRole("listitem")
        .filter({ has: page.getByRole("link", { name: unfinished.workshopTitle }) });
      await expect(pastCard.getByText("Émargement à compléter")).toBeVisible();

      const today = page.getByRole("region", { name: "Aujourd'hui" });
      const card = today.getByRole("listitem").filter({ has: page.getByRole("link", { name: roster.workshopTitle }) });
      await expect(card).toHaveCount(1);
      await expect(card.getByText("4 inscrits sur 4 places")).toBeVisible();
      await expect(card.getByText("1 personne en liste d'attente")).toBeVisible();
      await card.getByRole("link", { name: roster.workshopTitle }).click();

      await expect(page).toHaveURL(new RegExp(`/pro/ateliers/${roster.sessionId}$`));
      await expect(page.getByRole("heading", { level: 1, name: roster.workshopTitle })).toBeVisible();
      await scan();

      const booked = page.getByRole("region", { name: "Inscrits (4)" });
      const first = roster.booked[0];
      const firstCard = booked
        .getByRole("listitem")
        .filter({ has: page.getByRole("heading", { name: nameOf(first) }) });
      // The number to tap: "06 …" when libphonenumber knows the block, else as stored ("+336…").
      await expect(firstCard.locator('a[href^="tel:"]')).toHaveAttribute(
        "href",
        new RegExp(`^tel:(\\+33|0)${first.phone.slice(3)}$`),
      );
      await expect(firstCard.getByText("En ligne")).toBeVisible();
      await expect(firstCard.getByText("Première venue")).toBeVisible();

      // The waiting list is shown apart, names only.
      const waiting = page.getByRole("region", { name: "Liste d'attente (1)" });
      await expect(waiting.getByText(nameOf(roster.waitlisted[0]))).toBeVisible();
      await expect(booked.getByText(nameOf(roster.waitlisted[0]))).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Feuille d'émargement à imprimer" })).toHaveAttribute(
        "href",
        `/pro/ateliers/${roster.sessionId}/emargement`,
      );

      for (const [index, [, label]] of MARKS.entries()) {
        const person = roster.booked[index];
        const group = page.getByRole("group", { name: `Présence de ${nameOf(person)}` });
        const button = group.getByRole("button", { name: label, exact: true });
        await expect(button).toHaveAttribute("aria-pressed", "false");
        const box = await button.boundingBox();
        expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
        await button.click();
        // Without JavaScript the form's answer is a 303 back to the roster, at this person.
        if (!javaScriptEnabled)
          await expect(page).toHaveURL(new RegExp(`/pro/ateliers/${roster.sessionId}#personne-${person.id}$`));
        await expect(button).toHaveAttribute("aria-pressed", "true");
        await expect(group.getByText(`Noté : ${label}`)).toBeVisible();
        // Without JavaScript each mark brings a new document: scanned before the next tap leaves it.
        if (!javaScriptEnabled) await scan();
      }

      await expect(page.getByText("Présences notées : 4 sur 4")).toBeVisible();
      await scan();
      await expect
        .poll(() => attendanceOf(roster.sessionId))
        .toEqual(
          roster.booked
            .map((person, index) => ({ personId: person.id, status: MARKS[index][0], isWalkIn: 0 }))
            .sort((a, b) => a.personId.localeCompare(b.personId)),
        );
    });
  });
}

test("with JavaScript, the pressed mark shows before the server answers, and the last of two quick taps wins", async ({
  page,
  scan,
}) => {
  const trainer = createStaff(["TRAINER"]);
  const roster = createRoster({ trainerId: trainer.id, startsInMinutes: -5, booked: 1 });
  const [person] = roster.booked;
  await signIn(page, trainer, scan);
  await page.goto(`/pro/ateliers/${roster.sessionId}`);
  await scan();

  const group = page.getByRole("group", { name: `Présence de ${nameOf(person)}` });
  // Hold the first tap on its way, as a weak signal would.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname.startsWith(`/pro/ateliers/${roster.sessionId}`),
    async (route) => {
      if (route.request().method() !== "POST") return route.fallback();
      await held;
      return route.fallback();
    },
  );
  await group.getByRole("button", { name: "Présent", exact: true }).click();
  await expect(group.getByRole("button", { name: "Présent", exact: true })).toHaveAttribute("aria-pressed", "true");
  expect(attendanceOf(roster.sessionId)).toEqual([]);
  release();
  await expect
    .poll(() => attendanceOf(roster.sessionId))
    .toEqual([{ personId: person.id, status: "PRESENT", isWalkIn: 0 }]);

  await group.getByRole("button", { name: "Absent", exact: true }).click();
  await group.getByRole("button", { name: "En retard", exact: true }).click();
  await expect(group.getByRole("button", { name: "En retard", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect
    .poll(() => attendanceOf(roster.sessionId))
    .toEqual([{ personId: person.id, status: "LATE", isWalkIn: 0 }]);
  await page.reload();
  await expect(group.getByRole("button", { name: "En retard", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(group.getByRole("button", { name: "Absent", exact: true })).toHaveAttribute("aria-pressed", "false");
  await scan();
});

test("another trainer asking for this roster, or marking on it, gets 403 and learns nobody's name", async ({
  page,
  scan,
}) => {
  const owner = createStaff(["TRAINER"]);
  const roster = createRoster({ trainerId: owner.id, startsInMinutes: -5, booked: 1 });
  const other = createStaff(["TRAINER"]);
  await signIn(page, other, scan);
  await scan();
  await expect(page.getByRole("link", { name: roster.workshopTitle })).toHaveCount(0);

  const response = await page.goto(`/pro/ateliers/${roster.sessionId}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByText(nameOf(roster.booked[0]))).toHaveCount(0);
  await scan();

  const post = await page.request.post(`/pro/ateliers/${roster.sessionId}?index`, {
    form: { intent: "mark", personId: roster.booked[0].id, status: "PRESENT" },
    headers: { Origin: e2eUrls.app },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(403);
  expect(await post.text()).not.toContain(roster.booked[0].lastName);
  expect(attendanceOf(roster.sessionId)).toEqual([]);
});

test("a session not open yet shows the roster without buttons, and says when marking opens", async ({ page, scan }) => {
  const trainer = createStaff(["TRAINER"]);
  const roster = createRoster({ trainerId: trainer.id, startsInMinutes: 3 * 60, booked: 1 });
  await signIn(page, trainer, scan);
  await page.goto(`/pro/ateliers/${roster.sessionId}`);
  await expect(page.getByText(/L'émargement ouvre une heure avant le début de la séance, à \d/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Présent", exact: true })).toHaveCount(0);
  await expect(page.getByText("Pas encore noté")).toBeVisible();
  await scan();
});

test("marking someone without a seat (on the waiting list) is refused with a translated message, and nothing is written", async ({
  page,
  scan,
}) => {
  const trainer = createStaff(["TRAINER"]);
  const roster = createRoster({ trainerId: trainer.id, startsInMinutes: -5, booked: 1, waitlisted: 1 });
  await signIn(page, trainer, scan);
  await scan();
  const post = await page.request.post(`/pro/ateliers/${roster.sessionId}?index`, {
    form: { intent: "mark", personId: roster.waitlisted[0].id, status: "PRESENT" },
    headers: { Origin: e2eUrls.app },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(422);
  expect(await post.text()).toContain("n&#x27;a pas de place à cette séance");
  const bad = await page.request.post(`/pro/ateliers/${roster.sessionId}?index`, {
    form: { intent: "mark", personId: roster.booked[0].id, status: "HERE" },
    headers: { Origin: e2eUrls.app },
    maxRedirects: 0,
  });
  expect(bad.status()).toBe(400);
  expect(attendanceOf(roster.sessionId)).toEqual([]);
});

test("with JavaScript, a tap made without signal waits on the page, says so, and is sent when the network comes back", async ({
  page,
  context,
  scan,
}) => {
  const trainer = createStaff(["TRAINER"]);
  const roster = createRoster({ trainerId: trainer.id, startsInMinutes: -5, booked: 2 });
  const [person] = roster.booked;
  await signIn(page, trainer, scan);
  await page.goto(`/pro/ateliers/${roster.sessionId}`);
  await scan();

  const group = page.getByRole("group", { name: `Présence de ${nameOf(person)}` });
  const card = page.getByRole("listitem").filter({ has: group });
  await context.setOffline(true);
  await group.getByRole("button", { name: "Absent", exact: true }).click();
  await group.getByRole("button", { name: "Présent", exact: true }).click();
  // The roster stays (no error page), the last tap is pressed and said not sent yet.
  await expect(card.getByRole("status").getByText("Présent : pas encore envoyé", { exact: false })).toBeVisible();
  await expect(group.getByRole("button", { name: "Présent", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("heading", { level: 1, name: roster.workshopTitle })).toBeVisible();
  await expect(group.getByText("Pas encore noté")).toBeVisible();
  await scan();
  expect(attendanceOf(roster.sessionId)).toEqual([]);

  await context.setOffline(false);
  await expect(group.getByText("Noté : Présent")).toBeVisible();
  await expect(card.getByText(/pas encore envoyé|envoi en cours/)).toHaveCount(0);
  await expect
    .poll(() => attendanceOf(roster.sessionId))
    .toEqual([{ personId: person.id, status: "PRESENT", isWalkIn: 0 }]);
  await expect(page.getByText("Présences notées : 1 sur 2")).toBeVisible();
  await scan();
});

test("with JavaScript, a failed tap (aborted, then server errors) is resent on the next tap and keeps the time it was made: a later mark from elsewhere wins", async ({
  page,
  scan,
}) => {
  const trainer = createStaff(["TRAINER"]);
  const roster = createRoster({ trainerId: trainer.id, startsInMinutes: -5, booked: 2 });
  const [person, other] = roster.booked;
  await signIn(page, trainer, scan);
  await page.goto(`/pro/ateliers/${roster.sessionId}`);
  await scan();

  let failing = true;
  let failed = 0;
  await page.route(
    (url) => url.pathname.startsWith(`/pro/ateliers/${roster.sessionId}`),
    async (route) => {
      if (route.request().method() !== "POST" || !failing) return route.fallback();
      // The first request is cut off; the next ones meet a failing server.
      return failed++ === 0
        ? route.abort("internetdisconnected")
        : route.fulfill({ status: 503, body: "Indisponible" });
    },
  );
  const group = page.getByRole("group", { name: `Présence de ${nameOf(person)}` });
  const card = page.getByRole("listitem").filter({ has: group });
  await group.getByRole("button", { name: "Absent", exact: true }).click();
  await expect(card.getByText("Absent : pas encore envoyé", { exact: false })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: roster.workshopTitle })).toBeVisible();
  await scan();

  // Meanwhile, from another device (a form without JavaScript, at the server's time): En retard.
  const elsewhere = await page.request.post(`/pro/ateliers/${roster.sessionId}?index`, {
    form: { intent: "mark", personId: person.id, status: "LATE" },
    headers: { Origin: e2eUrls.app },
    maxRedirects: 0,
  });
  expect(elsewhere.status()).toBe(303);
  expect(failed).toBeGreaterThanOrEqual(1);

  // The signal comes back; the next tap (on someone else) sends the waiting one too.
  failing = false;
  const otherGroup = page.getByRole("group", { name: `Présence de ${nameOf(other)}` });
  await otherGroup.getByRole("button", { name: "Présent", exact: true }).click();
  await expect(otherGroup.getByText("Noté : Présent")).toBeVisible();
  // The waiting tap was made before the other device's: it loses, and the page says so.
  await expect(card.getByText("Un choix plus récent était déjà enregistré : En retard.")).toBeVisible();
  await expect(group.getByRole("button", { name: "En retard", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect
    .poll(() => attendanceOf(roster.sessionId))
    .toEqual(
      [
        { personId: person.id, status: "LATE", isWalkIn: 0 },
        { personId: other.id, status: "PRESENT", isWalkIn: 0 },
      ].sort((a, b) => a.personId.localeCompare(b.personId)),
    );
  await scan();
});

test("with JavaScript, a phone whose clock is 5 minutes slow still wins over a mark made a moment before its tap", async ({
  page,
  scan,
}) => {
  const trainer = createStaff(["TRAINER"]);
  const roster = createRoster({ trainerId: trainer.id, startsInMinutes: -5, booked: 1 });
  const [person] = roster.booked;
  await page.clock.install({ time: new Date(Date.now() - 5 * 60 * 1000) });
  await signIn(page, trainer, scan);
  await page.goto(`/pro/ateliers/${roster.sessionId}`);
  await scan();
  // Marked present from elsewhere, just now.
  const elsewhere = await page.request.post(`/pro/ateliers/${roster.sessionId}?index`, {
    form: { intent: "mark", personId: person.id, status: "PRESENT" },
    headers: { Origin: e2eUrls.app },
    maxRedirects: 0,
  });
  expect(elsewhere.status()).toBe(303);

  const group = page.getByRole("group", { name: `Présence de ${nameOf(person)}` });
  await group.getByRole("button", { name: "Absent", exact: true }).click();
  await expect(group.getByText("Noté : Absent")).toBeVisible();
  await expect
    .poll(() => attendanceOf(roster.sessionId))
    .toEqual([{ personId: person.id, status: "ABSENT", isWalkIn: 0 }]);
  await scan();
});

test("a mediator of the place reads the roster without links to the pages they may not open", async ({
  page,
  scan,
}) => {
  const trainer = createStaff(["TRAINER"]);
  const roster = createRoster({ trainerId: trainer.id, startsInMinutes: -5, booked: 1 });
  const mediator = createStaff(["MEDIATOR"], [roster.placeSlug]);
  await signIn(page, mediator, scan);
  await scan();
  await page.goto(`/pro/ateliers/${roster.sessionId}`);
  await expect(page.getByRole("heading", { level: 1, name: roster.workshopTitle })).toBeVisible();
  const actions = page.getByRole("navigation", { name: "Pour cette séance" });
  await expect(actions.getByRole("link", { name: "Feuille d'émargement à imprimer" })).toBeVisible();
  await expect(actions.getByRole("link", { name: "Accueillir une personne sans inscription" })).toHaveCount(0);
  await expect(actions.getByRole("link", { name: "Compétences travaillées" })).toHaveCount(0);
  await scan();
});
