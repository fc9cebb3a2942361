// "When may I try again?", said in words for a page and in seconds for the Retry-After header.

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/** Whole seconds, rounded up: a client that waits exactly this long is let through. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}

/**
 * "dans 12 minutes", "in 3 hours", "خلال دقيقتين": minutes under an hour, hours beyond, always
 * rounded up so that the moment said is never too early.
 */
export function retryAfterInWords(waitMs: number, language: string): string {
  const words = new Intl.RelativeTimeFormat(language, { numeric: "always" });
  if (waitMs <= HOUR_MS) return words.format(Math.max(1, Math.ceil(waitMs / MINUTE_MS)), "minute");
  return words.format(Math.ceil(waitMs / HOUR_MS), "hour");
}
