import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { refuseUnsafeText, splitMessage } from "~/utils/form-messages";
import { ErrorSummary } from "./ui/error-summary";
import { TextField } from "./ui/form-field";

/** Messages are translation keys of the "retrieve" namespace, translated when shown. */
export const retrieveSchema = z.object({
  email: z
    .string({ required_error: "errors.emailRequired" })
    .trim()
    .min(1, "errors.emailRequired")
    .max(254, "errors.emailInvalid")
    .superRefine(refuseUnsafeText)
    // Only once the text is safe and of a sensible length: one message at a time.
    .pipe(z.string().email("errors.emailInvalid")),
});

/** Where the form posts from every page that shows it (the request page, a failed link). */
export const RETRIEVE_ACTION = "/mes-reservations";

type Props = { lastResult?: SubmissionResult<string[]> | null };

/**
 * "Retrouver mes réservations": one email field. Works without JavaScript (the server answers
 * 400 with the message beside the field); with it, the same messages show before sending.
 * The page places the summary (first in `main` on the request page) and the form.
 */
export function useRetrieveForm({ lastResult }: Props) {
  const { t } = useTranslation("retrieve");
  const [form, fields] = useForm({
    id: "retrieve",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: retrieveSchema }),
  });
  const emailErrors = (fields.email.errors ?? []).map((message) => t(message));
  const formErrors = form.errors ?? [];
  const errorSummary = (
    <ErrorSummary
      id={form.errorId}
      className="page narrow"
      title={t("errors.summaryTitle")}
      titleId={`${form.id}-errors-title`}
      formMessages={formErrors.map((message) => {
        // A refusal may carry values: "rateLimit:link?when=…&phone=…".
        const { key, values } = splitMessage(message);
        return { key: message, content: t(key, values) };
      })}
      fieldLinks={emailErrors.map((message) => ({ key: message, href: `#${fields.email.id}`, message }))}
    />
  );
  const formElement = (
    <Form method="post" action={RETRIEVE_ACTION} {...getFormProps(form)}>
      <TextField
        meta={fields.email}
        label={t("request.emailLabel")}
        hint={t("request.emailHint")}
        error={emailErrors.length > 0 ? emailErrors.join(" ") : null}
        type="email"
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
      />
      <button type="submit" className="button button--primary">
        {t("request.submit")}
      </button>
    </Form>
  );
  return { errorSummary, form: formElement, refused: formErrors.length > 0 || emailErrors.length > 0 };
}

/** The form with its summary just above it, for pages where it is not the main thing. */
export function ManageRetrieveForm({ lastResult }: Props) {
  const { errorSummary, form } = useRetrieveForm({ lastResult });
  return (
    <>
      {errorSummary}
      {form}
    </>
  );
}
