import { expect, test, type APIRequestContext, type APIResponse, type PlaywrightWorkerArgs } from "@playwright/test";

import type { PermissionStem, StaffMember, StaffRole } from "../../app/domain/policy/actor";
import { holdsStem, permissionsForRoles, permitsOn, ROLE_PERMISSIONS } from "../../app/domain/policy/permissions";
import { e2eUrls } from "../../playwright.config";
import { withDb } from "./support/e2e-db";
import { tr } from "./support/i18n";
import { createRoster, createStaff, type TestRoster, type TestStaff } from "./support/staff-db";

// Who may reach what in the staff area (issue 9, docs/decisions/022): every staff route, asked by
// someone not signed in and by each role, answers exactly as the permission table says — a
// redirect to the sign-in page, a 403, or the page — and a refused request carries none of the
// roster's names or phones. The expected answer of every request is derived from ROLE_PERMISSIONS
// (the app's own table) and the route's permission, never written by hand. HTTP only (the
// `request` API, a fresh context per actor): no page is opened, so there is nothing for axe to scan.

type Playwright = PlaywrightWorkerArgs["playwright"];

const SIGN_IN = "/pro/connexion";
const HOME = "/pro/ateliers";

// ---------------------------------------------------------------------------------------------
// The actors

/** Where a staff member works, relative to the session under test. */
type Workplace = "none" | "session's place" | "elsewhere";
type StaffActor = { roles: StaffRole[]; works: Workplace; runsTheSession?: boolean };

const ACTORS = {
  anonymous: null,
  "the session's own trainer": { roles: ["TRAINER"], works: "none", runsTheSession: true },
  // at the same place as the session, to show that a trainer's `own` is not their place
  "another trainer (same place)": { roles: ["TRAINER"], works: "session's place" },
  "a mediator of the session's place": { roles: ["MEDIATOR"], works: "session's place" },
  "a mediator of another place": { roles: ["MEDIATOR"], works: "elsewhere" },
  // several roles: reads the place's rosters as a mediator, records only on sessions they run
  "a trainer who is also a mediator of the session's place": {
    roles: ["TRAINER", "MEDIATOR"],
    works: "session's place",
  },
  "a coordinator": { roles: ["COORDINATOR"], works: "none" },
  "an administrator": { roles: ["ADMIN"], works: "none" },
} satisfies Record<string, StaffActor | null>;
type ActorName = keyof typeof ACTORS;

type Places = { session: { id: string; slug: string }; other: { id: string; slug: string } };

/** The session's place (the one createRoster uses: the first by slug) and another one. */
function places(): Places {
  const rows = withDb(
    (db) =>
      db.prepare(`SELECT id, slug FROM Place WHERE deletedAt IS NULL ORDER BY slug LIMIT 2`).all() as {
        id: string;
        slug: string;
      }[],
  );
  if (rows.length < 2) throw new Error("the e2e seed needs two places");
  return { session: rows[0], other: rows[1] };
}

const placeOf = (works: Workplace, where: Places) =>
  works === "session's place" ? [where.session] : works === "elsewhere" ? [where.other] : [];

/** What the app will make of this account: the same StaffMember getStaffActor builds. */
const memberOf = (account: TestStaff, actor: StaffActor, where: Places): StaffMember => ({
  kind: "staff",
  userId: account.id,
  roles: actor.roles,
  permissions: permissionsForRoles(actor.roles),
  placeIds: placeOf(actor.works, where).map((p) => p.id),
});

// ---------------------------------------------------------------------------------------------
// The routes (the route contract of issue 9) and the rule each obeys

type Rule =
  /** requireStaffWithPermission(request, stem), or with `{ sessionId }` when `onSession`. */
  | { kind: "permission"; stem: PermissionStem; onSession: boolean }
  /** Any signed-in staff member: /pro, which sends on to « Mes ateliers ». */
  | { kind: "signed-in" };

type RouteCase = {
  method: "GET" | "POST";
  /** The address, for the session under test. */
  path: (sessionId: string) => string;
  rule: Rule;
  /** A permitted GET shows the roster's names (the positive control of the leak check). */
  showsRoster?: boolean;
  /** The answer to a permitted request is a redirect to there (else 200 for a GET). */
  redirectsTo?: string;
  /** A list of sessions: links to the session under test only for who may read it (their scope). */
  listsSessions?: boolean;
};

