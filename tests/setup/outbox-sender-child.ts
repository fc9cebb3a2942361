// The outbox sender as its own process, for app/jobs/sender-crash.server.test.ts: started with
// `node --import tsx`, DATABASE_URL, SMTP_URL and OUTBOX_LEASE_MS from the test, it does what
// `npm run jobs:once` does (send until nothing is due, then exit 0), with the tests' composer, so
// any row can be sent without a booking behind it. The test kills it at random moments.
import { senderFromEnv, sendUntilNothingDue } from "~/jobs/outbox-worker.server";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";

import { testComposer } from "./test-mail";

export type SenderChildMessage = { type: "ready"; pid: number };

const setup = senderFromEnv(env, testComposer, { log: () => {} });
// Loaded and connected before saying ready, so the test's kills land while it works.
await prisma.$queryRaw`SELECT 1`;
process.send?.({ type: "ready", pid: process.pid } satisfies SenderChildMessage);
await sendUntilNothingDue(setup);
setup.transport.close();
await prisma.$disconnect();
process.exit(0);
