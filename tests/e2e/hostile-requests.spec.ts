import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import { expect, test, type APIRequestContext, type APIResponse, type PlaywrightWorkerArgs } from "@playwright/test";

type Playwright = PlaywrightWorkerArgs["playwright"];
import { e2eUrls } from "../../playwright.config";
import { sqlDate, withDb } from "./support/e2e-db";
import { tr } from "./support/i18n";

// Requests no page of ours sends — other verbs, posts from another site, bodies over the limit,
// redirect targets holding control characters or leading off-site — on every resident action.
// Each gets a 4xx with a small translated page (never a 500), and nothing changes in the
// database. No page is opened: the `request` fixture speaks HTTP only, so the axe fixture has
// nothing to scan and is not used.

const DAY = 24 * 60 * 60 * 1000;
const hash = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
const newToken = () => randomBytes(32).toString("base64url");
/** Remix's cookie encoding (base64 JSON), as the language switcher sets it. */
const languageCookie = (language: string) =>
  `lng=${encodeURIComponent(Buffer.from(JSON.stringify(language)).toString("base64"))}`;

type Refusal = "badRequest" | "forbidden" | "methodNotAllowed" | "payloadTooLarge";
const STATUS: Record<Refusal, number> = {
  badRequest: 400,
  forbidden: 403,
  methodNotAllowed: 405,
  payloadTooLarge: 413,
};

/** One way of asking for the page in a language, taken in turn so every language is seen. */
const LANGUAGES = [
  { language: "fr", headers: {} },
  { language: "en", headers: { "Accept-Language": "en-GB,en;q=0.9" } },
  { language: "ar", headers: { Cookie: languageCookie("ar") } },
  { language: "es", headers: { "Accept-Language": "es-ES,es;q=0.9,de;q=0.5" } },
] as const;

type Fixture = {
  sessionId: string;
  courseId: string;
  bookingId: string;
  manageToken: string;
  linkToken: string;
  email: string;
  residentCookie: string;
};

/**
 * Requests whose cookies must not land in the test's own `request` context, which keeps a
 * cookie jar: the hostile requests carry only the cookies each case sets.
 */
async function withScratchContext<T>(playwright: Playwright, work: (request: APIRequestContext) => Promise<T>) {
  const request = await playwright.request.newContext({ baseURL: e2eUrls.app });
  try {
    return await work(request);
  } finally {
    await request.dispose();
  }
}

/**
 * A seeded resident with an upcoming confirmed booking, given a manage link and two bookings
 * links whose tokens the test knows (the database keeps only hashes). One link is spent here,
 * as a resident would, for a real "mes réservations" cookie; the other stays unspent.
 */
async function prepare(playwright: Playwright): Promise<Fixture> {
  const manageToken = newToken();
  const linkToken = newToken();
  const spentToken = newToken();
  const ids = withDb((db) => {
    const after = sqlDate(new Date(Date.now() + DAY));
    const session = db
      .prepare(
        `SELECT id FROM Session WHERE status = 'SCHEDULED' AND deletedAt IS NULL AND courseId IS NULL
           AND startsAt > ? AND seatsTaken < capacity ORDER BY startsAt DESC LIMIT 1 OFFSET 3`,
      )
      .get(after) as { id: string };
    const course = db.prepare(`SELECT id FROM Course WHERE deletedAt IS NULL LIMIT 1`).get() as { id: string };
    // From the end of the list: the other specs take residents from its start.
    const resident = db
      .prepare(
        `SELECT p.id AS personId, p.email, b.id AS bookingId FROM Person p
         JOIN Booking b ON b.personId = p.id JOIN Session s ON s.id = b.sessionId
         WHERE p.email IS NOT NULL AND p.deletedAt IS NULL AND p.anonymised = 0 AND b.status = 'CONFIRMED'
           AND s.status = 'SCHEDULED' AND s.deletedAt IS NULL AND s.startsAt > ?
         ORDER BY p.id DESC, b.id LIMIT 1`,
      )
      .get(after) as { personId: string; email: string; bookingId: string };
    db.prepare(`UPDATE Booking SET manageTokenHash = ? WHERE id = ?`).run(hash(manageToken), resident.bookingId);
    const insertLink = db.prepare(
      `INSERT INTO AccessToken (id, tokenHash, personId, purpose, expiresAt, createdAt)
       VALUES (?, ?, ?, 'bookings-list', ?, ?)`,
    );
    for (const token of [linkToken, spentToken]) {
      insertLink.run(
        `e2e-${newToken()}`,
        hash(token),
        resident.personId,
        sqlDate(new Date(Date.now() + DAY / 48)),
        sqlDate(new Date()),
      );
    }
    return { sessionId: session.id, courseId: course.id, ...resident };
  });
  const residentCookie = await withScratchContext(playwright, async (request) => {
    const opened = await request.post(`/mes-reservations/acces/${spentToken}`, { maxRedirects: 0 });
    expect(opened.status()).toBe(303);
    return (opened.headers()["set-cookie"] ?? "").split(";")[0];
  });
  expect(residentCookie).toMatch(/^__resident=./);
  return { ...ids, manageToken, linkToken, residentCookie };
}

