// Direct reads (and set-up writes) on the e2e app's SQLite file, for what a browser cannot see:
// how many seats were taken, which emails were queued.
//
// Tests run in parallel workers against one server and one database, so a test never takes "the
// first session with seats" (another test may be booking it): it *claims* the rows it will change
// (see `claim`), and reads only what it created or claimed.
import { createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { test } from "@playwright/test";
import { E2E_DB_FILE, E2E_SESSION_SECRET } from "../../../playwright.config";

export function withDb<T>(work: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB_FILE);
  db.pragma("busy_timeout = 15000");
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/**
 * The token the e2e server derives for a row (app/utils/link-tokens.server.ts, with its
 * SESSION_SECRET): what a link in an email carries. The database never holds it.
 */
export function derivedLinkToken(purpose: "manage" | "bookings-link", id: string): string {
  const key = Buffer.from(hkdfSync("sha256", E2E_SESSION_SECRET, "", "passerelle/link-tokens/v1", 32));
  return createHmac("sha256", key).update(`${purpose}:${id}`, "utf8").digest("base64url");
}

/** A booking's manage link, and the hash its row stores. */
export const manageLinkOf = (bookingId: string) => `/reservation/${derivedLinkToken("manage", bookingId)}`;
export const manageTokenHashOf = (bookingId: string) =>
  createHash("sha256").update(derivedLinkToken("manage", bookingId)).digest("hex");

/** Prisma's SQLite adapter stores instants as "2026-11-27T08:30:00.000+00:00". */
export const sqlDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

const DAY = 24 * 60 * 60 * 1000;

/**
 * Gives the calling test, and no other, the first of `candidates` (ids, in order of preference)
 * that no test has claimed yet. The claims live in a table of the e2e database itself, so they
 * start afresh with it on every run; the primary key makes two workers' claims exclusive.
 */
export function claim(kind: "session" | "person", candidates: string[]): string | undefined {
  const claimant = test.info().titlePath.join(" › ");
  return withDb((db) => {
    db.exec(`CREATE TABLE IF NOT EXISTS e2e_claim (
      kind TEXT NOT NULL, id TEXT NOT NULL, claimant TEXT NOT NULL, PRIMARY KEY (kind, id))`);
    const insert = db.prepare("INSERT OR IGNORE INTO e2e_claim (kind, id, claimant) VALUES (?, ?, ?)");
    return candidates.find((id) => insert.run(kind, id, claimant).changes === 1);
  });
}

export type ClaimedSession = {
  id: string;
  startsAt: string;
  endsAt: string;
  title: string;
  whatToBring: string | null;
  placeSlug: string;
  placeName: string;
  addressLine: string;
  postcode: string;
  commune: string;
  phone: string;
  capacity: number;
  seatsTaken: number;
};

/**
 * Claims an upcoming bookable session (not part of a course, no waiting list, at least `seatsLeft`
 * seats left, more than two days ahead), the earliest first or, with `latest`, the latest first.
 */
export function claimUpcomingSession(options: { seatsLeft?: number; latest?: boolean } = {}): ClaimedSession {
  const { seatsLeft = 1, latest = false } = options;
  const select = `SELECT s.id, s.startsAt, s.endsAt, s.capacity, s.seatsTaken, w.title, w.whatToBring,
      p.slug AS placeSlug, p.name AS placeName, p.addressLine, p.postcode, c.name AS commune, p.phone
    FROM Session s JOIN Workshop w ON w.id = s.workshopId JOIN Place p ON p.id = s.placeId
      JOIN Commune c ON c.id = p.communeId`;
  const candidates = withDb((db) =>
    db
      .prepare(
        `${select}
        WHERE s.status = 'SCHEDULED' AND s.deletedAt IS NULL AND s.courseId IS NULL AND w.deletedAt IS NULL
          AND p.phone IS NOT NULL AND s.startsAt > ? AND s.seatsTaken + ? <= s.capacity
          AND NOT EXISTS (SELECT 1 FROM Booking b WHERE b.sessionId = s.id AND b.status = 'WAITLISTED')
        ORDER BY s.startsAt ${latest ? "DESC" : "ASC"}, s.id`,
      )
      .all(sqlDate(new Date(Date.now() + 2 * DAY)), seatsLeft),
  ) as ClaimedSession[];
  const id = claim(
    "session",
    candidates.map((row) => row.id),
  );
  if (!id) throw new Error(`the e2e seed has no unclaimed upcoming session with ${seatsLeft} seats left`);
  // Read again, now that no other test may change it.
  return withDb((db) => db.prepare(`${select} WHERE s.id = ?`).get(id)) as ClaimedSession;
}

export type OneSeatSession = { id: string; title: string; placeSlug: string; capacity: number };

/**
 * Claims one of the latest upcoming sessions (where fewer other tests look) and lowers its
 * capacity so exactly one seat is left.
 */
export function sessionWithOneSeatLeft(): OneSeatSession {
  const session = claimUpcomingSession({ latest: true });
  const capacity = session.seatsTaken + 1;
  withDb((db) => db.prepare(`UPDATE Session SET capacity = ? WHERE id = ?`).run(capacity, session.id));
  return { id: session.id, title: session.title, placeSlug: session.placeSlug, capacity };
}

/**
 * A course of its own for the calling test, at a place and with a workshop of the seed: sessions
 * `daysFromNow` days away (negative: held already, so COMPLETED), 8 seats, 3 taken.
 */
export function insertCourse(daysFromNow: number[]): { id: string; title: string; sessionIds: string[] } {
  const suffix = randomBytes(4).toString("hex");
  const id = `e2e-course-${suffix}`;
  const title = `Parcours e2e ${suffix}`;
  const sessionIds = daysFromNow.map((_, i) => `${id}-${i + 1}`);
  withDb((db) => {
    const { placeId, workshopId } = db
      .prepare(
        `SELECT p.id AS placeId, (SELECT id FROM Workshop WHERE deletedAt IS NULL ORDER BY id LIMIT 1) AS workshopId
         FROM Place p WHERE p.deletedAt IS NULL ORDER BY p.id LIMIT 1`,
      )
      .get() as { placeId: string; workshopId: string };
    const now = sqlDate(new Date());
    db.transaction(() => {
      db.prepare(
        `INSERT INTO Course (id, slug, title, summary, placeId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, id, title, "Un parcours créé pour un test.", placeId, now, now);
      daysFromNow.forEach((days, i) => {
        const startsAt = new Date(Date.now() + days * DAY);
        db.prepare(
          `INSERT INTO Session (id, workshopId, placeId, startsAt, endsAt, capacity, seatsTaken, status, courseId, courseOrder, createdAt, updatedAt)
           VALUES (?, ?, ?, ?, ?, 8, 3, ?, ?, ?, ?, ?)`,
        ).run(
          sessionIds[i],
          workshopId,
          placeId,
          sqlDate(startsAt),
          sqlDate(new Date(startsAt.getTime() + 2 * 60 * 60 * 1000)),
          days < 0 ? "COMPLETED" : "SCHEDULED",
          id,
          i + 1,
          now,
          now,
        );
      });
    })();
  });
  return { id, title, sessionIds };
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

/** The emails a change queued for this address (not the reminders and follow-ups the calendar makes due). */
export function queuedEmails(recipient: string) {
  return withDb(
    (db) =>
      db
        .prepare(
          `SELECT kind, locale, dedupeKey FROM OutboxEmail
           WHERE recipient = ? AND kind NOT IN ('reminder', 'follow-up') ORDER BY createdAt, kind`,
        )
        .all(recipient) as { kind: string; locale: string; dedupeKey: string }[],
  );
}
