import path from "node:path";
import { defineConfig } from "prisma/config";

// The Prisma CLI tries to download its native schema engine before `generate`; pointing this
// variable at any file skips that download. Migrations go through scripts/db.ts (WASM engine).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/no-schema-engine.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./prisma/dev.db" },
});
