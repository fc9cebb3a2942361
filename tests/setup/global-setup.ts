import fs from "node:fs";

import { deployMigrations, removeDatabaseFile } from "../../scripts/lib/schema-engine";
import { TEMPLATE_DATABASE, TEST_TMP_DIR } from "./paths";

export default async function migrateTemplateDatabase() {
  fs.mkdirSync(TEST_TMP_DIR, { recursive: true });
  removeDatabaseFile(TEMPLATE_DATABASE);
  await deployMigrations({ databaseFile: TEMPLATE_DATABASE });
}
