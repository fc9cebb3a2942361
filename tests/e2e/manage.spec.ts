import { createHash, randomBytes } from "node:crypto";
import { e2eUrls } from "../../playwright.config";
import { expect, test } from "./fixtures";
import { qrCodePath } from "../../app/utils/qr-code.server";
import {
  bookingStatus,
  claim,
  claimUpcomingSession,
  derivedLinkToken,
  manageTokenHashOf,
  sqlDate,
  withDb,
} from "./support/e2e-db";

// The manage page, its calendar file, its printable card and cancelling, against the e2e
// database. One journey books through the booking form; the others write a booking row with a
// token we know (only its SHA-256 is stored), so each starts from the state it needs.

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

type SessionRow = {
  id: string;
  startsAt: string;
  endsAt: string;
  title: string;
  whatToBring: string | null;
  placeName: string;
  addressLine: string;
  postcode: string;
  commune: string;
  phone: string;
};

const sessionColumns = `s.id, s.startsAt, s.endsAt, w.title, w.whatToBring, p.name AS placeName, p.addressLine,
  p.postcode, c.name AS commune, p.phone`;
const sessionJoins = `FROM Session s JOIN Workshop w ON w.id = s.workshopId JOIN Place p ON p.id = s.placeId
  JOIN Commune c ON c.id = p.communeId`;

/** A value as an iCalendar TEXT: backslash, semicolon and comma escaped (RFC 5545 §3.3.11). */
const icsText = (value: string) => value.replace(/[\\;,]/g, (c) => `\\${c}`);

/** An upcoming bookable session of a place with a phone, this test's own. */
const upcomingSession = (): SessionRow => claimUpcomingSession({ seatsLeft: 3 });

/** A session that has already taken place (cancelling online is closed). */
function pastSession(): SessionRow {
  const row = withDb((db) =>
    db
      .prepare(
        `SELECT ${sessionColumns} ${sessionJoins}
         WHERE s.deletedAt IS NULL AND s.status <> 'CANCELLED' AND p.phone IS NOT NULL AND s.endsAt < ?
           AND s.id NOT LIKE 'e2e-%'
         ORDER BY s.startsAt DESC LIMIT 1`,
      )
      .get(sqlDate(new Date(Date.now() - DAY))),
  ) as SessionRow | undefined;
  if (!row) throw new Error("the e2e seed has no past session");
  return row;
}

type Booked = { token: string; bookingId: string; personFirstName: string; personLastName: string };

/**
 * A booking row for a resident who has none on that session, as `bookSession` would write it,
 * with a token we keep: the page only ever sees the token, the database only its hash.
 */
function insertBooking(session: SessionRow, status: "CONFIRMED" | "WAITLISTED", waitlistedAt?: Date): Booked {
  const bookingId = `e2e-booking-${randomBytes(6).toString("hex")}`;
  // Derived from the id, as the server derives it (docs/decisions/016).
  const token = derivedLinkToken("manage", bookingId);
  const now = new Date();
  return withDb((db) => {
    const candidates = db
      .prepare(
        `SELECT id FROM Person WHERE deletedAt IS NULL AND anonymised = 0
           AND id NOT IN (SELECT personId FROM Booking WHERE sessionId = ?)
         ORDER BY id`,
      )
      .all(session.id) as { id: string }[];
    const personId = claim(
      "person",
      candidates.map((row) => row.id),
    );
    const person = db.prepare("SELECT id, firstName, lastName FROM Person WHERE id = ?").get(personId) as {
      id: string;
      firstName: string;
      lastName: string;
    };
    db.transaction(() => {
      db.prepare(
        `INSERT INTO Booking (id, sessionId, personId, status, source, manageTokenHash, confirmedAt, waitlistedAt, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, 'ONLINE', ?, ?, ?, ?, ?)`,
      ).run(
        bookingId,
        session.id,
        person.id,
        status,
        manageTokenHashOf(bookingId),
        status === "CONFIRMED" ? sqlDate(now) : null,
        status === "WAITLISTED" ? sqlDate(waitlistedAt ?? now) : null,
        sqlDate(now),
        sqlDate(now),
      );
      if (status === "CONFIRMED") {
        db.prepare("UPDATE Session SET seatsTaken = seatsTaken + 1 WHERE id = ?").run(session.id);
      }
    })();
    return { token, bookingId, personFirstName: person.firstName, personLastName: person.lastName };
  });
}

