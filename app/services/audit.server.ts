import type { TransactionClient } from "./transaction.server";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  /** The staff member who acted; null when a resident acted on their own booking. */
  actorUserId?: string | null;
  /** The relevant before/after values; stored as JSON. */
  data?: Record<string, unknown> | null;
  at?: Date;
};

/** Written in the caller's transaction, so the trail and the change it records stand or fall together. */
export async function audit(tx: TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      actorUserId: entry.actorUserId ?? null,
      data: entry.data == null ? null : JSON.stringify(entry.data),
      ...(entry.at ? { at: entry.at } : {}),
    },
  });
}
