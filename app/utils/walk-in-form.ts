// The walk-in page's three forms (add someone found, create someone new, count visitors without a
// name), read on the server. Messages are translation keys ("forms:required", "walkIn:…"),
// translated when the page is drawn; a refused form comes back with what was typed.
import { z } from "zod";

import { normalizePhone } from "~/domain/people/contact";
import { EMAIL_MAX, NAME_MAX, PHONE_MAX } from "~/domain/people/limits";
import { ANONYMOUS_COUNT_MAX, ANONYMOUS_COUNT_MIN, REQUEST_KEY_PATTERN } from "~/domain/people/walk-in-match";
import { AgeBand } from "~/generated/prisma/enums";
import { messageWithValues, refuseUnsafeText } from "~/utils/form-messages";

export const AGE_BANDS = Object.values(AgeBand) as readonly AgeBand[];

/** The reason for a walk-in beyond capacity: a sentence, not an essay. */
export const OVERRIDE_REASON_MAX = 300;
const ID_MAX = 64;

export type FieldErrors = Partial<Record<string, string>>;

const text = (max: number) =>
  z.string().trim().max(max, messageWithValues("forms:tooLong", { max })).superRefine(refuseUnsafeText);

const isEmail = (value: string) => z.string().email().safeParse(value).success;

function read(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

function issuesOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

export function validRequestKey(form: FormData): string | null {
  const key = read(form, "requestKey");
  return REQUEST_KEY_PATTERN.test(key) ? key : null;
}

/** The values a form sent, as strings, to draw it again. */
export function echo(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, read(form, name).slice(0, 1001)]));
}

const reasonField = z
  .string()
  .trim()
  .max(OVERRIDE_REASON_MAX, messageWithValues("forms:tooLong", { max: OVERRIDE_REASON_MAX }))
  .superRefine(refuseUnsafeText);

/**
 * A reason typed in the form: null when there is no reason field or it is empty. `typed` is what
 * was sent (bounded), to put back in the field when the form is refused.
 */
export function parseReason(form: FormData): {
  reason: string | null;
  typed: string;
  asked: boolean;
  error: string | null;
} {
  const asked = form.has("reason");
  const raw = read(form, "reason");
  const typed = raw.slice(0, OVERRIDE_REASON_MAX * 2);
  const parsed = reasonField.safeParse(raw);
  if (!parsed.success) return { reason: null, typed, asked, error: parsed.error.issues[0]?.message ?? "forms:invalid" };
  return { reason: parsed.data === "" ? null : parsed.data, typed, asked, error: null };
}

export const NEW_PERSON_FIELDS = ["firstName", "lastName", "phone", "email", "communeId", "ageBand"] as const;

export function parseNewPerson(form: FormData, communeIds: ReadonlySet<string>) {
  const schema = z.object({
    firstName: text(NAME_MAX).refine((v) => v !== "", "walkIn:create.errors.firstName"),
    lastName: text(NAME_MAX).refine((v) => v !== "", "walkIn:create.errors.lastName"),
    phone: text(PHONE_MAX).refine((v) => v === "" || normalizePhone(v) !== null, "forms:phoneInvalid"),
    email: text(EMAIL_MAX).refine((v) => v === "" || isEmail(v), "forms:emailInvalid"),
    communeId: z
      .string()
      .max(ID_MAX)
      .refine((v) => v === "" || communeIds.has(v), "forms:communeUnknown"),
    ageBand: z.string().refine((v) => v === "" || (AGE_BANDS as readonly string[]).includes(v), "forms:invalidChoice"),
  });
  const parsed = schema.safeParse(Object.fromEntries(NEW_PERSON_FIELDS.map((name) => [name, read(form, name)])));
  if (!parsed.success) return { ok: false as const, errors: issuesOf(parsed.error) };
  const value = parsed.data;
  const ruledOut = form
    .getAll("ruledOut")
    .filter((id): id is string => typeof id === "string" && id.length > 0 && id.length <= ID_MAX)
    .slice(0, 20);
  return {
    ok: true as const,
    value: {
      firstName: value.firstName,
      lastName: value.lastName,
      phone: value.phone || null,
      email: value.email || null,
      communeId: value.communeId || null,
      ageBand: (value.ageBand || null) as AgeBand | null,
      ruledOut,
    },
  };
}

export const COUNT_FIELDS = ["count", "ageBand", "communeId"] as const;

export function parseAnonymousCount(form: FormData, communeIds: ReadonlySet<string>) {
  const schema = z.object({
    count: z
      .string()
      .trim()
      .refine((v) => v !== "", "walkIn:create.errors.count")
      .refine(
        (v) => v === "" || (/^\d{1,3}$/.test(v) && +v >= ANONYMOUS_COUNT_MIN && +v <= ANONYMOUS_COUNT_MAX),
        messageWithValues("walkIn:anonymous.countRange", { min: ANONYMOUS_COUNT_MIN, max: ANONYMOUS_COUNT_MAX }),
      ),
    ageBand: z.string().refine((v) => v === "" || (AGE_BANDS as readonly string[]).includes(v), "forms:invalidChoice"),
    communeId: z
      .string()
      .max(ID_MAX)
      .refine((v) => v === "" || communeIds.has(v), "forms:communeUnknown"),
  });
  const parsed = schema.safeParse(Object.fromEntries(COUNT_FIELDS.map((name) => [name, read(form, name)])));
  if (!parsed.success) return { ok: false as const, errors: issuesOf(parsed.error) };
  return {
    ok: true as const,
    value: {
      count: Number(parsed.data.count),
      ageBand: (parsed.data.ageBand || null) as AgeBand | null,
      communeId: parsed.data.communeId || null,
    },
  };
}

export function personIdOf(form: FormData): string | null {
  const id = read(form, "personId");
  return id !== "" && id.length <= ID_MAX ? id : null;
}

export function intentOf(form: FormData): "search" | "add" | "create" | "count" | null {
  const intent = read(form, "intent");
  return intent === "search" || intent === "add" || intent === "create" || intent === "count" ? intent : null;
}

/** The signature of a person the page showed (`signPick`): hex, bounded. */
export function pickOf(form: FormData): string | null {
  const pick = read(form, "pick");
  return /^[0-9a-f]{64}$/.test(pick) ? pick : null;
}

/** The search field, bounded (the domain refuses anything longer than its own maximum). */
export function queryOf(form: FormData): string {
  return read(form, "q").slice(0, 200);
}
