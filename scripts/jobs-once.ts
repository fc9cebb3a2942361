// `npm run jobs:once`: sends every outbox email that is due now, then exits (0 when nothing is left
// due; non-zero only if the sender could not run). Safe beside a running server: both claim rows
// the same way, so no email goes twice (docs/decisions/017).
import { senderFromEnv, sendUntilNothingDue } from "../app/jobs/outbox-worker.server";
import { composeEmail } from "../app/services/email/compose.server";
import { scheduleDueEmails } from "../app/services/schedule-due-emails.server";
import { prisma } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";

const setup = senderFromEnv(env, composeEmail, { schedule: scheduleDueEmails });
let exitCode = 0;
try {
  const total = await sendUntilNothingDue(setup);
  const where = setup.transport.mode === "smtp" ? "over SMTP_URL" : `captured in ${env.MAIL_CAPTURE_DIR}`;
  console.log(
    `outbox: nothing left due. Sent ${total.sent} (${where}), dropped ${total.dropped}, to retry later ${total.retry}, failed ${total.failed}.`,
  );
} catch (error) {
  console.error(`outbox: the sender could not run: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  setup.transport.close();
  await prisma.$disconnect();
}
process.exit(exitCode);
