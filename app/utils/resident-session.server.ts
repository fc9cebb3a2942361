import { createCookie, redirect } from "@remix-run/node";
import { prisma } from "./db.server";
import { env } from "./env.server";
import { createToken, hashToken } from "./tokens.server";

// A resident who opened a "retrouver mes réservations" link sees their bookings for one hour.
// The cookie holds only a random token; the database keeps its hash, the person and when the
// access ends (ResidentSession). Signing out marks the row revoked, so a copy of the cookie
// kept anywhere opens nothing afterwards. Max-Age only asks the browser to forget the cookie:
// the server checks the end itself.
const ONE_HOUR_SECONDS = 60 * 60;
/** Ended sessions are kept a day (for support questions), then deleted when a new one starts. */
const ENDED_KEPT_MS = 24 * 60 * 60 * 1000;

export const residentCookie = createCookie("__resident", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: env.APP_URL.startsWith("https://"),
  maxAge: ONE_HOUR_SECONDS,
  secrets: [env.SESSION_SECRET],
});

async function tokenOf(request: Request): Promise<string | null> {
  const token: unknown = await residentCookie.parse(request.headers.get("Cookie"));
  return typeof token === "string" && token !== "" ? token : null;
}

/**
 * Who an open session acts for: a person, on the bookings made with the contact email the link
 * was asked with (decisions/015); `null` covers all the person's bookings (sessions opened before).
 */
export type ResidentAccess = { personId: string; contactEmailNormalized: string | null };

/** The Set-Cookie header that opens the person's bookings list (made with that contact) for one hour. */
export async function startResidentSession(
  request: Request,
  access: ResidentAccess,
  now = new Date(),
): Promise<string> {
  // A session the browser already carried ends here: one browser, one open access.
  const previous = await tokenOf(request);
  if (previous) await revoke(previous, now);
  await prisma.residentSession.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - ENDED_KEPT_MS) } } });
  const token = createToken();
  await prisma.residentSession.create({
    data: {
      tokenHash: hashToken(token),
      personId: access.personId,
      contactEmailNormalized: access.contactEmailNormalized,
      expiresAt: new Date(now.getTime() + ONE_HOUR_SECONDS * 1000),
    },
    select: { id: true },
  });
  return residentCookie.serialize(token);
}

/** Who an open (unexpired, not signed out) session acts for, else null. */
export async function getResidentAccess(request: Request, now = new Date()): Promise<ResidentAccess | null> {
  const token = await tokenOf(request);
  if (!token) return null;
  const session = await prisma.residentSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { personId: true, contactEmailNormalized: true, expiresAt: true, revokedAt: true },
  });
  if (!session || session.revokedAt !== null || session.expiresAt <= now) return null;
  return { personId: session.personId, contactEmailNormalized: session.contactEmailNormalized };
}

/** The person id of an open session, else null. */
export async function getResidentPersonId(request: Request, now = new Date()): Promise<string | null> {
  return (await getResidentAccess(request, now))?.personId ?? null;
}

/** Without an open session, back to the page that sends a new link. */
export async function requireResidentAccess(request: Request, now = new Date()): Promise<ResidentAccess> {
  const access = await getResidentAccess(request, now);
  if (!access) throw redirect("/mes-reservations", 303);
  return access;
}

/** "Se déconnecter": the session ends on the server, and the Set-Cookie header clears the cookie. */
export async function endResidentSession(request: Request, now = new Date()): Promise<string> {
  const token = await tokenOf(request);
  if (token) await revoke(token, now);
  return residentCookie.serialize("", { maxAge: 0, expires: new Date(0) });
}

async function revoke(token: string, now: Date): Promise<void> {
  // A guarded update: revoking twice (two tabs, a replay) changes nothing the second time.
  await prisma.residentSession.updateMany({
    where: { tokenHash: hashToken(token), revokedAt: null },
    data: { revokedAt: now },
  });
}
