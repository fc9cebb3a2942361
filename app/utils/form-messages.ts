// Form messages as translation keys, with values, shared by every resident form. Small on purpose:
// the browser loads it with each form.
import { z } from "zod";

import { unsafeTextReason } from "~/domain/text/safe-text";

/** A message key with values for its translation: "forms:tooLong?max=100". */
export function messageWithValues(key: string, values: Record<string, string | number>): string {
  const query = new URLSearchParams(Object.entries(values).map(([name, value]) => [name, String(value)]));
  return `${key}?${query.toString()}`;
}

/** The reverse of `messageWithValues`, for `t(key, values)`. */
export function splitMessage(message: string): { key: string; values: Record<string, string> } {
  const at = message.indexOf("?");
  if (at === -1) return { key: message, values: {} };
  return { key: message.slice(0, at), values: Object.fromEntries(new URLSearchParams(message.slice(at + 1))) };
}

/**
 * Refuses control characters and bidi overrides (app/domain/text/safe-text.ts) with a message
 * that says which; for any free-text field of a resident form.
 */
export function refuseUnsafeText(value: string, ctx: z.RefinementCtx): void {
  const reason = unsafeTextReason(value);
  if (reason !== null) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: reason === "bidi" ? "forms:safeText.bidi" : "forms:safeText.control",
    });
  }
}
