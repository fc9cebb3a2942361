// The outbox sender: claims due rows one by one, asks the composer what each should say now,
// sends it, records the outcome (docs/decisions/017). Any number of senders may run at once over
// one database: only the one whose claim succeeds sends a row.
import { afterFailedAttempt, describeSendError } from "~/domain/outbox/send-retry";
import {
  claimEmail,
  findDueEmails,
  markEmailDropped,
  markEmailFailed,
  markEmailRetry,
  markEmailSent,
  type DueEmailRow,
} from "~/models/outbox-email.server";
import type { ComposeEmail, EmailKind, OutboxRowToCompose } from "~/services/email/contract";
import type { Db } from "~/utils/db.server";
import type { MailTransport } from "~/utils/mail-transport.server";

export const DEFAULT_BATCH_SIZE = 20;

export type SenderLog = (line: string) => void;

export type SendDueEmailsOptions = {
  db: Db;
  compose: ComposeEmail;
  transport: MailTransport;
  /** The From of every message (MAIL_FROM). */
  from: string;
  /** The host that Message-IDs end with: APP_URL's. */
  messageIdHost: string;
  /** How long a claim holds a row against other senders (OUTBOX_LEASE_MS). */
  leaseMs: number;
  /** Read anew for every row: a batch may take a while. */
  now?: () => Date;
  batchSize?: number;
  /** Lines name rows by id, kind and state: never a recipient, a payload or a link. */
  log?: SenderLog;
  /**
   * Writes the rows that fall due by the calendar rather than by a change (the trainers' rosters:
   * scheduleDueEmails), before each pass looks for due rows.
   */
  schedule?: (now: Date) => Promise<unknown>;
};

export type SendOutcome = "sent" | "dropped" | "retry" | "failed" | "taken" | "lost-claim";

export type BatchSummary = { due: number } & Record<SendOutcome, number>;

/** The same for every attempt at one row, so a repeat after a crash is recognisably the same message. */
export function messageIdFor(rowId: string, host: string): string {
  return `<outbox.${rowId}@${host}>`;
}

/** One batch: at most `batchSize` due rows, oldest due first. `due` is how many were read. */
export async function sendDueEmails(options: SendDueEmailsOptions): Promise<BatchSummary> {
  const now = options.now ?? (() => new Date());
  const rows = await findDueEmails(options.db, now(), options.batchSize ?? DEFAULT_BATCH_SIZE);
  const summary: BatchSummary = {
    due: rows.length,
    sent: 0,
    dropped: 0,
    retry: 0,
    failed: 0,
    taken: 0,
    "lost-claim": 0,
  };
  for (const row of rows) summary[await sendOne(row, options, now)] += 1;
  return summary;
}

async function sendOne(row: DueEmailRow, options: SendDueEmailsOptions, now: () => Date): Promise<SendOutcome> {
  const { db, log = () => {} } = options;
  const claimedAt = now();
  const lockedUntil = new Date(claimedAt.getTime() + options.leaseMs);
  if (!(await claimEmail(db, row.id, claimedAt, lockedUntil))) return "taken";
  const attempts = row.attempts + 1;

  let outcome: SendOutcome;
  try {
    const composition = await options.compose(toCompose(row), claimedAt);
    if ("drop" in composition) {
      const recorded = await markEmailDropped(db, row.id, lockedUntil, now(), composition.drop);
      outcome = recorded ? "dropped" : "lost-claim";
      log(`outbox: ${outcome} row=${row.id} kind=${row.kind} reason=${composition.drop}`);
      return outcome;
    }
    const email = composition.send;
    await options.transport.send({
      messageId: messageIdFor(row.id, options.messageIdHost),
      from: options.from,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      attachments: email.attachments,
      headers: email.headers,
    });
    // A crash here (accepted by the mail server, not yet recorded) is the one way to send twice:
    // the row is claimed again once the lease is over, with the same Message-ID.
    outcome = (await recordSent(db, row.id, lockedUntil, now)) ? "sent" : "lost-claim";
    log(`outbox: ${outcome} row=${row.id} kind=${row.kind} attempt=${attempts}`);
    return outcome;
  } catch (error) {
    if (error instanceof SentButNotRecorded) {
      log(`outbox: sent-unrecorded row=${row.id} kind=${row.kind} error=${describeSendError(error.cause)}`);
      return "lost-claim";
    }
    const lastError = describeSendError(error);
    const failedAt = now();
    const next = afterFailedAttempt(attempts, failedAt);
    const recorded =
      "retryAt" in next
        ? await markEmailRetry(db, row.id, lockedUntil, next.retryAt, lastError)
        : await markEmailFailed(db, row.id, lockedUntil, failedAt, lastError);
    outcome = !recorded ? "lost-claim" : "retryAt" in next ? "retry" : "failed";
    const when = "retryAt" in next ? ` next=${next.retryAt.toISOString()}` : "";
    log(`outbox: ${outcome} row=${row.id} kind=${row.kind} attempt=${attempts}${when} error=${lastError}`);
    return outcome;
  }
}

/**
 * The mail server has the message: a failing write now must not count as a failed sending (that
 * would send it again at once). The write is repeated a few times; if it still fails, the row stays
 * claimed and is sent again only after the lease, with the same Message-ID — the crash case.
 */
async function recordSent(db: Db, id: string, lockedUntil: Date, now: () => Date): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await markEmailSent(db, id, lockedUntil, now());
    } catch (error) {
      if (attempt >= 3) throw new SentButNotRecorded(error);
    }
  }
}

/** Sent, but the row could not say so: left to its lease, never marked for a retry. */
class SentButNotRecorded extends Error {
  constructor(readonly cause: unknown) {
    super("sent, but the outbox row could not be updated");
  }
}

function toCompose(row: DueEmailRow): OutboxRowToCompose {
  return {
    id: row.id,
    kind: row.kind as EmailKind,
    recipient: row.recipient,
    locale: row.locale,
    payload: parsePayload(row.payload),
    bookingId: row.bookingId,
    sessionId: row.sessionId,
    sendAfter: row.sendAfter,
    createdAt: row.createdAt,
  };
}

function parsePayload(payload: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    // JSON.parse's own message quotes the text: the payload must not reach lastError or a log.
    throw new TypeError("The outbox row's payload is not valid JSON");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new TypeError("The outbox row's payload is not a JSON object");
  }
  return parsed as Record<string, unknown>;
}
