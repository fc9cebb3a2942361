// Run by `npm start`, `npm run dev` and the e2e server: bring the database up to date, give an
// empty one the demo territory, and create the session secret once (scripts/lib/session-secret.ts).
// `--reset` starts from an empty file (used by the browser tests).
import fs from "node:fs";
import Database from "better-sqlite3";
import {
  DEFAULT_DATABASE_URL,
  databaseFileFromUrl,
  deployMigrations,
  readMigrations,
  recreateDatabase,
} from "./lib/schema-engine";
import { ensureSessionSecret } from "./lib/session-secret";

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const databaseFile = databaseFileFromUrl(url);
const reset = process.argv.includes("--reset");

/**
 * The schema engine locks the file exclusively while it works, so it is only started when a
 * migration is actually pending: a restart next to a backup or a second reader just goes on.
 */
function hasPendingMigrations(): boolean {
  if (!fs.existsSync(databaseFile)) return true;
  const db = new Database(databaseFile, { readonly: true, timeout: 5000 });
  try {
    const table = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!table) return true;
    const done = new Set(
      db
        .prepare(
          "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
        )
        .all()
        .map((row) => (row as { name: string }).name),
    );
    return readMigrations().migrationDirectories.some((migration) => !done.has(migration.path));
  } finally {
    db.close();
  }
}

try {
  // First, so that the app's modules, loaded below, read the key the server will use: links are
  // derived from it (docs/decisions/016), in the seed and in the migration of old rows alike.
  const secretFile = ensureSessionSecret();
  if (secretFile) console.log(`Created the session secret in ${secretFile} (keep it; it is not in git).`);
  const { seed, seededForAnotherWeek } = await import("../prisma/seed");
  const { publisher } = await import("../app/utils/publisher.server");
  const { createPrismaClient } = await import("../app/utils/db.server");
  const { migrateLegacyLinks } = await import("../app/services/legacy-links.server");
  const { backfillDeskCodes } = await import("../app/services/desk-code.server");

  const { applied } = reset
    ? await recreateDatabase({ databaseFile })
    : hasPendingMigrations()
      ? await deployMigrations({ databaseFile })
      : { applied: [] };
  if (applied.length > 0) console.log(`Database ${databaseFile}: applied ${applied.join(", ")}`);
  const prisma = createPrismaClient(url);
  if ((await prisma.place.count()) === 0) {
    console.log("Empty database: seeding the demo territory…");
    const counts = await seed(prisma);
    console.log(
      `Seeded: ${Object.entries(counts)
        .map(([table, n]) => `${n} ${table}`)
        .join(", ")}`,
    );
  } else if (publisher.demo && (await seededForAnotherWeek(prisma))) {
    // A demo started again another week: its sessions move around this week, so that a trainer
    // signing in finds today's and tomorrow's sessions. A real site (publisher set) is never touched.
    console.log("Demo site: moving the demo territory to this week…");
    try {
      await seed(prisma);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.warn(`Could not move the demo to this week (${message}); \`npm run db:reset\` starts afresh.`);
    }
  }
  const legacy = await migrateLegacyLinks(prisma);
  if (legacy.bookings + legacy.outboxRewritten + legacy.outboxDropped > 0) {
    console.log(
      `Links now derived (docs/decisions/016): ${legacy.bookings} bookings, ${legacy.outboxRewritten} emails rewritten, ${legacy.outboxDropped} dropped`,
    );
  }
  const deskCodes = await backfillDeskCodes(prisma);
  if (deskCodes > 0) console.log(`Gave ${deskCodes} older bookings their desk code.`);
  await prisma.$disconnect();
  // The schema engine leaves a timer pending; leave explicitly.
  process.exit(0);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (/SocketTimeout|SQLITE_BUSY|database is locked/.test(message)) {
    console.error(
      `Could not migrate ${databaseFile}: another process is using it. Stop the running Passerelle server (or other tool) and try again.`,
    );
  } else {
    console.error(`Could not prepare the database ${databaseFile}: ${message}`);
  }
  process.exit(1);
}
