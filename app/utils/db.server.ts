import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

import { PrismaClient } from "~/generated/prisma/client";

/** How long a write waits for another writer before SQLITE_BUSY (better-sqlite3's `timeout`). */
export const BUSY_TIMEOUT_MS = 5000;

// better-sqlite3 happens to be compiled with foreign keys on; saying it here keeps cascades and
// RESTRICT working whatever SQLite build is underneath. WAL is stored in the file (the migration
// script sets it too); repeating it is a no-op that also covers a file created some other way.
const CONNECTION_PRAGMAS = "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;";

/** Relative `file:` URLs are read from the working directory, which npm scripts set to the repo root. */
export function createPrismaClient(url: string) {
  return new PrismaClient({
    adapter: withConnectionPragmas(new PrismaBetterSqlite3({ url, timeout: BUSY_TIMEOUT_MS })),
  });
}

function withConnectionPragmas(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      await adapter.executeScript(CONNECTION_PRAGMAS);
      return serialised(adapter);
    },
  };
}

export type Db = ReturnType<typeof createPrismaClient>;

// Remix dev reloads re-evaluate this module; keeping the client on globalThis keeps one SQLite
// connection instead of opening a new one per reload. It is keyed by URL so a process that
// switches DATABASE_URL (a test worker moving to its next file) never reuses the old file.
const cache = globalThis as typeof globalThis & {
  __passerelleDb?: { url: string; client: Db };
};

function sharedClient(url: string): Db {
  if (cache.__passerelleDb?.url !== url) {
    void cache.__passerelleDb?.client.$disconnect();
    cache.__passerelleDb = { url, client: createPrismaClient(url) };
  }
  return cache.__passerelleDb.client;
}

export const prisma: Db = sharedClient(process.env.DATABASE_URL ?? "file:./prisma/dev.db");

/** A FIFO lock: `acquire()` resolves with the function that lets the next holder in. */
function createLock() {
  let tail: Promise<void> = Promise.resolve();
  return function acquire(): Promise<() => void> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const ready = tail.then(() => release);
    tail = tail.then(() => turn);
    return ready;
  };
}

/**
 * The better-sqlite3 adapter shares one connection: it queues transactions behind each other, but a
 * query made outside any transaction runs straight away, inside whichever transaction is open — and
 * is silently lost if that transaction rolls back. Here every statement outside a transaction waits
 * for the open transaction to end, so a booking, a mark or an email row can never vanish that way.
 */
export function serialised(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const acquire = createLock();
  async function exclusive<T>(run: () => Promise<T>): Promise<T> {
    const release = await acquire();
    try {
      return await run();
    } finally {
      release();
    }
  }
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    queryRaw: (query) => exclusive(() => adapter.queryRaw(query)),
    executeRaw: (query) => exclusive(() => adapter.executeRaw(query)),
    executeScript: (script) => exclusive(() => adapter.executeScript(script)),
    async startTransaction(isolationLevel) {
      const release = await acquire();
      let transaction: Transaction;
      try {
        transaction = await adapter.startTransaction(isolationLevel);
      } catch (error) {
        release();
        throw error;
      }
      const finish = (end: () => Promise<void>) => async () => {
        try {
          await end();
        } finally {
          release();
        }
      };
      return {
        get options() {
          return transaction.options;
        },
        provider: transaction.provider,
        adapterName: transaction.adapterName,
        queryRaw: (query) => transaction.queryRaw(query),
        executeRaw: (query) => transaction.executeRaw(query),
        commit: finish(() => transaction.commit()),
        rollback: finish(() => transaction.rollback()),
        createSavepoint: transaction.createSavepoint?.bind(transaction),
        rollbackToSavepoint: transaction.rollbackToSavepoint?.bind(transaction),
        releaseSavepoint: transaction.releaseSavepoint?.bind(transaction),
      };
    },
  };
}
