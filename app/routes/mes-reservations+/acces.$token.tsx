import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { manageHeaders, manageMeta } from "~/components/manage-meta";
import { ManagePhoneHelp } from "~/components/manage-phone-help";
import { ManageRetrieveForm } from "~/components/manage-retrieve-form";
import { consumeBookingsLink } from "~/services/access-link.server";
import { getRequestT } from "~/utils/i18n.server";
import { startResidentSession } from "~/utils/resident-session.server";
import manageStyles from "~/styles/manage.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: manageStyles }];
export const headers = manageHeaders;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => manageMeta(matches, data?.title);

// Opening the link only shows a button; the link is spent by the POST behind it. Mail filters
// and link previews fetch the links in a message: spending it on GET would burn a single-use
// link before the resident ever clicks it.
export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getRequestT(request, "retrieve");
  return { title: t("meta.access") };
}

/** Spends the link; on success a one-hour cookie opens the list (303). Unknown: 404; expired or used: 410. */
export async function action({ request, params }: ActionFunctionArgs) {
  const result = await consumeBookingsLink(params.token ?? "");
  if (!result.ok) {
    return data({ problem: result.code }, { status: result.code === "INVALID" ? 404 : 410 });
  }
  return redirect("/mes-reservations/liste", {
    status: 303,
    headers: {
      "Set-Cookie": await startResidentSession(request, {
        personId: result.personId,
        contactEmailNormalized: result.contactEmailNormalized,
      }),
    },
  });
}

export default function OpenBookingsLink() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("retrieve");
  if (actionData?.problem) {
    const problem = actionData.problem;
    return (
      <div className="page narrow">
        <div className="panel panel--warning">
          <h1>{t(`linkProblem.${problem}.title`)}</h1>
          <p className="lead">{t(`linkProblem.${problem}.body`)}</p>
        </div>
        <ManageRetrieveForm />
        <ManagePhoneHelp />
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{t("access.title")}</h1>
      <p className="lead">{t("access.body")}</p>
      <Form method="post">
        <button type="submit" className="button button--primary">
          {t("access.submit")}
        </button>
      </Form>
    </div>
  );
}
