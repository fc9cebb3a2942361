import { normalizeEmail } from "~/domain/people/contact";
import { findPersonsByBookingContact } from "~/models/person.server";
import { bookingsLinkTokenFor, newLinkedRowId } from "~/utils/link-tokens.server";
import { hashToken } from "~/utils/tokens.server";

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
 * registered. Bookings are found by the contact given with them (decisions/015), not by the
 * stored person's address: a household sharing one email gets one email per person who booked
 * with it, each with that person's own link, opening that person's bookings made with this
 * email only — up to the daily cap of emails to one recipient, past which the answer stays the
 * same and nothing more is queued. The link's token is derived from its row's id and never
 * stored (decisions/016): the email names the row, the composer derives the link when it sends.
 */
export async function requestBookingsLink(
  input: RequestBookingsLinkInput,
): Promise<{ ok: true } | { ok: false; code: "RATE_LIMITED"; retryAfterMs: number }> {
  const now = input.now ?? new Date();
  const emailNormalized = normalizeEmail(input.email);

  const limit = await limitLinkRequest({ address: input.ip, email: input.email });
  if (!limit.ok) return { ok: false, code: "RATE_LIMITED", retryAfterMs: limit.retryAfterMs };

  return runTransaction(async (tx) => {
    const persons = emailNormalized ? await findPersonsByBookingContact(tx, emailNormalized) : [];
    for (const person of persons) {
      const id = newLinkedRowId();
      const expiresAt = new Date(now.getTime() + BOOKINGS_LINK_TTL_MS);
      await tx.accessToken.create({
        data: {
          id,
          tokenHash: hashToken(bookingsLinkTokenFor(id)),
          personId: person.id,
          contactEmailNormalized: emailNormalized,
          purpose: BOOKINGS_LINK_PURPOSE,
          expiresAt,
        },
        select: { id: true },
      });
      await enqueueEmail(tx, {
        kind: "bookings-link",
        recipient: person.contactEmail,
        locale: input.locale,
        dedupeKey: `bookings-link:${id}`,
        payload: { accessTokenId: id, expiresAt: expiresAt.toISOString(), firstName: person.firstName },
      });
    }
    return { ok: true } as const;
  });
}

export type ConsumeBookingsLinkResult =
  | { ok: true; personId: string; contactEmailNormalized: string | null }
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
        contactEmailNormalized: true,
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
    return { ok: true, personId: link.personId, contactEmailNormalized: link.contactEmailNormalized };
  });
}
