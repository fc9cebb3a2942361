import path from "node:path";
import { fileURLToPath } from "node:url";

export const TEST_TMP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.tmp");
/** Migrated once per `vitest run`; every test file starts from a copy of it. */
export const TEMPLATE_DATABASE = path.join(TEST_TMP_DIR, "template.db");
