import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { prisma } from "~/utils/db.server";
import { bookingsLinkTokenFor } from "~/utils/link-tokens.server";
import { hashToken } from "~/utils/tokens.server";

import { resetDatabase } from "../../tests/setup/db";
import { consumeBookingsLink, requestBookingsLink } from "./access-link.server";
import { bookSession } from "./book-session.server";
import { EMAILS_PER_RECIPIENT, LINK_REQUESTS_PER_ADDRESS, LINK_REQUESTS_PER_EMAIL } from "./rate-limits.server";
import { DAY, NOW, at, createSession, outboxEmails, personInput } from "../../tests/fixtures/rows";

beforeEach(() => resetDatabase());

const MINUTE = 60 * 1000;

let sessionsMade = 0;

async function resident(firstName: string, email: string, phone: string | null = null) {
  // Each on a day of its own: one person's bookings never overlap.
  const session = await createSession({ startsAt: at((2 + sessionsMade++) * DAY) });
  const result = await bookSession({
    sessionId: session.id,
    person: personInput({ firstName, email, phone }),
    source: "ONLINE",
    now: NOW,
  });
  if (!result.ok) throw new Error(result.code);
  return result.personId;
}

function request(email: string, options: { ip?: string; now?: Date } = {}) {
  return requestBookingsLink({ email, locale: "en", ip: options.ip ?? "203.0.113.7", now: options.now ?? NOW });
}

/** What the composer puts in the email when it sends it: the token derived from the link's row. */
function tokenFrom(payload: Record<string, unknown>): string {
  return bookingsLinkTokenFor(String(payload.accessTokenId));
}

describe("requestBookingsLink", () => {
  test("a booking contact gets a 30-minute single-use link; no token is stored, only the row it derives from", async () => {
    const personId = await resident("Odette", "Odette@Example.org");
    expect(await request("  odette@example.ORG ")).toEqual({ ok: true });

    const [email] = await outboxEmails("bookings-link");
    expect(email).toMatchObject({ recipient: "Odette@Example.org", locale: "en" });
    const stored = await prisma.accessToken.findFirstOrThrow();
    expect(email.payload).toEqual({
      accessTokenId: stored.id,
      expiresAt: at(30 * MINUTE).toISOString(),
      firstName: "Odette",
    });

    const token = tokenFrom(email.payload);
    expect(stored).toMatchObject({
      personId,
      contactEmailNormalized: "odette@example.org",
      tokenHash: hashToken(token),
      purpose: "bookings-list",
      usedAt: null,
      expiresAt: at(30 * MINUTE),
    });
    expect(JSON.stringify(await prisma.accessToken.findMany())).not.toContain(token);
    expect(JSON.stringify(await prisma.outboxEmail.findMany())).not.toContain(token);
  });

  test("bookings are found by the email given with them, not by the stored person's address", async () => {
    // Known by phone and first name; she booked again with a new address (issue 7).
    const personId = await resident("Lucie", "lucie.ancienne@example.org", "0622334455");
    await resident("Lucie", "lucie.nouvelle@example.org", "0622334455");
    expect(await prisma.person.count()).toBe(1);

    await request("lucie.nouvelle@example.org");
    const [email] = await outboxEmails("bookings-link");
    expect(email).toMatchObject({ recipient: "lucie.nouvelle@example.org" });
    const opened = await consumeBookingsLink(tokenFrom(email.payload), NOW);
    expect(opened).toEqual({ ok: true, personId, contactEmailNormalized: "lucie.nouvelle@example.org" });
  });

  test("an unknown email hears the same answer and nothing is sent", async () => {
    expect(await request("nobody@example.org")).toEqual({ ok: true });
    expect(await prisma.accessToken.count()).toBe(0);
    expect(await outboxEmails()).toHaveLength(0);
  });

  test("a household sharing an email gets one link per person", async () => {
    const pierre = await resident("Pierre", "famille@example.org");
    const josette = await resident("Josette", "famille@example.org");
    await request("famille@example.org");

    const emails = await outboxEmails("bookings-link");
    expect(emails.map((e) => e.payload.firstName).sort()).toEqual(["Josette", "Pierre"]);
    const opened = await Promise.all(emails.map((e) => consumeBookingsLink(tokenFrom(e.payload), NOW)));
    expect(opened.map((o) => (o.ok ? o.personId : o.code)).sort()).toEqual([pierre, josette].sort());
  });

  describe("rate limits", () => {
    // The limiter's store reads the clock itself: the tests move it (only Date is faked).
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(NOW);
    });
    afterEach(() => vi.useRealTimers());
    const wait = (ms: number) => vi.setSystemTime(Date.now() + ms);

    test(`at most ${LINK_REQUESTS_PER_EMAIL.points} requests per email in 15 minutes, known or not, whatever its case`, async () => {
      await resident("Odette", "odette@example.org");
      for (const email of ["odette@example.org", "nobody@example.org"]) {
        vi.setSystemTime(NOW);
        for (let i = 0; i < 3; i++) expect(await request(email, { ip: `198.51.100.${i}` })).toEqual({ ok: true });
        wait(5 * MINUTE);
        expect(await request(email.toUpperCase(), { ip: "198.51.100.99" })).toEqual({
          ok: false,
          code: "RATE_LIMITED",
          retryAfterMs: 10 * MINUTE,
        });
        expect(await request("someone.else@example.org", { ip: "198.51.100.99" })).toEqual({ ok: true });
        wait(10 * MINUTE);
        expect(await request(email)).toEqual({ ok: true });
      }
      expect(await outboxEmails("bookings-link")).toHaveLength(4);
    });

    test(`at most ${LINK_REQUESTS_PER_ADDRESS.points} requests per address in 15 minutes`, async () => {
      for (let i = 0; i < 20; i++) expect(await request(`person${i}@example.org`)).toEqual({ ok: true });
      expect(await request("another@example.org")).toMatchObject({ ok: false, code: "RATE_LIMITED" });
      expect(await request("another@example.org", { ip: "192.0.2.1" })).toEqual({ ok: true });
      wait(15 * MINUTE);
      expect(await request("another@example.org")).toEqual({ ok: true });
    });

    test(`a household of 60 on one email: one request queues at most ${EMAILS_PER_RECIPIENT.points} emails, and the answer stays the same`, async () => {
      const session = await createSession({ capacity: 100 });
      for (let i = 0; i < 60; i++) {
        const result = await bookSession({
          sessionId: session.id,
          person: personInput({ firstName: `Membre${i}`, email: "foyer@example.org" }),
          source: "ONLINE",
          now: NOW,
        });
        expect(result.ok).toBe(true);
      }
      expect(await request("foyer@example.org")).toEqual({ ok: true });
      expect(await outboxEmails("bookings-link")).toHaveLength(EMAILS_PER_RECIPIENT.points);
      expect(await request("foyer@example.org")).toEqual({ ok: true });
      expect(await outboxEmails("bookings-link")).toHaveLength(EMAILS_PER_RECIPIENT.points);

      wait(24 * 60 * MINUTE);
      expect(await request("foyer@example.org")).toEqual({ ok: true });
      expect(await outboxEmails("bookings-link")).toHaveLength(2 * EMAILS_PER_RECIPIENT.points);
    });

    test("nothing is written to the audit log, and the counters hold hashes only", async () => {
      await request("odette@example.org", { ip: "203.0.113.7" });
      expect(await prisma.auditLog.count()).toBe(0);
      const rows = await prisma.rateLimit.findMany();
      expect(rows).toHaveLength(2);
      expect(JSON.stringify(rows)).not.toMatch(/odette|203\.0\.113\.7/);
    });
  });
});