const onSession = (stem: PermissionStem): Rule => ({ kind: "permission", stem, onSession: true });
const anywhere = (stem: PermissionStem): Rule => ({ kind: "permission", stem, onSession: false });
const session = (sessionId: string, rest = "") => `/pro/ateliers/${sessionId}${rest}`;

const ROUTES: RouteCase[] = [
  { method: "GET", path: () => "/pro", rule: { kind: "signed-in" }, redirectsTo: HOME },
  { method: "GET", path: () => "/pro/ateliers", rule: anywhere("read:session"), listsSessions: true },
  { method: "GET", path: (id) => session(id), rule: onSession("read:attendance"), showsRoster: true },
  // The roster is an index route: its forms post to `?index`.
  { method: "POST", path: (id) => session(id, "?index"), rule: onSession("update:attendance") },
  { method: "GET", path: (id) => session(id, "/emargement"), rule: onSession("read:attendance"), showsRoster: true },
  { method: "GET", path: (id) => session(id, "/liste.csv"), rule: onSession("read:attendance"), showsRoster: true },
  { method: "GET", path: (id) => session(id, "/arrivee"), rule: onSession("create:attendance") },
  { method: "POST", path: (id) => session(id, "/arrivee"), rule: onSession("create:attendance") },
  { method: "GET", path: (id) => session(id, "/competences"), rule: onSession("create:assessment") },
  { method: "POST", path: (id) => session(id, "/competences"), rule: onSession("create:assessment") },
  { method: "GET", path: () => "/pro/equipe", rule: anywhere("update:staff") },
  { method: "POST", path: () => "/pro/equipe", rule: anywhere("update:staff") },
];

type Outcome = "sign-in" | "refused" | "allowed";

/** The one table: what each actor must get from each route, from the permission table alone. */
function expectedOutcome(
  route: RouteCase,
  actor: StaffMember | null,
  target: TestRoster & { trainerId: string },
): Outcome {
  if (!actor) return "sign-in";
  if (route.rule.kind === "signed-in") return "allowed";
  const { stem } = route.rule;
  const permitted = route.rule.onSession
    ? permitsOn(actor, stem, { trainerIds: [target.trainerId], placeId: target.placeId })
    : holdsStem(actor, stem);
  return permitted ? "allowed" : "refused";
}

// ---------------------------------------------------------------------------------------------
// Requests

/**
 * Where requireStaffWithPermission sends someone not signed in (signInRedirect): back to the
 * page's own address, which is the request's without `.data`, and without `?index`, which
 * Remix takes off before the action sees the request.
 */
function signInLocation(path: string): string {
  const url = new URL(path, e2eUrls.app);
  url.pathname = url.pathname.replace(/\.data$/, "");
  url.searchParams.delete("index");
  const back = `${url.pathname}${url.search}`;
  return back === "/pro" ? SIGN_IN : `${SIGN_IN}?${new URLSearchParams({ redirectTo: back })}`;
}

/** A form post as our pages send it: same origin (server/http-guards.js refuses others). */
function post(context: APIRequestContext, path: string, form: Record<string, string> = {}) {
  return context.post(path, { form, maxRedirects: 0, headers: { Origin: e2eUrls.app } });
}

function ask(context: APIRequestContext, method: "GET" | "POST", path: string) {
  return method === "GET" ? context.get(path, { maxRedirects: 0 }) : post(context, path, { essai: "accès" });
}

/** A fresh cookie jar, signed in through the sign-in form as `account` (or nobody). */
async function contextFor(playwright: Playwright, account: TestStaff | null): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL: e2eUrls.app });
  if (account) {
    const response = await post(context, SIGN_IN, { email: account.email, password: account.password });
    expect(response.status(), `signing in ${account.email}`).toBe(303);
    expect(response.headers().location).toBe(HOME);
  }
  return context;
}

