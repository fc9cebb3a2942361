import { normalizeEmail } from "~/domain/people/contact";
import { findPersonsByEmail } from "~/models/person.server";
import { createToken, hashToken } from "~/utils/tokens.server";

import { enqueueEmail } from "./outbox.server";
import { limitLinkRequest } from "./rate-limits.server";
import { runTransaction } from "./transaction.server";

export const BOOKINGS_LINK_PURPOSE = "bookings-list";
export const BOOKINGS_LINK_TTL_MS = 30 * 60 * 1000;

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
 * and the rate limits (rate-limits.server.ts) count unknown emails too, so neither tells who is
 * registered. A household sharing one email gets one email per person, each with that person's
 * own link, so every link opens exactly one person's bookings — up to the daily cap of emails
 * to one recipient, past which the answer stays the same and nothing more is queued.
 */
export async function requestBookingsLink(
  input: RequestBookingsLinkInput,
): Promise<{ ok: true } | { ok: false; code: "RATE_LIMITED"; retryAfterMs: number }> {
  const now = input.now ?? new Date();
  const emailNormalized = normalizeEmail(input.email);

  const limit = await limitLinkRequest({ address: input.ip, email: input.email });
  if (!limit.ok) return { ok: false, code: "RATE_LIMITED", retryAfterMs: limit.retryAfterMs };

  return runTransaction(async (tx) => {
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
  { ok: true; personId: string } | { ok: false; code: "INVALID" | "EXPIRED" | "USED" };

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
