// Staff sign-in against the real migrated database: the limits per email and per address, the
// audit of every attempt (never an email or a password in clear), the last login kept.
import bcrypt from "bcryptjs";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { SIGN_IN_FAILURES_PER_ADDRESS, SIGN_IN_FAILURES_PER_EMAIL } from "./rate-limits.server";
import { signInStaff, unknownEmailKey } from "./staff-sign-in.server";

vi.hoisted(() => {
  process.env.RATE_LIMIT_EXEMPT_ADDRESSES = "192.0.2.250";
});

// A hundred bcrypt comparisons and limiter writes: on a machine shared by several test runs that
// can pass the default 5 s, so the harness waits longer (nothing here is timed).
vi.setConfig({ testTimeout: 60_000 });

const START = new Date("2026-12-01T09:00:00.000Z");
const MINUTE = 60 * 1000;
const PASSWORD = "le bon mot de passe";
const ADDRESS = "203.0.113.7";

beforeEach(async () => {
  await resetDatabase();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

let counter = 0;
async function account(active = true) {
  counter += 1;
  return prisma.staffUser.create({
    data: {
      email: `formatrice${counter}@example.org`,
      firstName: "Claire",
      lastName: `Fabre${counter}`,
      passwordHash: bcrypt.hashSync(PASSWORD, 4),
      active,
    },
    select: { id: true, email: true },
  });
}

const signInForm = () => new Request("http://localhost/pro/connexion", { method: "POST" });
const attempt = (email: string, password: string, address = ADDRESS) =>
  signInStaff({ email, password, address, request: signInForm() });

async function failTimes(times: number, email: string, address = ADDRESS) {
  for (let i = 0; i < times; i++) {
    expect(await attempt(email, `faux ${i}`, address)).toEqual({ ok: false, code: "BAD_CREDENTIALS" });
  }
}

describe("signing in", () => {
  test("the right password opens, keeps the last login and is audited; the email is not case-sensitive", async () => {
    const user = await account();
    expect(await attempt(user.email.toUpperCase(), PASSWORD)).toMatchObject({ ok: true, userId: user.id });
    expect(await prisma.authSession.count({ where: { userId: user.id } })).toBe(1);
    const stored = await prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lastLoginAt).toEqual(START);
    const entries = await prisma.auditLog.findMany();
    expect(entries).toMatchObject([
      { action: "staff.sign-in", entityType: "StaffUser", entityId: user.id, actorUserId: user.id },
    ]);
  });

  test("a wrong password, an unknown email and a closed account get the same answer, each audited without the email or password", async () => {
    const user = await account();
    const closed = await account(false);
    expect(await attempt(user.email, "pas le bon")).toEqual({ ok: false, code: "BAD_CREDENTIALS" });
    expect(await attempt("personne@example.org", "pas le bon")).toEqual({ ok: false, code: "BAD_CREDENTIALS" });
    expect(await attempt(closed.email, PASSWORD)).toEqual({ ok: false, code: "BAD_CREDENTIALS" });

    const entries = await prisma.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => e.action === "staff.sign-in-failed")).toBe(true);
    expect(entries.find((e) => e.entityId === user.id)).toMatchObject({ entityType: "StaffUser" });
    expect(entries.find((e) => e.entityType === "StaffSignIn")).toMatchObject({
      entityId: unknownEmailKey("personne@example.org"),
    });
    const text = JSON.stringify(entries);
    for (const secret of ["personne@example.org", "pas le bon", PASSWORD, user.email, closed.email]) {
      expect(text).not.toContain(secret);
    }
    expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeNull();
  });
});