/** Every way the roster's people could show on a page: names, and phones as stored or written. */
function residentTraces(roster: TestRoster): string[] {
  const traces = [...roster.booked, ...roster.waitlisted].flatMap((person) => {
    const national = `0${person.phone.slice(3)}`; // +33612345678 → 0612345678
    const pairs = national.match(/../g) ?? [];
    return [
      person.lastName,
      `${person.firstName} ${person.lastName}`,
      person.phone,
      national,
      pairs.join(" "),
      pairs.join("."),
      pairs.join("\u00a0"),
    ];
  });
  return [...new Set(traces)];
}

function leaked(body: string, roster: TestRoster): string[] {
  const text = body.toLowerCase();
  return residentTraces(roster).filter((trace) => text.includes(trace.toLowerCase()));
}

/**
 * What the response amounts to, in the words of the table; with what went wrong when it is none.
 * A permitted POST carries a form no page sends, so its answer may be any 4xx but 403 (the route's
 * own validation): the GET of the same address is what proves the route is there.
 */
function outcomeOf(response: APIResponse, method: "GET" | "POST", path: string): Outcome | `unexpected ${string}` {
  const status = response.status();
  const location = response.headers().location;
  if (status === 303 && location === signInLocation(path)) return "sign-in";
  if (status === 403) return "refused";
  if (status >= 500 || status === 405 || (status === 404 && method === "GET")) return `unexpected ${status}`;
  if (status >= 300 && status < 400 && location?.startsWith(SIGN_IN)) return `unexpected ${status} to ${location}`;
  return "allowed";
}

const isStaffCacheControl = (response: APIResponse) => response.headers()["cache-control"] === "private, no-store";

// ---------------------------------------------------------------------------------------------

/** A session run by a fresh trainer, with two booked learners and one on the waiting list. */
function rosterOfNewTrainer(where: Places) {
  const trainer = createStaff(["TRAINER"]);
  const roster = createRoster({ trainerId: trainer.id, startsInMinutes: 10, booked: 2, waitlisted: 1 });
  expect(roster.placeId, "createRoster's place is the first by slug").toBe(where.session.id);
  return { trainer, roster: { ...roster, trainerId: trainer.id } };
}

test.describe("the staff area answers each actor as the permission table says", () => {
  test("the table covers every role, and every role is asked", () => {
    const asked = new Set(Object.values(ACTORS).flatMap((actor) => actor?.roles ?? []));
    expect([...asked].sort()).toEqual(Object.keys(ROLE_PERMISSIONS).sort());
  });

  for (const [name, actor] of Object.entries(ACTORS) as [ActorName, StaffActor | null][]) {
    test(`${name}: every staff route`, async ({ playwright }) => {
      const where = places();
      const { trainer, roster } = rosterOfNewTrainer(where);
      const account = !actor
        ? null
        : actor.runsTheSession
          ? trainer
          : createStaff(
              actor.roles,
              placeOf(actor.works, where).map((p) => p.slug),
            );
      const member = actor && account ? memberOf(account, actor, where) : null;
      const context = await contextFor(playwright, account);
      try {
        const expected: string[] = [];
        const got: string[] = [];
        for (const route of ROUTES) {
          const path = route.path(roster.sessionId);
          const label = `${route.method} ${path.replace(roster.sessionId, ":id")}`;
          const outcome = expectedOutcome(route, member, roster);
          const response = await ask(context, route.method, path);
          const body = await response.text();
          expected.push(`${label} → ${outcome}`);
          got.push(`${label} → ${outcomeOf(response, route.method, path)}`);

          expect.soft(isStaffCacheControl(response), `${label}: Cache-Control private, no-store`).toBe(true);
          if (outcome !== "allowed") {
            expect.soft(leaked(body, roster), `${label}: no resident data in a refused answer`).toEqual([]);
          }
          if (outcome === "refused" && route.method === "GET" && !path.endsWith(".csv")) {
            expect
              .soft(body.includes(tr("fr", "errors:noAccess.title")), `${label}: the « Accès refusé » page`)
              .toBe(true);
          }
          if (outcome === "allowed" && route.method === "GET") {
            if (route.redirectsTo) {
              expect.soft(response.headers().location, `${label}: sends on`).toBe(route.redirectsTo);
            } else {
              expect.soft(response.status(), `${label}: the page itself`).toBe(200);
            }
          }
          if (outcome === "allowed" && route.listsSessions && member) {
            const link = `href="${session(roster.sessionId)}"`;
            if (!permitsOn(member, "read:session", { trainerIds: [roster.trainerId], placeId: roster.placeId })) {
              expect.soft(body.includes(link), `${label}: no link to a session out of scope`).toBe(false);
            } else if (actor?.runsTheSession) {
              expect.soft(body.includes(link), `${label}: the trainer's own session`).toBe(true);
            }
          }
          if (outcome === "allowed" && route.showsRoster) {
            // The leak check can see a leak: the permitted page does show these names.
            expect.soft(leaked(body, roster), `${label}: shows the roster`).toContain(roster.booked[0].lastName);
          }
        }
        // One comparison for the whole table, so a failure shows every wrong cell at once.
        expect(got).toEqual(expected);

        // Signing out (always allowed, even for nobody) ends the login for good.
        const out = await post(context, "/pro/deconnexion");
        expect(out.status(), "sign-out redirects").toBeGreaterThanOrEqual(300);
        expect(out.status(), "sign-out redirects").toBeLessThan(400);
        expect(isStaffCacheControl(out)).toBe(true);
        const after = await context.get(HOME, { maxRedirects: 0 });
        expect(outcomeOf(after, "GET", HOME), "after signing out").toBe("sign-in");
      } finally {
        await context.dispose();
      }
    });
  }
});

