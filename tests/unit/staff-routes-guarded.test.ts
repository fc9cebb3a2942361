// Every staff loader and action starts with `requireStaffWithPermission` (docs/decisions/022): a
// route that forgot it would hand residents' names and phones to anyone who types its address.
// This reads the source of every module under app/routes/pro+/ with TypeScript's own parser and
// fails on a loader or action that does not call it on every path, before any answer, except the
// few public pages of the allow-list below.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import ts from "typescript";
import { describe, expect, test } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ROUTES = path.join(root, "app/routes");
const STAFF_DIR = path.join(ROUTES, "pro+");

const GUARD = "requireStaffWithPermission";
const GUARD_MODULE = "~/utils/staff-auth.server";

/**
 * Route modules (by file name without extension, relative to app/routes/pro+) whose loader and
 * action may run for someone not signed in. None shows resident data.
 */
const PUBLIC_STAFF_ROUTES = new Set([
  // sign in, sign out, ask for and use a password reset link
  "connexion",
  "deconnexion",
  "mot-de-passe-oublie",
  "mot-de-passe.$token",
  // the staff bar: reads getStaffActor for the signed-in name, nothing about residents
  "_layout",
]);

type Violation = { exportName: "loader" | "action"; problem: string };

/** Nodes past which a call may not run, or may run later or more than once, or be caught. */
function isBoundary(node: ts.Node): boolean {
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return true;
  if (ts.isIfStatement(node) || ts.isConditionalExpression(node) || ts.isSwitchStatement(node)) return true;
  if (ts.isIterationStatement(node, false) || ts.isTryStatement(node)) return true;
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    return (
      op === ts.SyntaxKind.AmpersandAmpersandToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken
    );
  }
  return false;
}

/** Whether `node` surely calls `name`: a plain call (not `?.`) reached without crossing a boundary. */
function surelyCalls(node: ts.Node, name: string): boolean {
  if (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === name &&
    !node.questionDotToken
  ) {
    return true;
  }
  if (isBoundary(node)) return false;
  return ts.forEachChild(node, (child) => surelyCalls(child, name) || undefined) ?? false;
}

/** Whether the statement may leave the function (a return or a throw of its own, not a nested function's). */
function mayLeave(node: ts.Node): boolean {
  if (ts.isReturnStatement(node) || ts.isThrowStatement(node)) return true;
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
  return ts.forEachChild(node, (child) => mayLeave(child) || undefined) ?? false;
}

const NOT_FIRST = (guard: string) =>
  `does not call ${guard} on every path before it answers (a call inside a condition, a loop, a try or a callback does not count)`;

/** The problem with one loader or action, or null when it surely calls the guard before answering. */
function checkFunction(fn: ts.Node | undefined, guard: string | undefined): string | null {
  if (!guard) return `does not import ${GUARD} from "${GUARD_MODULE}"`;
  if (!fn) return "is not a function declared in this module (cannot be checked)";
  if (!(ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isArrowFunction(fn))) {
    return "is not a function declared in this module (cannot be checked)";
  }
  const body = fn.body;
  if (!body) return "has no body";
  if (!ts.isBlock(body)) return surelyCalls(body, guard) ? null : NOT_FIRST(guard);
  for (const statement of body.statements) {
    if (surelyCalls(statement, guard)) return null;
    if (mayLeave(statement)) break;
  }
  return NOT_FIRST(guard);
}

/** The loader and action of a route module's source that do not surely call the guard. */
function unguardedExports(source: string, fileName = "route.tsx"): Violation[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  let guard: string | undefined;
  const locals = new Map<string, ts.Node>();
  /** Exported name → the local declaration, or null for a re-export from another module. */
  const exported = new Map<string, ts.Node | null>();
  const isExported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      const named = statement.importClause?.namedBindings;
      if (from === GUARD_MODULE && named && ts.isNamedImports(named)) {
        for (const element of named.elements) {
          if ((element.propertyName ?? element.name).text === GUARD && !element.isTypeOnly) guard = element.name.text;
        }
      }
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      locals.set(statement.name.text, statement);
      if (isExported(statement)) exported.set(statement.name.text, statement);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        let init = declaration.initializer;
        while (
          init &&
          (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))
        ) {
          init = init.expression;
        }
        const value = init ?? declaration;
        locals.set(declaration.name.text, value);
        if (isExported(statement)) exported.set(declaration.name.text, value);
      }
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements) {
        const local = (element.propertyName ?? element.name).text;
        exported.set(element.name.text, statement.moduleSpecifier ? null : (locals.get(local) ?? null));
      }
    } else if (ts.isExportDeclaration(statement) && !statement.exportClause && statement.moduleSpecifier) {
      // `export * from "…"` could bring a loader nobody reads here
      exported.set("*", null);
    }
  }

  const violations: Violation[] = [];
  for (const exportName of ["loader", "action"] as const) {
    if (!exported.has(exportName) && !exported.has("*")) continue;
    const problem = exported.has(exportName)
      ? checkFunction(exported.get(exportName) ?? undefined, guard)
      : "may be re-exported by `export *` (cannot be checked)";
    if (problem) violations.push({ exportName, problem });
  }
  return violations;
}

