import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { signInSchema, useSignInForm } from "~/components/staff/auth-sign-in-form";
import { DocumentTitle } from "~/components/ui/document-title";
import { staffRateLimitRefusal } from "~/services/rate-limits.server";
import { signInStaff } from "~/services/staff-sign-in.server";
import authStyles from "~/styles/auth.css";
import { env } from "~/utils/env.server";
import { readFormData } from "~/utils/form-data.server";
import { getRequestT } from "~/utils/i18n.server";
import { safeRedirectPath } from "~/utils/redirect";
import { withRetryAfter } from "~/utils/retry-after-headers";
import { getStaffActor } from "~/utils/staff-auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];
export const headers = withRetryAfter();
// The title is drawn by the page (DocumentTitle, decisions/020): a refused form prefixes it.
export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

const HOME = "/pro/ateliers";
/** What the sign-in page says on arrival: after signing out, after a new password. */
const NOTICES = { deconnecte: "signIn.signedOut", "mot-de-passe-change": "signIn.passwordChanged" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getStaffActor(request)) throw redirect(HOME, 303);
  const { t } = await getRequestT(request, "staff");
  const notice = new URL(request.url).searchParams.get("info");
  return {
    title: t("signIn.title"),
    notice: notice !== null && notice in NOTICES ? NOTICES[notice as keyof typeof NOTICES] : null,
  };
}

// The password is never sent back: a refused form keeps the email only.
const HIDDEN = ["password"];

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: signInSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: HIDDEN }) }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const outcome = await signInStaff({ email, password, address: context.clientAddress ?? "unknown", request });
  if (!outcome.ok && outcome.code === "RATE_LIMITED") {
    const refusal = staffRateLimitRefusal(outcome, "signIn");
    return data(
      { result: submission.reply({ formErrors: [refusal.message], hideFields: HIDDEN }) },
      { status: 429, headers: refusal.headers },
    );
  }
  if (!outcome.ok) {
    return data(
      { result: submission.reply({ formErrors: ["signIn.errors.badCredentials"], hideFields: HIDDEN }) },
      { status: 400 },
    );
  }
  const safe = safeRedirectPath(redirectTo ?? "", env.APP_URL, HOME);
  const target = safe && safe.startsWith("/pro/") ? safe : HOME;
  return redirect(target, { status: 303, headers: { "Set-Cookie": outcome.setCookie } });
}

export default function SignIn() {
  const { title, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [search] = useSearchParams();
  const signIn = useSignInForm({ lastResult: actionData?.result, redirectTo: search.get("redirectTo") ?? "" });
  return (
    <>
      {signIn.errorSummary}
      <div className="page narrow">
        <DocumentTitle title={title} refused={signIn.refused} />
        <h1>{t("signIn.title")}</h1>
        {notice && !actionData ? (
          <p className="auth-notice" role="status">
            {t(notice)}
          </p>
        ) : null}
        <p className="lead">{t("signIn.intro")}</p>
        {signIn.form}
      </div>
    </>
  );
}
