import { describe, expect, test } from "vitest";

import { EMAIL_MAX, NAME_MAX } from "~/domain/people/limits";

import {
  CHOICES_SENT_FIELD,
  HONEYPOT_FIELD,
  parseBookingForm,
  remindersWantedOf,
  splitMessage,
  toPersonInput,
  type BookingFormOptions,
} from "./booking-form";

/** A form as the browser sends it: every field present, empty ones as "". */
function form(fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  const all = {
    firstName: "",
    lastName: "",
    email: "",
    phone: "",
    communeId: "",
    ageBand: "",
    preferredLanguage: "",
    helperEmail: "",
    [HONEYPOT_FIELD]: "",
    ...fields,
  };
  for (const [name, value] of Object.entries(all)) data.append(name, value);
  return data;
}

const valid = { firstName: "Marie", lastName: "Dupont", email: "marie.dupont@orange.fr" };

/** The errors of a refused form, by field ("" for the form itself); fails the test if it was accepted. */
function errorsOf(fields: Record<string, string>, options?: BookingFormOptions) {
  const submission = parseBookingForm(form(fields), options);
  if (submission.status === "success") throw new Error("the form should have been refused");
  return submission.error ?? {};
}

describe("parseBookingForm", () => {
  test("missing names: 'required' on both the first and the last name", () => {
    const errors = errorsOf({ email: valid.email });
    expect(errors.firstName).toEqual(["forms:required"]);
    expect(errors.lastName).toEqual(["forms:required"]);
  });

  test("names of spaces only count as missing", () => {
    const errors = errorsOf({ ...valid, firstName: "   ", lastName: "\t" });
    expect(errors.firstName).toEqual(["forms:required"]);
    expect(errors.lastName).toEqual(["forms:required"]);
  });

  test("neither email nor phone: 'an email or a phone' on both fields", () => {
    const errors = errorsOf({ firstName: "Marie", lastName: "Dupont" });
    expect(errors.email).toEqual(["forms:contactRequired"]);
    expect(errors.phone).toEqual(["forms:contactRequired"]);
    expect(errors.firstName).toBeUndefined();
  });

  test("every missing piece is said at the first try, names and contact together", () => {
    const errors = errorsOf({});
    expect(errors.firstName).toEqual(["forms:required"]);
    expect(errors.lastName).toEqual(["forms:required"]);
    expect(errors.email).toEqual(["forms:contactRequired"]);
    expect(errors.phone).toEqual(["forms:contactRequired"]);
  });

  test("an invalid email gets its own message, not 'an email or a phone'", () => {
    const errors = errorsOf({ ...valid, email: "marie.dupont@" });
    expect(errors.email).toEqual(["forms:emailInvalid"]);
    expect(errors.phone).toBeUndefined();
  });

  test("an invalid helper email is refused too", () => {
    const errors = errorsOf({ ...valid, helperEmail: "fille-de-marie" });
    expect(errors.helperEmail).toEqual(["forms:emailInvalid"]);
  });

  test("an invalid phone gets its own message", () => {
    const errors = errorsOf({ firstName: "Marie", lastName: "Dupont", phone: "06 12 34" });
    expect(errors.phone).toEqual(["forms:phoneInvalid"]);
    expect(errors.email).toBeUndefined();
  });

  test("a 10,000-character name is too long, and the message carries the maximum", () => {
    const errors = errorsOf({ ...valid, firstName: "A".repeat(10_000) });
    expect(errors.firstName).toHaveLength(1);
    const { key, values } = splitMessage(errors.firstName![0]);
    expect(key).toBe("forms:tooLong");
    expect(values).toEqual({ max: String(NAME_MAX) });
    expect(errors.lastName).toBeUndefined();
  });

  test("names and emails are accepted up to their maximum and refused one character beyond", () => {
    const name = "A".repeat(NAME_MAX);
    expect(parseBookingForm(form({ ...valid, firstName: name, lastName: name })).status).toBe("success");
    expect(splitMessage(errorsOf({ ...valid, lastName: `${name}A` }).lastName![0]).key).toBe("forms:tooLong");

    // The longest address RFC 5321 allows: a 64-character local part and a domain filling the rest.
    const domain = `${"d".repeat(61)}.${"e".repeat(61)}.${"f".repeat(61)}.${"g".repeat(EMAIL_MAX - 64 - 1 - 3 * 62)}`;
    const longest = `${"l".repeat(64)}@${domain}`;
    expect(longest.length).toBe(EMAIL_MAX);
    expect(parseBookingForm(form({ ...valid, email: longest })).status).toBe("success");
    const { key, values } = splitMessage(errorsOf({ ...valid, email: `l${longest}` }).email![0]);
    expect({ key, values }).toEqual({ key: "forms:tooLong", values: { max: String(EMAIL_MAX) } });
  });

  test("a phone is stored as people read it, whatever its writing", () => {
    const submission = parseBookingForm(form({ ...valid, phone: "+33 (0)6.12.34.56.78" }));
    if (submission.status !== "success") throw new Error("the form should have been accepted");
    expect(toPersonInput(submission.value, "fr").phone).toBe("06 12 34 56 78");
  });

  test("a forged commune id is unknown when the server gives the communes", () => {
    const communeIds = new Set(["commune-montolieu", "commune-arzens"]);
    const errors = errorsOf({ ...valid, communeId: "commune-forged" }, { communeIds });
    expect(errors.communeId).toEqual(["forms:communeUnknown"]);

    const accepted = parseBookingForm(form({ ...valid, communeId: "commune-arzens" }), { communeIds });
    expect(accepted.status).toBe("success");
  });

  test("the browser, which does not know the communes, lets any id through to the server", () => {
    const submission = parseBookingForm(form({ ...valid, communeId: "commune-forged" }));
    expect(submission.status).toBe("success");
  });

  test("a filled spam trap is a form error 'not sent', with no field blamed", () => {
    const errors = errorsOf({ ...valid, [HONEYPOT_FIELD]: "https://spam.example" });
    expect(errors[""]).toEqual(["forms:notSent"]);
    expect(errors.firstName).toBeUndefined();
    expect(errors.email).toBeUndefined();
  });

  test("an unknown age band or language is an invalid choice", () => {
    const errors = errorsOf({ ...valid, ageBand: "FROM_0_TO_1", preferredLanguage: "de" });
    expect(errors.ageBand).toEqual(["forms:invalidChoice"]);
    expect(errors.preferredLanguage).toEqual(["forms:invalidChoice"]);
  });

  test("a checkbox sending anything but 'on' is an invalid choice", () => {
    const errors = errorsOf({ ...valid, consentReminders: "yes" });
    expect(errors.consentReminders).toEqual(["forms:invalidChoice"]);
  });

  test("a valid form gives trimmed text, null for what was left empty, and booleans", () => {
    const submission = parseBookingForm(
      form({
        firstName: "  Marie ",
        lastName: "Dupont",
        email: " marie.dupont@orange.fr ",
        ageBand: "FROM_60_TO_69",
        consentSuggestions: "on",
      }),
    );
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toEqual({
      firstName: "Marie",
      lastName: "Dupont",
      email: "marie.dupont@orange.fr",
      phone: null,
      communeId: null,
      ageBand: "FROM_60_TO_69",
      preferredLanguage: null,
      consentReminders: false,
      consentSuggestions: true,
      [CHOICES_SENT_FIELD]: "",
      helperEmail: null,
      [HONEYPOT_FIELD]: "",
    });
  });

  test("a phone alone is enough, and is kept as the person wrote it", () => {
    const submission = parseBookingForm(form({ firstName: "Odette", lastName: "Fabre", phone: "06 12 34 56 78" }));
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.phone).toBe("06 12 34 56 78");
    expect(submission.value.email).toBeNull();
  });
});

