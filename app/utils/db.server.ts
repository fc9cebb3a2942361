import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

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
      return adapter;
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
