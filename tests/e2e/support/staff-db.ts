// Staff accounts and rosters made for one test, so that parallel workers never mark attendance on
// the same session or sign in to an account another test is locking out.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { sqlDate, withDb } from "./e2e-db";

export const STAFF_TEST_PASSWORD = "mot-de-passe-e2e";
// One hash for every test account: bcrypt is slow on purpose, and each test only needs a known password.
const PASSWORD_HASH = bcrypt.hashSync(STAFF_TEST_PASSWORD, 4);

export type StaffRole = "TRAINER" | "MEDIATOR" | "COORDINATOR" | "ADMIN";
export type TestStaff = { id: string; email: string; password: string; firstName: string; lastName: string };

/** A fresh staff account with these roles, working at the given places (by slug). */
export function createStaff(roles: StaffRole[], placeSlugs: string[] = []): TestStaff {
  const suffix = randomBytes(4).toString("hex");
  const staff: TestStaff = {
    id: `e2e-staff-${suffix}`,
    email: `staff-${suffix}@e2e.passerelle.test`,
    password: STAFF_TEST_PASSWORD,
    firstName: "Camille",
    lastName: `Essai-${suffix}`,
  };
  withDb((db) => {
    const now = sqlDate(new Date());
    db.transaction(() => {
      db.prepare(
        `INSERT INTO StaffUser (id, email, firstName, lastName, passwordHash, active, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
      ).run(staff.id, staff.email, staff.firstName, staff.lastName, PASSWORD_HASH, now, now);
      for (const role of roles) {
        db.prepare(`INSERT INTO StaffRoleGrant (userId, role) VALUES (?, ?)`).run(staff.id, role);
      }
      for (const slug of placeSlugs) {
        db.prepare(`INSERT INTO StaffPlace (userId, placeId) SELECT ?, id FROM Place WHERE slug = ?`).run(
          staff.id,
          slug,
        );
      }
    })();
  });
  return staff;
}

export type RosterPerson = { id: string; firstName: string; lastName: string; phone: string; bookingId: string };
export type TestRoster = {
  sessionId: string;
  placeId: string;
  placeSlug: string;
  workshopId: string;
  workshopTitle: string;
  capacity: number;
  booked: RosterPerson[];
  waitlisted: RosterPerson[];
};

const MINUTE = 60 * 1000;

/**
 * A session run by `trainerId`, starting `startsInMinutes` from now (negative: already begun or
 * past), with `booked` confirmed learners and `waitlisted` on the waiting list, each a new person
 * with a unique name and phone. Its workshop is one with target skills.
 */
export function createRoster(options: {
  trainerId: string;
  startsInMinutes?: number;
  durationMinutes?: number;
  capacity?: number;
  booked?: number;
  waitlisted?: number;
}): TestRoster {
  const { trainerId, startsInMinutes = 10, durationMinutes = 120, capacity = 8, booked = 3, waitlisted = 0 } = options;
  const suffix = randomBytes(4).toString("hex");
  const sessionId = `e2e-roster-${suffix}`;
  return withDb((db) => {
    const place = db
      .prepare(`SELECT id, slug, communeId FROM Place WHERE deletedAt IS NULL ORDER BY slug LIMIT 1`)
      .get() as { id: string; slug: string; communeId: string };
    const workshop = db
      .prepare(
        `SELECT w.id, w.title FROM Workshop w WHERE w.deletedAt IS NULL
         AND EXISTS (SELECT 1 FROM WorkshopSkill ws WHERE ws.workshopId = w.id) ORDER BY w.slug LIMIT 1`,
      )
      .get() as { id: string; title: string };
    const startsAt = new Date(Date.now() + startsInMinutes * MINUTE);
    const now = sqlDate(new Date());
    const made: TestRoster = {
      sessionId,
      placeId: place.id,
      placeSlug: place.slug,
      workshopId: workshop.id,
      workshopTitle: workshop.title,
      capacity,
      booked: [],
      waitlisted: [],
    };
    db.transaction(() => {
      db.prepare(
        `INSERT INTO Session (id, workshopId, placeId, startsAt, endsAt, capacity, seatsTaken, waitlistCount, status, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?)`,
      ).run(
        sessionId,
        workshop.id,
        place.id,
        sqlDate(startsAt),
        sqlDate(new Date(startsAt.getTime() + durationMinutes * MINUTE)),
        capacity,
        booked,
        waitlisted,
        now,
        now,
      );
      db.prepare(`INSERT INTO SessionTrainer (sessionId, trainerId) VALUES (?, ?)`).run(sessionId, trainerId);
      const addPerson = (index: number, status: "CONFIRMED" | "WAITLISTED"): RosterPerson => {
        const id = `${sessionId}-p${index}`;
        const firstName = `Apprenant${index}`;
        const lastName = `Essai${suffix}`;
        // A French mobile number unique to this test: 06 + 4 hex digits as decimals + index.
        const digits = `${parseInt(suffix, 16) % 1_000_000}`.padStart(6, "0");
        const phone = `+336${digits}${String(index).padStart(2, "0")}`;
        const bookingId = `${sessionId}-b${index}`;
        db.prepare(
          `INSERT INTO Person (id, firstName, lastName, nameKey, phone, phoneNormalized, communeId, preferredLanguage, lastActivityAt, createdAt, updatedAt)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'fr', ?, ?, ?)`,
        ).run(
          id,
          firstName,
          lastName,
          `${firstName} ${lastName}`.toLowerCase(),
          phone,
          phone,
          place.communeId,
          now,
          now,
          now,
        );
        db.prepare(
          `INSERT INTO Booking (id, sessionId, personId, status, source, manageTokenHash, contactPhone, confirmedAt, waitlistedAt, createdAt, updatedAt)
           VALUES (?, ?, ?, ?, 'ONLINE', ?, ?, ?, ?, ?, ?)`,
        ).run(
          bookingId,
          sessionId,
          id,
          status,
          `e2e-${bookingId}`,
          phone,
          status === "CONFIRMED" ? now : null,
          status === "WAITLISTED" ? now : null,
          now,
          now,
        );
        return { id, firstName, lastName, phone, bookingId };
      };
      for (let i = 1; i <= booked; i++) made.booked.push(addPerson(i, "CONFIRMED"));
      for (let i = 1; i <= waitlisted; i++) made.waitlisted.push(addPerson(booked + i, "WAITLISTED"));
    })();
    return made;
  });
}

/** The attendance rows of a session, by person. */
export function attendanceOf(sessionId: string) {
  return withDb(
    (db) =>
      db
        .prepare(`SELECT personId, status, isWalkIn FROM Attendance WHERE sessionId = ? ORDER BY personId`)
        .all(sessionId) as { personId: string; status: string; isWalkIn: number }[],
  );
}