function databaseState(fixture: Fixture) {
  return withDb((db) => {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      bookings: count("Booking"),
      persons: count("Person"),
      outbox: count("OutboxEmail"),
      accessTokens: count("AccessToken"),
      residentSessions: count("ResidentSession"),
      enrolments: count("CourseEnrolment"),
      booking: db.prepare(`SELECT status FROM Booking WHERE id = ?`).get(fixture.bookingId),
      unspentLink: db.prepare(`SELECT usedAt FROM AccessToken WHERE tokenHash = ?`).get(hash(fixture.linkToken)),
      openSessions: count("ResidentSession WHERE revokedAt IS NULL"),
    };
  });
}

/** Each resident action, with the form that would make it act if the request were let through. */
function actionRoutes(fixture: Fixture) {
  const person = {
    firstName: "Intrus",
    lastName: "Hostile",
    email: `intrus.${Date.now()}@example.org`,
    consentReminders: "on",
  };
  const withResident = { Cookie: fixture.residentCookie };
  return [
    { name: "booking form", path: `/ateliers/${fixture.sessionId}/reserver`, form: person },
    { name: "course enrolment", path: `/parcours/${fixture.courseId}/inscription`, form: person },
    { name: "manage cancel", path: `/reservation/${fixture.manageToken}/annuler`, form: {} },
    {
      name: "bookings list cancel",
      path: "/mes-reservations/annuler",
      form: { bookingId: fixture.bookingId },
      headers: withResident,
    },
    { name: "link request", path: "/mes-reservations", form: { email: fixture.email } },
    { name: "link access", path: `/mes-reservations/acces/${fixture.linkToken}`, form: {} },
    { name: "sign-out", path: "/mes-reservations/deconnexion", form: {}, headers: withResident },
    { name: "preferences", path: "/preferences", form: { lng: "en", display: "large", redirectTo: "/ateliers" } },
  ] as { name: string; path: string; form: Record<string, string>; headers?: Record<string, string> }[];
}

/** The single-fetch twin of a page address (what a fetcher or a JavaScript form posts to). */
function dataPath(path: string): string {
  return path === "/mes-reservations" ? "/mes-reservations.data?index" : `${path}.data`;
}

const encode = (form: Record<string, string>) => new URLSearchParams(form).toString();
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

type Case = {
  name: string;
  refusal: Refusal;
  method: string;
  headers?: Record<string, string>;
  /** Replaces the route's form. */
  body?: string;
};

const cases: Case[] = [
  { name: "TRACE", refusal: "methodNotAllowed", method: "TRACE" },
  { name: "PUT with the form", refusal: "methodNotAllowed", method: "PUT" },
  { name: "PATCH with the form", refusal: "methodNotAllowed", method: "PATCH" },
  { name: "DELETE", refusal: "methodNotAllowed", method: "DELETE" },
  { name: "OPTIONS", refusal: "methodNotAllowed", method: "OPTIONS" },
  { name: "POST from another site", refusal: "forbidden", method: "POST", headers: { Origin: "https://evil.example" } },
  { name: "POST with Origin: null", refusal: "forbidden", method: "POST", headers: { Origin: "null" } },
  {
    name: "POST with a garbled Origin",
    refusal: "forbidden",
    method: "POST",
    headers: { Origin: "http://exa mple:99999" },
  },
  {
    name: "POST from another port of the same host",
    refusal: "forbidden",
    method: "POST",
    headers: { Origin: e2eUrls.app.replace(/:(\d+)$/, (_, port: string) => `:${Number(port) + 1}`) },
  },
  {
    name: "POST without Origin, from another site's page",
    refusal: "forbidden",
    method: "POST",
    headers: { Referer: "https://evil.example/page" },
  },
  {
    name: "POST of 70 KB (Content-Length over the limit)",
    refusal: "payloadTooLarge",
    method: "POST",
    body: `firstName=${"a".repeat(70 * 1024)}`,
  },
];

