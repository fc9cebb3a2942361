import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { enqueueEmail } from "./outbox.server";
import { EMAILS_PER_RECIPIENT } from "./rate-limits.server";
import { runTransaction } from "./transaction.server";

beforeEach(() => resetDatabase());

const email = {
  kind: "booking-confirmed" as const,
  recipient: "marie@example.org",
  locale: "fr",
  payload: { firstName: "Marie", startsAt: "2026-12-03T09:00:00.000Z" },
  dedupeKey: "booking-confirmed:b1:2026-12-01T09:00:00.000Z",
};

test("stores the payload as JSON, due now unless told otherwise", async () => {
  const before = Date.now();
  await runTransaction((tx) => enqueueEmail(tx, email));
  const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: email.dedupeKey } });
  expect(row).toMatchObject({
    kind: "booking-confirmed",
    recipient: "marie@example.org",
    locale: "fr",
    sentAt: null,
    attempts: 0,
  });
  expect(JSON.parse(row.payload)).toEqual(email.payload);
  // "Due now": not before the call (the column's default may drop the milliseconds), not after it.
  expect(row.sendAfter.getTime()).toBeGreaterThanOrEqual(before - 1000);
  expect(row.sendAfter.getTime()).toBeLessThanOrEqual(Date.now());

  const later = new Date("2026-12-02T07:00:00.000Z");
  await runTransaction((tx) =>
    enqueueEmail(tx, { ...email, kind: "reminder", dedupeKey: "reminder:b1", sendAfter: later }),
  );
  expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: "reminder:b1" } })).sendAfter).toEqual(
    later,
  );
});

test("the same dedupeKey enqueues once, and never touches a row already sent", async () => {
  await runTransaction((tx) => enqueueEmail(tx, email));
  await prisma.outboxEmail.update({ where: { dedupeKey: email.dedupeKey }, data: { sentAt: new Date() } });
  await runTransaction((tx) => enqueueEmail(tx, { ...email, payload: { firstName: "Changed" } }));

  const rows = await prisma.outboxEmail.findMany();
  expect(rows).toHaveLength(1);
  expect(rows[0].sentAt).not.toBeNull();
  expect(JSON.parse(rows[0].payload)).toEqual(email.payload);
});

test("an email enqueued in a transaction that rolls back is not sent", async () => {
  await expect(
    runTransaction(async (tx) => {
      await enqueueEmail(tx, email);
      throw new Error("the change failed");
    }),
  ).rejects.toThrow("the change failed");
  expect(await prisma.outboxEmail.count()).toBe(0);
});

describe("emails to one recipient a day", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-01T09:00:00.000Z"));
  });
  afterEach(() => vi.useRealTimers());

  const receipt = (n: number, recipient = "marie@example.org") => ({
    ...email,
    recipient,
    dedupeKey: `booking-confirmed:b${n}`,
  });

  test(`a receipt over ${EMAILS_PER_RECIPIENT.points} a day to one address is not queued; another address, a link and other kinds are`, async () => {
    for (let n = 0; n < EMAILS_PER_RECIPIENT.points; n++) {
      expect(await runTransaction((tx) => enqueueEmail(tx, receipt(n)))).toBe("queued");
    }
    expect(await runTransaction((tx) => enqueueEmail(tx, receipt(99, "MARIE@example.org")))).toBe(
      "over-recipient-limit",
    );
    // Counted kind by kind: links asked for again and again never silence her receipts, nor the reverse.
    expect(await runTransaction((tx) => enqueueEmail(tx, { ...receipt(98), kind: "bookings-link" }))).toBe("queued");
    expect(await runTransaction((tx) => enqueueEmail(tx, receipt(97, "pierre@example.org")))).toBe("queued");
    // News the person needs is never held back.
    expect(await runTransaction((tx) => enqueueEmail(tx, { ...receipt(96), kind: "reminder" }))).toBe("queued");
    expect(await runTransaction((tx) => enqueueEmail(tx, { ...receipt(95), kind: "session-cancelled" }))).toBe(
      "queued",
    );
    expect(await prisma.outboxEmail.count({ where: { recipient: "marie@example.org" } })).toBe(
      EMAILS_PER_RECIPIENT.points + 3,
    );

    vi.setSystemTime(new Date("2026-12-02T09:00:00.000Z"));
    expect(await runTransaction((tx) => enqueueEmail(tx, receipt(99)))).toBe("queued");
  });

  test("a retried change does not count twice, and a rolled-back one counts nothing", async () => {
    await runTransaction((tx) => enqueueEmail(tx, receipt(1)));
    expect(await runTransaction((tx) => enqueueEmail(tx, receipt(1)))).toBe("already-queued");
    await expect(
      runTransaction(async (tx) => {
        await enqueueEmail(tx, receipt(2));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const [counter] = await prisma.rateLimit.findMany();
    expect(counter?.points).toBe(1);
  });
});
