// The sender against a real migrated SQLite file, with a recording transport and a composer
// driven by each row's payload (tests/setup/test-mail.ts).
import { afterAll, beforeEach, describe, expect, test } from "vitest";

import { MAX_SEND_ATTEMPTS, RETRY_DELAYS_MS } from "~/domain/outbox/send-retry";
import { claimEmail } from "~/models/outbox-email.server";
import { createPrismaClient, prisma } from "~/utils/db.server";

import { NOW, at } from "../../tests/fixtures/rows";
import { resetDatabase } from "../../tests/setup/db";
import { recordingTransport, testComposer } from "../../tests/setup/test-mail";
import { messageIdFor, sendDueEmails, type SendDueEmailsOptions } from "./send-due-emails.server";
import { sendUntilNothingDue } from "./outbox-worker.server";

const LEASE_MS = 60_000;
const MINUTE = 60_000;

beforeEach(() => resetDatabase());

let counter = 0;
async function outboxRow(options: { sendAfter?: Date; payload?: Record<string, unknown>; state?: string } = {}) {
  counter += 1;
  return prisma.outboxEmail.create({
    data: {
      kind: "booking-confirmed",
      recipient: `personne${counter}@exemple.fr`,
      locale: "fr",
      payload: JSON.stringify(options.payload ?? {}),
      dedupeKey: `test:${counter}`,
      sendAfter: options.sendAfter ?? at(-MINUTE),
      state: options.state ?? "PENDING",
    },
    select: { id: true },
  });
}

function setup(overrides: Partial<SendDueEmailsOptions> = {}) {
  const transport = recordingTransport();
  const lines: string[] = [];
  const options: SendDueEmailsOptions = {
    db: prisma,
    compose: testComposer,
    transport,
    from: "Passerelle <ne-pas-repondre@passerelle.example>",
    messageIdHost: "passerelle.example",
    leaseMs: LEASE_MS,
    now: () => NOW,
    log: (line) => lines.push(line),
    ...overrides,
  };
  return { options, transport, lines };
}

const stored = (id: string) => prisma.outboxEmail.findUniqueOrThrow({ where: { id } });

describe("sending a due row", () => {
  test("sends it from MAIL_FROM with a Message-ID made of the row id, then records it SENT", async () => {
    const row = await outboxRow();
    const { options, transport } = setup();

    const summary = await sendDueEmails(options);

    expect(summary).toMatchObject({ due: 1, sent: 1 });
    expect(transport.sent).toHaveLength(1);
    const [mail] = transport.sent;
    expect(mail.messageId).toBe(`<outbox.${row.id}@passerelle.example>`);
    expect(mail.messageId).toBe(messageIdFor(row.id, "passerelle.example"));
    expect(mail.from).toBe("Passerelle <ne-pas-repondre@passerelle.example>");
    expect(mail.subject).toBe(`Test booking-confirmed ${row.id}`);
    expect(mail.headers).toEqual({ "X-Test-Row": row.id });
    expect(mail.attachments.map((a) => a.filename)).toEqual(["atelier.ics"]);
    const after = await stored(row.id);
    expect(after).toMatchObject({ state: "SENT", sentAt: NOW, lockedUntil: null, attempts: 1 });
  });

  test("reads only due rows: pending, sendAfter reached, not held by another sender", async () => {
    const due = await outboxRow({ sendAfter: NOW });
    await outboxRow({ sendAfter: at(MINUTE) });
    await outboxRow({ state: "SENT" });
    await outboxRow({ state: "FAILED" });
    await outboxRow({ state: "DROPPED" });
    const held = await outboxRow();
    await prisma.outboxEmail.update({ where: { id: held.id }, data: { lockedUntil: at(MINUTE) } });
    const leaseOver = await outboxRow();
    await prisma.outboxEmail.update({ where: { id: leaseOver.id }, data: { lockedUntil: at(-1) } });
    const { options, transport } = setup();

    const summary = await sendDueEmails(options);

    expect(summary.due).toBe(2);
    expect(transport.sent.map((m) => m.to).sort()).toEqual(
      (await prisma.outboxEmail.findMany({ where: { id: { in: [due.id, leaseOver.id] } } }))
        .map((r) => r.recipient)
        .sort(),
    );
  });

  test("takes a small batch, oldest due first", async () => {
    const rows = [];
    for (let i = 0; i < 5; i++) rows.push(await outboxRow({ sendAfter: at(-(i + 1) * MINUTE) }));
    const { options, transport } = setup({ batchSize: 2 });

    expect((await sendDueEmails(options)).due).toBe(2);
    expect(transport.sent.map((m) => m.messageId)).toEqual(
      [rows[4], rows[3]].map((r) => messageIdFor(r.id, "passerelle.example")),
    );
  });

  test("a row the composer no longer warrants is DROPPED with its reason, not sent", async () => {
    const row = await outboxRow({ payload: { drop: "booking-cancelled" } });
    const { options, transport, lines } = setup();

    expect(await sendDueEmails(options)).toMatchObject({ dropped: 1, sent: 0 });
    expect(transport.sent).toEqual([]);
    expect(await stored(row.id)).toMatchObject({
      state: "DROPPED",
      droppedAt: NOW,
      dropReason: "booking-cancelled",
      sentAt: null,
      lockedUntil: null,
    });
    expect(lines).toEqual([`outbox: dropped row=${row.id} kind=booking-confirmed reason=booking-cancelled`]);
  });
});

