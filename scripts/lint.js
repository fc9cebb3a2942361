// `npm run lint`: ESLint, the layer boundaries (dependency-cruiser) and Prettier's check, each run even
// when an earlier one fails, so one run lists every problem. Exits non-zero if any of them fails.
import { spawnSync } from "node:child_process";

const steps = [
  ["ESLint", "lint:eslint"],
  ["Layer boundaries", "lint:boundaries"],
  ["Formatting (Prettier)", "lint:format"],
];

const failed = [];
for (const [label, script] of steps) {
  console.log(`\n▷ ${label} (npm run ${script})`);
  const result = spawnSync("npm", ["run", "--silent", script], { stdio: "inherit" });
  if (result.status !== 0) failed.push(label);
}

if (failed.length > 0) console.log(`\nLint failed: ${failed.join(", ")}`);
process.exit(failed.length === 0 ? 0 : 1);
