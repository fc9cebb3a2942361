import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { TextField } from "../ui/form-field";
import { AuthFormSummary, useFieldMessages } from "./auth-form-summary";

/** Messages are translation keys of the "staff" namespace. */
export const signInSchema = z.object({
  email: z
    .string({ required_error: "signIn.errors.emailRequired" })
    .trim()
    .min(1, "signIn.errors.emailRequired")
    .max(254, "signIn.errors.emailInvalid")
    .pipe(z.string().email("signIn.errors.emailInvalid")),
  password: z.string({ required_error: "signIn.errors.passwordRequired" }).min(1, "signIn.errors.passwordRequired"),
  redirectTo: z.string().optional(),
});

export const FORGOTTEN_PATH = "/pro/mot-de-passe-oublie";
/** The same as SIGN_IN_PATH of staff-auth.server.ts, for links drawn in the browser too. */
export const SIGN_IN_PAGE = "/pro/connexion";

/**
 * « Adresse e-mail », « Mot de passe », « Se connecter ». Works without JavaScript (the server
 * answers 400 or 429 with the messages); the password is never sent back into the page.
 */
export function useSignInForm({
  lastResult,
  redirectTo,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  redirectTo: string;
}) {
  const { t } = useTranslation("staff");
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
  });
  // After a refusal the password field starts empty, with JavaScript as without (where the
  // server never sends it back): a new key for each answer mounts a fresh field.
  const [answers, setAnswers] = useState(0);
  useEffect(() => {
    if (lastResult) setAnswers((count) => count + 1);
  }, [lastResult]);
  const emailError = useFieldMessages(fields.email);
  const passwordError = useFieldMessages(fields.password);
  const errorSummary = (
    <AuthFormSummary
      form={form}
      title={t("signIn.errors.summaryTitle")}
      fields={[
        { meta: fields.email, message: emailError },
        { meta: fields.password, message: passwordError },
      ]}
    />
  );
  const formElement = (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <TextField
        meta={fields.email}
        label={t("signIn.email")}
        error={emailError}
        type="email"
        autoComplete="username"
        inputMode="email"
        autoCapitalize="none"
      />
      <TextField
        key={`password-${answers}`}
        meta={fields.password}
        label={t("signIn.password")}
        error={passwordError}
        type="password"
        autoComplete="current-password"
        autoCapitalize="none"
      />
      <div className="actions auth-actions">
        <button type="submit" className="button button--primary">
          {t("signIn.submit")}
        </button>
        <Link to={FORGOTTEN_PATH} className="auth-link">
          {t("signIn.forgotten")}
        </Link>
      </div>
    </Form>
  );
  const refused = (form.errors ?? []).length > 0 || emailError !== null || passwordError !== null;
  return { errorSummary, form: formElement, refused };
}
