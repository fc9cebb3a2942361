// Direct reads (and set-up writes) on the e2e app's SQLite file, for what a browser cannot see:
// how many seats were taken, which emails were queued.
import Database from "better-sqlite3";
import { E2E_DB_FILE } from "../../../playwright.config";

export function withDb<T>(work: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB_FILE);
  db.pragma("busy_timeout = 5000");
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** Prisma's SQLite adapter stores instants as "2026-11-27T08:30:00.000+00:00". */
export const sqlDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

export type OneSeatSession = { id: string; title: string; placeSlug: string; capacity: number };

/**
 * Takes one of the latest upcoming sessions (other specs take the earliest), different for each
 * `pick`, and lowers its capacity so exactly one seat is left.
 */
export function sessionWithOneSeatLeft(pick: number): OneSeatSession {
  return withDb((db) => {
    const row = db
      .prepare(
        `SELECT s.id, w.title, p.slug AS placeSlug, s.seatsTaken
         FROM Session s JOIN Workshop w ON w.id = s.workshopId JOIN Place p ON p.id = s.placeId
         WHERE s.status = 'SCHEDULED' AND s.deletedAt IS NULL AND s.courseId IS NULL AND s.startsAt > ?
           AND s.seatsTaken < s.capacity
           AND NOT EXISTS (SELECT 1 FROM Booking b WHERE b.sessionId = s.id AND b.status = 'WAITLISTED')
         ORDER BY s.startsAt DESC, s.id LIMIT 1 OFFSET ?`,
      )
      .get(sqlDate(new Date(Date.now() + 2 * 24 * 3600 * 1000)), pick) as
      | { id: string; title: string; placeSlug: string; seatsTaken: number }
      | undefined;
    if (!row) throw new Error("the e2e seed has no upcoming session with a seat left");
    const capacity = row.seatsTaken + 1;
    db.prepare(`UPDATE Session SET capacity = ? WHERE id = ?`).run(capacity, row.id);
    return { id: row.id, title: row.title, placeSlug: row.placeSlug, capacity };
  });
}

export function sessionSeats(sessionId: string) {
  return withDb(
    (db) =>
      db.prepare(`SELECT capacity, seatsTaken FROM Session WHERE id = ?`).get(sessionId) as {
        capacity: number;
        seatsTaken: number;
      },
  );
}

export function bookingStatusesByEmail(sessionId: string, emailLike: string) {
  return withDb(
    (db) =>
      db
        .prepare(
          `SELECT p.emailNormalized AS email, b.status FROM Booking b JOIN Person p ON p.id = b.personId
           WHERE b.sessionId = ? AND p.emailNormalized LIKE ? ORDER BY b.createdAt`,
        )
        .all(sessionId, emailLike) as { email: string; status: string }[],
  );
}

export function bookingStatus(bookingId: string): string {
  return withDb(
    (db) => (db.prepare("SELECT status FROM Booking WHERE id = ?").get(bookingId) as { status: string }).status,
  );
}

export function queuedEmails(recipient: string) {
  return withDb(
    (db) =>
      db
        .prepare(`SELECT kind, locale, dedupeKey FROM OutboxEmail WHERE recipient = ? ORDER BY createdAt, kind`)
        .all(recipient) as { kind: string; locale: string; dedupeKey: string }[],
  );
}
