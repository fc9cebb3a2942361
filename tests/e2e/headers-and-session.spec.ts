import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { claim, derivedLinkToken, sqlDate, withDb } from "./support/e2e-db";

// Security headers on every kind of response, the CSP nonce on the page's inline scripts (and
// pages still hydrating under that policy), and the "mes réservations" session ending for good
// on sign-out. The header values themselves (HSTS only under https) are unit-tested in
// tests/unit/http-guards.test.ts. The browser test opens pages only to watch the console, so it
// uses Playwright's own `test`, not the axe fixture.

const hash = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

/** A seeded resident's upcoming booking, given a manage link and a bookings link the test knows. */
function residentLinks() {
  let manageToken = "";
  const linkToken = newToken();
  withDb((db) => {
    const residents = db
      .prepare(
        `SELECT p.id AS personId, b.id AS bookingId FROM Person p
         JOIN Booking b ON b.personId = p.id JOIN Session s ON s.id = b.sessionId
         WHERE p.deletedAt IS NULL AND p.anonymised = 0 AND b.status = 'CONFIRMED'
           AND s.status = 'SCHEDULED' AND s.deletedAt IS NULL AND s.startsAt > ?
         ORDER BY p.id DESC, b.id`,
      )
      .all(sqlDate(new Date(Date.now() + 24 * 3600 * 1000))) as { personId: string; bookingId: string }[];
    // Claimed, so no other worker cancels this booking or signs this person in meanwhile.
    const personId = claim("person", [...new Set(residents.map((r) => r.personId))]);
    const resident = residents.find((r) => r.personId === personId);
    if (!resident) throw new Error("the e2e seed has no unclaimed resident with an upcoming booking");
    // Its link, derived from its id as the server derives it (docs/decisions/016).
    manageToken = derivedLinkToken("manage", resident.bookingId);
    db.prepare(
      `INSERT INTO AccessToken (id, tokenHash, personId, purpose, expiresAt, createdAt)
       VALUES (?, ?, ?, 'bookings-list', ?, ?)`,
    ).run(
      `e2e-${newToken()}`,
      hash(linkToken),
      resident.personId,
      sqlDate(new Date(Date.now() + 30 * 60 * 1000)),
      sqlDate(new Date()),
    );
  });
  return { manageToken, linkToken };
}

test("every response says nosniff; pages carry a CSP whose nonce is on each inline script", async ({ request }) => {
  const page = await request.get("/ateliers");
  expect(page.status()).toBe(200);
  const headers = page.headers();
  const csp = headers["content-security-policy"];
  const scriptSrc =
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc).not.toContain("unsafe-inline");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["strict-transport-security"], "no HSTS when APP_URL is http").toBeUndefined();

  const html = await page.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
  expect(scripts.length).toBeGreaterThan(1);
  for (const attributes of scripts) {
    if (/\bsrc=/.test(attributes)) continue;
    expect(attributes, "an inline script without this response's nonce").toContain(`nonce="${nonce}"`);
  }
  // A new nonce for every response.
  const again = (await request.get("/ateliers")).headers()["content-security-policy"];
  expect(again).not.toContain(`'nonce-${nonce}'`);

  const asset =
    /<script[^>]*\bsrc="(\/build\/[^"]+\.js)"/.exec(html)?.[1] ?? /href="(\/build\/[^"]+\.css)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  const { manageToken } = residentLinks();
  const others = {
    ".ics": `/reservation/${manageToken}/agenda.ics`,
    ".data": "/ateliers.data",
    "static file": "/favicon.svg",
    "built asset": asset!,
    "404 page": "/nulle-part",
  };
  for (const [kind, path] of Object.entries(others)) {
    const response = await request.get(path);
    expect(response.status(), kind).toBe(kind === "404 page" ? 404 : 200);
    expect(response.headers()["x-content-type-options"], kind).toBe("nosniff");
    expect(response.headers()["content-security-policy"], kind).toContain("frame-ancestors 'none'");
  }
});

test("pages hydrate under the CSP, with no violation reported", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|connect|apply)/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  page.on("pageerror", (error) => violations.push(error.message));
  await page.goto("/ateliers");
  // Remix sets window.__remixRouter when it hydrates; a client-side navigation then fetches data only.
  await page.waitForFunction(() => "__remixRouter" in window, undefined, { timeout: 15_000 });
  let documentLoads = 0;
  page.on("load", () => (documentLoads += 1));
  await page.locator('a[href^="/ateliers/"]').first().click();
  await expect(page).toHaveURL(/\/ateliers\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(documentLoads, "the click was handled by the hydrated app, not a new document").toBe(0);
  expect(violations).toEqual([]);
});

test("signing out ends the bookings session for good: the old cookie, replayed, opens nothing", async ({
  playwright,
  baseURL,
}) => {
  const { linkToken } = residentLinks();
  const resident = await playwright.request.newContext({ baseURL });
  try {
    const opened = await resident.post(`/mes-reservations/acces/${linkToken}`, { maxRedirects: 0 });
    expect(opened.status()).toBe(303);
    const setCookie = opened.headers()["set-cookie"] ?? "";
    expect(setCookie).toMatch(/^__resident=/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    const cookie = setCookie.split(";")[0];
    const list = () => resident.get("/mes-reservations/liste", { headers: { Cookie: cookie }, maxRedirects: 0 });
    expect((await list()).status()).toBe(200);

    const signedOut = await resident.post("/mes-reservations/deconnexion", {
      headers: { Cookie: cookie },
      maxRedirects: 0,
    });
    expect(signedOut.status()).toBe(303);
    expect(signedOut.headers()["set-cookie"]).toMatch(/^__resident=;.*Max-Age=0/);

    const replayed = await list();
    expect(replayed.status(), "the copy of the cookie kept from before signing out").toBe(303);
    expect(replayed.headers()["location"]).toBe("/mes-reservations");
  } finally {
    await resident.dispose();
  }
});
