// Who a staff request comes from, and whether they may do what they ask (docs/decisions/022).
// The cookie holds only a random token; the database keeps its hash with the user and when the
// login ends (AuthSession). Deleting the row — signing out, a password change, an administrator —
// ends the login for good, whatever a browser kept.
import { createCookie, redirect } from "@remix-run/node";

import type { Prisma } from "~/generated/prisma/client";
import type { PermissionStem, StaffMember, StaffRole } from "~/domain/policy/actor";
import { holdsStem, permissionsForRoles, permitsOn, type PermissionTarget } from "~/domain/policy/permissions";

import { prisma } from "./db.server";
import { env } from "./env.server";
import { createToken, hashToken } from "./tokens.server";

/** A working day: a login opened in the morning ends in the evening, on a shared tablet too. */
export const STAFF_SESSION_MS = 12 * 60 * 60 * 1000;

export const SIGN_IN_PATH = "/pro/connexion";

export const staffCookie = createCookie("__staff", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: env.APP_URL.startsWith("https://"),
  maxAge: STAFF_SESSION_MS / 1000,
  secrets: [env.SESSION_SECRET],
});

async function tokenOf(request: Request): Promise<string | null> {
  const token: unknown = await staffCookie.parse(request.headers.get("Cookie"));
  return typeof token === "string" && token !== "" ? token : null;
}

/**
 * Opens a login for a user whose password was just checked against `passwordHash`: the Set-Cookie
 * header to send. Null when that is no longer the account's password (a reset committed while it
 * was compared): the new login is deleted again. A reset committed after the check ends the
 * login with all the others, so no login made with an old password survives.
 */
export async function startStaffSession(
  request: Request,
  checked: { userId: string; passwordHash: string },
  now = new Date(),
): Promise<{ setCookie: string; authSessionId: string } | null> {
  const { userId } = checked;
  // One browser, one login: a login the browser already carried ends here.
  const previous = await tokenOf(request);
  if (previous) await prisma.authSession.deleteMany({ where: { tokenHash: hashToken(previous) } });
  await prisma.authSession.deleteMany({ where: { expiresAt: { lt: now } } });
  const token = createToken();
  const row = await prisma.authSession.create({
    data: {
      tokenHash: hashToken(token),
      userId,
      expiresAt: new Date(now.getTime() + STAFF_SESSION_MS),
      userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    },
    select: { id: true },
  });
  const user = await prisma.staffUser.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (user?.passwordHash !== checked.passwordHash) {
    await prisma.authSession.deleteMany({ where: { id: row.id } });
    return null;
  }
  return { setCookie: await staffCookie.serialize(token), authSessionId: row.id };
}

/** Signs out: the login ends on the server, and the Set-Cookie header clears the cookie. */
export async function endStaffSession(request: Request): Promise<string> {
  const token = await tokenOf(request);
  if (token) await prisma.authSession.deleteMany({ where: { tokenHash: hashToken(token) } });
  return staffCookie.serialize("", { maxAge: 0, expires: new Date(0) });
}

/**
 * Ends every login of a user (a password change or reset, an administrator's decision). Pass the
 * transaction that records why, so the logins end exactly when that change is committed.
 */
export async function endAllStaffSessions(
  userId: string,
  db: Pick<Prisma.TransactionClient, "authSession"> = prisma,
): Promise<number> {
  const { count } = await db.authSession.deleteMany({ where: { userId } });
  return count;
}

/** The staff member an open, unexpired login belongs to (an active account), else null. */
export async function getStaffActor(request: Request, now = new Date()): Promise<StaffMember | null> {
  const token = await tokenOf(request);
  if (!token) return null;
  const session = await prisma.authSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      expiresAt: true,
      user: {
        select: {
          id: true,
          active: true,
          deletedAt: true,
          roles: { select: { role: true } },
          places: { select: { placeId: true } },
        },
      },
    },
  });
  if (!session || session.expiresAt <= now) return null;
  const { user } = session;
  if (!user.active || user.deletedAt !== null) return null;
  const roles: StaffRole[] = user.roles.map((r) => r.role);
  return {
    kind: "staff",
    userId: user.id,
    roles,
    permissions: permissionsForRoles(roles),
    placeIds: user.places.map((p) => p.placeId),
  };
}

/** Where the sign-in page sends someone back to once signed in: the page they asked for. */
export function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  const back = url.pathname.replace(/\.data$/, "") + url.search;
  const search = back === "/pro" || back === "/pro/" ? "" : `?${new URLSearchParams({ redirectTo: back })}`;
  return redirect(`${SIGN_IN_PATH}${search}`, 303);
}

/** The answer to a signed-in staff member asking for what their roles do not grant. */
export function forbidden(): Response {
  return new Response(null, { status: 403, statusText: "Forbidden" });
}

export type SessionTarget = { sessionId: string };

/**
 * Every staff loader and action starts here. Without a login: a redirect to sign in. Without the
 * permission (at any access, or for the target session when one is given): 403. A session that
 * does not exist is a 404, asked only after the permission itself is held, so a stranger learns
 * nothing. Returns the actor, and the session's target when one was asked for.
 */
export async function requireStaffWithPermission(request: Request, stem: PermissionStem): Promise<StaffMember>;
export async function requireStaffWithPermission(
  request: Request,
  stem: PermissionStem,
  target: SessionTarget,
): Promise<StaffMember & { target: PermissionTarget }>;
export async function requireStaffWithPermission(
  request: Request,
  stem: PermissionStem,
  target?: SessionTarget,
): Promise<StaffMember | (StaffMember & { target: PermissionTarget })> {
  const actor = await getStaffActor(request);
  if (!actor) throw signInRedirect(request);
  if (!holdsStem(actor, stem)) throw forbidden();
  if (!target) return actor;
  const scope = await sessionTarget(target.sessionId);
  if (!scope) throw new Response(null, { status: 404, statusText: "Not Found" });
  if (!permitsOn(actor, stem, scope)) throw forbidden();
  return { ...actor, target: scope };
}

async function sessionTarget(sessionId: string): Promise<PermissionTarget | null> {
  const session = await prisma.session.findFirst({
    where: { id: sessionId, deletedAt: null },
    select: { placeId: true, trainers: { select: { trainerId: true } } },
  });
  return session ? { placeId: session.placeId, trainerIds: session.trainers.map((t) => t.trainerId) } : null;
}
