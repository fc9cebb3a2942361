import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

/** Messages are translation keys of the "retrieve" namespace, translated when shown. */
export const retrieveSchema = z.object({
  email: z
    .string({ required_error: "errors.emailRequired" })
    .trim()
    .min(1, "errors.emailRequired")
    .max(254, "errors.emailInvalid")
    .email("errors.emailInvalid"),
});

/** Where the form posts from every page that shows it (the request page, a failed link). */
export const RETRIEVE_ACTION = "/mes-reservations";

type Props = { lastResult?: SubmissionResult<string[]> | null };

/**
 * "Retrouver mes réservations": one email field. Works without JavaScript (the server answers
 * 400 with the message beside the field); with it, the same messages show before sending.
 */
export function ManageRetrieveForm({ lastResult }: Props) {
  const { t } = useTranslation("retrieve");
  const [form, fields] = useForm({
    id: "retrieve",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: retrieveSchema }),
  });
  const emailErrors = fields.email.errors ?? [];
  const formErrors = form.errors ?? [];
  const summary = [
    ...formErrors.map((message) => ({ message, href: null })),
    ...emailErrors.map((message) => ({ message, href: `#${fields.email.id}` })),
  ];
  const hintId = `${fields.email.id}-hint`;
  return (
    <Form method="post" action={RETRIEVE_ACTION} {...getFormProps(form)}>
      {summary.length > 0 ? (
        <div className="error-summary" id={form.errorId} role="alert" aria-labelledby={`${form.id}-errors-title`}>
          <h2 id={`${form.id}-errors-title`}>{t("errors.summaryTitle")}</h2>
          <ul>
            {summary.map(({ message, href }) => (
              <li key={message}>{href ? <a href={href}>{t(message)}</a> : t(message)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={fields.email.id}>{t("request.emailLabel")}</label>
        <span className="hint" id={hintId}>
          {t("request.emailHint")}
        </span>
        <input
          {...getInputProps(fields.email, { type: "email", ariaDescribedBy: hintId })}
          key={fields.email.key}
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
        />
        {emailErrors.length > 0 ? (
          <p className="field-error" id={fields.email.errorId}>
            {emailErrors.map((message) => t(message)).join(" ")}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button--primary">
        {t("request.submit")}
      </button>
    </Form>
  );
}
