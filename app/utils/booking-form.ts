// The resident's booking form (a session or a whole course), shared by the browser (instant
// messages with Conform) and the server (the only check that counts). Messages are translation
// keys, translated when the form is drawn, so one schema serves every language.
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { formatPhone, normalizePhone } from "~/domain/people/contact";
import { EMAIL_MAX, NAME_MAX, PHONE_MAX } from "~/domain/people/limits";
import { AgeBand } from "~/generated/prisma/enums";
import { isLanguage, supportedLanguages, type Language } from "~/utils/i18n";
import { messageWithValues, refuseUnsafeText } from "~/utils/form-messages";

// Kept here too, where the booking form's users have always found them.
export { messageWithValues, splitMessage } from "~/utils/form-messages";

export const BOOKING_FORM_ID = "booking-form";

/**
 * The spam trap: a field people never see nor reach with the keyboard, with an ordinary name so
 * that robots fill it in. A filled trap gets a 400 with a neutral "not sent" message and nothing is
 * booked. We chose a visible refusal over a pretended success because a person whose browser
 * autofilled it by mistake must not leave believing they have a seat; the trap comes back empty,
 * so sending the form again works.
 */
export const HONEYPOT_FIELD = "website";

/**
 * A hidden field every drawn form sends. An unticked box sends nothing, so "absent" means
 * "unticked" only on a form that was really drawn and sent; a post without it (an old page, a
 * script) keeps the boxes' defaults: reminders on, suggestions off.
 */
export const CHOICES_SENT_FIELD = "choices";

/** The boxes as a new form draws them: reminders ticked (they are part of the service), suggestions not. */
export const CHOICE_DEFAULTS = { consentReminders: "on" } as const;

export const AGE_BANDS = Object.values(AgeBand) as readonly AgeBand[];

/** Longest id we accept for a commune before even looking it up (cuid is 25 characters). */
const ID_MAX = 64;

export const formMessages = {
  required: "forms:required",
  tooLong: "forms:tooLong",
  emailInvalid: "forms:emailInvalid",
  phoneInvalid: "forms:phoneInvalid",
  contactRequired: "forms:contactRequired",
  communeUnknown: "forms:communeUnknown",
  invalidChoice: "forms:invalidChoice",
  invalid: "forms:invalid",
  notSent: "forms:notSent",
} as const;

const tooLong = (max: number) => messageWithValues(formMessages.tooLong, { max });
const isEmail = (value: string) => z.string().email().safeParse(value).success;

// Every field defaults to "" and fails through refinements, never through a type error: Zod skips
// the object-level checks (at least one contact, the trap) once a field has a type error, and the
// resident should hear about every missing piece at the first try.
const text = (max: number) => z.string().trim().max(max, tooLong(max)).superRefine(refuseUnsafeText).default("");

const requiredName = text(NAME_MAX).refine((value) => value !== "", formMessages.required);

const optionalEmail = text(EMAIL_MAX).refine(
  (value) => value === "" || value.length > EMAIL_MAX || isEmail(value),
  formMessages.emailInvalid,
);

const optionalPhone = text(PHONE_MAX).refine(
  (value) => value === "" || value.length > PHONE_MAX || normalizePhone(value) !== null,
  formMessages.phoneInvalid,
);

const checkbox = z
  .string()
  .default("")
  .refine((value) => value === "" || value === "on", formMessages.invalidChoice)
  .transform((value) => value === "on");

function oneOf<T extends string>(values: readonly T[]) {
  return z
    .string()
    .trim()
    .max(ID_MAX, formMessages.invalidChoice)
    .default("")
    .refine((value) => value === "" || (values as readonly string[]).includes(value), formMessages.invalidChoice)
    .transform((value) => (value === "" ? null : (value as T)));
}

const orNull = (value: string) => (value === "" ? null : value);

export type BookingFormOptions = {
  /** Server side: the communes that exist, so a forged id is a field error and not a database error. */
  communeIds?: ReadonlySet<string>;
};

export function createBookingFormSchema(options: BookingFormOptions = {}) {
  const { communeIds } = options;
  return z
    .object({
      firstName: requiredName,
      lastName: requiredName,
      email: optionalEmail.transform(orNull),
      phone: optionalPhone.transform(orNull),
      communeId: z
        .string()
        .trim()
        .max(ID_MAX, formMessages.communeUnknown)
        .default("")
        .refine((value) => value === "" || !communeIds || communeIds.has(value), formMessages.communeUnknown)
        .transform(orNull),
      ageBand: oneOf(AGE_BANDS),
      preferredLanguage: oneOf(supportedLanguages),
      /** "Recevoir des rappels avant l'atelier": stored on the booking as `remindersWanted`. */
      consentReminders: checkbox,
      /** Optional messages: suggestions of other workshops (the only box that needs a tick). */
      consentSuggestions: checkbox,
      [CHOICES_SENT_FIELD]: z.string().max(ID_MAX).default(""),
      helperEmail: optionalEmail.transform(orNull),
      [HONEYPOT_FIELD]: z.string().default(""),
    })
    .superRefine((value, ctx) => {
      if (value.email === null && value.phone === null) {
        // An invalid email or phone already has its own message; this one is for two empty fields.
        for (const path of ["email", "phone"]) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message: formMessages.contactRequired });
        }
      }
      if (value[HONEYPOT_FIELD] !== "") {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [], message: formMessages.notSent });
      }
    });
}

/** The browser's copy: it cannot know the communes, the server checks them. */
export const bookingFormSchema = createBookingFormSchema();

export type BookingFormValue = z.output<typeof bookingFormSchema>;

/** Any issue without a message of ours (a forged payload) still gets a translated one. */
const fallbackErrorMap: z.ZodErrorMap = () => ({ message: formMessages.invalid });

export function parseBookingForm(formData: FormData, options: BookingFormOptions = {}) {
  const schema = options.communeIds ? createBookingFormSchema(options) : bookingFormSchema;
  return parseWithZod(formData, { schema, errorMap: fallbackErrorMap });
}

/** The reminders choice of a valid form: the ticked-by-default box, unless a drawn form came back without it. */
export function remindersWantedOf(value: BookingFormValue): boolean {
  return value[CHOICES_SENT_FIELD] === "" ? true : value.consentReminders;
}

/**
 * What the booking services take as a person (their `PersonInput`), from a valid form. The
 * language falls back to the page's one when the field was left out; it is also the language
 * of the booking's messages.
 */
export function toPersonInput(value: BookingFormValue, pageLanguage: Language) {
  return {
    firstName: value.firstName,
    lastName: value.lastName,
    email: value.email,
    phone: formatPhone(value.phone) ?? value.phone,
    communeId: value.communeId,
    ageBand: value.ageBand,
    preferredLanguage: isLanguage(value.preferredLanguage) ? value.preferredLanguage : pageLanguage,
    consentSuggestions: value.consentSuggestions,
    helperEmail: value.helperEmail,
  };
}
