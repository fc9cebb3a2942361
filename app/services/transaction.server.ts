import { setTimeout as sleep } from "node:timers/promises";

import { Prisma } from "~/generated/prisma/client";
import { prisma, type Db } from "~/utils/db.server";

export type TransactionClient = Prisma.TransactionClient;

/** Ends the transaction with a rollback and makes `runTransaction` return `result`. */
export type Abort<T> = (result: T) => never;

// In one process the better-sqlite3 adapter queues interactive transactions behind a mutex, so
// they wait their turn rather than fail; maxWait bounds that queue. Across processes SQLite
// itself arbitrates: a writer waits up to the busy timeout, but a transaction whose snapshot went
// stale while it read (SQLITE_BUSY_SNAPSHOT) fails at once, and only a fresh attempt can succeed.
const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 10_000 };

// A transaction that keeps losing to another process's writes is retried for this long after its
// first failure, not a fixed number of times: while the other process books in a burst, each of
// its commits can make a retry stale again, and six quick attempts were measured to run out with
// two processes (app/services/book-session.two-processes.server.test.ts). Counted from the first
// failure, not from the call, so time spent queued behind this process's own transactions is not
// taken from it.
const RETRY_BUDGET_MS = 10_000;
/** Ceiling of the pause between attempts; the pause doubles up to it, with full jitter. */
const MAX_BACKOFF_MS = 100;

/**
 * Thrown by a use case whose guarded write found the row no longer as it read it (another request
 * changed it in between): the transaction rolls back and runs again from the start, and the new
 * reads give the answer ("already booked", "already promoted").
 */
export class ConcurrentChange extends Error {
  constructor(what: string) {
    super(`Changed concurrently: ${what}`);
  }
}

/**
 * A create that loses a race on a unique key (two first bookings of one person on one session)
 * fails with P2002. Run again, the read finds the row the other request wrote. A few times only:
 * a clash that persists is a bug, not a race.
 */
const UNIQUE_CLASH_ATTEMPTS = 3;

class TransactionAborted<T> extends Error {
  constructor(readonly result: T) {
    super("Transaction aborted with a result");
  }
}

/**
 * Runs `work` in one interactive transaction and runs it again from the start when the database
 * was busy, so `work` must read everything it decides on through `tx` (a retry re-reads).
 * `abort(result)` rolls back what `work` wrote and returns `result`: a use case that finds
 * half-way through that it cannot finish (a course seat gone) answers without leaving a trace.
 */
export async function runTransaction<T>(
  work: (tx: TransactionClient, abort: Abort<T>) => Promise<T>,
  options: {
    db?: Db;
    attempts?: number;
    /**
     * Serializable where two transactions that each read "nobody yet" must not both write
     * (a check-then-create with no unique key to catch the second). SQLite runs every
     * transaction serializably anyway; PostgreSQL then fails one of the two with P2034, which
     * is retried below like any write conflict.
     */
    isolationLevel?: Prisma.TransactionIsolationLevel;
  } = {},
): Promise<T> {
  const db = options.db ?? prisma;
  const attempts = options.attempts ?? Number.POSITIVE_INFINITY;
  let giveUpAt: number | null = null;
  let uniqueClashes = 0;
  const abort: Abort<T> = (result) => {
    throw new TransactionAborted(result);
  };

  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(
        (tx) => work(tx, abort),
        options.isolationLevel
          ? { ...TRANSACTION_OPTIONS, isolationLevel: options.isolationLevel }
          : TRANSACTION_OPTIONS,
      );
    } catch (error) {
      if (error instanceof TransactionAborted) return error.result as T;
      const clash = isUniqueClash(error) && ++uniqueClashes < UNIQUE_CLASH_ATTEMPTS;
      if (!(clash || error instanceof ConcurrentChange || isRetryableTransactionError(error)) || attempt >= attempts) {
        throw error;
      }
      giveUpAt ??= Date.now() + RETRY_BUDGET_MS;
      if (Date.now() >= giveUpAt) throw error;
      // Jitter keeps two processes that clashed once from clashing again in lockstep; the growing
      // pause lets the other process finish its burst of writes.
      await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt));
    }
  }
}

/**
 * SQLITE_BUSY (and its _SNAPSHOT variant) reaches us as P1008, the adapter's "SocketTimeout";
 * P2028 "Unable to start a transaction" is the in-process queue outgrowing maxWait; P2034 is
 * Prisma's generic "write conflict, please retry". Nothing was committed in any of these cases.
 */
export function isRetryableTransactionError(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return isSqliteBusy(error);
  if (error.code === "P1008" || error.code === "P2034") return true;
  return error.code === "P2028" && error.message.includes("Unable to start a transaction");
}

function isUniqueClash(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}
