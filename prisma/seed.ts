// npm run db:seed — the demo territory of Carcassonne Agglo: 83 communes, the hub and five
// tiers-lieux, the workshop catalogue and skills framework, staff demo accounts, ~150 residents
// and sixteen weeks of sessions around the current one. Safe to run again (see seed/build.ts).
import { pathToFileURL } from "node:url";

import bcrypt from "bcryptjs";

import type { PrismaClient } from "../app/generated/prisma/client";
import { backfillDeskCodes } from "../app/services/desk-code.server";
import { buildSeedData, type SeedData } from "./seed/build";
import { countTables, type SeedCounts } from "./seed/counts.server";
import { DEMO_ACCOUNTS } from "./seed/demo-accounts";
import { IdMap, models, pruneSeedRows, syncLinks, upsertRows, type Tx } from "./seed/sync.server";

export type { SeedCounts } from "./seed/counts.server";

const BCRYPT_COST = 10;

/**
 * Seeds `prisma`'s database for the week containing `now` (default: the current time) and
 * returns the number of rows in every table afterwards.
 */
export async function seed(prisma: PrismaClient, options: { now?: Date } = {}): Promise<SeedCounts> {
  const data = buildSeedData(options.now ?? new Date());

  // Hash only for accounts that do not exist yet: bcrypt salts differ on every call, and an
  // existing account keeps whatever password it has.
  const known = new Set(
    (
      await prisma.staffUser.findMany({
        where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } },
        select: { email: true },
      })
    ).map((u) => u.email),
  );
  const passwordHashes = new Map(
    await Promise.all(
      DEMO_ACCOUNTS.filter((a) => !known.has(a.email)).map(
        async (a) => [a.email, await bcrypt.hash(a.password, BCRYPT_COST)] as const,
      ),
    ),
  );

  // One transaction: a failure leaves the database as it was, and SQLite commits once.
  await prisma.$transaction((tx) => write(tx, data, passwordHashes), { maxWait: 10_000, timeout: 120_000 });
  // Codes are random, so they are drawn here rather than built with the rows; kept across runs.
  await backfillDeskCodes(prisma);
  return countTables(prisma);
}

/**
 * Whether the database holds the demo laid out around another week than `now`'s: its first
 * planned session is there, at another time. A database without the demo's rows is not one.
 */
export async function seededForAnotherWeek(prisma: PrismaClient, now = new Date()): Promise<boolean> {
  const [first] = buildSeedData(now).sessions;
  const stored = await prisma.session.findUnique({ where: { id: first.id }, select: { startsAt: true } });
  return stored !== null && stored.startsAt.getTime() !== first.startsAt.getTime();
}

