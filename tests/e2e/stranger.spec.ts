import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { sqlDate, withDb } from "./support/e2e-db";

// Decision 010, at the level of HTTP: someone who knows a resident's email (or phone) and first
// name posts the booking and course forms. Nothing stored about her changes, and no answer —
// body or status — says whether she is booked, or whether she was written to.

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const NEUTRAL = "nous vous avons écrit pour vous expliquer pourquoi";
const STRANGER = { email: "curieux@ailleurs.example", helper: "aidant-pirate@ailleurs.example" };

type Fields = Record<string, string>;

/** Sessions and a course of our own, far ahead, so no other spec's seats or bookings are touched. */
function setUp() {
  const suffix = randomBytes(4).toString("hex");
  return withDb((db) => {
    const place = db.prepare(`SELECT id FROM Place WHERE deletedAt IS NULL ORDER BY id LIMIT 1`).get() as {
      id: string;
    };
    const workshops = db
      .prepare(`SELECT id, title FROM Workshop WHERE deletedAt IS NULL ORDER BY id LIMIT 2`)
      .all() as { id: string; title: string }[];
    const communes = db.prepare(`SELECT id FROM Commune ORDER BY id LIMIT 2`).all() as { id: string }[];
    const now = sqlDate(new Date());
    const base = Date.now() + 60 * DAY;
    const insertSession = db.prepare(
      `INSERT INTO Session (id, workshopId, placeId, startsAt, endsAt, capacity, seatsTaken, status, courseId, courseOrder, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, 8, 0, 'SCHEDULED', ?, ?, ?, ?)`,
    );
    const session = (id: string, workshopId: string, startsAt: number, courseId: string | null, order: number | null) =>
      insertSession.run(
        id,
        workshopId,
        place.id,
        sqlDate(new Date(startsAt)),
        sqlDate(new Date(startsAt + 2 * HOUR)),
        courseId,
        order,
        now,
        now,
      );
    const courseId = `e2e-stranger-course-${suffix}`;
    db.transaction(() => {
      session(`e2e-stranger-a-${suffix}`, workshops[0].id, base, null, null);
      session(`e2e-stranger-b-${suffix}`, workshops[1].id, base + 2 * DAY, null, null);
      db.prepare(
        `INSERT INTO Course (id, slug, title, summary, placeId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(courseId, courseId, `Parcours ${suffix}`, "Deux séances.", place.id, now, now);
      session(`${courseId}-1`, workshops[0].id, base + 7 * DAY, courseId, 1);
      session(`${courseId}-2`, workshops[0].id, base + 14 * DAY, courseId, 2);
      db.prepare(
        `INSERT INTO Course (id, slug, title, summary, placeId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(`${courseId}-bis`, `${courseId}-bis`, `Parcours bis ${suffix}`, "Deux séances.", place.id, now, now);
      session(`${courseId}-bis-1`, workshops[1].id, base + 21 * DAY, `${courseId}-bis`, 1);
      session(`${courseId}-bis-2`, workshops[1].id, base + 28 * DAY, `${courseId}-bis`, 2);
    })();
    return {
      suffix,
      bookedPath: `/ateliers/e2e-stranger-a-${suffix}/reserver`,
      bookedTitle: workshops[0].title,
      otherPath: `/ateliers/e2e-stranger-b-${suffix}/reserver`,
      otherTitle: workshops[1].title,
      coursePath: `/parcours/${courseId}/inscription`,
      otherCoursePath: `/parcours/${courseId}-bis/inscription`,
      communes: communes.map((c) => c.id),
    };
  });
}

/** Her record as staff would read it, without the bookkeeping columns. */
function storedPerson(contact: { email?: string; phone?: string }) {
  return withDb((db) => {
    const row = db
      .prepare(`SELECT * FROM Person WHERE emailNormalized = ? OR phoneNormalized = ?`)
      .get(contact.email ?? "", contact.phone ?? "") as Record<string, unknown> | undefined;
    if (!row) throw new Error(`no person for ${JSON.stringify(contact)}`);
    const { lastActivityAt: _activity, updatedAt: _updated, ...rest } = row;
    return rest;
  });
}

function queued(recipient: string) {
  return withDb(
    (db) =>
      db
        // The messages a form made (its booking's reminders and follow-up go the same way: decision 015).
        .prepare(
          `SELECT kind, payload FROM OutboxEmail
           WHERE recipient = ? AND kind NOT IN ('reminder', 'follow-up') ORDER BY createdAt, kind`,
        )
        .all(recipient) as {
        kind: string;
        payload: string;
      }[],
  );
}

async function post(request: APIRequestContext, path: string, form: Fields) {
  const response = await request.post(path, {
    form,
    maxRedirects: 0,
    headers: { Origin: new URL(path, test.info().project.use.baseURL).origin, "Accept-Language": "fr-FR" },
  });
  return { status: response.status(), location: response.headers()["location"] ?? null, body: await response.text() };
}

/** The stranger's answer with what they typed taken out: what is left is what the server chose to say. */
function withoutTyped(body: string, form: Fields): string {
  let out = body.replace(/nonce="[^"]*"/g, 'nonce=""');
  for (const value of Object.values(form)
    .filter((v) => v.length > 2)
    .sort((a, b) => b.length - a.length)) {
    out = out.split(value).join("«typed»");
  }
  return out;
}

test.describe("a stranger with a resident's email or phone and first name", () => {
  test("booking form: changes nothing of hers, says the same whether she was written to or not", async ({
    request,
  }) => {
    const setup = setUp();
    const [herCommune, strangerCommune] = setup.communes;
    // Josiane left her email and agreed to service emails; Paulette left only a phone.
    const josiane: Fields = {
      firstName: "Josiane",
      lastName: "Fabre",
      email: `josiane-${setup.suffix}@exemple.fr`,
      communeId: herCommune,
      ageBand: "FROM_60_TO_69",
      preferredLanguage: "fr",
      helperEmail: `fille-${setup.suffix}@exemple.fr`,
    };
    const digits = [...setup.suffix].map((c) => parseInt(c, 16) % 10).join("");
    // 06 12…: a metropolitan mobile (06 39 would be read as Réunion's).
    const paulettePhone = `06 12 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)}`;
    const pauletteStored = { phone: `+33612${digits.slice(0, 6)}` };
    const paulette: Fields = {
      firstName: "Paulette",
      lastName: "Roques",
      phone: paulettePhone,
      preferredLanguage: "fr",
    };
    for (const resident of [josiane, paulette]) {
      expect((await post(request, setup.bookedPath, resident)).status).toBe(303);
    }
    const josianeBefore = storedPerson({ email: josiane.email });
    const pauletteBefore = storedPerson(pauletteStored);

    const strangerDetails: Fields = {
      lastName: "Intrus",
      communeId: strangerCommune,
      ageBand: "FROM_25_TO_39",
      preferredLanguage: "ar",
      consentReminders: "on",
      helperEmail: STRANGER.helper,
    };
    const asJosiane = { ...strangerDetails, firstName: "Josiane", email: josiane.email, phone: "07 99 88 77 66" };
    const asPaulette = { ...strangerDetails, firstName: "Paulette", email: STRANGER.email, phone: paulettePhone };

    const aboutJosiane = await post(request, setup.bookedPath, asJosiane);
    const aboutPaulette = await post(request, setup.bookedPath, asPaulette);
    // Same status, and the same page once the typed values are taken out: the page cannot say
    // whether a message was sent, nor which booking she has.
    expect(aboutJosiane.status).toBe(200);
    expect(aboutPaulette.status).toBe(aboutJosiane.status);
    expect(aboutJosiane.body).toContain(NEUTRAL);
    expect(withoutTyped(aboutPaulette.body, asPaulette)).toBe(withoutTyped(aboutJosiane.body, asJosiane));
    expect(aboutJosiane.body).not.toContain("déjà inscrit");
    // What was typed is still in the form.
    expect(aboutJosiane.body).toContain('value="Intrus"');
    expect(aboutPaulette.body).toContain(`value="${STRANGER.email}"`);

    // A booking the stranger does make, on another session, shows that one booking only.
    const made = await post(request, setup.otherPath, asJosiane);
    expect(made.status).toBe(303);
    const unknown = await post(request, setup.otherPath, {
      ...asJosiane,
      firstName: "Inconnue",
      email: `inconnue-${setup.suffix}@exemple.fr`,
    });
    expect(unknown.status).toBe(made.status);
    expect(unknown.location).toMatch(/^\/reservation\/[^/?]+\?confirmation=1$/);
    expect(made.location).toMatch(/^\/reservation\/[^/?]+\?confirmation=1$/);
    const managePage = await (await request.get(made.location!)).text();
    expect(managePage).toContain(setup.otherTitle);
    expect(managePage).not.toContain(setup.bookedTitle);

    expect(storedPerson({ email: josiane.email })).toEqual(josianeBefore);
    expect(storedPerson(pauletteStored)).toEqual(pauletteBefore);
    expect(queued(josiane.email).map((row) => row.kind)).toEqual([
      "booking-confirmed",
      "booking-refused",
      "booking-confirmed",
    ]);
    const refusal = queued(josiane.email).find((row) => row.kind === "booking-refused")!;
    expect(JSON.parse(refusal.payload)).toMatchObject({ reason: "ALREADY_BOOKED", firstName: "Josiane" });
    expect(refusal.payload).not.toMatch(/reservation\//);
    expect(queued(STRANGER.email)).toEqual([]);
    expect(queued(STRANGER.helper)).toEqual([]);
  });

  test("course form: the same neutral answer, nothing of hers changed, the refusal told to her", async ({
    request,
  }) => {
    const setup = setUp();
    const colette: Fields = {
      firstName: "Colette",
      lastName: "Mas",
      email: `colette-${setup.suffix}@exemple.fr`,
      preferredLanguage: "fr",
    };
    const ginette: Fields = {
      firstName: "Ginette",
      lastName: "Sabatier",
      email: `ginette-${setup.suffix}@exemple.fr`,
      preferredLanguage: "fr",
    };
    for (const resident of [colette, ginette]) {
      expect((await post(request, setup.coursePath, resident)).status).toBe(303);
    }
    const coletteBefore = storedPerson({ email: colette.email });
    const ginetteBefore = storedPerson({ email: ginette.email });

    const strangerDetails: Fields = {
      lastName: "Intrus",
      phone: "07 99 88 77 66",
      communeId: setup.communes[1],
      ageBand: "FROM_25_TO_39",
      preferredLanguage: "es",
      consentReminders: "on",
      helperEmail: STRANGER.helper,
    };
    const asColette = { ...strangerDetails, firstName: "Colette", email: colette.email };
    const asGinette = { ...strangerDetails, firstName: "Ginette", email: ginette.email };
    const aboutColette = await post(request, setup.coursePath, asColette);
    const aboutGinette = await post(request, setup.coursePath, asGinette);
    expect(aboutColette.status).toBe(200);
    expect(aboutGinette.status).toBe(aboutColette.status);
    expect(aboutColette.body).toContain(NEUTRAL);
    expect(withoutTyped(aboutGinette.body, asGinette)).toBe(withoutTyped(aboutColette.body, asColette));
    expect(aboutColette.body).not.toContain("déjà inscrit");

    // An enrolment the stranger does make, in another course, changes nothing of hers either.
    const made = await post(request, setup.otherCoursePath, asColette);
    expect(made.status).toBe(303);

    expect(storedPerson({ email: colette.email })).toEqual(coletteBefore);
    expect(storedPerson({ email: ginette.email })).toEqual(ginetteBefore);
    // Messages about one's own bookings need no tick (decision 015): both are told.
    expect(queued(colette.email).map((row) => row.kind)).toEqual([
      "enrolment-confirmed",
      "booking-refused",
      "enrolment-confirmed",
    ]);
    expect(JSON.parse(queued(colette.email)[1].payload)).toMatchObject({ reason: "ALREADY_ENROLLED" });
    expect(queued(ginette.email).map((row) => row.kind)).toEqual(["enrolment-confirmed", "booking-refused"]);
    expect(queued(STRANGER.helper)).toEqual([]);
  });
});
