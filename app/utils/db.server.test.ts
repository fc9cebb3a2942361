import path from "node:path";

import { beforeEach, describe, expect, test } from "vitest";

import { Prisma } from "~/generated/prisma/client";
import { resetDatabase } from "../../tests/setup/db";
import { BUSY_TIMEOUT_MS, prisma } from "./db.server";

async function pragma(name: string): Promise<unknown> {
  const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
  return Object.values(rows[0])[0];
}

function staffUser(email: string) {
  return { email, firstName: "Léa", lastName: "Martin", passwordHash: "x" };
}

beforeEach(() => resetDatabase());

describe("prisma", () => {
  test("uses this test file's own copy of the migrated database", async () => {
    const rows = await prisma.$queryRawUnsafe<{ name: string; file: string }[]>("PRAGMA database_list");
    const main = rows.find((row) => row.name === "main");
    expect(main?.file).toBe(path.resolve(process.env.DATABASE_URL!.replace(/^file:/, "")));
    expect(main?.file).toMatch(/tests\/\.tmp\/worker-/);
  });

  test("connects with foreign keys on, a busy timeout and WAL", async () => {
    expect(Number(await pragma("foreign_keys"))).toBe(1);
    expect(Number(await pragma("busy_timeout"))).toBe(BUSY_TIMEOUT_MS);
    expect(await pragma("journal_mode")).toBe("wal");
  });

  test("enforces foreign keys", async () => {
    const missingCommune = prisma.person.create({
      data: { firstName: "Ana", lastName: "Roux", nameKey: "ana roux", communeId: "no-such-commune" },
    });
    await expect(missingCommune).rejects.toMatchObject({ code: "P2003" });
  });

  test("surfaces a unique clash as P2002", async () => {
    await prisma.staffUser.create({ data: staffUser("lea@example.org") });
    const error = await prisma.staffUser.create({ data: staffUser("lea@example.org") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(error).toMatchObject({ code: "P2002" });
  });
});

describe("resetDatabase", () => {
  test("empties tables linked by foreign keys, whatever the order", async () => {
    const commune = await prisma.commune.create({ data: { name: "Trèbes", postcode: "11800", area: "RURAL" } });
    await prisma.person.create({
      data: { firstName: "Ana", lastName: "Roux", nameKey: "ana roux", communeId: commune.id },
    });
    await resetDatabase();
    expect(await prisma.person.count()).toBe(0);
    expect(await prisma.commune.count()).toBe(0);
    expect(await prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "_prisma_migrations"`)).not.toHaveLength(0);
  });
});

describe("statements outside a transaction", () => {
  test("wait for an open transaction instead of joining it, so a rollback cannot take them along", async () => {
    let enteredTransaction!: () => void;
    const insideTransaction = new Promise<void>((resolve) => (enteredTransaction = resolve));
    const rolledBack = prisma
      .$transaction(async (tx) => {
        await tx.topic.create({ data: { code: "rolled-back" } });
        enteredTransaction();
        await new Promise((resolve) => setTimeout(resolve, 100));
        throw new Error("roll back");
      })
      .catch((error: Error) => error.message);

    await insideTransaction;
    const outside = Promise.all([
      prisma.topic.create({ data: { code: "kept-create" } }),
      prisma.$executeRawUnsafe(`INSERT INTO "Topic" ("id", "code", "position") VALUES ('raw', 'kept-raw', 0)`),
    ]);

    expect(await rolledBack).toBe("roll back");
    await outside;
    const codes = (await prisma.topic.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map(
      (topic) => topic.code,
    );
    expect(codes).toEqual(["kept-create", "kept-raw"]);
  });
});
