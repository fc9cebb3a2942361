import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { forgottenSchema, useForgottenForm } from "~/components/staff/auth-forgotten-form";
import { SIGN_IN_PAGE } from "~/components/staff/auth-sign-in-form";
import { DocumentTitle } from "~/components/ui/document-title";
import { staffRateLimitRefusal } from "~/services/rate-limits.server";
import { requestStaffPasswordReset } from "~/services/request-staff-password-reset.server";
import authStyles from "~/styles/auth.css";
import { readFormData } from "~/utils/form-data.server";
import { getRequestT } from "~/utils/i18n.server";
import { withRetryAfter } from "~/utils/retry-after-headers";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];
export const headers = withRetryAfter();
// The title is drawn by the page (DocumentTitle, decisions/020).
export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

const SENT_PATH = "/pro/mot-de-passe-oublie?envoye=1";

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getRequestT(request, "staff");
  return { title: t("forgotten.title"), sent: new URL(request.url).searchParams.get("envoye") === "1" };
}

/** The same answer for any well-formed email, with an account or not: 303 to « regardez votre messagerie ». */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: forgottenSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await requestStaffPasswordReset({
    email: submission.value.email,
    address: context.clientAddress ?? "unknown",
  });
  if (!outcome.ok) {
    const refusal = staffRateLimitRefusal(outcome, "passwordReset");
    return data(
      { result: submission.reply({ formErrors: [refusal.message] }) },
      { status: 429, headers: refusal.headers },
    );
  }
  return redirect(SENT_PATH, 303);
}

export default function ForgottenPassword() {
  const { title, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const forgotten = useForgottenForm({ lastResult: actionData?.result });
  const showSent = sent && !actionData;
  return (
    <>
      {forgotten.errorSummary}
      <div className="page narrow">
        <DocumentTitle title={title} refused={forgotten.refused} />
        <h1>{t("forgotten.title")}</h1>
        {showSent ? (
          <>
            <div className="auth-notice" role="status">
              <h2>{t("forgotten.sentTitle")}</h2>
              <p>{t("forgotten.sent")}</p>
            </div>
            {/* The form again would invite a second request before the first email has arrived. */}
            <p>
              <Link to="/pro/mot-de-passe-oublie" className="auth-link">
                {t("forgotten.sendAgain")}
              </Link>
            </p>
          </>
        ) : (
          <>
            <p className="lead">{t("forgotten.intro")}</p>
            {forgotten.form}
          </>
        )}
        <p>
          <Link to={SIGN_IN_PAGE} className="auth-link">
            {t("forgotten.backToSignIn")}
          </Link>
        </p>
      </div>
    </>
  );
}
