// The scheduler's tick: writes the emails that no booking change writes — today, each trainer's
// roster for the next day. Safe to run from several instances and as often as wanted: every row
// it writes is keyed (trainer and day), so a second tick writes nothing.
import { rostersToWrite, rosterWindow } from "~/domain/email/trainer-roster";

import { configuredEmailTiming } from "./booking-schedule.server";
import { enqueueEmail } from "./outbox.server";
import { runTransaction } from "./transaction.server";

export type ScheduleTick = { rostersQueued: number };

/**
 * Reads only the sessions starting in the window, through the start-time index: never the
 * bookings. Call it from the sender's loop (and `jobs:once`) before claiming due rows.
 */
export async function scheduleDueEmails(now: Date = new Date()): Promise<ScheduleTick> {
  const { from, until } = rosterWindow(now);
  return runTransaction(async (tx) => {
    const sessions = await tx.session.findMany({
      where: { status: "SCHEDULED", deletedAt: null, startsAt: { gte: from, lt: until } },
      select: {
        startsAt: true,
        trainers: { select: { trainerId: true, trainer: { select: { email: true, active: true, deletedAt: true } } } },
      },
    });
    const rows = rostersToWrite(
      sessions.map((session) => ({
        startsAt: session.startsAt,
        trainers: session.trainers.map(({ trainerId, trainer }) => ({
          trainerId,
          email: trainer.active && trainer.deletedAt === null ? trainer.email : null,
        })),
      })),
      now,
      configuredEmailTiming(),
    );
    let rostersQueued = 0;
    for (const row of rows) {
      const outcome = await enqueueEmail(tx, {
        kind: "trainer-roster",
        recipient: row.email,
        // Staff read French: the staff area has no other language yet.
        locale: "fr",
        dedupeKey: row.dedupeKey,
        sendAfter: row.sendAfter,
        payload: { trainerId: row.trainerId, day: row.day },
      });
      if (outcome === "queued") rostersQueued++;
    }
    return { rostersQueued };
  });
}
