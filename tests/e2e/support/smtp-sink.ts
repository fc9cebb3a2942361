// What the e2e SMTP sink (tests/setup/smtp-sink.ts) received: the emails the app's sender really
// sent, read over the sink's HTTP API. Tests look only at their own recipient's messages.
import { expect } from "@playwright/test";
import { e2eUrls } from "../../../playwright.config";
import type { Received } from "../../setup/smtp-sink";

export type SinkMessage = Received;

export async function messagesTo(recipient: string): Promise<SinkMessage[]> {
  const response = await fetch(`${e2eUrls.smtpApi}/messages`);
  if (!response.ok) throw new Error(`the SMTP sink answered ${response.status}`);
  const all = (await response.json()) as SinkMessage[];
  const wanted = recipient.toLowerCase();
  return all.filter((message) => message.to.some((to) => to.toLowerCase() === wanted));
}

/**
 * Runs `send` (what makes the app queue an email), then waits until the sink has one more
 * message for `recipient` matching `pattern`, and returns the first match of `pattern` in it.
 */
export async function nextMatchSentTo(recipient: string, pattern: RegExp, send: () => Promise<unknown>) {
  const matches = async () =>
    (await messagesTo(recipient)).map((m) => pattern.exec(m.text)?.[0]).filter((m): m is string => m !== undefined);
  const before = (await matches()).length;
  await send();
  let found: string[] = [];
  await expect
    .poll(async () => (found = await matches()).length, { message: `an email to ${recipient} matching ${pattern}` })
    .toBeGreaterThan(before);
  return found[found.length - 1];
}
