import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  AGE_BANDS,
  BOOKING_FORM_ID,
  CHOICE_DEFAULTS,
  CHOICES_SENT_FIELD,
  HONEYPOT_FIELD,
  parseBookingForm,
  splitMessage,
} from "~/utils/booking-form";
import { supportedLanguages, type Language } from "~/utils/i18n";
import { ErrorSummary } from "./ui/error-summary";
import { CheckboxField, SelectField, TextField } from "./ui/form-field";

/**
 * A message key from the schema or the action ("forms:required", "booking:refusal.BOOKING_CLOSED",
 * "forms:tooLong?max=100") in the page's language. A field may word a message its own way
 * (forms:fieldErrors.firstName.required: "Indiquez votre prénom.").
 */
export function translateFormMessage(t: TFunction, message: string, fieldName?: string): string {
  const { key, values } = splitMessage(message);
  const [namespace, path] = key.includes(":") ? key.split(":", 2) : ["forms", key];
  const keys = fieldName
    ? [`${namespace}:fieldErrors.${fieldName}.${path}`, `${namespace}:${path}`]
    : [`${namespace}:${path}`];
  return t(keys, values);
}

/** The form's fields in page order: the error summary lists problems in the same order. */
const FIELD_ORDER = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "communeId",
  "ageBand",
  "preferredLanguage",
  "consentReminders",
  "consentSuggestions",
  "helperEmail",
] as const;

type FieldName = (typeof FIELD_ORDER)[number];

/** Refusals that are best followed by a way to find the existing booking. */
const REFUSALS_WITH_BOOKINGS_LINK = new Set([
  "booking:refusal.ALREADY_BOOKED",
  "booking:refusal.ALREADY_ENROLLED",
  "booking:refusal.COURSE_ALREADY_BOOKED",
  "booking:neutralRefusal.session",
  "booking:neutralRefusal.course",
]);

type CommuneOption = { id: string; name: string; postcode: string };

type Props = {
  /** What the action answered last (`submission.reply()`), to show its messages and keep what was typed. */
  lastResult: SubmissionResult<string[]> | null | undefined;
  communes: readonly CommuneOption[];
  /** The page's language: the messages' language unless the person picks another. */
  defaultLanguage: Language;
  submitLabel: string;
  /** Where "Retrouver mes réservations" lives, for the "already booked" message. */
  findBookingsPath: string;
};

/**
 * The booking form, for a session or a whole course: one column, a label and a short hint above
 * each field, "(facultatif)" on the optional ones, and, when something is wrong, a summary that
 * takes the focus and links to each field. It works as a plain form without JavaScript.
 *
 * The page places the two parts: `errorSummary` first in `main` (a refused form sent without
 * JavaScript comes back at the top of the page, where the summary must then be), `form` where
 * the form goes; `refused` says the title should begin with « Erreur : ».
 */
