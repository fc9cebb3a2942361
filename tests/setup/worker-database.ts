// Runs before each test file, before the file imports anything: the file gets its own copy of
// the migrated template, and app code that reads DATABASE_URL (app/utils/db.server.ts) opens it.
import fs from "node:fs";
import path from "node:path";

import { afterAll } from "vitest";

import { removeDatabaseFile } from "../../scripts/lib/schema-engine";
import { TEMPLATE_DATABASE, TEST_TMP_DIR } from "./paths";

if (new Date(0).getTimezoneOffset() !== 0) {
  throw new Error("Tests must run with TZ=UTC (vitest.config.ts sets it).");
}

const workerId = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? "0";
const databaseFile = path.join(TEST_TMP_DIR, `worker-${workerId}-${process.pid}.db`);

removeDatabaseFile(databaseFile);
fs.copyFileSync(TEMPLATE_DATABASE, databaseFile);
process.env.DATABASE_URL = `file:${databaseFile}`;

afterAll(async () => {
  // The shared client lives on globalThis (see db.server.ts); reading it there avoids loading
  // Prisma in test files that never touched the database.
  const cache = globalThis as { __passerelleDb?: { client: { $disconnect(): Promise<void> } } };
  await cache.__passerelleDb?.client.$disconnect();
  delete cache.__passerelleDb;
  removeDatabaseFile(databaseFile);
});
