// npm run db:migrate | db:deploy | db:reset | db:status — Prisma migrations through the WASM
// schema engine (scripts/lib/schema-engine.ts). DATABASE_URL picks the SQLite file
// (default file:./prisma/dev.db, relative to the repo root).
import path from "node:path";
import { parseArgs } from "node:util";

import {
  DEFAULT_DATABASE_URL,
  REPO_ROOT,
  databaseFileFromUrl,
  deployMigrations,
  describeEngineError,
  diffMigrationsToSchema,
  migrateDev,
  migrationStatus,
  recreateDatabase,
} from "./lib/schema-engine";

const USAGE = `Usage: tsx scripts/db.ts <command>
  migrate [--name <name>] [--create-only] [--accept-data-loss]   (name defaults to "migration")
                 create a migration from schema.prisma changes, then apply it
  deploy         apply pending migrations
  reset          delete the database file, then apply every migration
  status         show pending migrations and drift (exit 1 unless up to date)
  drift          show SQL that schema.prisma needs and the migrations lack (exit 1 if any)`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string", short: "n" },
      "create-only": { type: "boolean", default: false },
      "accept-data-loss": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 1;
  }

  const databaseFile = databaseFileFromUrl(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  const relative = path.relative(REPO_ROOT, databaseFile);
  const where = relative.startsWith("..") ? databaseFile : relative;

  switch (command) {
    case "deploy": {
      const { applied } = await deployMigrations({ databaseFile });
      printApplied(applied, where);
      return 0;
    }
    case "reset": {
      const { applied } = await recreateDatabase({ databaseFile });
      console.log(`Recreated ${where}.`);
      printApplied(applied, where);
      return 0;
    }
    case "migrate": {
      const result = await migrateDev({
        databaseFile,
        name: values.name,
        createOnly: values["create-only"],
        acceptDataLoss: values["accept-data-loss"],
      });
      const created = result.kind === "created" ? result.migrationName : undefined;
      printApplied(
        result.applied.filter((name) => name !== created),
        where,
        { quietWhenNone: true },
      );
      switch (result.kind) {
        case "in-sync":
          console.log("Database and migrations are already in sync with schema.prisma.");
          return 0;
        case "created":
          printWarnings(result.warnings);
          console.log(
            values["create-only"]
              ? `Created prisma/migrations/${result.migrationName}/migration.sql (not applied: edit it, then run npm run db:migrate).`
              : `Created and applied prisma/migrations/${result.migrationName}/migration.sql.`,
          );
          return 0;
        case "data-loss":
          console.error("Refused: this change would lose data:");
          printWarnings(result.warnings, console.error);
          console.error(
            "Run again with --accept-data-loss to go ahead, or with --create-only to edit the migration first.",
          );
          return 1;
        case "unexecutable":
          console.error("Refused: this change cannot run on the current data:");
          for (const step of result.steps) console.error(`  - ${step}`);
          console.error("Run npm run db:reset if the data can go, or make the change in steps.");
          return 1;
        case "drift":
          console.error(`Refused: ${where} does not match its migration history.\n${result.reason.trim()}`);
          console.error("Run npm run db:reset to rebuild it from the migrations (its data is lost).");
          return 1;
      }
      return 1;
    }
    case "status": {
      const report = await migrationStatus({ databaseFile });
      console.log(`${report.migrationCount} migration(s) in prisma/migrations, database ${where}.`);
      if (!report.hasMigrationsTable && report.migrationCount > 0) {
        console.log("The database has no migration history yet: run npm run db:deploy.");
      }
      printList("Not yet applied (npm run db:deploy)", report.pending);
      printList("Applied but missing from prisma/migrations", report.unknownToFolder);
      printList("Failed (fix, then npm run db:reset)", report.failed);
      printList("Edited after being applied", report.edited);
      if (report.drift) console.log(`Drift: the database differs from its migrations.\n${report.drift.trim()}`);
      if (report.unmigratedSchemaChanges) {
        console.log("schema.prisma has changes that no migration contains yet (npm run db:migrate).");
      }
      if (report.upToDate) console.log("Database schema is up to date.");
      return report.upToDate ? 0 : 1;
    }
    case "drift": {
      const { sql } = await diffMigrationsToSchema({});
      if (!sql) {
        console.log("No drift: the migrations reproduce schema.prisma exactly.");
        return 0;
      }
      console.log(`The migrations do not reproduce schema.prisma; missing SQL:\n\n${sql}`);
      return 1;
    }
    default:
      console.error(`Unknown command "${command}".\n${USAGE}`);
      return 1;
  }
}

function printApplied(applied: string[], where: string, { quietWhenNone = false } = {}) {
  if (applied.length > 0) {
    printList(`Applied to ${where}`, applied);
  } else if (!quietWhenNone) {
    console.log(`No pending migration for ${where}.`);
  }
}

function printList(title: string, names: string[]) {
  if (names.length === 0) return;
  console.log(`${title}:`);
  for (const name of names) console.log(`  - ${name}`);
}

function printWarnings(warnings: string[], print: (line: string) => void = console.log) {
  for (const warning of warnings) print(`  ! ${warning}`);
}

// The engine leaves timers behind; exiting explicitly keeps every command as short as its work.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const { code, message } = describeEngineError(error);
    console.error(code ? `${code}: ${message}` : message);
    process.exit(1);
  },
);