export function useBookingForm({ lastResult, communes, defaultLanguage, submitLabel, findBookingsPath }: Props) {
  const { t } = useTranslation("forms");
  const navigation = useNavigation();
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusSummary = useRef(false);
  const [, setInvalidSubmits] = useState(0);

  const [form, fields] = useForm({
    id: BOOKING_FORM_ID,
    lastResult,
    // A form that comes back with errors shows what was sent instead (an unticked box stays unticked).
    defaultValue: { preferredLanguage: defaultLanguage, ...CHOICE_DEFAULTS },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseBookingForm(formData),
  });

  // The summary takes the focus after the server answered with errors, and after a submit the
  // browser refused; screen readers then read it, and everyone sees it. Conform shows a new answer
  // one render later, so the focus waits for the summary to be there, and happens once per answer
  // (never while the person is typing and messages update).
  useEffect(() => {
    if (lastResult?.error) focusSummary.current = true;
  }, [lastResult]);
  useEffect(() => {
    if (focusSummary.current && summaryRef.current) {
      focusSummary.current = false;
      summaryRef.current.focus();
    }
  });

  const fieldErrors = FIELD_ORDER.flatMap((name) => {
    const first = fields[name].errors?.[0];
    return first ? [{ name, id: fields[name].id, message: translateFormMessage(t, first, name) }] : [];
  });
  // "An email or a phone" is said once, linked to the email field.
  const summaryItems = fieldErrors.filter(
    (item, index) => fieldErrors.findIndex((other) => other.message === item.message) === index,
  );
  const formErrors = form.errors ?? [];

  const formProps = getFormProps(form, { ariaAttributes: false });
  const submitting = navigation.state === "submitting" && navigation.formMethod?.toUpperCase() === "POST";

  const errorOf = (name: FieldName) => {
    const first = fields[name].errors?.[0];
    return first ? translateFormMessage(t, first, name) : null;
  };

  const errorSummary = (
    <ErrorSummary
      ref={summaryRef}
      className="page narrow"
      title={t("errorSummary.title")}
      titleId="error-summary-title"
      formMessages={formErrors.map((message) => ({
        key: message,
        content: (
          <>
            {translateFormMessage(t, message)}
            {REFUSALS_WITH_BOOKINGS_LINK.has(message) ? (
              <Link className="block" to={findBookingsPath}>
                {t("booking:findMyBookings")}
              </Link>
            ) : null}
          </>
        ),
      }))}
      intro={t("errorSummary.intro")}
      fieldLinks={summaryItems.map((item) => ({ key: item.name, href: `#${item.id}`, message: item.message }))}
    />
  );

  const formElement = (
    <Form
      method="post"
      {...formProps}
      // Always our own messages, also without JavaScript: the browser's bubbles are easy to miss.
      noValidate
      onSubmit={(event) => {
        formProps.onSubmit(event);
        if (event.defaultPrevented) {
          focusSummary.current = true;
          // Renders again even when the messages are the same as before, so the focus moves.
          setInvalidSubmits((count) => count + 1);
        }
      }}
      className="booking-form"
    >
      <fieldset className="form-group">
        <legend>{t("sections.you")}</legend>
        <TextField
          meta={fields.firstName}
          label={t("fields.firstName.label")}
          error={errorOf("firstName")}
          type="text"
          autoComplete="given-name"
        />
        <TextField
          meta={fields.lastName}
          label={t("fields.lastName.label")}
          error={errorOf("lastName")}
          type="text"
          autoComplete="family-name"
        />
      </fieldset>

      <fieldset className="form-group" aria-describedby="contact-hint">
        <legend>{t("sections.contact")}</legend>
        <p id="contact-hint" className="hint">
          {t("sections.contactHint")}
        </p>
        <TextField
          meta={fields.email}
          label={t("fields.email.label")}
          hint={t("fields.email.hint")}
          error={errorOf("email")}
          type="email"
          autoComplete="email"
          inputMode="email"
        />
        <TextField
          meta={fields.phone}
          label={t("fields.phone.label")}
          hint={t("fields.phone.hint")}
          error={errorOf("phone")}
          type="tel"
          autoComplete="tel"
          inputMode="tel"
        />
      </fieldset>

      <fieldset className="form-group">
        <legend>{t("sections.more")}</legend>
        <SelectField
          meta={fields.communeId}
          label={t("fields.communeId.label")}
          marker={t("recommended")}
          hint={t("fields.communeId.hint")}
          error={errorOf("communeId")}
          autoComplete="address-level2"
        >
          <option value="">{t("fields.communeId.none")}</option>
          {communes.map((commune) => (
            <option key={commune.id} value={commune.id}>
              {t("fields.communeId.option", { name: commune.name, postcode: commune.postcode })}
            </option>
          ))}
        </SelectField>
        <SelectField
          meta={fields.ageBand}
          label={t("fields.ageBand.label")}
          marker={t("optional")}
          error={errorOf("ageBand")}
        >
          <option value="">{t("fields.ageBand.none")}</option>
          {AGE_BANDS.map((band) => (
            <option key={band} value={band}>
              {t(`fields.ageBand.values.${band}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          meta={fields.preferredLanguage}
          label={t("fields.preferredLanguage.label")}
          error={errorOf("preferredLanguage")}
        >
          {supportedLanguages.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`common:language.names.${language}`)}
            </option>
          ))}
        </SelectField>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t("sections.messages")}</legend>
        {/* Messages about this booking need no box: they go to the contact given above. */}
        <p className="hint">{t("sections.messagesHint")}</p>
        <input type="hidden" name={CHOICES_SENT_FIELD} value="1" />
        <CheckboxField
          meta={fields.consentReminders}
          label={t("fields.consentReminders.label")}
          error={errorOf("consentReminders")}
        />
        <CheckboxField
          meta={fields.consentSuggestions}
          label={t("fields.consentSuggestions.label")}
          error={errorOf("consentSuggestions")}
        />
        <TextField
          meta={fields.helperEmail}
          label={t("fields.helperEmail.label")}
          marker={t("optional")}
          hint={t("fields.helperEmail.hint")}
          error={errorOf("helperEmail")}
          type="email"
          autoComplete="off"
          inputMode="email"
        />
      </fieldset>

      {/* The spam trap (see HONEYPOT_FIELD): off screen, out of the tab order, hidden from
          assistive technology, and never refilled. */}
      <div className="booking-form__trap" aria-hidden="true">
        <label htmlFor={`${BOOKING_FORM_ID}-${HONEYPOT_FIELD}`}>{t("fields.website.label")}</label>
        <input
          id={`${BOOKING_FORM_ID}-${HONEYPOT_FIELD}`}
          name={HONEYPOT_FIELD}
          type="text"
          tabIndex={-1}
          autoComplete="off"
          defaultValue=""
        />
      </div>

      <p className="booking-form__submit">
        <button type="submit" className="button button--primary button--large">
          {submitting ? t("booking:sending") : submitLabel}
        </button>
      </p>
    </Form>
  );

  return { errorSummary, form: formElement, refused: formErrors.length > 0 || summaryItems.length > 0 };
}