async function send(
  request: APIRequestContext,
  path: string,
  kase: Case,
  route: { form: Record<string, string>; headers?: Record<string, string> },
  languageHeaders: Record<string, string>,
) {
  const cookie = [route.headers?.Cookie, languageHeaders.Cookie].filter(Boolean).join("; ");
  return request.fetch(path, {
    method: kase.method,
    headers: {
      ...FORM,
      ...route.headers,
      ...languageHeaders,
      ...(cookie ? { Cookie: cookie } : {}),
      ...kase.headers,
    },
    data: kase.method === "TRACE" ? undefined : (kase.body ?? encode(route.form)),
    maxRedirects: 0,
  });
}

async function expectRefusalPage(response: APIResponse, refusal: Refusal, language: string, label: string) {
  expect(response.status(), label).toBe(STATUS[refusal]);
  expect(response.headers()["content-type"], label).toContain("text/html");
  const body = await response.text();
  expect(body, label).toContain(`<html lang="${language}"`);
  expect(body, label).toContain(tr(language, `errors:http.${refusal}.title`));
  expect(body, label).toContain(tr(language, "errors:backHome"));
  expect(response.headers()["set-cookie"], label).toBeUndefined();
  if (refusal === "methodNotAllowed") expect(response.headers()["allow"], label).toBe("GET, HEAD, POST");
  return body;
}

/** A chunked POST (no Content-Length): the server counts what arrives and refuses past the limit. */
function postChunked(path: string, totalBytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request(new URL(path, e2eUrls.app), {
      method: "POST",
      headers: { ...FORM, "Transfer-Encoding": "chunked" },
    });
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body });
        request.destroy();
      });
    });
    // The server closes the connection once it has answered: writing more then fails, as expected.
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(16 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    request.write("firstName=");
    pump();
  });
}

test.describe.configure({ timeout: 120_000 });

test("hostile requests on every resident action get a translated 4xx page and change nothing", async ({
  request,
  playwright,
}) => {
  const fixture = await prepare(playwright);
  const before = databaseState(fixture);
  let turn = 0;
  for (const route of actionRoutes(fixture)) {
    for (const path of [route.path, dataPath(route.path)]) {
      for (const kase of cases) {
        const { language, headers } = LANGUAGES[turn++ % LANGUAGES.length];
        const label = `${kase.name} → ${route.name} (${path}, ${language})`;
        const response = await send(request, path, kase, route, headers).catch((error: Error) => {
          throw new Error(`${label}: ${error.message}`);
        });
        const body = await expectRefusalPage(response, kase.refusal, language, label);
        if (kase.body) expect(body, `${label}: the long value is not echoed`).not.toContain("a".repeat(100));
        expect(body, label).not.toContain("Ω".repeat(10));
      }
    }
    const chunked = await postChunked(route.path, 512 * 1024);
    expect(chunked.status, `chunked 512 KB → ${route.name}`).toBe(413);
    expect(chunked.body).toContain(tr("fr", "errors:http.payloadTooLarge.title"));
  }
  expect(databaseState(fixture)).toEqual(before);
  // The resident's session was never signed out by the forged sign-outs above.
  const list = await request.get("/mes-reservations/liste", {
    headers: { Cookie: fixture.residentCookie },
    maxRedirects: 0,
  });
  expect(list.status()).toBe(200);
});

