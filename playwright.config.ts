import { defineConfig } from "@playwright/test";

const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2525);
const SMTP_API_PORT = SMTP_PORT + 1;
/** The e2e app's SQLite file; tests may read it (e.g. an outbox row) through this path. */
export const E2E_DB_FILE = process.env.E2E_DB ?? "tests/.tmp/e2e.db";
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

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `tests/.tmp/playwright-${APP_PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
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
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
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
        SESSION_SECRET: "e2e-secret-not-for-production",
        // Every test comes from loopback: per-address limits would count the whole suite as one resident.
        RATE_LIMIT_EXEMPT_ADDRESSES: "127.0.0.1,::1",
        TZ: "UTC",
      },
    },
  ],
});