describe("failures per email", () => {
  test(`after ${SIGN_IN_FAILURES_PER_EMAIL.points} wrong passwords even the right one is refused until the window ends`, async () => {
    const user = await account();
    await failTimes(SIGN_IN_FAILURES_PER_EMAIL.points, user.email);
    vi.setSystemTime(START.getTime() + 5 * MINUTE);
    expect(await attempt(user.email, "encore faux")).toEqual({
      ok: false,
      code: "RATE_LIMITED",
      retryAfterMs: 10 * MINUTE,
    });
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    // Another account from the same address is not blocked by it.
    const other = await account();
    expect(await attempt(other.email, PASSWORD)).toMatchObject({ ok: true });

    vi.setSystemTime(START.getTime() + 15 * MINUTE);
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ ok: true, userId: user.id });
  });

  test("an unknown email is blocked exactly like a known one", async () => {
    const user = await account();
    await failTimes(SIGN_IN_FAILURES_PER_EMAIL.points, user.email);
    await failTimes(SIGN_IN_FAILURES_PER_EMAIL.points, "inconnue@example.org");
    const known = await attempt(user.email, "faux");
    const unknown = await attempt("inconnue@example.org", "faux");
    expect(known).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(unknown).toEqual(known);
  });

  test("a successful sign-in forgets the email's earlier failures", async () => {
    const user = await account();
    await failTimes(SIGN_IN_FAILURES_PER_EMAIL.points - 1, user.email);
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ ok: true });
    // Ten more plain refusals (failTimes checks each): the count started again at the success.
    await failTimes(SIGN_IN_FAILURES_PER_EMAIL.points, user.email);
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });
});

describe("a burst of attempts at once", () => {
  test(`of 30 wrong passwords for one email, ${SIGN_IN_FAILURES_PER_EMAIL.points} are compared and the rest refused; then the right one is refused too`, async () => {
    const user = await account();
    const compare = vi.spyOn(bcrypt, "compare");
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(user.email, `faux ${i}`)));
    expect(compare).toHaveBeenCalledTimes(SIGN_IN_FAILURES_PER_EMAIL.points);
    expect(outcomes.filter((o) => !o.ok && o.code === "BAD_CREDENTIALS")).toHaveLength(
      SIGN_IN_FAILURES_PER_EMAIL.points,
    );
    expect(outcomes.filter((o) => !o.ok && o.code === "RATE_LIMITED")).toHaveLength(
      30 - SIGN_IN_FAILURES_PER_EMAIL.points,
    );
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await prisma.authSession.count()).toBe(0);
  });

  test(`of ${SIGN_IN_FAILURES_PER_ADDRESS.points + 20} attempts from one address on as many emails, ${SIGN_IN_FAILURES_PER_ADDRESS.points} are compared`, async () => {
    const compare = vi.spyOn(bcrypt, "compare");
    const total = SIGN_IN_FAILURES_PER_ADDRESS.points + 20;
    const outcomes = await Promise.all(
      Array.from({ length: total }, (_, i) => attempt(`essai${i}@example.org`, "faux")),
    );
    expect(compare).toHaveBeenCalledTimes(SIGN_IN_FAILURES_PER_ADDRESS.points);
    expect(outcomes.filter((o) => !o.ok && o.code === "RATE_LIMITED")).toHaveLength(20);
    // A refused attempt spent nothing on its email: from elsewhere, that email still has all its tries.
    const refused = outcomes.findIndex((o) => !o.ok && o.code === "RATE_LIMITED");
    await failTimes(SIGN_IN_FAILURES_PER_EMAIL.points, `essai${refused}@example.org`, "198.51.100.1");
  });
});

describe("failures per address", () => {
  test(`after ${SIGN_IN_FAILURES_PER_ADDRESS.points} wrong attempts from one address, any account is refused from it, not from elsewhere`, async () => {
    const user = await account();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ADDRESS.points; i++) {
      expect(await attempt(`essai${i}@example.org`, "faux")).toEqual({ ok: false, code: "BAD_CREDENTIALS" });
    }
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await attempt(user.email, PASSWORD, "198.51.100.1")).toMatchObject({ ok: true });
  });

  test("right passwords from the address do not count: only failures do", async () => {
    const user = await account();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ADDRESS.points - 1; i++) {
      expect(await attempt(`essai${i}@example.org`, "faux")).toEqual({ ok: false, code: "BAD_CREDENTIALS" });
    }
    for (let i = 0; i < 3; i++) expect(await attempt(user.email, PASSWORD)).toMatchObject({ ok: true });
    expect(await attempt("encore@example.org", "faux")).toEqual({ ok: false, code: "BAD_CREDENTIALS" });
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });

  test("an exempt address is limited per email only", async () => {
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ADDRESS.points + 5; i++) {
      expect(await attempt(`essai${i}@example.org`, "faux", "192.0.2.250")).toEqual({
        ok: false,
        code: "BAD_CREDENTIALS",
      });
    }
  });
});
