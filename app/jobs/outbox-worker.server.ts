// Running the sender: on an interval inside the server, or once from `npm run jobs:once`.
import { describeSendError } from "~/domain/outbox/send-retry";
import type { ComposeEmail } from "~/services/email/contract";
import { prisma, type Db } from "~/utils/db.server";
import type { Env } from "~/utils/env.server";
import { createMailTransport, type MailTransport } from "~/utils/mail-transport.server";

import { sendDueEmails, type BatchSummary, type SendDueEmailsOptions } from "./send-due-emails.server";

export type SenderSetup = Omit<SendDueEmailsOptions, "now" | "batchSize">;

/** The sender as the environment configures it; one transport (one SMTP pool) per call. */
export function senderFromEnv(
  env: Pick<Env, "SMTP_URL" | "MAIL_CAPTURE_DIR" | "MAIL_FROM" | "APP_URL" | "OUTBOX_LEASE_MS">,
  compose: ComposeEmail,
  options: {
    db?: Db;
    transport?: MailTransport;
    log?: (line: string) => void;
    schedule?: SenderSetup["schedule"];
  } = {},
): SenderSetup {
  return {
    schedule: options.schedule,
    db: options.db ?? prisma,
    compose,
    transport: options.transport ?? createMailTransport({ smtpUrl: env.SMTP_URL, captureDir: env.MAIL_CAPTURE_DIR }),
    from: env.MAIL_FROM,
    messageIdHost: new URL(env.APP_URL).hostname,
    leaseMs: env.OUTBOX_LEASE_MS,
    log: options.log ?? ((line) => console.log(line)),
  };
}

/**
 * Batches until a batch finds nothing due (rows waiting for a retry, or held by another sender,
 * are not due). Returns the totals.
 */
export async function sendUntilNothingDue(
  setup: SenderSetup,
  keepGoing: () => boolean = () => true,
): Promise<BatchSummary> {
  const total: BatchSummary = { due: 0, sent: 0, dropped: 0, retry: 0, failed: 0, taken: 0, "lost-claim": 0 };
  // A failing schedule must not hold back the emails already due: logged, and sending goes on.
  await setup.schedule?.(new Date()).catch((error: unknown) => {
    (setup.log ?? console.error)(`outbox: scheduling failed: ${describeSendError(error)}`);
  });
  while (keepGoing()) {
    const batch = await sendDueEmails(setup);
    for (const key of Object.keys(total) as (keyof BatchSummary)[]) total[key] += batch[key];
    if (batch.due === 0) break;
  }
  return total;
}

export type OutboxWorker = { stop(): Promise<void> };

/**
 * Every `intervalMs`, one pass of sendUntilNothingDue. A pass never overlaps the next (the timer
 * is set when a pass ends) and a failing pass is logged, never thrown: the server keeps serving.
 */
export function startOutboxWorker(setup: SenderSetup, intervalMs: number): OutboxWorker {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = () => {
    running = sendUntilNothingDue(setup, () => !stopped)
      .then(() => undefined)
      .catch((error: unknown) => {
        console.error(`outbox: the sender's pass failed: ${describeSendError(error)}`);
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, Math.min(intervalMs, 1000));

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      setup.transport.close();
    },
  };
}
