import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, test } from "vitest";

import {
  MIGRATIONS_DIR,
  SCHEMA_PATH,
  deployMigrations,
  diffMigrationsToSchema,
  migrateDev,
  readMigrations,
} from "../../scripts/lib/schema-engine";

const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
const migrationNames = readMigrations().migrationDirectories.map((dir) => dir.path);

/** schema.prisma with one more optional column on Topic. */
function schemaWithTopicColour() {
  const changed = schema.replace(/(model Topic \{\n[^}]*?)(\n\s*workshops)/, "$1\n  colour String?$2");
  expect(changed).not.toBe(schema);
  return changed;
}

describe("prisma/migrations", () => {
  test("reproduce schema.prisma exactly when applied to an empty database", async () => {
    const { sql, applied } = await diffMigrationsToSchema({});
    expect(applied).toEqual(migrationNames);
    expect(sql).toBe("");
  });

  test("the drift check reports what schema.prisma has and the migrations lack", async () => {
    const { sql } = await diffMigrationsToSchema({
      schemaFiles: [{ path: SCHEMA_PATH, content: schemaWithTopicColour() }],
    });
    expect(sql).toMatch(/ALTER TABLE "Topic" ADD COLUMN "colour" TEXT/);
  });

  test("are in Prisma's standard layout", () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    for (const name of migrationNames) {
      expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(fs.existsSync(path.join(MIGRATIONS_DIR, name, "migration.sql"))).toBe(true);
    }
    expect(fs.readFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), "utf8")).toMatch(/provider = "sqlite"/);
  });
});

describe("migrateDev", () => {
  let workDir: string | undefined;
  afterEach(() => {
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  function scratchProject(schemaText: string) {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-migrate-"));
    const migrationsDir = path.join(workDir, "migrations");
    fs.cpSync(MIGRATIONS_DIR, migrationsDir, { recursive: true });
    const schemaPath = path.join(workDir, "schema.prisma");
    fs.writeFileSync(schemaPath, schemaText);
    return { migrationsDir, schemaPath, databaseFile: path.join(workDir, "dev.db") };
  }

  test("writes a migration for a schema change, then refuses to drop data without consent", async () => {
    const project = scratchProject(schemaWithTopicColour());
    await deployMigrations(project);

    const created = await migrateDev({ ...project, name: "Topic colour" });
    expect(created).toMatchObject({ kind: "created", migrationName: expect.stringMatching(/_topic_colour$/) });
    const again = await migrateDev(project);
    expect(again.kind).toBe("in-sync");

    const Database = (await import("better-sqlite3")).default;
    const db = new Database(project.databaseFile);
    db.prepare(`INSERT INTO "Topic" ("id", "code", "colour") VALUES ('t1', 'mail', 'blue')`).run();
    db.close();
    fs.writeFileSync(project.schemaPath, schema);
    const refused = await migrateDev({ ...project, name: "drop colour" });
    expect(refused).toMatchObject({ kind: "data-loss", warnings: [expect.stringMatching(/colour/)] });
    expect(readMigrations(project.migrationsDir).migrationDirectories).toHaveLength(migrationNames.length + 1);
  });
});