describe("toPersonInput", () => {
  function validValue(fields: Record<string, string> = {}) {
    const submission = parseBookingForm(form({ ...valid, ...fields }));
    if (submission.status !== "success") throw new Error("the form should be valid");
    return submission.value;
  }

  test("falls back to the page's language when none was chosen", () => {
    expect(toPersonInput(validValue(), "ar").preferredLanguage).toBe("ar");
  });

  test("keeps the language the person chose over the page's", () => {
    expect(toPersonInput(validValue({ preferredLanguage: "es" }), "fr").preferredLanguage).toBe("es");
  });

  test("gives the services the person's fields, without the spam trap", () => {
    const person = toPersonInput(validValue({ consentSuggestions: "on" }), "fr");
    expect(person).toEqual({
      firstName: "Marie",
      lastName: "Dupont",
      email: "marie.dupont@orange.fr",
      phone: null,
      communeId: null,
      ageBand: null,
      preferredLanguage: "fr",
      consentSuggestions: true,
      helperEmail: null,
    });
    expect(person).not.toHaveProperty(HONEYPOT_FIELD);
  });
});

describe("the reminders box, ticked by default", () => {
  function validValue(fields: Record<string, string> = {}) {
    const submission = parseBookingForm(form({ ...valid, ...fields }));
    if (submission.status !== "success") throw new Error("the form should be valid");
    return submission.value;
  }

  test("a drawn form sent with the box left ticked wants reminders", () => {
    expect(remindersWantedOf(validValue({ [CHOICES_SENT_FIELD]: "1", consentReminders: "on" }))).toBe(true);
  });

  test("a drawn form sent with the box unticked (nothing sent for it) wants none", () => {
    expect(remindersWantedOf(validValue({ [CHOICES_SENT_FIELD]: "1" }))).toBe(false);
  });

  test("a post that was not a drawn form keeps the default: reminders on", () => {
    expect(remindersWantedOf(validValue())).toBe(true);
  });

  test("a form sent back with errors keeps what was chosen: an unticked box stays unticked", () => {
    const submission = parseBookingForm(form({ [CHOICES_SENT_FIELD]: "1", consentSuggestions: "on" }));
    if (submission.status === "success") throw new Error("the form should have been refused");
    const { initialValue } = submission.reply();
    expect(initialValue).toMatchObject({ consentSuggestions: "on" });
    expect(initialValue).not.toHaveProperty("consentReminders");
    const ticked = parseBookingForm(form({ [CHOICES_SENT_FIELD]: "1", consentReminders: "on" }));
    expect(ticked.reply().initialValue).toMatchObject({ consentReminders: "on" });
  });
});

