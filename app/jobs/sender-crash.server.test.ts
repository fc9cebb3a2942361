// Issue 8's crash test: 200 emails due, the sender process killed with SIGKILL at random moments
// (at least 20 times) and started again until nothing is due. Every email must reach the SMTP
// server; a kill between the server's acceptance and the row's update may repeat one message, with
// the same Message-ID, so: distinct Message-IDs = 200, and deliveries <= 200 + kills.
import { fork, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, test } from "vitest";

import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import type { SenderChildMessage } from "../../tests/setup/outbox-sender-child";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CHILD = path.join(root, "tests/setup/outbox-sender-child.ts");
const DUE = 200;
const KILLS = 20;
/** Short, so a row held by a killed sender is free again by the time the next one has loaded. */
const LEASE_MS = 300;
/** Kill after 0 to MAX_MESSAGES_PER_RUN deliveries (plus jitter): the 200 cannot all go before the 20th kill. */
const MAX_MESSAGES_PER_RUN = 5;
const RUN_DEADLINE_MS = 60_000;

const delivered: string[] = [];
let smtp: SMTPServer;
let smtpPort: number;
let onDelivery: (() => void) | null = null;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          delivered.push(mail.messageId ?? "(none)");
          onDelivery?.();
          // Accepted a moment later, so a kill may fall between the delivery and the sender's update.
          setTimeout(callback, Math.floor(Math.random() * 5));
        })
        .catch(callback);
    },
  });
  // A killed sender resets its connection: expected here, not an error of the test.
  smtp.on("error", () => {});
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

function startSender(): { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null> } {
  const child = fork(CHILD, [], {
    cwd: root,
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: process.env.DATABASE_URL,
      SESSION_SECRET: "crash-test-secret-0123456789",
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      APP_URL: "http://passerelle.test",
      OUTBOX_LEASE_MS: String(LEASE_MS),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sender ${child.pid} did not load in time`)), RUN_DEADLINE_MS);
    child.on("message", (message: SenderChildMessage) => {
      if (message.type !== "ready") return;
      clearTimeout(timer);
      resolve();
    });
    void exited.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
  return { child, ready, exited };
}

/** Resolves after `count` more deliveries, or when the child exits first. */
function afterDeliveries(count: number, exited: Promise<unknown>): Promise<void> {
  if (count === 0) return Promise.resolve();
  let left = count;
  return Promise.race([
    new Promise<void>((resolve) => {
      onDelivery = () => {
        left -= 1;
        if (left <= 0) {
          onDelivery = null;
          resolve();
        }
      };
    }),
    exited.then(() => {
      onDelivery = null;
    }),
  ]);
}

const pending = () => prisma.outboxEmail.count({ where: { state: "PENDING" } });

test(`${DUE} due emails, the sender killed at least ${KILLS} times: each delivered, at most once more per kill`, async () => {
  await resetDatabase();
  const now = Date.now();
  await prisma.outboxEmail.createMany({
    data: Array.from({ length: DUE }, (_, i) => ({
      kind: "reminder",
      recipient: `personne${i}@exemple.fr`,
      locale: "fr",
      payload: "{}",
      dedupeKey: `crash:${i}`,
      sendAfter: new Date(now - 60_000 + i),
    })),
  });

  let kills = 0;
  while (kills < KILLS) {
    expect(await pending(), `everything was sent after only ${kills} kills`).toBeGreaterThan(0);
    const { child, ready, exited } = startSender();
    await ready;
    await afterDeliveries(Math.floor(Math.random() * (MAX_MESSAGES_PER_RUN + 1)), exited);
    await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 10)));
    if (child.exitCode === null && child.kill("SIGKILL")) kills += 1;
    await exited;
  }

  // Restarted until a run ends by itself with nothing left due.
  for (let run = 0; (await pending()) > 0; run++) {
    expect(run, "the sender did not finish in 10 runs").toBeLessThan(10);
    const { exited } = startSender();
    expect(await exited).toBe(0);
  }

  expect(await prisma.outboxEmail.count({ where: { state: "SENT" } })).toBe(DUE);
  const rows = await prisma.outboxEmail.findMany({ select: { id: true } });
  const expectedIds = new Set(rows.map((row) => `<outbox.${row.id}@passerelle.test>`));
  expect(new Set(delivered)).toEqual(expectedIds);
  expect(new Set(delivered).size).toBe(DUE);
  expect(delivered.length).toBeLessThanOrEqual(DUE + kills);
}, 240_000);
