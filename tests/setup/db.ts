import { prisma, type Db } from "~/utils/db.server";

/**
 * Empties every table except the migration history, so a test starts from a clean database.
 * Foreign-key checks are deferred to the commit, so the delete order does not matter and the
 * helper keeps working as tables are added.
 */
export async function resetDatabase(db: Db = prisma): Promise<void> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT name FROM sqlite_master
    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`;
  await db.$transaction([
    db.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON"),
    ...tables.map(({ name }) => db.$executeRawUnsafe(`DELETE FROM "${name.replaceAll('"', '""')}"`)),
  ]);
}