describe("consumeBookingsLink", () => {
  async function linkFor(email: string, now = NOW) {
    await request(email, { now });
    const [sent] = (await outboxEmails("bookings-link")).slice(-1);
    return tokenFrom(sent.payload);
  }

  test("opens once, then says it was used", async () => {
    const personId = await resident("Odette", "odette@example.org");
    const token = await linkFor("odette@example.org");
    expect(await consumeBookingsLink(token, at(MINUTE))).toEqual({
      ok: true,
      personId,
      contactEmailNormalized: "odette@example.org",
    });
    expect(await consumeBookingsLink(token, at(2 * MINUTE))).toEqual({ ok: false, code: "USED" });
    expect((await prisma.accessToken.findFirstOrThrow()).usedAt).toEqual(at(MINUTE));
    expect((await prisma.person.findUniqueOrThrow({ where: { id: personId } })).lastActivityAt).toEqual(at(MINUTE));
  });

  test("two simultaneous clicks: exactly one gets in", async () => {
    await resident("Odette", "odette@example.org");
    const token = await linkFor("odette@example.org");
    const results = await Promise.all(Array.from({ length: 5 }, () => consumeBookingsLink(token, at(MINUTE))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "USED")).toHaveLength(4);
  });

  test("expires after 30 minutes", async () => {
    await resident("Odette", "odette@example.org");
    const token = await linkFor("odette@example.org");
    expect(await consumeBookingsLink(token, at(30 * MINUTE))).toEqual({ ok: false, code: "EXPIRED" });
  });

  test("an unknown or malformed token is invalid", async () => {
    expect(await consumeBookingsLink("made-up")).toEqual({ ok: false, code: "INVALID" });
    expect(await consumeBookingsLink("")).toEqual({ ok: false, code: "INVALID" });
    expect(await consumeBookingsLink("x".repeat(5000))).toEqual({ ok: false, code: "INVALID" });
  });
});