/** The UTC form a calendar file gives an instant: 20261127T083000Z. */
const icsDate = (stored: string) =>
  new Date(stored)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

test.describe("the manage page", () => {
  test("booking through the form lands on the confirmation, which is the manage page", async ({ page, scan }) => {
    const session = upcomingSession();
    const suffix = randomBytes(3).toString("hex");
    await page.goto(`/ateliers/${session.id}/reserver`);
    await scan();
    await page.getByRole("textbox", { name: "Prénom", exact: true }).fill("Odile");
    await page.getByRole("textbox", { name: "Nom", exact: true }).fill(`Essai${suffix}`);
    await page.getByRole("textbox", { name: "Adresse e-mail", exact: true }).fill(`odile.${suffix}@e2e.example`);
    await page.getByRole("button", { name: "Confirmer ma réservation" }).click();

    await expect(page).toHaveURL(/\/reservation\/[\w-]{43}\?confirmation=1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre place est réservée");
    await expect(page.getByRole("heading", { level: 2, name: session.title })).toBeVisible();
    await expect(page.getByText(`Essai${suffix}`, { exact: false })).toBeVisible();
    // The link written out is the page's own address, without the confirmation flag.
    const manageUrl = page.url().replace(/\?.*$/, "");
    await expect(page.getByRole("link", { name: manageUrl })).toBeVisible();
    await page.reload();
    await scan();
  });

  test("shows the summary, the place's phone and the link to keep", async ({ page, scan }) => {
    const session = upcomingSession();
    const booked = insertBooking(session, "CONFIRMED");
    const response = await page.goto(`/reservation/${booked.token}?confirmation=1`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cache-control"]).toContain("no-store");
    await scan();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre place est réservée");
    await expect(page.getByText(`Merci, ${booked.personFirstName} !`)).toBeVisible();
    const summary = page.locator(".booking-summary");
    await expect(summary.getByRole("heading", { name: session.title })).toBeVisible();
    await expect(summary).toContainText(`${session.addressLine}, ${session.postcode} ${session.commune}`);
    await expect(summary).toContainText(
      /(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s\d{1,2}(er)?\s\S+, de\s\d{1,2}\sh/,
    );
    if (session.whatToBring) await expect(summary).toContainText(session.whatToBring);
    await expect(summary.getByRole("link", { name: session.phone })).toHaveAttribute(
      "href",
      `tel:${session.phone.replace(/\s/g, "")}`,
    );
    await expect(page.getByRole("link", { name: `${e2eUrls.app}/reservation/${booked.token}` })).toBeVisible();
    await expect(page.locator('meta[name="viewport"]')).toHaveCount(1);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  });

  test("a waiting-list booking says its position", async ({ page, scan }) => {
    const session = upcomingSession();
    insertBooking(session, "WAITLISTED", new Date(Date.now() - HOUR));
    const second = insertBooking(session, "WAITLISTED");
    await page.goto(`/reservation/${second.token}?confirmation=1`);
    await scan();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vous êtes sur la liste d'attente");
    await expect(
      page.getByText("Vous êtes sur la liste d'attente, en position 2 — nous vous écrirons si une place se libère."),
    ).toBeVisible();
    await expect(page.locator(".booking-summary .badge")).toHaveText("Liste d'attente, position 2");
  });

  test("the calendar file is an iCalendar event in UTC at the place's address", async ({ page, scan }) => {
    const session = upcomingSession();
    const booked = insertBooking(session, "CONFIRMED");
    await page.goto(`/reservation/${booked.token}`);
    await scan();
    const link = page.getByRole("link", { name: "Ajouter à mon agenda" });
    const href = await link.getAttribute("href");
    expect(href).toBe(`/reservation/${booked.token}/agenda.ics`);

    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="[\w-]+-\d{4}-\d{2}-\d{2}\.ics"$/);
    const ics = await response.text();
    const unfolded = ics.replace(/\r\n /g, "");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(unfolded).toContain("\r\nMETHOD:PUBLISH\r\n");
    expect(unfolded).toContain(`\r\nUID:booking-${booked.bookingId}@${new URL(e2eUrls.app).hostname}\r\n`);
    expect(unfolded).toContain(`\r\nDTSTART:${icsDate(session.startsAt)}\r\n`);
    expect(unfolded).toContain(`\r\nDTEND:${icsDate(session.endsAt)}\r\n`);
    expect(unfolded).toContain(`\r\nSUMMARY:${icsText(session.title)}\r\n`);
    // Some addresses hold a comma ("1 rue de l'École, Montlaur"): escaped like the separators.
    expect(unfolded).toContain(
      `${icsText(session.addressLine)}\\, ${icsText(`${session.postcode} ${session.commune}`)}`,
    );
    expect(unfolded).toContain("\r\nSTATUS:CONFIRMED\r\n");

    // The same booking gives the same UID on every download.
    const again = (await (await page.request.get(href!)).text()).replace(/\r\n /g, "");
    expect(again.match(/UID:.*/)?.[0]).toBe(unfolded.match(/UID:.*/)?.[0]);
  });

  test("the printable card has the essentials, the phone, and prints without the site's frame", async ({
    page,
    scan,
  }) => {
    const session = upcomingSession();
    const booked = insertBooking(session, "CONFIRMED");
    await page.goto(`/reservation/${booked.token}`);
    await scan();
    await page.getByRole("link", { name: "Voir ma carte à imprimer" }).click();
    await expect(page).toHaveURL(`/reservation/${booked.token}/carte`);
    const card = page.locator(".booking-card");
    await expect(card.getByRole("heading", { level: 1 })).toHaveText(session.title);
    await expect(card).toContainText(`${booked.personFirstName} ${booked.personLastName}`);
    await expect(card.getByRole("link", { name: session.phone })).toBeVisible();
    await expect(card).toContainText(`/reservation/${booked.token}`);
    // With JavaScript, a button opens the print dialog; the written instructions stay for everyone.
    await expect(page.getByRole("button", { name: "Imprimer" })).toBeVisible();
    await expect(page.getByText("Pour imprimer : ouvrez le menu de votre navigateur")).toBeVisible();
    const cardFont = await card.evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
    expect(cardFont).toBeGreaterThanOrEqual(22);

    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.getByRole("button", { name: "Imprimer" })).toBeHidden();
    await expect(card).toBeVisible();
    await page.emulateMedia({ media: "screen" });

    await page.goto(`/reservation/${booked.token}/carte`);
    await scan();
  });

  test("the card carries a QR code of the manage link, the desk code and the place to call", async ({ page, scan }) => {
    const session = upcomingSession();
    const suffix = randomBytes(3).toString("hex");
    await page.goto(`/ateliers/${session.id}/reserver`);
    await scan();
    await page.getByRole("textbox", { name: "Prénom", exact: true }).fill("Carte");
    await page.getByRole("textbox", { name: "Nom", exact: true }).fill(`Essai${suffix}`);
    await page.getByRole("textbox", { name: "Adresse e-mail", exact: true }).fill(`carte.${suffix}@e2e.example`);
    await page.getByRole("button", { name: "Confirmer ma réservation" }).click();
    await expect(page).toHaveURL(/\/reservation\/[\w-]{43}\?confirmation=1$/);
    const manageUrl = page.url().replace(/\?.*$/, "");
    await scan();

    await page.getByRole("link", { name: "Voir ma carte à imprimer" }).click();
    const card = page.locator(".booking-card");
    const qr = card.getByRole("img", {
      name: "QR code de votre réservation : il ouvre la page pour la revoir ou l'annuler",
    });
    await expect(qr).toBeVisible();
    // What the code encodes: the absolute manage address, drawn from it exactly as the server does.
    await expect(qr).toHaveAttribute("data-url", manageUrl);
    expect(await qr.locator("path").getAttribute("d")).toBe(qrCodePath(manageUrl).d);

    // The desk code is the one written with the booking, printed in two groups of four.
    const { deskCode } = withDb(
      (db) =>
        db
          .prepare(
            `SELECT b.deskCode FROM Booking b JOIN Person p ON p.id = b.personId
             WHERE b.sessionId = ? AND p.lastName = ?`,
          )
          .get(session.id, `Essai${suffix}`) as { deskCode: string },
    );
    expect(deskCode).toMatch(/^[2-9A-Z]{8}$/);
    await expect(card.locator(".desk-code")).toHaveText(`${deskCode.slice(0, 4)} ${deskCode.slice(4)}`);
    await expect(card).toContainText("Code de réservation");

    await expect(card.getByText(/^Pour changer ou annuler, appelez/)).toContainText(session.placeName);
    await expect(card.getByRole("link", { name: session.phone })).toHaveAttribute(
      "href",
      `tel:${session.phone.replace(/\s/g, "")}`,
    );
    await scan();
  });

  test("an unknown, forged or rotated link is a translated 404 that reveals nothing", async ({ page, scan }) => {
    const forged = randomBytes(32).toString("base64url");
    for (const path of [`/reservation/${forged}`, `/reservation/${forged}/annuler`, `/reservation/${forged}/carte`]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ce lien de réservation ne fonctionne pas");
      await expect(
        page.getByRole("link", { name: "Retrouver mes réservations avec mon adresse e-mail" }),
      ).toBeVisible();
      await scan();
    }
    expect((await page.request.get(`/reservation/${forged}/agenda.ics`)).status()).toBe(404);
    expect((await page.request.post(`/reservation/${forged}/annuler`, { form: {} })).status()).toBe(404);
    expect((await page.request.get(`/reservation/${"x".repeat(500)}`)).status()).toBe(404);

    // A booking whose stored hash is no longer its token's (as for links from before 016): 404.
    const booked = insertBooking(upcomingSession(), "CONFIRMED");
    withDb((db) =>
      db
        .prepare("UPDATE Booking SET manageTokenHash = ? WHERE id = ?")
        .run(createHash("sha256").update(randomBytes(32)).digest("hex"), booked.bookingId),
    );
    const rotated = await page.goto(`/reservation/${booked.token}`);
    expect(rotated?.status()).toBe(404);
    await scan();
  });

  test("in Arabic the page reads right to left", async ({ page, scan }) => {
    const booked = insertBooking(upcomingSession(), "CONFIRMED");
    await page.goto(`/reservation/${booked.token}?confirmation=1&lng=ar`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("تم حجز مكانكم");
    await scan();
  });
});

test.describe("cancelling without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("asks first, cancels on yes, offers other dates, and a replay answers 409", async ({ page, context, scan }) => {
    const session = upcomingSession();
    const booked = insertBooking(session, "CONFIRMED");
    const managePath = `/reservation/${booked.token}`;
    await page.goto(managePath);
    await scan();

    await page.getByRole("link", { name: "Annuler ma réservation" }).click();
    await expect(page).toHaveURL(`${managePath}/annuler`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Voulez-vous vraiment annuler ?");
    await expect(page.getByRole("heading", { level: 2, name: session.title })).toBeVisible();
    await scan();

    await page.getByRole("link", { name: "Non, garder ma place" }).click();
    await expect(page).toHaveURL(managePath);
    await scan();
    expect(bookingStatus(booked.bookingId)).toBe("CONFIRMED");

    // A second tab left on the question, to replay the form once the booking is cancelled.
    const otherTab = await context.newPage();
    await otherTab.goto(`${managePath}/annuler`);
    await scan(otherTab);

    await page.getByRole("link", { name: "Annuler ma réservation" }).click();
    await scan();
    const [cancelPost] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Oui, annuler ma place" }).click(),
    ]);
    expect(cancelPost.request().resourceType()).toBe("document");
    expect(cancelPost.status()).toBe(303);
    await expect(page).toHaveURL(`${managePath}?annulee=1`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre réservation est annulée");
    await expect(page.locator(".booking-summary .badge")).toHaveText("Annulée");
    await expect(page.getByRole("heading", { level: 2, name: "Réserver une autre date" })).toBeVisible();
    const otherDates = page.locator(".manage-list a");
    expect(await otherDates.count()).toBeLessThanOrEqual(3);
    for (const href of await otherDates.evaluateAll((links) => links.map((a) => a.getAttribute("href")))) {
      expect(href).toMatch(/^\/ateliers\/[^/]+$/);
      expect(href).not.toBe(`/ateliers/${session.id}`);
    }
    await expect(page.getByRole("link", { name: "Voir tous les ateliers" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Annuler ma réservation" })).toHaveCount(0);
    await scan();
    expect(bookingStatus(booked.bookingId)).toBe("CANCELLED");

    const [replay] = await Promise.all([
      otherTab.waitForResponse((r) => r.request().method() === "POST"),
      otherTab.getByRole("button", { name: "Oui, annuler ma place" }).click(),
    ]);
    expect(replay.status()).toBe(409);
    await expect(otherTab.getByRole("heading", { level: 1 })).toHaveText("Cette réservation est déjà annulée");
    await scan(otherTab);
  });

  test("too late once the workshop has started: 409, call the place", async ({ page, scan }) => {
    const session = pastSession();
    const booked = insertBooking(session, "CONFIRMED");
    await page.goto(`/reservation/${booked.token}`);
    await expect(page.getByText("Cet atelier a eu lieu.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Annuler ma réservation" })).toHaveCount(0);
    await scan();

    const response = await page.request.post(`/reservation/${booked.token}/annuler`, { form: {} });
    expect(response.status()).toBe(409);
    const body = await response.text();
    expect(body).toContain("Il est trop tard pour annuler en ligne");
    expect(body).toContain(`href="tel:${session.phone.replace(/\s/g, "")}"`);

    await page.goto(`/reservation/${booked.token}/annuler`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Il est trop tard pour annuler en ligne");
    await expect(page.locator(".panel").getByRole("link", { name: session.phone })).toBeVisible();
    await expect(page.getByRole("button", { name: "Oui, annuler ma place" })).toHaveCount(0);
    await scan();
    expect(bookingStatus(booked.bookingId)).toBe("CONFIRMED");
  });
});

test("cancelling with JavaScript goes through the same question", async ({ page, scan }) => {
  const booked = insertBooking(upcomingSession(), "CONFIRMED");
  const managePath = `/reservation/${booked.token}`;
  await page.goto(managePath);
  await scan();
  await page.getByRole("link", { name: "Annuler ma réservation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Voulez-vous vraiment annuler ?");
  await page.getByRole("button", { name: "Oui, annuler ma place" }).click();
  await expect(page).toHaveURL(`${managePath}?annulee=1`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre réservation est annulée");
  expect(bookingStatus(booked.bookingId)).toBe("CANCELLED");
  await page.reload();
  await scan();

  const replay = await page.request.post(`${managePath}/annuler`, { form: {} });
  expect(replay.status()).toBe(409);
  expect(await replay.text()).toContain("Cette réservation est déjà annulée");
});
