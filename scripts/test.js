// `npm test`: typecheck, lint, unit and service tests, production build, then the browser journeys.
// Ends with one line, "Summary: N passed, N failed", counting every test (and the typecheck and the lint).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const tmp = path.resolve("tests/.tmp");
fs.mkdirSync(tmp, { recursive: true });
const env = { ...process.env, TZ: "UTC", FORCE_COLOR: process.env.CI ? "0" : "1" };

function run(label, command, args, extraEnv = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const problems = [];

if (run("Typecheck", "npx", ["tsc", "--noEmit"])) passed += 1;
else {
  failed += 1;
  problems.push("typecheck");
}

if (run("Lint (ESLint, layer boundaries, Prettier)", "npm", ["run", "--silent", "lint"])) passed += 1;
else {
  failed += 1;
  problems.push("lint");
}

const vitestReport = path.join(tmp, "vitest-report.json");
fs.rmSync(vitestReport, { force: true });
const unitOk = run("Unit and service tests (Vitest)", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
if (!unitOk && (!vitest || vitest.numFailedTests === 0)) {
  failed += 1;
  problems.push("vitest run");
}

if (!run("Production build", "npx", ["remix", "build"])) {
  failed += 1;
  problems.push("build");
} else {
  const playwrightReport = path.join(tmp, "playwright-report.json");
  fs.rmSync(playwrightReport, { force: true });
  const e2eOk = run("Browser journeys (Playwright)", "npx", ["playwright", "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
  });
  const stats = readJson(playwrightReport)?.stats;
  if (stats) {
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
  }
  if (!e2eOk && (!stats || stats.unexpected === 0)) {
    failed += 1;
    problems.push("playwright run");
  }
}

if (problems.length > 0) console.log(`\nFailed steps: ${problems.join(", ")}`);
console.log(`\nSummary: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
