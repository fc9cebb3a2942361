import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { PrismaClient } from "~/generated/prisma/client";
import { prisma, type Db } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { ConcurrentChange, isRetryableTransactionError, runTransaction } from "./transaction.server";

beforeEach(() => resetDatabase());

describe("abort", () => {
  test("rolls back what was written and returns the given result", async () => {
    const result = await runTransaction<{ ok: boolean; code?: string }>(async (tx, abort) => {
      await tx.commune.create({ data: { name: "Trèbes", postcode: "11800", area: "RURAL" } });
      return abort({ ok: false, code: "COURSE_FULL" });
    });
    expect(result).toEqual({ ok: false, code: "COURSE_FULL" });
    expect(await prisma.commune.count()).toBe(0);
  });

  test("an unexpected error still throws", async () => {
    await expect(runTransaction(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });
});

describe("a race lost to another request", () => {
  test("a guarded write that found the row changed runs the whole transaction again, on fresh reads", async () => {
    let runs = 0;
    const result = await runTransaction(async (tx) => {
      runs += 1;
      await tx.commune.create({ data: { name: `Essai ${runs}`, postcode: "11000", area: "URBAN" } });
      if (runs === 1) throw new ConcurrentChange("the row under test");
      return runs;
    });
    expect(result).toBe(2);
    // The first run's write was rolled back with it.
    expect((await prisma.commune.findMany()).map((c) => c.name)).toEqual(["Essai 2"]);
  });

  test("a create that lost a unique key to another request runs again and reads what the other wrote", async () => {
    const commune = await prisma.commune.create({
      data: { name: "Cuxac", postcode: "11590", area: "RURAL", inseeCode: "11116" },
    });
    let runs = 0;
    const found = await runTransaction(async (tx) => {
      runs += 1;
      const existing = runs === 1 ? null : await tx.commune.findUnique({ where: { inseeCode: "11116" } });
      // The first run missed the row, as if the other request committed between read and create.
      return (
        existing ??
        (await tx.commune.create({ data: { name: "Cuxac", postcode: "11590", area: "RURAL", inseeCode: "11116" } }))
      );
    });
    expect(found.id).toBe(commune.id);
    expect(runs).toBe(2);
  });

  test("a unique clash that persists is a bug, not a race: it throws after a few runs", async () => {
    await prisma.commune.create({ data: { name: "Cuxac", postcode: "11590", area: "RURAL", inseeCode: "11116" } });
    let runs = 0;
    await expect(
      runTransaction(async (tx) => {
        runs += 1;
        return tx.commune.create({ data: { name: "Cuxac", postcode: "11590", area: "RURAL", inseeCode: "11116" } });
      }),
    ).rejects.toMatchObject({ code: "P2002" });
    expect(runs).toBe(3);
  });
});

// Two connections to the same file stand in for two server processes. Each transaction reads a
// counter and writes it back plus one: a transaction whose snapshot went stale while it read
// gets SQLITE_BUSY (or waits out the busy timeout) and must start over to stay correct.
describe("busy database", () => {
  const clients: Db[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.$disconnect()));
  });

  function connect(): Db {
    const client = new PrismaClient({
      adapter: new PrismaBetterSqlite3({ url: process.env.DATABASE_URL!, timeout: 5 }),
    }) as Db;
    clients.push(client);
    return client;
  }

  async function incrementConcurrently(perClient: number, attempts?: number) {
    const commune = await prisma.commune.create({
      data: { name: "Compteur", postcode: "0", area: "URBAN", population: 0 },
    });
    const dbs = [connect(), connect()];
    const increment = (db: Db) =>
      runTransaction(
        async (tx) => {
          const { population } = await tx.commune.findUniqueOrThrow({ where: { id: commune.id } });
          await new Promise((resolve) => setTimeout(resolve, 1));
          await tx.commune.update({ where: { id: commune.id }, data: { population: population! + 1 } });
        },
        { db, attempts },
      );
    const outcomes = await Promise.allSettled(
      dbs.flatMap((db) => Array.from({ length: perClient }, () => increment(db))),
    );
    const final = await prisma.commune.findUniqueOrThrow({ where: { id: commune.id } });
    return { outcomes, population: final.population };
  }

  test("without retries, clashing writers fail with a busy error", async () => {
    const { outcomes } = await incrementConcurrently(20, 1);
    const failures = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every(isRetryableTransactionError)).toBe(true);
  });

  test("with retries, every transaction lands and no update is lost", async () => {
    const { outcomes, population } = await incrementConcurrently(20);
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
    expect(population).toBe(40);
  });
});

describe("isRetryableTransactionError", () => {
  test("knows busy and queue timeouts from real failures", () => {
    expect(isRetryableTransactionError(new Error("boom"))).toBe(false);
    expect(isRetryableTransactionError({ code: "SQLITE_BUSY_SNAPSHOT" })).toBe(true);
    expect(isRetryableTransactionError(null)).toBe(false);
  });
});