describe("free text is refused with control characters or bidi overrides", () => {
  test("NUL, an ESC sequence, a line break: a message beside the field, the rest of the form kept", () => {
    const submission = parseBookingForm(form({ ...valid, firstName: "Ma\u0000rie", lastName: "\u001b[2JDupont" }));
    if (submission.status === "success") throw new Error("the form should have been refused");
    expect(submission.error).toEqual({ firstName: ["forms:safeText.control"], lastName: ["forms:safeText.control"] });
    expect(submission.reply().initialValue).toMatchObject({ email: valid.email, firstName: "Ma\u0000rie" });
    expect(errorsOf({ ...valid, lastName: "Du\npont" })).toEqual({ lastName: ["forms:safeText.control"] });
  });

  test("U+202E and the isolates: a message about the direction of writing", () => {
    expect(errorsOf({ ...valid, firstName: "Marie\u202Eeiram" })).toEqual({ firstName: ["forms:safeText.bidi"] });
    expect(errorsOf({ ...valid, lastName: "\u2067Dupont\u2069" })).toEqual({ lastName: ["forms:safeText.bidi"] });
  });

  test("emails and the phone too", () => {
    expect(errorsOf({ ...valid, email: "marie\u0000@orange.fr" }).email?.[0]).toBe("forms:safeText.control");
    expect(errorsOf({ ...valid, helperEmail: "aide\u202E@orange.fr" }).helperEmail?.[0]).toBe("forms:safeText.bidi");
    expect(errorsOf({ ...valid, phone: "06\u000012345678" }).phone?.[0]).toBe("forms:safeText.control");
  });

  test("a name pasted with a line break at its end is trimmed and accepted", () => {
    const submission = parseBookingForm(form({ ...valid, firstName: "Marie\n" }));
    expect(submission.status).toBe("success");
  });
});
