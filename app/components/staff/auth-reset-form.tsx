import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { TextField } from "../ui/form-field";
import { AuthFormSummary, useFieldMessages } from "./auth-form-summary";

export const PASSWORD_MIN_LENGTH = 12;
/** bcrypt reads the first 72 bytes only: a longer password would be cut without a word. */
export const PASSWORD_MAX_BYTES = 72;

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

export const resetSchema = z
  .object({
    password: z
      .string({ required_error: "reset.errors.passwordRequired" })
      .min(PASSWORD_MIN_LENGTH, "reset.errors.passwordTooShort")
      .refine((password) => utf8Length(password) <= PASSWORD_MAX_BYTES, "reset.errors.passwordTooLong"),
    confirmation: z.string({ required_error: "reset.errors.confirmationRequired" }),
  })
  .refine((value) => value.password === value.confirmation, {
    path: ["confirmation"],
    message: "reset.errors.confirmationMismatch",
  });

/** The new password twice; neither is ever sent back into the page. */
export function useResetForm({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation("staff");
  const [form, fields] = useForm({
    id: "reset",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetSchema }),
  });
  const passwordError = useFieldMessages(fields.password);
  const confirmationError = useFieldMessages(fields.confirmation);
  const errorSummary = (
    <AuthFormSummary
      form={form}
      title={t("reset.errors.summaryTitle")}
      fields={[
        { meta: fields.password, message: passwordError },
        { meta: fields.confirmation, message: confirmationError },
      ]}
    />
  );
  const formElement = (
    <Form method="post" {...getFormProps(form)}>
      <TextField
        meta={fields.password}
        label={t("reset.password")}
        hint={t("reset.passwordHint")}
        error={passwordError}
        type="password"
        autoComplete="new-password"
        autoCapitalize="none"
      />
      <TextField
        meta={fields.confirmation}
        label={t("reset.confirmation")}
        error={confirmationError}
        type="password"
        autoComplete="new-password"
        autoCapitalize="none"
      />
      <button type="submit" className="button button--primary">
        {t("reset.submit")}
      </button>
    </Form>
  );
  const refused = (form.errors ?? []).length > 0 || passwordError !== null || confirmationError !== null;
  return { errorSummary, form: formElement, refused };
}
