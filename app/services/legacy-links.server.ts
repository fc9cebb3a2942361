// Rows written before links were derived (docs/decisions/016): run by scripts/prepare-db.ts on
// every start. Idempotent (a second run finds nothing), in batches (a large outbox is never read
// at once), and each row is changed by a guarded update, so two instances starting together
// cannot undo each other's work.
import { bookingsLinkTokenFor, manageTokenHashFor } from "~/utils/link-tokens.server";
import { hashToken } from "~/utils/tokens.server";
import { normalizeEmail } from "~/domain/people/contact";

import type { DbClient } from "~/models/session.server";

export const LEGACY_LINK_DROP_REASON = "legacy link";

export type LegacyLinksReport = { bookings: number; outboxRewritten: number; outboxDropped: number };

const BOOKINGS_LINK_PATH = /\/mes-reservations\/acces\/([A-Za-z0-9_-]+)/;
const MANAGE_PATH = /\/reservation\/([A-Za-z0-9_-]+)/;

/**
 * 1. PENDING outbox rows that still carry `managePath` or `url` lose them, and name the row their
 *    link is derived from (`bookingId`, `accessTokenId`); a bookings-link email whose link row
 *    cannot be found is dropped ("legacy link"). Done first, while the old manage hashes still
 *    match the tokens in those paths.
 * 2. Bookings with a random manage token (scheme 0) get the derived one (scheme 1): their old
 *    link stops working. They also get a contact of their own, from the person as stored then.
 */
export async function migrateLegacyLinks(
  db: DbClient,
  options: { batchSize?: number; now?: Date } = {},
): Promise<LegacyLinksReport> {
  const batchSize = options.batchSize ?? 200;
  const now = options.now ?? new Date();
  const outbox = await migrateOutbox(db, batchSize, now);
  const bookings = await migrateBookings(db, batchSize);
  return { bookings, ...outbox };
}

async function migrateOutbox(db: DbClient, batchSize: number, now: Date) {
  let outboxRewritten = 0;
  let outboxDropped = 0;
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.outboxEmail.findMany({
      where: {
        // Every state: a sent or dropped email's payload must not keep a usable link either.
        OR: [{ payload: { contains: '"managePath"' } }, { payload: { contains: '"url"' } }],
        ...(cursor ? { id: { gt: cursor } } : {}),
      },
      orderBy: { id: "asc" },
      take: batchSize,
      select: {
        id: true,
        kind: true,
        state: true,
        recipient: true,
        payload: true,
        dedupeKey: true,
        bookingId: true,
        sessionId: true,
      },
    });
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1].id;
    for (const row of rows) {
      const outcome = await migrateOutboxRow(db, row, now);
      if (outcome === "rewritten") outboxRewritten += 1;
      if (outcome === "dropped") outboxDropped += 1;
    }
  }
  return { outboxRewritten, outboxDropped };
}

type LegacyOutboxRow = {
  id: string;
  kind: string;
  state: string;
  recipient: string;
  payload: string;
  dedupeKey: string;
  bookingId: string | null;
  sessionId: string | null;
};

