// `npm run bench`: speed as ratios against a bare baseline measured in the same run, on the same
// machine, so the numbers mean something on any hardware. Loops are bounded in count and time,
// and all traffic stays on 127.0.0.1. Results go to bench-results/latest.json.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { createPrismaClient } from "../app/utils/db.server";
import { recreateDatabase } from "./lib/schema-engine";
import { seed } from "../prisma/seed";

const outDir = path.resolve("bench-results");
const dbFile = path.join(outDir, "bench.db");
const dbUrl = `file:${dbFile}`;
const PORT = 3190;
const BASELINE_PORT = 3191;

type Measure = { name: string; ops: number; seconds: number; perSecond: number };

async function measure(name: string, count: number, concurrency: number, task: (i: number) => Promise<unknown>) {
  let next = 0;
  const started = performance.now();
  const deadline = started + 30_000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && performance.now() < deadline) {
        await task(next++);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const result: Measure = { name, ops: next, seconds, perSecond: next / seconds };
  console.log(
    `  ${name.padEnd(46)} ${result.perSecond.toFixed(0).padStart(8)} /s  (${next} in ${seconds.toFixed(2)} s)`,
  );
  return result;
}

async function waitFor(url: string, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function get(url: string) {
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return body.byteLength;
}

async function benchPages(results: Record<string, number>) {
  console.log("\nPages over HTTP (10 concurrent clients), against a bare node:http server sending the same bytes:");
  let server: ChildProcess | undefined;
  const baseline = http.createServer();
  try {
    server = spawn("node", ["server.js"], {
      env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), HOST: "127.0.0.1", DATABASE_URL: dbUrl },
      stdio: "ignore",
    });
    await waitFor(`http://127.0.0.1:${PORT}/healthz`);
    for (const page of ["/", "/ateliers"]) {
      const html = Buffer.from(await (await fetch(`http://127.0.0.1:${PORT}${page}`)).arrayBuffer());
      baseline.removeAllListeners("request");
      baseline.on("request", (_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(html));
      if (!baseline.listening) await new Promise<void>((r) => baseline.listen(BASELINE_PORT, "127.0.0.1", r));
      const bare = await measure(`bare node:http, ${html.byteLength} bytes`, 3000, 10, () =>
        get(`http://127.0.0.1:${BASELINE_PORT}/`),
      );
      const app = await measure(`Passerelle ${page}`, 1000, 10, () => get(`http://127.0.0.1:${PORT}${page}`));
      results[`page ${page} / bare http`] = app.perSecond / bare.perSecond;
    }
  } finally {
    server?.kill();
    baseline.close();
  }
}

async function benchBooking(results: Record<string, number>) {
  console.log("\nBooking a seat, against a raw better-sqlite3 transaction doing the same writes:");
  const { bookSession } = await import("../app/services/book-session.server");
  const prisma = createPrismaClient(dbUrl);
  const sessions = await prisma.session.findMany({
    where: { status: "SCHEDULED", startsAt: { gt: new Date() } },
    select: { id: true },
    take: 2,
  });
  await prisma.session.updateMany({ where: { id: { in: sessions.map((s) => s.id) } }, data: { capacity: 100_000 } });

  const raw = new Database(dbFile);
  raw.pragma("journal_mode = WAL");
  const take = raw.prepare(
    `UPDATE "Session" SET "seatsTaken" = "seatsTaken" + 1 WHERE "id" = ? AND "seatsTaken" < "capacity"`,
  );
  const person = raw.prepare(
    `INSERT INTO "Person" ("id","firstName","lastName","nameKey","email","emailNormalized","preferredLanguage","lastActivityAt","createdAt","updatedAt") VALUES (?,?,?,?,?,?,'fr',?,?,?)`,
  );
  const booking = raw.prepare(
    `INSERT INTO "Booking" ("id","sessionId","personId","status","source","manageTokenHash","confirmedAt","createdAt","updatedAt") VALUES (?,?,?,'CONFIRMED','ONLINE',?,?,?,?)`,
  );
  const outbox = raw.prepare(
    `INSERT INTO "OutboxEmail" ("id","kind","recipient","locale","payload","dedupeKey","sendAfter","createdAt","updatedAt") VALUES (?,?,?,'fr','{}',?,?,?,?)`,
  );
  const rawBook = raw.transaction((i: number) => {
    const now = new Date().toISOString();
    take.run(sessions[0].id);
    person.run(
      `raw-p-${i}`,
      "Bench",
      `Raw${i}`,
      `bench raw${i}`,
      `raw${i}@bench.example`,
      `raw${i}@bench.example`,
      now,
      now,
      now,
    );
    booking.run(`raw-b-${i}`, sessions[0].id, `raw-p-${i}`, `raw-token-${i}`, now, now, now);
    outbox.run(`raw-o-${i}`, "booking-confirmed", `raw${i}@bench.example`, `raw-o-${i}`, now, now, now);
  });
  const bare = await measure("raw better-sqlite3 transaction", 3000, 1, async (i) => rawBook(i));
  raw.close();

  const service = await measure("bookSession (Prisma, domain rules, outbox)", 1000, 4, (i) =>
    bookSession({
      sessionId: sessions[1].id,
      source: "ONLINE",
      person: {
        firstName: "Bench",
        lastName: `Person${i}`,
        email: `bench${i}@bench.example`,
        phone: null,
        communeId: null,
        ageBand: null,
        preferredLanguage: "fr",
        consentSuggestions: false,
        helperEmail: null,
      },
    }),
  );
  results["bookSession / raw transaction"] = service.perSecond / bare.perSecond;
  await prisma.$disconnect();
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  if (!fs.existsSync("build/index.js")) throw new Error("Build the app first: npm run build");
  await recreateDatabase({ databaseFile: dbFile });
  const prisma = createPrismaClient(dbUrl);
  await seed(prisma);
  await prisma.$disconnect();

  const ratios: Record<string, number> = {};
  await benchPages(ratios);
  await benchBooking(ratios);

  console.log("\nRatios (higher is better; 1.0 = as fast as the bare baseline):");
  for (const [name, ratio] of Object.entries(ratios)) console.log(`  ${name.padEnd(40)} ${ratio.toFixed(3)}`);
  fs.writeFileSync(
    path.join(outDir, "latest.json"),
    JSON.stringify({ at: new Date().toISOString(), node: process.version, ratios }, null, 2),
  );
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
