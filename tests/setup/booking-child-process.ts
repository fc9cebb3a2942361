// A server process for app/services/book-session.two-processes.server.test.ts. Started with
// `node --import tsx` and DATABASE_URL pointing at the test's database file, it loads the real
// services with its own Prisma client and SQLite connection, says "ready", waits for "go" (so the
// processes start at the same moment), runs every call it was given at once and sends back what
// each call answered.
//   book:      bookSession for each person, the use case end to end;
//   take-seat: for each attempt, read the seats left, then take one in a transaction if one
//              seemed left: the decision is made on a view another process may change before
//              the write, as PostgreSQL's default isolation (READ COMMITTED) allows inside one
//              transaction. Only the guarded update in takeSeat keeps that from overselling.
import { bookSession } from "~/services/book-session.server";
import { takeSeat } from "~/services/booking-steps.server";
import type { PersonInput } from "~/services/person.server";
import { runTransaction } from "~/services/transaction.server";
import { prisma } from "~/utils/db.server";

export type ChildGo =
  | { type: "go"; mode: "book"; sessionId: string; persons: PersonInput[]; now: string }
  | { type: "go"; mode: "take-seat"; sessionId: string; attempts: number };

export type ChildOutcome =
  | { ok: true; status: "CONFIRMED" | "WAITLISTED" }
  | { ok: false; code: string }
  | { error: { name: string; code: unknown; message: string } };

export type ChildMessage = { type: "ready"; pid: number } | { type: "done"; outcomes: ChildOutcome[] };

function send(message: ChildMessage) {
  process.send?.(message);
}

function describeError(reason: unknown): ChildOutcome {
  const error = reason as { name?: string; code?: unknown; message?: string } | null;
  return { error: { name: String(error?.name), code: error?.code, message: String(error?.message) } };
}

async function book(go: Extract<ChildGo, { mode: "book" }>): Promise<ChildOutcome[]> {
  const now = new Date(go.now);
  const settled = await Promise.allSettled(
    go.persons.map((person) => bookSession({ sessionId: go.sessionId, person, source: "ONLINE", now })),
  );
  return settled.map((s): ChildOutcome => {
    if (s.status === "rejected") return describeError(s.reason);
    return s.value.ok ? { ok: true, status: s.value.status } : { ok: false, code: s.value.code };
  });
}

async function takeSeats(go: Extract<ChildGo, { mode: "take-seat" }>): Promise<ChildOutcome[]> {
  const attempt = async (): Promise<ChildOutcome> => {
    const seen = await prisma.session.findUniqueOrThrow({
      where: { id: go.sessionId },
      select: { seatsTaken: true, capacity: true },
    });
    if (seen.seatsTaken >= seen.capacity) return { ok: false, code: "SEEN_FULL" };
    const taken = await runTransaction((tx) => takeSeat(tx, go.sessionId));
    return taken ? { ok: true, status: "CONFIRMED" } : { ok: false, code: "SESSION_FULL" };
  };
  const settled = await Promise.allSettled(Array.from({ length: go.attempts }, attempt));
  return settled.map((s) => (s.status === "rejected" ? describeError(s.reason) : s.value));
}

process.on("message", (message: ChildGo) => {
  if (message.type !== "go") return;
  void (message.mode === "book" ? book(message) : takeSeats(message))
    .then((outcomes) => send({ type: "done", outcomes }))
    .finally(() => prisma.$disconnect())
    .finally(() => process.disconnect?.());
});

// Open the connection before saying ready, so loading and connecting are not part of the race.
await prisma.$queryRaw`SELECT 1`;
send({ type: "ready", pid: process.pid });