test.describe("refusals say nothing about residents", () => {
  test("a trainer asking for another trainer's roster gets 403, and none of its names or phones", async ({
    playwright,
  }) => {
    const where = places();
    const { roster } = rosterOfNewTrainer(where);
    const stranger = createStaff(["TRAINER"], [where.session.slug]);
    const context = await contextFor(playwright, stranger);
    try {
      for (const rest of ["", "/emargement", "/liste.csv"]) {
        const response = await context.get(session(roster.sessionId, rest), { maxRedirects: 0 });
        expect(response.status(), rest || "the roster").toBe(403);
        expect(leaked(await response.text(), roster)).toEqual([]);
      }
      const mark = await post(context, session(roster.sessionId, "?index"), {
        personId: roster.booked[0].id,
        status: "PRESENT",
      });
      expect(mark.status()).toBe(403);
      expect(leaked(await mark.text(), roster)).toEqual([]);
    } finally {
      await context.dispose();
    }
  });

  test("a session that does not exist is a 404 for whoever may read rosters, a 403 for who may not", async ({
    playwright,
  }) => {
    const trainer = createStaff(["TRAINER"]);
    const administrator = createStaff(["ADMIN"]);
    for (const [account, status] of [
      [trainer, 404],
      [administrator, 404],
    ] as const) {
      const context = await contextFor(playwright, account);
      try {
        const response = await context.get(session("e2e-no-such-session"), { maxRedirects: 0 });
        expect(response.status()).toBe(status);
      } finally {
        await context.dispose();
      }
    }
    // A mediator holds no create:attendance at all: refused before the session is even looked up.
    const mediator = createStaff(["MEDIATOR"], [places().session.slug]);
    const context = await contextFor(playwright, mediator);
    try {
      const response = await context.get(session("e2e-no-such-session", "/arrivee"), { maxRedirects: 0 });
      expect(response.status()).toBe(403);
    } finally {
      await context.dispose();
    }
  });

  test("the roster's data requests (.data, as the app fetches them with JavaScript on) obey the same table", async ({
    playwright,
  }) => {
    const where = places();
    const { trainer, roster } = rosterOfNewTrainer(where);
    const dataUrl = `${session(roster.sessionId)}.data`;
    const markUrl = `${session(roster.sessionId)}.data?index`;
    const cases: [string, TestStaff | null, Outcome][] = [
      ["anonymous", null, "sign-in"],
      ["the session's own trainer", trainer, "allowed"],
      ["another trainer", createStaff(["TRAINER"], [where.session.slug]), "refused"],
      ["a mediator elsewhere", createStaff(["MEDIATOR"], [where.other.slug]), "refused"],
    ];
    for (const [label, account, outcome] of cases) {
      const context = await contextFor(playwright, account);
      try {
        const response = await context.get(dataUrl, { maxRedirects: 0 });
        const body = await response.text();
        expect(isStaffCacheControl(response), `${label}: Cache-Control`).toBe(true);
        if (outcome === "sign-in") {
          // Single fetch answers a redirect with 202 and the target in its body, for the client
          // router to follow; the target is the page's address, without `.data`.
          expect(response.status(), label).toBe(202);
          expect(body).toContain(signInLocation(session(roster.sessionId)));
        } else if (outcome === "refused") {
          expect(response.status(), label).toBe(403);
        } else {
          expect(response.status(), label).toBe(200);
          expect(leaked(body, roster), `${label}: the data holds the roster`).toContain(roster.booked[0].lastName);
        }
        if (outcome !== "allowed") expect(leaked(body, roster), `${label}: nothing leaks`).toEqual([]);

        // A mark sent by the page's script, without JavaScript's page around it.
        if (outcome !== "allowed") {
          const mark = await post(context, markUrl, { personId: roster.booked[0].id, status: "PRESENT" });
          expect(mark.status(), `${label}: mark`).toBe(outcome === "sign-in" ? 202 : 403);
          expect(leaked(await mark.text(), roster)).toEqual([]);
        }
      } finally {
        await context.dispose();
      }
    }
  });
});