/** Every module of app/routes that answers under /pro: the pro+ folder, and any `pro.*` file. */
function staffRouteModules(): string[] {
  const modules: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name) && !/\.(test|server)\.(ts|tsx)$/.test(entry.name)) modules.push(full);
    }
  };
  if (fs.existsSync(STAFF_DIR)) walk(STAFF_DIR);
  for (const entry of fs.readdirSync(ROUTES, { withFileTypes: true })) {
    if (/^pro[._]/.test(entry.name)) {
      const full = path.join(ROUTES, entry.name);
      if (entry.isDirectory()) walk(full);
      else modules.push(full);
    }
  }
  return modules.sort();
}

/** "ateliers.$sessionId._index" for app/routes/pro+/ateliers.$sessionId._index.tsx. */
const routeName = (file: string) => path.relative(STAFF_DIR, file).replace(/\.(ts|tsx)$/, "");

describe("every staff loader and action calls requireStaffWithPermission", () => {
  const modules = staffRouteModules();

  test("the staff routes are found", () => {
    expect(modules.map(routeName)).toContain("connexion");
  });

  test.each(modules.map((file) => [path.relative(root, file), file] as const))("%s", (_relative, file) => {
    const violations = unguardedExports(fs.readFileSync(file, "utf8"), file);
    if (PUBLIC_STAFF_ROUTES.has(routeName(file))) return;
    expect(violations.map((v) => `${v.exportName} ${v.problem}`)).toEqual([]);
  });
});

describe("the check itself", () => {
  const IMPORT = `import { ${GUARD} } from "${GUARD_MODULE}";\n`;
  const problems = (source: string) => unguardedExports(source).map((v) => `${v.exportName}: ${v.problem}`);

  test("passes a loader and an action that start with the guard, in every form of declaration", () => {
    expect(
      problems(`${IMPORT}
        export async function loader({ request, params }) {
          const id = params.sessionId ?? "";
          const actor = await ${GUARD}(request, "read:attendance", { sessionId: id });
          return { actor };
        }
        export const action = async ({ request }) => {
          const [actor, form] = await Promise.all([${GUARD}(request, "update:attendance"), request.formData()]);
          return null;
        };`),
    ).toEqual([]);
    expect(problems(`${IMPORT} export const loader = ({ request }) => ${GUARD}(request, "read:session");`)).toEqual([]);
    expect(
      problems(`${IMPORT} async function load({ request }) { await ${GUARD}(request, "read:session"); }
        export { load as loader };`),
    ).toEqual([]);
    expect(
      problems(`import { ${GUARD} as guard } from "${GUARD_MODULE}";
        export async function loader({ request }) { await guard(request, "read:session"); return null; }`),
    ).toEqual([]);
  });

  test("a module with neither loader nor action has nothing to check", () => {
    expect(problems(`export default function Page() { return null; }`)).toEqual([]);
  });

  test("fails a loader without the call", () => {
    expect(
      problems(`${IMPORT}
        import { prisma } from "~/utils/db.server";
        export async function loader({ params }) {
          return prisma.booking.findMany({ where: { sessionId: params.sessionId } });
        }`),
    ).toEqual([`loader: ${NOT_FIRST(GUARD)}`]);
  });

  test("fails an action without the call beside a guarded loader", () => {
    expect(
      problems(`${IMPORT}
        export async function loader({ request }) { await ${GUARD}(request, "read:attendance"); return null; }
        export async function action({ request }) { return markAttendance(await request.formData()); }`),
    ).toEqual([expect.stringMatching(/^action: does not call/)]);
  });

  test("fails a call that only some paths reach, or that runs after an answer", () => {
    const cases = [
      `export async function loader({ request }) { if (request.method === "GET") await ${GUARD}(request, "read:session"); return null; }`,
      `export async function loader({ request }) { const ok = request.url && await ${GUARD}(request, "read:session"); return ok; }`,
      `export async function loader({ request }) { try { await ${GUARD}(request, "read:session"); } catch { } return rows(); }`,
      `export async function loader({ request }) { const f = () => ${GUARD}(request, "read:session"); return rows(); }`,
      `export async function loader({ request }) { ${GUARD}?.(request, "read:session"); return rows(); }`,
    ];
    for (const body of cases)
      expect(problems(`${IMPORT}${body}`), body).toEqual([expect.stringMatching(/^loader: does not call/)]);
    expect(
      problems(`${IMPORT} export async function loader({ request, params }) {
        if (!params.sessionId) return rows();
        await ${GUARD}(request, "read:session");
      }`),
    ).toEqual([`loader: ${NOT_FIRST(GUARD)}`]);
  });

  test("fails a guard of the same name that is not the real one", () => {
    expect(
      problems(`import { ${GUARD} } from "./my-own-guard";
        export async function loader({ request }) { await ${GUARD}(request, "read:session"); return null; }`),
    ).toEqual([`loader: does not import ${GUARD} from "${GUARD_MODULE}"`]);
  });

  test("fails a loader it cannot read: made by a helper, or re-exported from elsewhere", () => {
    expect(problems(`${IMPORT} export const loader = staffLoader("read:session", () => rows());`)).toEqual([
      "loader: is not a function declared in this module (cannot be checked)",
    ]);
    expect(problems(`${IMPORT} export { loader } from "./other-route";`)).toEqual([
      "loader: is not a function declared in this module (cannot be checked)",
    ]);
    expect(problems(`${IMPORT} export * from "./other-route";`)).toEqual([
      "loader: may be re-exported by `export *` (cannot be checked)",
      "action: may be re-exported by `export *` (cannot be checked)",
    ]);
  });
});
