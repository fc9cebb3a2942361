import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { TextField } from "../ui/form-field";
import { AuthFormSummary, useFieldMessages } from "./auth-form-summary";

export const forgottenSchema = z.object({
  email: z
    .string({ required_error: "signIn.errors.emailRequired" })
    .trim()
    .min(1, "signIn.errors.emailRequired")
    .max(254, "signIn.errors.emailInvalid")
    .pipe(z.string().email("signIn.errors.emailInvalid")),
});

/** « Mot de passe oublié ? »: one email field; the same answer whether an account has it or not. */
export function useForgottenForm({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation("staff");
  const [form, fields] = useForm({
    id: "forgotten",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgottenSchema }),
  });
  const emailError = useFieldMessages(fields.email);
  const errorSummary = (
    <AuthFormSummary
      form={form}
      title={t("forgotten.errors.summaryTitle")}
      fields={[{ meta: fields.email, message: emailError }]}
    />
  );
  const formElement = (
    <Form method="post" {...getFormProps(form)}>
      <TextField
        meta={fields.email}
        label={t("forgotten.email")}
        error={emailError}
        type="email"
        autoComplete="username"
        inputMode="email"
        autoCapitalize="none"
      />
      <button type="submit" className="button button--primary">
        {t("forgotten.submit")}
      </button>
    </Form>
  );
  return { errorSummary, form: formElement, refused: (form.errors ?? []).length > 0 || emailError !== null };
}
