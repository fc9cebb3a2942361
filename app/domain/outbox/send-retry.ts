// When the sender tries a failed email again, and when it gives up. A failure is most often a mail
// server briefly away: the first retries come soon, later ones far apart, and after the last one
// the row is marked FAILED for someone to look at (the outbox view's "send again").

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** The wait after the 1st, 2nd, … failed attempt. */
export const RETRY_DELAYS_MS: readonly number[] = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR];

/** Attempts in all (the first one and every retry) before the row is given up. */
export const MAX_SEND_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

export type AfterFailure = { retryAt: Date } | { giveUp: true };

/**
 * `attempts`: how many attempts the row has had, the failed one included (the claim counts it).
 */
export function afterFailedAttempt(attempts: number, now: Date): AfterFailure {
  if (attempts >= MAX_SEND_ATTEMPTS) return { giveUp: true };
  const delay = RETRY_DELAYS_MS[Math.max(0, attempts - 1)];
  return { retryAt: new Date(now.getTime() + delay) };
}

/** An error as stored on the row: its kind and first words, never more (no payload, no long token). */
export function describeSendError(error: unknown, maxLength = 300): string {
  const raw =
    error instanceof Error ? `${error.name}: ${error.message}` : typeof error === "string" ? error : "Unknown error";
  // Anything shaped like a token (a long run of URL-safe characters) is blanked out, and so is an
  // email address (a mail server's refusal often quotes the recipient).
  const redacted = raw
    .replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, "[address]")
    .replace(/[A-Za-z0-9_-]{32,}/g, "[…]")
    .replace(/\s+/g, " ")
    .trim();
  return redacted.length > maxLength ? `${redacted.slice(0, maxLength - 1)}…` : redacted;
}
