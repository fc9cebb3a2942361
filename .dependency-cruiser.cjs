// Layer boundaries of app/ (docs/decisions/013-layers-enforced-by-lint.md).
// Imports flow one way: routes → services → domain and models → utils; components are UI pieces
// that routes render. Jobs (the outbox sender) sit beside the routes: they use services, models,
// domain and utils, and only the server entry starts them. Run by `npm run lint:boundaries`; tests/unit/boundaries.test.ts runs the same
// file on the fixtures in tests/lint-fixtures/ (run from there, so every path below is relative to
// the folder the cruise starts in: `app/...`).

// A Remix route module: everything under app/routes, and the root route.
const ROUTES = "^app/(routes/|root\\.tsx?$)";
// A module that only the server may load (Remix keeps `*.server.*` files out of the browser bundle).
const SERVER_MODULE = "\\.server\\.[cm]?[jt]sx?$";
// Third-party packages, resolved (under node_modules) or not (bare name).
const pkg = (name) => `(^|/)node_modules/${name}/|^${name}(/|$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "route-imports-route",
      comment:
        "A route does not import another route (nor root). What two routes share moves down into a service, " +
        "a component or utils.",
      severity: "error",
      from: { path: "^app/routes/" },
      to: { path: ROUTES },
    },
    {
      name: "upward-import-of-route",
      comment: "Nothing below the routes imports a route (nor root): services, models, domain, utils, components.",
      severity: "error",
      from: { path: "^app/(jobs|services|models|domain|utils|components)/" },
      to: { path: ROUTES },
    },
    {
      name: "job-imported-from-app",
      comment:
        "Jobs (app/jobs) run beside the requests: only the server entry (app/entry.server.tsx) starts them; " +
        "scripts outside app/ may run them. Nothing else in app/ imports a job.",
      severity: "error",
      from: { path: "^app/", pathNot: "^app/(jobs/|entry\\.server\\.tsx?$)" },
      to: { path: "^app/jobs/" },
    },
    {
      name: "job-imports-component",
      comment: "A job renders no page: it does not import UI components.",
      severity: "error",
      from: { path: "^app/jobs/" },
      to: { path: "^app/components/" },
    },
    {
      name: "upward-import-of-service",
      comment: "Models, domain and utils sit below services: they do not import them.",
      severity: "error",
      from: { path: "^app/(models|domain|utils)/" },
      to: { path: "^app/services/" },
    },
    {
      name: "upward-import-of-model",
      comment: "Domain and utils sit below models: they do not import them (domain gets plain data from services).",
      severity: "error",
      from: { path: "^app/(domain|utils)/" },
      to: { path: "^app/models/" },
    },
    {
      name: "upward-import-of-component",
      comment: "Domain and utils do not import UI components.",
      severity: "error",
      from: { path: "^app/(domain|utils)/" },
      to: { path: "^app/components/" },
    },
    {
      name: "domain-imports-server-side",
      comment:
        "app/domain is pure TypeScript: no *.server module, no generated Prisma client, no Prisma, Remix, " +
        "React or Node built-in. It takes plain values and returns plain values.",
      severity: "error",
      from: { path: "^app/domain/" },
      to: {
        path: [
          SERVER_MODULE,
          "^app/generated/",
          pkg("@prisma"),
          pkg("\\.prisma"),
          pkg("@remix-run"),
          pkg("react"),
          pkg("react-dom"),
          pkg("react-i18next"),
        ],
      },
    },
    {
      name: "domain-imports-node-builtin",
      comment: "app/domain does no I/O: no Node built-in module (node:fs, node:crypto, …).",
      severity: "error",
      from: { path: "^app/domain/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "component-imports-server-value",
      comment:
        "A component runs in the browser: it may import types from a *.server module (erased at build time), " +
        "never a value.",
      severity: "error",
      from: { path: "^app/components/" },
      to: { path: SERVER_MODULE, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "not-to-unresolvable",
      comment:
        "Every import resolves (also through the ~/ alias of tsconfig.json); an unresolved one would slip " +
        "past the rules above.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Keep type-only imports in the graph (and mark them "type-only") so the rules see them.
    tsPreCompilationDeps: true,
    // Resolves ~/, #emails/ and #locales/ like TypeScript does; relative to the folder the cruise runs in.
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