test("a redirect target leading off-site or holding control characters never leaves the site", async ({
  request,
  playwright,
}) => {
  const fixture = await prepare(playwright);
  const before = databaseState(fixture);
  await withScratchContext(playwright, async (scratch) => {
    const origin = { Origin: e2eUrls.app };
    const switched = await scratch.post("/preferences", {
      headers: origin,
      form: { lng: "en", redirectTo: "/ateliers?lieu=hub" },
      maxRedirects: 0,
    });
    expect(switched.status(), "a normal switch from our own page still works").toBe(303);
    expect(switched.headers()["location"]).toBe("/ateliers?lieu=hub");
    expect(switched.headers()["set-cookie"]).toContain("lng=");
  });

  // Point 3: characters no address of ours holds → 400, no cookie set.
  const unsafe: [string, string][] = [
    ["CR LF", "redirectTo=%2Fateliers%0D%0ASet-Cookie%3A%20x%3D1"],
    ["LF", "redirectTo=%2F%0A%2Fevil.example"],
    ["NUL", "redirectTo=%2Fateliers%00"],
    ["bidi override", "redirectTo=%2Fateliers%E2%80%AEtxt.exe"],
    ["invalid UTF-8", "redirectTo=%2Fateliers%FF%FE"],
    ["the open redirect of issue 6", "redirectTo=%2F%09%2Fevil.example%2Fx"],
  ];
  for (const [index, [name, body]] of unsafe.entries()) {
    const { language: lng, headers } = LANGUAGES[index % LANGUAGES.length];
    const response = await request.post("/preferences", {
      headers: { ...FORM, ...headers },
      data: `lng=es&display=large&${body}`,
      maxRedirects: 0,
    });
    await expectRefusalPage(response, "badRequest", lng, `preferences, redirectTo with ${name}`);
  }
  // Raw bytes that are not UTF-8 at all, not percent-encoded.
  const raw = await request.post("/preferences", {
    headers: FORM,
    data: Buffer.concat([Buffer.from("redirectTo=/ateliers"), Buffer.from([0xff, 0xc3, 0x28])]),
    maxRedirects: 0,
  });
  await expectRefusalPage(raw, "badRequest", "fr", "preferences, raw invalid UTF-8");

  // Point 4: targets that resolve to another site go home instead.
  for (const target of ["//evil.example/x", "/\\evil.example/x", "https://evil.example/x", "http:evil.example"]) {
    const response = await request.post("/preferences", { form: { redirectTo: target }, maxRedirects: 0 });
    expect(response.status(), target).toBe(303);
    expect(response.headers()["location"], target).toBe("/");
  }

  // Every other action ignores redirectTo: whatever it answers stays on this site. (The token
  // routes get unknown tokens: a known one would be a real cancellation or sign-in.)
  const otherTargets = actionRoutes(fixture)
    .filter((route) => route.name !== "preferences")
    .map((route) => route.path.replace(fixture.manageToken, "inconnu").replace(fixture.linkToken, "inconnu"));
  for (const path of otherTargets) {
    const response = await request.post(path, {
      headers: FORM,
      data: "redirectTo=%2F%09%2Fevil.example%2Fx",
      maxRedirects: 0,
    });
    expect(response.status(), path).toBeLessThan(500);
    expect(response.status(), path).not.toBe(200);
    const location = response.headers()["location"];
    if (location !== undefined) expect(location, path).toMatch(/^\/(?![/\\])/);
  }
  expect(databaseState(fixture)).toEqual(before);
});

/** A raw request, exactly as written: a request target and headers no browser or client library sends. */
function rawRequest(target: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: new URL(e2eUrls.app).port, path: target, headers });
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

test("a request the app cannot even read (odd Host port, unparsable target) gets a translated 400, never a 500", async () => {
  const cases: { target: string; headers: Record<string, string> }[] = [
    { target: "/ateliers", headers: { Host: "127.0.0.1:99999" } },
    { target: "/ateliers", headers: { "X-Forwarded-Host": "a:-1" } },
    { target: "/ateliers", headers: { Host: "[::1" } },
    { target: "//[", headers: {} },
    { target: "/ateliers?lng=%ZZ", headers: {} },
  ];
  for (const { target, headers } of cases) {
    const { status, body } = await rawRequest(target, headers);
    expect(status, `${target} ${JSON.stringify(headers)}`).toBeLessThan(500);
    if (status === 400) expect(body, target).toContain("pas pu être traitée");
  }
});
