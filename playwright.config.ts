import { defineConfig } from "@playwright/test";

const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2525);
const SMTP_API_PORT = SMTP_PORT + 1;
/** The e2e app's SQLite file; tests may read it (e.g. an outbox row) through this path. */
export const E2E_DB_FILE = process.env.E2E_DB ?? "tests/.tmp/e2e.db";
/** The e2e server's secret: tests derive from it the links the server derives (docs/decisions/016). */
export const E2E_SESSION_SECRET = "e2e-secret-not-for-production";
export const e2eUrls = {
  app: `http://127.0.0.1:${APP_PORT}`,
  smtpApi: `http://127.0.0.1:${SMTP_API_PORT}`,
};

// Debian's Chromium (npx playwright install cannot download browsers here); the flags keep it
// from calling home on a closed network.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-domain-reliability",
  "--no-first-run",
  "--no-default-browser-check",
];

/**
 * Specs that load the one shared server so hard that a test beside them could time out: they run
 * at the end, alone. (After a failure elsewhere they are skipped: the run has failed already.)
 */
const ALONE = /(concurrency|hostile-requests)\.spec\.ts$/;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `tests/.tmp/playwright-${APP_PORT}`,
  // Every test claims the rows it changes (tests/e2e/support/e2e-db.ts), so tests of one file run
  // in parallel too; the two workers share the server and its database.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Generous: a busy machine slows a passing test down, it must not fail it.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: e2eUrls.app,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
  projects: [
    { name: "health", testMatch: /health\.setup\.ts$/, use: { browserName: "chromium" } },
    { name: "chromium", testIgnore: ALONE, dependencies: ["health"], use: { browserName: "chromium" } },
    {
      name: "alone",
      testMatch: ALONE,
      dependencies: ["chromium"],
      // One test at a time: each of them would starve (or miscount, for whole-table checks) another.
      workers: 1,
      fullyParallel: false,
      use: { browserName: "chromium" },
    },
  ],
  webServer: [
    {
      command: "npx tsx tests/setup/smtp-sink.ts",
      url: `${e2eUrls.smtpApi}/messages`,
      reuseExistingServer: false,
      env: { SMTP_PORT: String(SMTP_PORT), SMTP_API_PORT: String(SMTP_API_PORT) },
    },
    {
      command: "npx tsx scripts/prepare-db.ts --reset && node server.js",
      url: `${e2eUrls.app}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        NODE_ENV: "production",
        PORT: String(APP_PORT),
        HOST: "127.0.0.1",
        DATABASE_URL: `file:./${E2E_DB_FILE}`,
        APP_URL: e2eUrls.app,
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        // The outbox sender runs in the server: emails reach the sink within a second.
        OUTBOX_INTERVAL_MS: "500",
        SESSION_SECRET: E2E_SESSION_SECRET,
        // Every test comes from loopback: per-address limits would count the whole suite as one resident.
        RATE_LIMIT_EXEMPT_ADDRESSES: "127.0.0.1,::1",
        TZ: "UTC",
      },
    },
  ],
});
