// The local mail area (/courrier): the demo's captured mail and the outbox, for the machine
// itself only (app/domain/policy/local-mail.ts, docs/decisions/017).
import type { AppLoadContext } from "@remix-run/node";

import type { OutboxEmailState } from "~/domain/outbox/states";
import { mayReadLocalMail, type LocalMailAnswer } from "~/domain/policy/local-mail";
import {
  countOutboxEmailsByState,
  listOutboxEmails,
  requeueFailedEmail,
  type ListedOutboxEmail,
} from "~/models/outbox-email.server";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { listCapturedMail, readCapturedAttachment, readCapturedMail } from "~/utils/mail-capture.server";

export const MAIL_PAGE_SIZE = 20;
export const OUTBOX_PAGE_SIZE = 25;

export function localMailAccess(
  request: Request,
  context: Pick<AppLoadContext, "clientAddress" | "socketAddress" | "forwarded">,
): LocalMailAnswer {
  return mayReadLocalMail({
    mailCaptured: !env.SMTP_URL,
    socketAddress: context.socketAddress ?? "unknown",
    clientAddress: context.clientAddress,
    forwarded: context.forwarded ?? true,
    hostname: new URL(request.url).hostname,
    appHostname: new URL(env.APP_URL).hostname,
  });
}

/** Page numbers from 1; anything else reads as 1. */
export function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

export async function capturedMailPage(page: number) {
  const { total, messages } = await listCapturedMail(env.MAIL_CAPTURE_DIR, (page - 1) * MAIL_PAGE_SIZE, MAIL_PAGE_SIZE);
  return { total, messages, page, pages: Math.max(1, Math.ceil(total / MAIL_PAGE_SIZE)) };
}

export function capturedMessage(id: string) {
  return readCapturedMail(env.MAIL_CAPTURE_DIR, id);
}

export function capturedAttachment(id: string, index: number) {
  return readCapturedAttachment(env.MAIL_CAPTURE_DIR, id, index);
}

export type OutboxOverview = {
  state: OutboxEmailState;
  counts: Record<OutboxEmailState, number>;
  rows: ListedOutboxEmail[];
  page: number;
  pages: number;
};

export async function outboxOverview(state: OutboxEmailState, page: number): Promise<OutboxOverview> {
  const counts = await countOutboxEmailsByState(prisma);
  const rows = await listOutboxEmails(prisma, state, (page - 1) * OUTBOX_PAGE_SIZE, OUTBOX_PAGE_SIZE);
  return { state, counts, rows, page, pages: Math.max(1, Math.ceil(counts[state] / OUTBOX_PAGE_SIZE)) };
}

/** "Envoyer à nouveau": a FAILED row back to PENDING, due now, its attempts counted afresh. */
export async function sendFailedEmailAgain(
  id: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; code: "NOT_FAILED" }> {
  return (await requeueFailedEmail(prisma, id, now)) ? { ok: true } : { ok: false, code: "NOT_FAILED" };
}
