// The secret parts of the links we send: derived, when needed, from what they open and a key that
// never enters the database — so no outbox row, audit row or log line ever holds a usable token,
// yet any email, written now or sent in a week, can carry its link (docs/decisions/016).
import { createHmac, hkdfSync, randomUUID, timingSafeEqual } from "node:crypto";

import { env } from "./env.server";
import { hashToken } from "./tokens.server";

type LinkPurpose = "manage" | "bookings-link" | "stop-reminders" | "staff-password-reset";

let cachedKey: { secret: string; key: Buffer } | null = null;

/** A key of its own for links, drawn from the session secret (HKDF), so neither use can stand in for the other. */
function linkKey(): Buffer {
  if (cachedKey === null || cachedKey.secret !== env.SESSION_SECRET) {
    const key = Buffer.from(hkdfSync("sha256", env.SESSION_SECRET, "", "passerelle/link-tokens/v1", 32));
    cachedKey = { secret: env.SESSION_SECRET, key };
  }
  return cachedKey.key;
}

function derive(purpose: LinkPurpose, id: string): string {
  return createHmac("sha256", linkKey()).update(`${purpose}:${id}`, "utf8").digest("base64url");
}

/** A fresh id for a row whose link is derived from it (the token must be known before the insert). */
export function newLinkedRowId(): string {
  return randomUUID();
}

/** The manage link's token of a booking; the booking row stores only `hashToken()` of it. */
export function manageTokenFor(bookingId: string): string {
  return derive("manage", bookingId);
}

export function manageTokenHashFor(bookingId: string): string {
  return hashToken(manageTokenFor(bookingId));
}

/** The token of a "Retrouver mes réservations" link, from its AccessToken row's id. */
export function bookingsLinkTokenFor(accessTokenId: string): string {
  return derive("bookings-link", accessTokenId);
}

/** The token of a staff password-reset link, from its StaffPasswordReset row's id. */
export function passwordResetTokenFor(resetId: string): string {
  return derive("staff-password-reset", resetId);
}

/** The one-click "stop the reminders of this booking" token (List-Unsubscribe): checked by recomputing it. */
export function stopRemindersTokenFor(bookingId: string): string {
  return derive("stop-reminders", bookingId);
}

export function isStopRemindersToken(bookingId: string, token: string): boolean {
  const expected = Buffer.from(stopRemindersTokenFor(bookingId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