async function migrateOutboxRow(db: DbClient, row: LegacyOutboxRow, now: Date) {
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(row.payload) as Record<string, unknown>;
  } catch {
    payload = {};
  }
  const { managePath, url, ...kept } = payload;
  const guarded = { id: row.id, state: "PENDING" } as const;

  if (row.state !== "PENDING") {
    // Already sent, failed or dropped: the link goes from the row, and an old bookings link it
    // carried stops opening anything (it was single-use and short-lived anyway).
    const accessTokenId =
      row.kind === "bookings-link"
        ? await findAccessTokenId(db, typeof url === "string" ? url : null, row.dedupeKey)
        : null;
    if (accessTokenId !== null) {
      await db.accessToken.updateMany({ where: { id: accessTokenId, usedAt: null }, data: { expiresAt: now } });
    }
    await db.outboxEmail.updateMany({ where: { id: row.id }, data: { payload: JSON.stringify(kept) } });
    return "rewritten";
  }

  if (row.kind === "bookings-link") {
    const accessTokenId = await findAccessTokenId(db, typeof url === "string" ? url : null, row.dedupeKey);
    if (accessTokenId === null) {
      await db.outboxEmail.updateMany({
        where: guarded,
        data: { payload: JSON.stringify(kept), state: "DROPPED", droppedAt: now, dropReason: LEGACY_LINK_DROP_REASON },
      });
      return "dropped";
    }
    // The link row now opens with the derived token, the one the composer will put in the email.
    // …and, like a new link, opens only the bookings made with the address it was sent to.
    await db.accessToken.updateMany({
      where: { id: accessTokenId },
      data: {
        tokenHash: hashToken(bookingsLinkTokenFor(accessTokenId)),
        contactEmailNormalized: normalizeEmail(row.recipient),
      },
    });
    await db.outboxEmail.updateMany({
      where: guarded,
      data: { payload: JSON.stringify({ ...kept, accessTokenId }) },
    });
    return "rewritten";
  }

  const bookingId =
    row.bookingId ??
    (typeof kept.bookingId === "string" ? kept.bookingId : null) ??
    (await findBookingIdByPath(db, typeof managePath === "string" ? managePath : null));
  const booking = bookingId
    ? await db.booking.findUnique({ where: { id: bookingId }, select: { id: true, sessionId: true } })
    : null;
  await db.outboxEmail.updateMany({
    where: guarded,
    data: {
      payload: JSON.stringify(booking ? { ...kept, bookingId: booking.id } : kept),
      bookingId: booking?.id ?? row.bookingId,
      sessionId: row.sessionId ?? booking?.sessionId ?? null,
    },
  });
  return "rewritten";
}

/** The link row of an old bookings-link email: by its token's hash, else by the dedupe key it was written under. */
async function findAccessTokenId(db: DbClient, url: string | null, dedupeKey: string): Promise<string | null> {
  const token = url?.match(BOOKINGS_LINK_PATH)?.[1];
  if (token) {
    const byHash = await db.accessToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true } });
    if (byHash) return byHash.id;
  }
  const idFromKey = dedupeKey.startsWith("bookings-link:") ? dedupeKey.slice("bookings-link:".length) : null;
  if (!idFromKey) return null;
  const byKey = await db.accessToken.findUnique({ where: { id: idFromKey }, select: { id: true } });
  return byKey?.id ?? null;
}

async function findBookingIdByPath(db: DbClient, managePath: string | null): Promise<string | null> {
  const token = managePath?.match(MANAGE_PATH)?.[1];
  if (!token) return null;
  const booking = await db.booking.findUnique({ where: { manageTokenHash: hashToken(token) }, select: { id: true } });
  return booking?.id ?? null;
}

async function migrateBookings(db: DbClient, batchSize: number): Promise<number> {
  let migrated = 0;
  for (;;) {
    const rows = await db.booking.findMany({
      where: { manageTokenScheme: 0 },
      orderBy: { id: "asc" },
      take: batchSize,
      select: {
        id: true,
        contactEmail: true,
        contactPhone: true,
        person: {
          select: {
            email: true,
            emailNormalized: true,
            phone: true,
            preferredLanguage: true,
            consentServiceEmails: true,
            consentReminders: true,
          },
        },
      },
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      // Before contacts were kept per booking, its emails went to the person's address when she
      // had agreed to them: that address becomes the booking's, with the choices she made then.
      const { person } = row;
      const contact =
        row.contactEmail === null && row.contactPhone === null
          ? {
              contactEmail: person.consentServiceEmails ? person.email : null,
              contactEmailNormalized: person.consentServiceEmails ? person.emailNormalized : null,
              contactPhone: person.phone,
              locale: person.preferredLanguage,
              remindersWanted: person.consentReminders,
            }
          : {};
      const { count } = await db.booking.updateMany({
        where: { id: row.id, manageTokenScheme: 0 },
        data: { manageTokenHash: manageTokenHashFor(row.id), manageTokenScheme: 1, ...contact },
      });
      // 0: another instance migrated it meanwhile; either way it is no longer read.
      migrated += count;
    }
  }
  return migrated;
}
