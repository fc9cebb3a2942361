// « Mot de passe oublié ? » against the real migrated database: the neutral request, the email
// whose link is derived at send time, the single use (also under a race), the logins it ends.
import bcrypt from "bcryptjs";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { prisma } from "~/utils/db.server";
import { passwordResetTokenFor } from "~/utils/link-tokens.server";
import { hashToken } from "~/utils/tokens.server";

import { resetDatabase } from "../../tests/setup/db";
import { composeEmail } from "./email/compose.server";
import type { OutboxRowToCompose } from "./email/contract";
import { PASSWORD_RESETS_PER_EMAIL, SIGN_IN_FAILURES_PER_EMAIL } from "./rate-limits.server";
import { requestStaffPasswordReset } from "./request-staff-password-reset.server";
import { checkPasswordResetLink, resetStaffPassword } from "./reset-staff-password.server";
import { signInStaff } from "./staff-sign-in.server";

vi.setConfig({ testTimeout: 30_000 });

const START = new Date("2026-12-01T09:00:00.000Z");
const MINUTE = 60 * 1000;
const ADDRESS = "203.0.113.7";
const NEW_PASSWORD = "une phrase assez longue";

beforeEach(async () => {
  await resetDatabase();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function account() {
  return prisma.staffUser.create({
    data: {
      email: "claire.fabre@example.org",
      firstName: "Claire",
      lastName: "Fabre",
      passwordHash: bcrypt.hashSync("l'ancien mot de passe", 4),
    },
    select: { id: true, email: true },
  });
}

const signInForm = () => new Request("http://localhost/pro/connexion", { method: "POST" });

async function openLogins(userId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await prisma.authSession.create({
      data: { tokenHash: `login-${userId}-${i}`, userId, expiresAt: new Date(START.getTime() + 60 * MINUTE) },
    });
  }
}

/** Asks for a link and reads it back from the email the composer writes, as the person would. */
async function askForLink(email: string): Promise<string> {
  expect(await requestStaffPasswordReset({ email, address: ADDRESS })).toEqual({ ok: true });
  const row = await prisma.outboxEmail.findFirstOrThrow({
    where: { kind: "staff-password-reset" },
    orderBy: { createdAt: "desc" },
  });
  const composed = await composeEmail(
    { ...row, kind: "staff-password-reset", payload: JSON.parse(row.payload) } as OutboxRowToCompose,
    new Date(),
  );
  if (!("send" in composed)) throw new Error(`the reset email was dropped: ${composed.drop}`);
  const token = /\/pro\/mot-de-passe\/([\w-]{43})/.exec(composed.send.text)?.[1];
  if (!token) throw new Error("no reset link in the email");
  return token;
}

describe("asking for a link", () => {
  test("a known email gets one email naming the reset row, with no token at rest; an unknown one gets the same answer and nothing", async () => {
    const user = await account();
    expect(await requestStaffPasswordReset({ email: "personne@example.org", address: ADDRESS })).toEqual({ ok: true });
    expect(await prisma.outboxEmail.count()).toBe(0);
    expect(await prisma.staffPasswordReset.count()).toBe(0);

    const token = await askForLink("Claire.Fabre@example.org");
    const reset = await prisma.staffPasswordReset.findFirstOrThrow();
    expect(reset).toMatchObject({ userId: user.id, usedAt: null, expiresAt: new Date(START.getTime() + 60 * MINUTE) });
    expect(reset.tokenHash).toBe(hashToken(token));
    expect(token).toBe(passwordResetTokenFor(reset.id));
    const outbox = await prisma.outboxEmail.findFirstOrThrow();
    expect(outbox).toMatchObject({ recipient: user.email, locale: "fr" });
    expect(JSON.parse(outbox.payload)).toEqual({ passwordResetId: reset.id });
    const rows = JSON.stringify([outbox, reset, await prisma.auditLog.findMany()]);
    expect(rows).not.toContain(token);
    expect(rows).not.toMatch(/\/pro\/mot-de-passe\//);
    expect(await prisma.auditLog.findMany()).toMatchObject([
      { action: "staff.password-reset-requested", entityType: "StaffUser", entityId: user.id },
    ]);
  });

  test(`more than ${PASSWORD_RESETS_PER_EMAIL.points} requests for one email in a quarter of an hour are refused, known or not`, async () => {
    await account();
    for (const email of ["claire.fabre@example.org", "personne@example.org"]) {
      for (let i = 0; i < PASSWORD_RESETS_PER_EMAIL.points; i++) {
        expect(await requestStaffPasswordReset({ email, address: ADDRESS })).toEqual({ ok: true });
      }
      expect(await requestStaffPasswordReset({ email, address: ADDRESS })).toEqual({
        ok: false,
        code: "RATE_LIMITED",
        retryAfterMs: 15 * MINUTE,
      });
    }
  });
});

describe("using the link", () => {
  test("sets the password once, ends every login, forgets failed sign-ins; the second use is refused", async () => {
    const user = await account();
    await openLogins(user.id, 2);
    for (let i = 0; i < SIGN_IN_FAILURES_PER_EMAIL.points; i++) {
      await signInStaff({ email: user.email, password: "faux", address: ADDRESS, request: signInForm() });
    }
    const token = await askForLink(user.email);
    expect(await checkPasswordResetLink(token)).toEqual({ ok: true, firstName: "Claire" });

    expect(await resetStaffPassword({ token, password: NEW_PASSWORD })).toEqual({
      ok: true,
      userId: user.id,
      endedLogins: 2,
    });
    expect(await prisma.authSession.count({ where: { userId: user.id } })).toBe(0);
    const stored = await prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(await bcrypt.compare(NEW_PASSWORD, stored.passwordHash)).toBe(true);
    expect(await prisma.auditLog.findFirst({ where: { action: "staff.password-reset-used" } })).toMatchObject({
      entityId: user.id,
      actorUserId: user.id,
    });

    expect(await checkPasswordResetLink(token)).toEqual({ ok: false, code: "USED" });
    expect(await resetStaffPassword({ token, password: "une autre phrase longue" })).toEqual({
      ok: false,
      code: "USED",
    });
    // The new password opens at once, though the email had failed ten times.
    expect(
      await signInStaff({ email: user.email, password: NEW_PASSWORD, address: ADDRESS, request: signInForm() }),
    ).toMatchObject({
      ok: true,
    });
  });

  test("a sign-in with the old password, racing the reset, keeps no login: it is refused as a wrong password", async () => {
    const user = await account();
    const token = await askForLink(user.email);
    // The reset commits while the sign-in compares the old password (bcrypt takes its time).
    const compare = bcrypt.compare.bind(bcrypt);
    vi.spyOn(bcrypt, "compare").mockImplementationOnce(async (password: string, hash: string) => {
      const matched = await compare(password, hash);
      expect(await resetStaffPassword({ token, password: NEW_PASSWORD })).toMatchObject({ ok: true, endedLogins: 0 });
      return matched;
    });
    expect(
      await signInStaff({
        email: user.email,
        password: "l'ancien mot de passe",
        address: ADDRESS,
        request: signInForm(),
      }),
    ).toEqual({ ok: false, code: "BAD_CREDENTIALS" });
    expect(await prisma.authSession.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.auditLog.findMany({ where: { action: { startsWith: "staff.sign-in" } } })).toMatchObject([
      { action: "staff.sign-in-failed", entityId: user.id, data: JSON.stringify({ reason: "password-changed" }) },
    ]);
    expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeNull();
    // The new password opens.
    expect(
      await signInStaff({ email: user.email, password: NEW_PASSWORD, address: ADDRESS, request: signInForm() }),
    ).toMatchObject({ ok: true, userId: user.id });
  });

  test("two submissions at once: exactly one sets the password", async () => {
    await account();
    const token = await askForLink("claire.fabre@example.org");
    const outcomes = await Promise.all([
      resetStaffPassword({ token, password: "première phrase longue" }),
      resetStaffPassword({ token, password: "deuxième phrase longue" }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toEqual([{ ok: false, code: "USED" }]);
  });

  test("after an hour the link is expired, and its email is no longer sent", async () => {
    await account();
    const token = await askForLink("claire.fabre@example.org");
    vi.setSystemTime(START.getTime() + 60 * MINUTE);
    expect(await checkPasswordResetLink(token)).toEqual({ ok: false, code: "EXPIRED" });
    expect(await resetStaffPassword({ token, password: NEW_PASSWORD })).toEqual({ ok: false, code: "EXPIRED" });
    const row = await prisma.outboxEmail.findFirstOrThrow();
    expect(
      await composeEmail(
        { ...row, kind: "staff-password-reset", payload: JSON.parse(row.payload) } as OutboxRowToCompose,
        new Date(),
      ),
    ).toEqual({ drop: "link expired" });
  });

  test("a token that was never sent opens nothing", async () => {
    expect(await checkPasswordResetLink("n'importe quoi")).toEqual({ ok: false, code: "INVALID" });
    expect(await checkPasswordResetLink("")).toEqual({ ok: false, code: "INVALID" });
    expect(await resetStaffPassword({ token: "x".repeat(500), password: NEW_PASSWORD })).toEqual({
      ok: false,
      code: "INVALID",
    });
  });
});
