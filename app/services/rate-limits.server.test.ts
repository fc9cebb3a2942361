import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { createPrismaClient, prisma } from "~/utils/db.server";

import { createPlace } from "../../tests/fixtures/rows";
import { resetDatabase } from "../../tests/setup/db";
import {
  BOOKINGS_PER_ADDRESS,
  BOOKINGS_PER_CONTACT,
  addressKey,
  limitBookingAttempt,
  rateLimitRefusal,
  type LimitOutcome,
} from "./rate-limits.server";

// Read once when the environment is parsed, before the modules above are evaluated.
vi.hoisted(() => {
  process.env.RATE_LIMIT_EXEMPT_ADDRESSES = "192.0.2.250, ::ffff:192.0.2.251";
});

// The Prisma store reads the clock itself (`new Date()`), so the tests move the clock: only
// `Date` is faked, Prisma's own timers keep running.
const START = new Date("2026-12-01T09:00:00.000Z");
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

beforeEach(async () => {
  await resetDatabase();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

function attempt(input: { address?: string; email?: string | null; phone?: string | null }) {
  return limitBookingAttempt({
    address: input.address ?? "203.0.113.7",
    email: input.email ?? null,
    phone: input.phone ?? null,
  });
}

async function repeat(times: number, run: (i: number) => Promise<LimitOutcome>) {
  const outcomes: LimitOutcome[] = [];
  for (let i = 0; i < times; i++) outcomes.push(await run(i));
  return outcomes;
}

describe("bookings per address", () => {
  test(`one booking more than ${BOOKINGS_PER_ADDRESS.points} from one address within the hour is refused, another address is not`, async () => {
    const allowed = await repeat(BOOKINGS_PER_ADDRESS.points, (i) => attempt({ email: `person${i}@example.org` }));
    expect(allowed.every((outcome) => outcome.ok)).toBe(true);

    vi.setSystemTime(START.getTime() + 20 * MINUTE);
    expect(await attempt({ email: "one-more@example.org" })).toEqual({ ok: false, retryAfterMs: 40 * MINUTE });
    expect(await attempt({ address: "198.51.100.1", email: "one-more@example.org" })).toEqual({ ok: true });

    vi.setSystemTime(START.getTime() + HOUR);
    expect(await attempt({ email: "one-more@example.org" })).toEqual({ ok: true });
  });

  test("an IPv6 address counts by its /64: a resident cannot step around the limit by changing the end", async () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:DB8:0001:0002:ffff:1:2:3")).toBe("2001:db8:1:2::/64");
    expect(addressKey("::ffff:192.0.2.10")).toBe("192.0.2.10");
    expect(addressKey("192.0.2.10")).toBe("192.0.2.10");

    await repeat(BOOKINGS_PER_ADDRESS.points, (i) =>
      attempt({ address: `2001:db8:1:2::${i + 1}`, email: `p${i}@example.org` }),
    );
    expect((await attempt({ address: "2001:db8:1:2:dead:beef::9", email: "x@example.org" })).ok).toBe(false);
    expect((await attempt({ address: "2001:db8:1:3::1", email: "x@example.org" })).ok).toBe(true);
  });
  test("an exempt address (RATE_LIMIT_EXEMPT_ADDRESSES) is never limited by address, still by contact", async () => {
    for (const address of ["192.0.2.250", "192.0.2.251"]) {
      const outcomes = await repeat(BOOKINGS_PER_ADDRESS.points + 5, (i) =>
        attempt({ address, email: `${address}-${i}@example.org` }),
      );
      expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    }
    await repeat(BOOKINGS_PER_CONTACT.points, () => attempt({ address: "192.0.2.250", email: "same@example.org" }));
    expect((await attempt({ address: "192.0.2.250", email: "same@example.org" })).ok).toBe(false);
  });
});

describe("bookings per contact", () => {
  test(`one booking more than ${BOOKINGS_PER_CONTACT.points} with one email in a day from one address is refused, whatever its case; another email is not`, async () => {
    const allowed = await repeat(BOOKINGS_PER_CONTACT.points, () =>
      attempt({ address: "198.51.100.1", email: "Odette@Example.org" }),
    );
    expect(allowed.every((outcome) => outcome.ok)).toBe(true);

    vi.setSystemTime(START.getTime() + 6 * HOUR);
    expect(await attempt({ address: "198.51.100.1", email: " odette@EXAMPLE.org" })).toEqual({
      ok: false,
      retryAfterMs: 18 * HOUR,
    });
    expect(await attempt({ address: "198.51.100.1", email: "pierre@example.org" })).toEqual({ ok: true });

    vi.setSystemTime(START.getTime() + DAY);
    expect(await attempt({ address: "198.51.100.1", email: "odette@example.org" })).toEqual({ ok: true });
  });

  test("a stranger spending her email's budget from his address never locks her out of booking from hers", async () => {
    await repeat(BOOKINGS_PER_CONTACT.points, () => attempt({ address: "203.0.113.66", email: "odette@example.org" }));
    expect((await attempt({ address: "203.0.113.66", email: "odette@example.org" })).ok).toBe(false);
    expect((await attempt({ address: "192.0.2.1", email: "odette@example.org" })).ok).toBe(true);
  });

  test("a phone counts on its own, in any writing of the same number", async () => {
    await repeat(BOOKINGS_PER_CONTACT.points, () => attempt({ address: "198.51.100.1", phone: "06 12 34 56 78" }));
    expect((await attempt({ address: "198.51.100.1", phone: "+33 6 12 34 56 78" })).ok).toBe(false);
    expect((await attempt({ address: "198.51.100.1", phone: "06 12 34 56 79" })).ok).toBe(true);
    // The same refused phone with an email that is still under its limit: still refused.
    expect((await attempt({ address: "198.51.100.1", email: "new@example.org", phone: "0612345678" })).ok).toBe(false);
  });
});

test("the counters hold hashes, never the address, the email or the phone", async () => {
  await attempt({ address: "203.0.113.7", email: "odette@example.org", phone: "0612345678" });
  const rows = await prisma.rateLimit.findMany();
  expect(rows).toHaveLength(3);
  expect(JSON.stringify(rows)).not.toMatch(/203\.0\.113\.7|odette|612345678/);
});

test("two app instances (two connections to one database) share the counters: exactly the limit gets through", async () => {
  const url = process.env.DATABASE_URL!;
  const [first, second] = [createPrismaClient(url), createPrismaClient(url)];
  try {
    // The limiter module uses the app's client; two other clients play two more instances by
    // writing to the same counters the same way the store does.
    const { RateLimiterPrisma } = await import("rate-limiter-flexible");
    const limiterOn = (client: typeof first) =>
      new RateLimiterPrisma({
        storeClient: client,
        tableName: "rateLimit",
        keyPrefix: BOOKINGS_PER_CONTACT.name,
        points: BOOKINGS_PER_CONTACT.points,
        duration: BOOKINGS_PER_CONTACT.durationSeconds,
        clearExpiredByTimeout: false,
      });
    const limiters = [limiterOn(first), limiterOn(second)];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => limiters[i % 2]!.consume("same-key")),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(BOOKINGS_PER_CONTACT.points);
    const row = await prisma.rateLimit.findUniqueOrThrow({ where: { key: `${BOOKINGS_PER_CONTACT.name}:same-key` } });
    expect(row.points).toBe(40);
  } finally {
    await Promise.all([first.$disconnect(), second.$disconnect()]);
  }
});

describe("what a refused resident is told", () => {
  const refused = { ok: false as const, retryAfterMs: 11 * MINUTE + 30 * 1000 };

  test("when to try again in words and in seconds, and the place's phone kept left to right", async () => {
    expect(await rateLimitRefusal(refused, { about: "booking", language: "fr", placePhone: "04 68 11 22 33" })).toEqual(
      {
        message: "rateLimit:booking?when=dans+12+minutes&phone=%E2%81%A604+68+11+22+33%E2%81%A9",
        headers: { "Retry-After": "690" },
      },
    );
  });

  test("without a place, the digital hub's phone; without any phone, a message that needs none", async () => {
    expect((await rateLimitRefusal(refused, { about: "link", language: "en" })).message).toBe(
      "rateLimit:linkNoPhone?when=in+12+minutes",
    );
    const place = await createPlace();
    await prisma.place.update({ where: { id: place.id }, data: { kind: "DIGITAL_HUB", phone: "04 68 10 24 50" } });
    expect((await rateLimitRefusal(refused, { about: "link", language: "es", placePhone: null })).message).toBe(
      "rateLimit:link?when=dentro+de+12+minutos&phone=%E2%81%A604+68+10+24+50%E2%81%A9",
    );
  });
});