test.describe("the way in", () => {
  test("the sign-in page: open to anyone, never cached; a signed-in member is sent on to « Mes ateliers »", async ({
    playwright,
  }) => {
    const anonymous = await contextFor(playwright, null);
    try {
      const page = await anonymous.get(SIGN_IN, { maxRedirects: 0 });
      expect(page.status()).toBe(200);
      expect(isStaffCacheControl(page)).toBe(true);
      const html = await page.text();
      for (const key of ["staff:signIn.email", "staff:signIn.password", "staff:signIn.submit"]) {
        expect(html).toContain(tr("fr", key));
      }
      // French only: the staff area does not follow the resident's language.
      const english = await anonymous.get(`${SIGN_IN}?lng=en`, { maxRedirects: 0 });
      expect(await english.text()).toContain(tr("fr", "staff:signIn.submit"));
    } finally {
      await anonymous.dispose();
    }

    const coordinator = createStaff(["COORDINATOR"]);
    const signedIn = await contextFor(playwright, coordinator);
    try {
      const again = await signedIn.get(SIGN_IN, { maxRedirects: 0 });
      expect(again.status()).toBe(303);
      expect(again.headers().location).toBe(HOME);
      expect(isStaffCacheControl(again)).toBe(true);
    } finally {
      await signedIn.dispose();
    }
  });

  test("after signing in, the page asked for opens (redirectTo), never a page off the staff area", async ({
    playwright,
  }) => {
    const coordinator = createStaff(["COORDINATOR"]);
    for (const [redirectTo, lands] of [
      ["/pro/equipe", "/pro/equipe"],
      ["https://example.org/pro/ateliers", HOME],
      ["//example.org/pro/ateliers", HOME],
      ["/mes-reservations", HOME],
    ] as const) {
      const context = await playwright.request.newContext({ baseURL: e2eUrls.app });
      try {
        const response = await post(context, SIGN_IN, {
          email: coordinator.email,
          password: coordinator.password,
          redirectTo,
        });
        expect(response.status(), redirectTo).toBe(303);
        expect(response.headers().location, redirectTo).toBe(lands);
      } finally {
        await context.dispose();
      }
    }
  });

  test("the footer of a public page links « Espace professionnels » to the sign-in page", async ({ request }) => {
    const response = await request.get("/");
    expect(response.status()).toBe(200);
    expect(isStaffCacheControl(response), "a public page is no staff page").toBe(false);
    const html = await response.text();
    const footer = /<footer\b[\s\S]*?<\/footer>/.exec(html)?.[0] ?? "";
    const link = new RegExp(`<a\\b[^>]*\\bhref="${SIGN_IN}"[^>]*>\\s*${tr("fr", "legal:footer.staff")}\\s*</a>`);
    expect(footer).toMatch(link);
  });
});
