import { createHash } from "node:crypto";

import { normalizeEmail } from "~/domain/people/contact";
import { findPersonsByEmail } from "~/models/person.server";
import { createToken, hashToken } from "~/utils/tokens.server";

import { audit } from "./audit.server";
import { enqueueEmail } from "./outbox.server";
import { runTransaction } from "./transaction.server";

export const BOOKINGS_LINK_PURPOSE = "bookings-list";
export const BOOKINGS_LINK_TTL_MS = 30 * 60 * 1000;

export const RATE_LIMIT_WINDOW_MS = 15 * 60 * 1000;
export const MAX_REQUESTS_PER_EMAIL = 3;
export const MAX_REQUESTS_PER_IP = 20;

// Requests are counted in AuditLog rows, which every process sees and which survive restarts.
// They hold hashes, not the email or the IP, and are pruned once well past the window.
const REQUEST_ENTITY = "BookingsLinkRequest";
const REQUEST_ACTION = "bookings-link.request";
const REQUEST_LOG_KEPT_MS = 24 * 60 * 60 * 1000;

export function bookingsAccessPath(token: string): string {
  return `/mes-reservations/acces/${token}`;
}

export type RequestBookingsLinkInput = {
  email: string;
  locale: "fr" | "en" | "es" | "ar";
  ip: string;
  now?: Date;
};

/**
 * "Retrouver mes réservations". The answer is the same whether anyone has this email or not,
 * and the rate limit counts unknown emails too, so neither tells who is registered.
 * A household sharing one email gets one email per person, each with that person's own
 * link, so every link opens exactly one person's bookings.
 */
export async function requestBookingsLink(
  input: RequestBookingsLinkInput,
): Promise<{ ok: true } | { ok: false; code: "RATE_LIMITED" }> {
  const now = input.now ?? new Date();
  const emailNormalized = normalizeEmail(input.email);
  const emailKey = `email:${sha256(emailNormalized ?? "")}`;
  const ipKey = `ip:${sha256(input.ip)}`;

  return runTransaction(async (tx) => {
    const since = new Date(now.getTime() - RATE_LIMIT_WINDOW_MS);
    const recent = (entityId: string) =>
      tx.auditLog.count({ where: { entityType: REQUEST_ENTITY, entityId, at: { gt: since } } });
    if ((await recent(emailKey)) >= MAX_REQUESTS_PER_EMAIL || (await recent(ipKey)) >= MAX_REQUESTS_PER_IP) {
      return { ok: false, code: "RATE_LIMITED" } as const;
    }
    for (const entityId of [emailKey, ipKey]) {
      await audit(tx, { action: REQUEST_ACTION, entityType: REQUEST_ENTITY, entityId, at: now });
    }
    await tx.auditLog.deleteMany({
      where: { entityType: REQUEST_ENTITY, at: { lt: new Date(now.getTime() - REQUEST_LOG_KEPT_MS) } },
    });

    const persons = emailNormalized ? await findPersonsByEmail(tx, emailNormalized) : [];
    for (const person of persons) {
      const token = createToken();
      const expiresAt = new Date(now.getTime() + BOOKINGS_LINK_TTL_MS);
      const accessToken = await tx.accessToken.create({
        data: { tokenHash: hashToken(token), personId: person.id, purpose: BOOKINGS_LINK_PURPOSE, expiresAt },
        select: { id: true },
      });
      // Someone who asks for their link wants this email: it answers their request, so it does
      // not wait on the consent to service emails given (or not) when booking.
      await enqueueEmail(tx, {
        kind: "bookings-link",
        recipient: person.email ?? emailNormalized!,
        locale: input.locale,
        dedupeKey: `bookings-link:${accessToken.id}`,
        payload: { firstName: person.firstName, url: bookingsAccessPath(token), expiresAt: expiresAt.toISOString() },
      });
    }
    return { ok: true } as const;
  });
}

export type ConsumeBookingsLinkResult =
  | { ok: true; personId: string }
  | { ok: false; code: "INVALID" | "EXPIRED" | "USED" };

/** Single use: the guarded update lets exactly one of two simultaneous clicks through. */
export async function consumeBookingsLink(token: string, now: Date = new Date()): Promise<ConsumeBookingsLinkResult> {
  if (token.length === 0 || token.length > 128) return { ok: false, code: "INVALID" };
  const tokenHash = hashToken(token);

  return runTransaction(async (tx): Promise<ConsumeBookingsLinkResult> => {
    const link = await tx.accessToken.findUnique({
      where: { tokenHash },
      select: {
        id: true,
        personId: true,
        purpose: true,
        expiresAt: true,
        usedAt: true,
        person: { select: { deletedAt: true, anonymised: true } },
      },
    });
    if (link === null || link.purpose !== BOOKINGS_LINK_PURPOSE) return { ok: false, code: "INVALID" };
    if (link.person.deletedAt !== null || link.person.anonymised) return { ok: false, code: "INVALID" };
    if (link.usedAt !== null) return { ok: false, code: "USED" };
    if (link.expiresAt.getTime() <= now.getTime()) return { ok: false, code: "EXPIRED" };

    const { count } = await tx.accessToken.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
    if (count === 0) return { ok: false, code: "USED" };
    await tx.person.update({ where: { id: link.personId }, data: { lastActivityAt: now } });
    return { ok: true, personId: link.personId };
  });
}

function sha256(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}
