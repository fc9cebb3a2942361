import path from "node:path";
import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

// Set before workers start so they inherit it: dates in tests are UTC, like stored times.
process.env.TZ = "UTC";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "~": path.join(root, "app"),
      "#emails": path.join(root, "emails"),
      "#locales": path.join(root, "locales"),
    },
  },
  test: {
    environment: "node",
    include: ["app/**/*.test.{ts,tsx}", "tests/unit/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**", "build/**"],
    env: { TZ: "UTC" },
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/worker-database.ts"],
  },
});
