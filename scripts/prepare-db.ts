// Run by `npm start`, `npm run dev` and the e2e server: bring the database up to date, and give an
// empty one the demo territory. `--reset` starts from an empty file (used by the browser tests).
import { seed } from "../prisma/seed";
import { createPrismaClient } from "../app/utils/db.server";
import {
  DEFAULT_DATABASE_URL,
  databaseFileFromUrl,
  deployMigrations,
  recreateDatabase,
} from "./lib/schema-engine";

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const databaseFile = databaseFileFromUrl(url);
const reset = process.argv.includes("--reset");

try {
  const { applied } = reset ? await recreateDatabase({ databaseFile }) : await deployMigrations({ databaseFile });
  if (applied.length > 0) console.log(`Database ${databaseFile}: applied ${applied.join(", ")}`);
  const prisma = createPrismaClient(url);
  if ((await prisma.place.count()) === 0) {
    console.log("Empty database: seeding the demo territory…");
    const counts = await seed(prisma);
    console.log(`Seeded: ${Object.entries(counts).map(([table, n]) => `${n} ${table}`).join(", ")}`);
  }
  await prisma.$disconnect();
  // The schema engine leaves a timer pending; leave explicitly.
  process.exit(0);
} catch (error) {
  console.error(`Could not prepare the database ${databaseFile}:`, error instanceof Error ? error.message : error);
  process.exit(1);
}
