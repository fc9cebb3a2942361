// The layer rules of .dependency-cruiser.cjs bite: run the same check as `npm run lint:boundaries` on the
// fake app/ trees of tests/lint-fixtures/ (docs/decisions/013-layers-enforced-by-lint.md).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { beforeAll, describe, expect, test } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CONFIG = path.join(root, ".dependency-cruiser.cjs");
const DEPCRUISE = path.join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");

type Cruise = { status: number | null; violations: string[]; stdout: string; stderr: string };

/**
 * Runs the boundary check exactly as `npm run lint:boundaries` does (same config, same "err" report and exit
 * code), but from inside a fixture tree, whose tsconfig.json gives the ~/ alias.
 */
function cruise(tree: string): Cruise {
  const result = spawnSync(process.execPath, [DEPCRUISE, "app", "--config", CONFIG], {
    cwd: path.join(root, "tests/lint-fixtures", tree),
    encoding: "utf8",
    timeout: 60_000,
    // Plain text to parse: `npm test` sets FORCE_COLOR=1 for its own output when not on CI.
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  // Report lines read "  error <rule>: <from> → <to>"; a package is named by its name wherever node_modules is.
  const violations = [...result.stdout.matchAll(/^\s*error (\S+): (\S+) → (\S+)$/gm)].map(([, rule, from, to]) => {
    const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(to);
    return `${rule}: ${from} → ${pkg ? `npm:${pkg[1]}` : to}`;
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout, violations: violations.sort() };
}

describe("layer boundaries (dependency-cruiser)", () => {
  test("a tree that imports the way the layers allow passes, type-only imports of *.server included", () => {
    const result = cruise("clean");
    expect(result.violations).toEqual([]);
    expect(result.stdout).toContain("no dependency violations found");
    expect(result.status, result.stderr).toBe(0);
  }, 60_000);

  describe("a tree with one wrong import of each forbidden kind", () => {
    let result: Cruise;
    beforeAll(() => {
      result = cruise("violations");
      // A cruise that did not run (killed, crashed) reports nothing: say why rather than 30 misses.
      expect(result.stdout, `dependency-cruiser exited ${result.status}: ${result.stderr}`).toMatch(
        /dependency violations/,
      );
    }, 60_000);

    const expected = [
      // a route importing another route, or root
      "route-imports-route: app/routes/imports-route.tsx → app/routes/target.tsx",
      "route-imports-route: app/routes/imports-root.tsx → app/root.tsx",
      // anything below the routes importing a route
      "upward-import-of-route: app/services/imports-upward.server.ts → app/routes/target.tsx",
      "upward-import-of-route: app/models/imports-upward.server.ts → app/routes/target.tsx",
      "upward-import-of-route: app/domain/imports-upward.ts → app/root.tsx",
      "upward-import-of-route: app/utils/imports-upward.ts → app/routes/target.tsx",
      "upward-import-of-route: app/components/imports-upward.tsx → app/routes/target.tsx",
      // a job importing a route or a component; anything in app/ but the server entry importing a job
      "upward-import-of-route: app/jobs/imports-upward.server.ts → app/routes/target.tsx",
      "job-imports-component: app/jobs/imports-upward.server.ts → app/components/target.tsx",
      "job-imported-from-app: app/services/imports-job.server.ts → app/jobs/target.server.ts",
      "job-imported-from-app: app/routes/imports-job.tsx → app/jobs/target.server.ts",
      // models, domain, utils importing services
      "upward-import-of-service: app/models/imports-upward.server.ts → app/services/target.server.ts",
      "upward-import-of-service: app/domain/imports-upward.ts → app/services/target.server.ts",
      "upward-import-of-service: app/utils/imports-upward.ts → app/services/target.server.ts",
      // domain, utils importing models
      "upward-import-of-model: app/domain/imports-upward.ts → app/models/target.server.ts",
      "upward-import-of-model: app/utils/imports-upward.ts → app/models/target.server.ts",
      // domain, utils importing components
      "upward-import-of-component: app/domain/imports-upward.ts → app/components/target.tsx",
      "upward-import-of-component: app/utils/imports-upward.ts → app/components/target.tsx",
      // domain importing anything server-side
      "domain-imports-server-side: app/domain/imports-upward.ts → app/services/target.server.ts",
      "domain-imports-server-side: app/domain/imports-upward.ts → app/models/target.server.ts",
      "domain-imports-server-side: app/domain/imports-server-side.ts → app/utils/target.server.ts",
      "domain-imports-server-side: app/domain/imports-server-side.ts → app/generated/prisma/client.ts",
      "domain-imports-server-side: app/domain/imports-server-side.ts → npm:@prisma/client",
      "domain-imports-server-side: app/domain/imports-server-side.ts → npm:@remix-run/node",
      "domain-imports-server-side: app/domain/imports-server-side.ts → npm:react",
      "domain-imports-node-builtin: app/domain/imports-server-side.ts → fs",
      "domain-imports-node-builtin: app/domain/imports-server-side.ts → path",
      // a component importing a value (not only a type) from a *.server module
      "component-imports-server-value: app/components/imports-server-value.tsx → app/models/target.server.ts",
      // an import that does not resolve would escape every rule
      "not-to-unresolvable: app/utils/imports-missing.ts → ~/utils/does-not-exist",
    ];

    test.each(expected)("reports %s", (violation) => {
      expect(result.violations).toContain(violation);
    });

    test("reports nothing else (the type-only import of a *.server module is allowed) and exits non-zero", () => {
      expect(result.violations).toEqual([...expected].sort());
      expect(result.status).not.toBe(0);
    });
  });
});
