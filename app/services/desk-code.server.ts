// Gives every booking the short code printed on its card (docs/decisions/021): once, when the
// booking is first written, and for rows from before the column existed.
import { randomBytes } from "node:crypto";

import { deskCodeFromBytes } from "~/domain/booking/desk-code";
import type { Db } from "~/utils/db.server";

import { runTransaction, type TransactionClient } from "./transaction.server";

/** Codes drawn before giving up: with 1.5 × 10^11 codes, even one clash in a lifetime is unlikely. */
const DRAWS = 5;
const BACKFILL_BATCH = 200;

export function drawDeskCode(): string {
  // 16 bytes cover the 8 characters even after the few bytes rejection sampling skips.
  let pool = randomBytes(16);
  let i = 0;
  return deskCodeFromBytes(() => {
    if (i === pool.length) {
      pool = randomBytes(16);
      i = 0;
    }
    return pool[i++];
  });
}

/**
 * Gives the booking its desk code unless it has one (a booking made again after a cancellation
 * keeps the code on the card already printed). A code another booking holds is skipped and
 * another drawn; two transactions drawing the same free code at the same instant cannot both
 * write it (unique column): the loser fails with P2002 and `runTransaction` runs it again.
 */
export async function assignDeskCode(
  tx: TransactionClient,
  bookingId: string,
  draw: () => string = drawDeskCode,
): Promise<string> {
  const booking = await tx.booking.findUnique({ where: { id: bookingId }, select: { deskCode: true } });
  if (booking === null) throw new Error(`booking ${bookingId} does not exist`);
  if (booking.deskCode !== null) return booking.deskCode;
  for (let attempt = 0; attempt < DRAWS; attempt++) {
    const code = draw();
    const holder = await tx.booking.findUnique({ where: { deskCode: code }, select: { id: true } });
    if (holder !== null) continue;
    await tx.booking.updateMany({ where: { id: bookingId, deskCode: null }, data: { deskCode: code } });
    return code;
  }
  throw new Error(`no free desk code after ${DRAWS} draws`);
}

/**
 * Bookings written before desk codes existed get one, a batch per transaction so a large table
 * never holds the write lock for long: the batch's codes are drawn together and checked against
 * the table in one query. Running it again finds nothing to do.
 */
export async function backfillDeskCodes(db: Db, batchSize = BACKFILL_BATCH): Promise<number> {
  let filled = 0;
  for (;;) {
    const batch = await db.booking.findMany({
      where: { deskCode: null },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true },
    });
    if (batch.length === 0) return filled;
    await runTransaction(
      async (tx) => {
        const drawn = [...new Set(batch.map(() => drawDeskCode()))];
        const held = await tx.booking.findMany({ where: { deskCode: { in: drawn } }, select: { deskCode: true } });
        const free = drawn.filter((code) => !held.some((row) => row.deskCode === code));
        for (const { id } of batch) {
          const code = free.pop();
          if (code === undefined) await assignDeskCode(tx, id);
          else await tx.booking.updateMany({ where: { id, deskCode: null }, data: { deskCode: code } });
        }
      },
      { db },
    );
    filled += batch.length;
  }
}