async function write(tx: Tx, data: SeedData, passwordHashes: Map<string, string>) {
  const m = models(tx);
  const ids = new IdMap();
  const ownerIds = <R extends { id: string }>(rows: readonly R[]) => rows.map((r) => r.id);

  // Rows move between runs in different weeks (a holiday removes a session and its bookings).
  // New rows may point at rows created later in the run: SQLite checks those foreign keys at
  // commit. RESTRICT is checked at once, though, so parents are pruned only after their
  // children have moved.
  await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");

  // Reference data is matched on its natural key, so it merges with rows created another way.
  await upsertRows(m.commune, data.communes, ids, { key: "inseeCode" });
  await upsertRows(m.place, data.places, ids, { key: "slug" });
  await upsertRows(m.openingHours, data.openingHours, ids);
  await m.openingHours.deleteMany({
    where: { placeId: { in: data.places.map((p) => ids.id(p.id)) }, id: { notIn: ownerIds(data.openingHours) } },
  });
  await syncLinks(m.placeCommune, data.placeCommunes, ids, "placeId", "communeId", ownerIds(data.places));

  await upsertRows(m.topic, data.topics, ids, { key: "code" });
  await upsertRows(m.skillDomain, data.skillDomains, ids, { key: "code" });
  await upsertRows(m.skill, data.skills, ids, { key: "code" });
  await upsertRows(m.workshop, data.workshops, ids, { key: "slug" });
  await upsertRows(m.workshopTranslation, data.workshopTranslations, ids);
  await syncLinks(m.workshopTopic, data.workshopTopics, ids, "workshopId", "topicId", ownerIds(data.workshops));
  await syncLinks(m.workshopSkill, data.workshopSkills, ids, "workshopId", "skillId", ownerIds(data.workshops));

  await upsertRows(m.staffUser, data.staffUsers, ids, {
    key: "email",
    onCreate: (row) => {
      const hash = passwordHashes.get(row.email);
      if (!hash) throw new Error(`${row.email} appeared while seeding: run the seed again`);
      return { passwordHash: hash };
    },
  });
  await syncLinks(m.staffRoleGrant, data.staffRoleGrants, ids, "userId", "role", ownerIds(data.staffUsers));
  await syncLinks(m.staffPlace, data.staffPlaces, ids, "userId", "placeId", ownerIds(data.staffUsers));

  // Activity rows are the seed's own, under stable "seed-…" ids. Parents are written first;
  // then each child table drops the rows this run no longer produces and upserts the rest
  // (enrolments before bookings before attendances, since deleting a row nulls its children's
  // link); parents that are no longer produced go last.
  await upsertRows(m.person, data.persons, ids);
  await upsertRows(m.sessionSeries, data.sessionSeries, ids);
  await upsertRows(m.course, data.courses, ids, { key: "slug" });
  await upsertRows(m.session, data.sessions, ids);
  await syncLinks(m.sessionTrainer, data.sessionTrainers, ids, "sessionId", "trainerId", ownerIds(data.sessions));

  await pruneSeedRows(m.courseEnrolment, data.courseEnrolments);
  await upsertRows(m.courseEnrolment, data.courseEnrolments, ids, { replaceWhenChanged: ["courseId", "personId"] });
  await pruneSeedRows(m.booking, data.bookings);
  await upsertRows(m.booking, data.bookings, ids, { replaceWhenChanged: ["personId", "sessionId"] });
  await pruneSeedRows(m.attendance, data.attendances);
  await upsertRows(m.attendance, data.attendances, ids, { replaceWhenChanged: ["sessionId", "personId", "bookingId"] });
  await pruneSeedRows(m.skillAssessment, data.skillAssessments);
  await upsertRows(m.skillAssessment, data.skillAssessments, ids);
  await pruneSeedRows(m.mediatorNote, data.mediatorNotes);
  await upsertRows(m.mediatorNote, data.mediatorNotes, ids);
  await pruneSeedRows(m.auditLog, data.auditLogs);
  await upsertRows(m.auditLog, data.auditLogs, ids);

  await pruneSeedRows(m.session, data.sessions);
  await pruneSeedRows(m.sessionSeries, data.sessionSeries);
  await pruneSeedRows(m.course, data.courses);
  await pruneSeedRows(m.person, data.persons);

  await alignSeatsTaken(tx, ownerIds(data.sessions));
}

/**
 * seatsTaken must equal the CONFIRMED bookings (the booking service relies on it). The seed's
 * own rows already agree; this also covers bookings made in the app on seeded sessions.
 */
async function alignSeatsTaken(tx: Tx, sessionIds: string[]) {
  const confirmed = await tx.booking.groupBy({
    by: ["sessionId"],
    where: { sessionId: { in: sessionIds }, status: "CONFIRMED" },
    _count: { _all: true },
  });
  const counts = new Map(confirmed.map((c) => [c.sessionId, c._count._all]));
  const sessions = await tx.session.findMany({
    where: { id: { in: sessionIds } },
    select: { id: true, seatsTaken: true },
  });
  for (const s of sessions) {
    const seats = counts.get(s.id) ?? 0;
    if (s.seatsTaken !== seats) await tx.session.update({ where: { id: s.id }, data: { seatsTaken: seats } });
  }
}

async function main() {
  const { createPrismaClient } = await import("../app/utils/db.server");
  const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
  const prisma = createPrismaClient(url);
  const started = performance.now();
  try {
    const counts = await seed(prisma);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Seeded ${url} in ${seconds} s. Rows per table:`);
    console.table(counts);
    console.log(
      `Demo accounts (password "${DEMO_ACCOUNTS[0].password}"): ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`,
    );
  } catch (error) {
    console.error("Seeding failed; nothing was written.", error);
    console.error("If the database holds rows made by hand on seeded sessions, `npm run db:reset` starts afresh.");
    process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
