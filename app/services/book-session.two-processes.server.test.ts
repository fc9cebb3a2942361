// Within one process the SQLite adapter queues transactions one behind the other (decision 005),
// so the in-process concurrency tests never meet a busy database nor a stale view. Here two server
// processes, each with its own connection to the same database file, race for the last seats of a
// session, as two Node processes behind one proxy would (tests/setup/booking-child-process.ts).
//
// What each test can catch (each was checked by breaking the code on purpose):
// - the booking race fails when transactions are not retried long enough on SQLITE_BUSY
//   (transaction.server.ts); on SQLite it cannot catch a missing seat guard, because the booking
//   decision reads the seat count in the same transaction and SQLite transactions are
//   serialisable: a stale read makes the write fail with SQLITE_BUSY_SNAPSHOT and be retried;
// - the seat race decides from a view the other process changes before the write, as PostgreSQL's
//   READ COMMITTED allows, and fails when takeSeat's guard (seatsTaken < capacity) is removed.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterEach, beforeEach, expect, test } from "vitest";

import { WAITLIST_CAP } from "~/domain/policy/booking-policy";
import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import type { ChildGo, ChildMessage, ChildOutcome } from "../../tests/setup/booking-child-process";
import { NOW, createSession, outboxEmails, personInput } from "../../tests/fixtures/rows";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CHILD = path.join(root, "tests/setup/booking-child-process.ts");
const PROCESSES = 2;
const PER_PROCESS = 20;
const CAPACITY = 3;
/** Loading tsx and Prisma takes a few seconds on a busy machine; the race itself well under one. */
const CHILD_DEADLINE_MS = 60_000;

const children: ChildProcess[] = [];

beforeEach(() => resetDatabase());
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

type Go = Extract<ChildGo, { mode: "book" }> | Extract<ChildGo, { mode: "take-seat" }>;

/** Starts PROCESSES children, waits until each is loaded and connected, then sends each its orders at once. */
async function race(orders: (processIndex: number) => Go): Promise<ChildOutcome[]> {
  const processes = Array.from({ length: PROCESSES }, start);
  await Promise.all(processes.map((p) => p.ready));
  processes.forEach(({ child }, p) => child.send(orders(p)));
  return (await Promise.all(processes.map((p) => p.done))).flat();
}

function start(): { child: ChildProcess; ready: Promise<void>; done: Promise<ChildOutcome[]> } {
  const child = fork(CHILD, [], {
    cwd: root,
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.push(child);
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = new Promise<ChildOutcome[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child ${child.pid} did not finish in time`)), CHILD_DEADLINE_MS);
    child.on("message", (message: ChildMessage) => {
      if (message.type === "ready") markReady();
      if (message.type === "done") {
        clearTimeout(timer);
        resolve(message.outcomes);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`child ${child.pid} exited with ${code} before answering`));
    });
  });
  // A child that dies while loading rejects `done`; make `ready` give up with it.
  return { child, ready: Promise.race([ready, done.then(() => undefined)]), done };
}

test(
  `${PROCESSES} processes booking ${PER_PROCESS} new people each on a ${CAPACITY}-seat session: exactly ${CAPACITY} seats, ${WAITLIST_CAP} on the waiting list, the rest told it is full, no error`,
  async () => {
    const session = await createSession({ capacity: CAPACITY });
    const outcomes = await race((p) => ({
      type: "go",
      mode: "book",
      sessionId: session.id,
      now: NOW.toISOString(),
      persons: Array.from({ length: PER_PROCESS }, (_, i) => personInput({ firstName: `Processus${p}Personne${i}` })),
    }));

    expect(outcomes.filter((o) => "error" in o)).toEqual([]);
    expect(outcomes).toHaveLength(PROCESSES * PER_PROCESS);
    const statuses = outcomes.map((o) => ("ok" in o && o.ok ? o.status : "ok" in o ? o.code : "ERROR"));
    const turnedAway = PROCESSES * PER_PROCESS - CAPACITY - WAITLIST_CAP;
    expect(statuses.filter((s) => s === "CONFIRMED")).toHaveLength(CAPACITY);
    expect(statuses.filter((s) => s === "WAITLISTED")).toHaveLength(WAITLIST_CAP);
    expect(statuses.filter((s) => s === "WAITLIST_FULL")).toHaveLength(turnedAway);

    expect(await seatsTaken(session.id)).toBe(CAPACITY);
    expect(await prisma.booking.count({ where: { sessionId: session.id, status: "CONFIRMED" } })).toBe(CAPACITY);
    expect(await prisma.booking.count({ where: { sessionId: session.id, status: "WAITLISTED" } })).toBe(WAITLIST_CAP);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).waitlistCount).toBe(WAITLIST_CAP);
    // Each booking written once with its email, none lost to a rolled-back attempt or doubled by a retry.
    // A refusal leaves nothing behind: only those given a seat or a place in line were written.
    expect(await prisma.person.count()).toBe(CAPACITY + WAITLIST_CAP);
    expect(await outboxEmails("booking-confirmed")).toHaveLength(CAPACITY);
    expect(await outboxEmails("booking-waitlisted")).toHaveLength(WAITLIST_CAP);
  },
  CHILD_DEADLINE_MS + 30_000,
);

test(
  `${PROCESSES} processes taking seats of a ${CAPACITY}-seat session on a view the other one changes: the guarded update grants exactly ${CAPACITY}`,
  async () => {
    const session = await createSession({ capacity: CAPACITY });
    const outcomes = await race(() => ({
      type: "go",
      mode: "take-seat",
      sessionId: session.id,
      attempts: PER_PROCESS,
    }));

    expect(outcomes.filter((o) => "error" in o)).toEqual([]);
    // Most attempts saw free seats, so the race really was decided by the update, not the read.
    const attempted = outcomes.filter((o) => !("code" in o && o.code === "SEEN_FULL"));
    expect(attempted.length).toBeGreaterThan(CAPACITY);
    expect(outcomes.filter((o) => "ok" in o && o.ok)).toHaveLength(CAPACITY);
    expect(await seatsTaken(session.id)).toBe(CAPACITY);
  },
  CHILD_DEADLINE_MS + 30_000,
);

async function seatsTaken(sessionId: string): Promise<number> {
  const stored = await prisma.session.findUniqueOrThrow({ where: { id: sessionId }, select: { seatsTaken: true } });
  return stored.seatsTaken;
}