describe("failures", () => {
  test("a failed send is retried later and later, then FAILED with its last error", async () => {
    const row = await outboxRow();
    const { options, transport } = setup();
    transport.failWith = new Error("connect ECONNREFUSED 127.0.0.1:2525");
    let now = NOW;
    const waits: number[] = [];

    for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
      const summary = await sendDueEmails({ ...options, now: () => now });
      expect(summary.due).toBe(1);
      const after = await stored(row.id);
      expect(after.attempts).toBe(attempt);
      expect(after.lastError).toBe("Error: connect ECONNREFUSED 127.0.0.1:2525");
      expect(after.lockedUntil).toBeNull();
      if (attempt < MAX_SEND_ATTEMPTS) {
        expect(after.state).toBe("PENDING");
        waits.push(after.sendAfter.getTime() - now.getTime());
        // Not due again before its time…
        expect((await sendDueEmails({ ...options, now: () => new Date(after.sendAfter.getTime() - 1) })).due).toBe(0);
        now = after.sendAfter;
      } else {
        expect(after).toMatchObject({ state: "FAILED", failedAt: now });
      }
    }
    expect(waits).toEqual(RETRY_DELAYS_MS);
    expect(transport.sent).toEqual([]);
    // …and a FAILED row is never read again.
    expect((await sendDueEmails({ ...options, now: () => at(365 * 24 * 60 * MINUTE) })).due).toBe(0);
  });

  test("a composer that throws counts as a failed attempt; the error kept holds no payload", async () => {
    const secret = "a".repeat(43);
    const row = await outboxRow({ payload: { composeError: "template broke", url: `/reservation/${secret}` } });
    const { options, lines } = setup();

    expect(await sendDueEmails(options)).toMatchObject({ retry: 1 });
    const after = await stored(row.id);
    expect(after).toMatchObject({ state: "PENDING", attempts: 1, lastError: "Error: template broke" });
    expect(lines.join("\n")).not.toContain(secret);
    expect(lines.join("\n")).not.toContain("@exemple.fr");
  });

  test("a payload that is not JSON fails the attempt without quoting the payload", async () => {
    const row = await outboxRow();
    await prisma.outboxEmail.update({ where: { id: row.id }, data: { payload: `{"url":"/r/${"b".repeat(40)}"` } });
    const { options } = setup();

    await sendDueEmails(options);
    const after = await stored(row.id);
    expect(after.lastError).toBe("TypeError: The outbox row's payload is not valid JSON");
  });
});

describe("claims", () => {
  test("two senders with their own connections over one database send each row exactly once", async () => {
    const rows = [];
    for (let i = 0; i < 30; i++) rows.push(await outboxRow());
    const other = createPrismaClient(process.env.DATABASE_URL!);
    afterAll(() => other.$disconnect());
    const first = setup();
    const second = setup({ db: other });

    const [a, b] = await Promise.all([sendUntilNothingDue(first.options), sendUntilNothingDue(second.options)]);

    const sent = [...first.transport.sent, ...second.transport.sent].map((m) => m.messageId);
    expect(sent).toHaveLength(rows.length);
    expect(new Set(sent).size).toBe(rows.length);
    expect(a.sent + b.sent).toBe(rows.length);
    expect(await prisma.outboxEmail.count({ where: { state: "SENT" } })).toBe(rows.length);
  });

  test("a sender whose lease ran out and was taken over records nothing over the new holder's claim", async () => {
    const row = await outboxRow();
    const { options, transport } = setup({ leaseMs: 1000 });
    const secondHolds = at(2000 + LEASE_MS);
    // While the first sender is sending, its lease runs out and a second sender claims the row;
    // then the first one's send fails.
    const failing = {
      ...transport,
      async send() {
        expect(await claimEmail(prisma, row.id, at(2000), secondHolds)).toBe(true);
        throw new Error("timeout");
      },
    };

    expect(await sendDueEmails({ ...options, transport: failing })).toMatchObject({ "lost-claim": 1 });
    const after = await stored(row.id);
    expect(after).toMatchObject({ state: "PENDING", lockedUntil: secondHolds, attempts: 2, lastError: null });
  });

  test("of two claims on one row, only the first succeeds", async () => {
    const row = await outboxRow();
    expect(await claimEmail(prisma, row.id, NOW, at(LEASE_MS))).toBe(true);
    expect(await claimEmail(prisma, row.id, NOW, at(LEASE_MS))).toBe(false);
    expect((await stored(row.id)).attempts).toBe(1);
  });
});
