import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { DocumentTitle } from "~/components/ui/document-title";
import { checkStaffPassword } from "~/services/staff-sign-in.server";
import { env } from "~/utils/env.server";
import { readFormData } from "~/utils/form-data.server";
import { getRequestT } from "~/utils/i18n.server";
import { safeRedirectPath } from "~/utils/redirect";
import { getStaffActor, startStaffSession } from "~/utils/staff-auth.server";

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

const HOME = "/pro/ateliers";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getStaffActor(request)) throw redirect(HOME, 303);
  const { t } = await getRequestT(request, "staff");
  return { title: t("signIn.title") };
}

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const email = text(form.get("email"));
  const password = text(form.get("password"));
  const outcome = await checkStaffPassword({ email, password });
  if (!outcome.ok) return data({ error: "signIn.errors.badCredentials", email }, { status: 400 });
  const { setCookie } = await startStaffSession(request, outcome.userId);
  const back = text(form.get("redirectTo"));
  const safe = safeRedirectPath(back, env.APP_URL, HOME);
  const target = safe && safe.startsWith("/pro/") ? safe : HOME;
  return redirect(target, { status: 303, headers: { "Set-Cookie": setCookie } });
}

export default function SignIn() {
  const { t } = useTranslation("staff");
  const failed = useActionData<typeof action>();
  const [search] = useSearchParams();
  return (
    <div className="page narrow">
      <DocumentTitle title={t("signIn.title")} refused={Boolean(failed)} />
      <h1>{t("signIn.title")}</h1>
      {failed ? (
        <p className="field-error" role="alert">
          {t(failed.error)}
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="redirectTo" value={search.get("redirectTo") ?? ""} />
        <div className="field">
          <label htmlFor="email">{t("signIn.email")}</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            defaultValue={failed?.email ?? ""}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t("signIn.password")}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button type="submit" className="button button--primary">
          {t("signIn.submit")}
        </button>
      </Form>
    </div>
  );
}
