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

import { resetSchema, useResetForm } from "~/components/staff/auth-reset-form";
import { FORGOTTEN_PATH } from "~/components/staff/auth-sign-in-form";
import { DocumentTitle } from "~/components/ui/document-title";
import {
  checkPasswordResetLink,
  resetStaffPassword,
  type ResetLinkProblem,
} from "~/services/reset-staff-password.server";
import authStyles from "~/styles/auth.css";
import { readFormData } from "~/utils/form-data.server";
import { getRequestT } from "~/utils/i18n.server";
import { SIGN_IN_PATH } from "~/utils/staff-auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];
// The title is drawn by the page (DocumentTitle, decisions/020). The address holds the token:
// the referrer policy (entry.server) and no-store (server/http-guards.js) keep it from leaking.
export const meta: MetaFunction = () => [{ name: "robots", content: "noindex, nofollow" }];

/** A link that never existed is not found; one already used or expired is gone. */
const STATUS: Record<ResetLinkProblem, number> = { INVALID: 404, EXPIRED: 410, USED: 410 };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = await getRequestT(request, "staff");
  const link = await checkPasswordResetLink(params.token ?? "");
  const title = t("reset.title");
  if (!link.ok) return data({ title, firstName: null, problem: link.code }, { status: STATUS[link.code] });
  return { title, firstName: link.firstName, problem: null };
}

// Neither password is ever sent back into the page.
const HIDDEN = ["password", "confirmation"];

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: resetSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: HIDDEN }), problem: null }, { status: 400 });
  }
  const outcome = await resetStaffPassword({ token: params.token ?? "", password: submission.value.password });
  if (!outcome.ok) {
    return data(
      {
        result: submission.reply({ formErrors: [`reset.errors.${outcome.code}`], hideFields: HIDDEN }),
        problem: outcome.code,
      },
      { status: STATUS[outcome.code] },
    );
  }
  // Every login of the account has just ended, this browser's too: sign in with the new password.
  return redirect(`${SIGN_IN_PATH}?info=mot-de-passe-change`, 303);
}

export default function ResetPassword() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const reset = useResetForm({ lastResult: actionData?.result });
  const problem = actionData?.problem ?? loaded.problem;
  if (problem !== null) {
    return (
      <div className="page narrow">
        <DocumentTitle title={loaded.title} refused />
        <h1>{loaded.title}</h1>
        <p className="auth-notice auth-notice--problem" role="alert">
          {t(`reset.errors.${problem}`)}
        </p>
        <p>
          <Link to={FORGOTTEN_PATH} className="button button--primary">
            {t("reset.askAgain")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <>
      {reset.errorSummary}
      <div className="page narrow">
        <DocumentTitle title={loaded.title} refused={reset.refused} />
        <h1>{loaded.title}</h1>
        <p className="lead">{t("reset.intro", { firstName: loaded.firstName })}</p>
        {reset.form}
      </div>
    </>
  );
}
