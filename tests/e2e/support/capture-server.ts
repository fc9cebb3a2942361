// A second app server for specs about the demo's own mail: like `npm start` with no SMTP_URL, it
// captures what it sends as files and shows them at /courrier. It runs on a free port, on a copy
// of the e2e database taken when it starts, so it changes nothing the main server's tests read.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect } from "@playwright/test";
import Database from "better-sqlite3";
import { withDb } from "./e2e-db";

export type CaptureServer = {
  url: string;
  /** Runs `work` on this server's own database copy. */
  withDb<T>(work: (db: Database.Database) => T): T;
  stop(): Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startCaptureServer(): Promise<CaptureServer> {
  const port = await freePort();
  const tmp = path.resolve("tests/.tmp");
  const databaseFile = path.join(tmp, `capture-${port}.db`);
  const mailFolder = path.join(tmp, `capture-${port}-mail`);
  for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) fs.rmSync(file, { force: true });
  fs.rmSync(mailFolder, { recursive: true, force: true });
  // A consistent copy even while the main server writes (VACUUM INTO reads one snapshot).
  withDb((db) => db.prepare("VACUUM INTO ?").run(databaseFile));

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: `file:${databaseFile}`,
    SESSION_SECRET: "e2e-capture-secret-not-for-production",
    MAIL_CAPTURE_DIR: mailFolder,
    OUTBOX_INTERVAL_MS: "300",
    RATE_LIMIT_EXEMPT_ADDRESSES: "127.0.0.1,::1",
    TZ: "UTC",
  };
  delete env.SMTP_URL;
  const child: ChildProcess = spawn(process.execPath, ["server.js"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`the capture server exited with ${child.exitCode}`);
        return fetch(`${url}/healthz`).then(
          (response) => response.status,
          () => 0,
        );
      },
      { message: "the capture server answers /healthz", timeout: 60_000 },
    )
    .toBe(200);
  return {
    url,
    withDb(work) {
      const db = new Database(databaseFile);
      db.pragma("busy_timeout = 15000");
      try {
        return work(db);
      } finally {
        db.close();
      }
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) fs.rmSync(file, { force: true });
      fs.rmSync(mailFolder, { recursive: true, force: true });
    },
  };
}
