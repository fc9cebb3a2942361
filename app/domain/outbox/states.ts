/** PENDING until sent (SENT), given up after the last retry (FAILED), or no longer warranted (DROPPED). */
export const OUTBOX_STATES = ["PENDING", "SENT", "FAILED", "DROPPED"] as const;

export type OutboxEmailState = (typeof OUTBOX_STATES)[number];

export function isOutboxState(value: unknown): value is OutboxEmailState {
  return typeof value === "string" && (OUTBOX_STATES as readonly string[]).includes(value);
}
