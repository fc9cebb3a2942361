import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { env } from "./env.server";

// A resident who opened a "retrouver mes réservations" link sees their bookings for one hour.
// The signed cookie carries the person's id and when this access ends: Max-Age only asks the
// browser to forget the cookie, so the server checks the end itself.
const ONE_HOUR_SECONDS = 60 * 60;

type ResidentSessionData = { personId: string; expiresAt: number };

const storage = createCookieSessionStorage<ResidentSessionData>({
  cookie: {
    name: "__resident",
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: env.APP_URL.startsWith("https://"),
    maxAge: ONE_HOUR_SECONDS,
    secrets: [env.SESSION_SECRET],
  },
});

/** The Set-Cookie header that opens the person's bookings list for one hour. */
export async function startResidentSession(request: Request, personId: string, now = new Date()): Promise<string> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  session.set("personId", personId);
  session.set("expiresAt", now.getTime() + ONE_HOUR_SECONDS * 1000);
  return storage.commitSession(session);
}

/** The person id of a valid, unexpired cookie, else null. */
export async function getResidentPersonId(request: Request, now = new Date()): Promise<string | null> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  const personId = session.get("personId");
  const expiresAt = session.get("expiresAt");
  if (typeof personId !== "string" || typeof expiresAt !== "number" || expiresAt <= now.getTime()) return null;
  return personId;
}

/** Without a valid cookie, back to the page that sends a new link. */
export async function requireResidentPersonId(request: Request, now = new Date()): Promise<string> {
  const personId = await getResidentPersonId(request, now);
  if (!personId) throw redirect("/mes-reservations", 303);
  return personId;
}

/** The Set-Cookie header that ends the access ("Se déconnecter"). */
export async function endResidentSession(request: Request): Promise<string> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  return storage.destroySession(session);
}
