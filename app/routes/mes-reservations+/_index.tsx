import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { manageHeaders, manageMeta } from "~/components/manage-meta";
import { ManagePhoneHelp } from "~/components/manage-phone-help";
import { retrieveSchema, useRetrieveForm } from "~/components/manage-retrieve-form";
import { DocumentTitle } from "~/components/ui/document-title";
import { requestBookingsLink } from "~/services/access-link.server";
import { rateLimitRefusal } from "~/services/rate-limits.server";
import { getLanguage, getRequestT } from "~/utils/i18n.server";
import manageStyles from "~/styles/manage.css";
import { readFormData } from "~/utils/form-data.server";
import { withRetryAfter } from "~/utils/retry-after-headers";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: manageStyles }];
export const headers = withRetryAfter(manageHeaders);
// The title is drawn by the page (DocumentTitle): a refused form prefixes it.
export const meta: MetaFunction<typeof loader> = ({ matches }) => manageMeta(matches);

const SENT_PATH = "/mes-reservations?envoye=1";

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getRequestT(request, "retrieve");
  return {
    title: t("meta.request"),
    sent: new URL(request.url).searchParams.get("envoye") === "1",
  };
}

/** Always the same answer for a well-formed address, known or not: 303 to "regardez votre messagerie". */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: retrieveSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const language = await getLanguage(request);
  const outcome = await requestBookingsLink({
    email: submission.value.email,
    locale: language,
    ip: context.clientAddress ?? "unknown",
  });
  if (!outcome.ok) {
    const refusal = await rateLimitRefusal(outcome, { about: "link", language });
    return data(
      { result: submission.reply({ formErrors: [refusal.message] }) },
      { status: 429, headers: refusal.headers },
    );
  }
  return redirect(SENT_PATH, 303);
}

export default function RetrieveBookings() {
  const { title, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("retrieve");
  // After a refusal (400, 429) on the "sent" page, the refusal is what matters.
  const showSent = sent && !actionData;
  const retrieve = useRetrieveForm({ lastResult: actionData?.result });
  return (
    <>
      {retrieve.errorSummary}
      <div className="page narrow">
        <DocumentTitle title={title} refused={retrieve.refused} />
        <h1>{t("request.title")}</h1>
        {showSent ? (
          <>
            <div className="panel panel--success" role="status">
              <h2>{t("sent.title")}</h2>
              <p className="lead">{t("sent.body")}</p>
              <p>{t("sent.tips")}</p>
            </div>
            <p>{t("sent.again")}</p>
          </>
        ) : (
          <p className="lead">{t("request.intro")}</p>
        )}
        {retrieve.form}
        <ManagePhoneHelp />
      </div>
    </>
  );
}
