import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, isRouteErrorResponse, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { manageHeaders, manageMeta } from "~/components/manage-meta";
import { frenchContent } from "~/components/ui/french-content";
import { readStopLink, stopRemindersByLink } from "~/services/stop-reminders.server";
import { getRequestT } from "~/utils/i18n.server";

export const headers = manageHeaders;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => manageMeta(matches, data?.title);

function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

/** The page a click on "Arrêter les rappels" opens: what will stop, and one button that posts. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, language } = await getRequestT(request, "emails");
  const view = await readStopLink(params.bookingId ?? "", params.token ?? "", language);
  if (view === null) throw notFound();
  return { title: t("stopReminders.title"), view };
}

/**
 * The one-click POST (RFC 8058): a mail provider posts `List-Unsubscribe=One-Click` with no
 * cookie and no form token — the link's token is the proof. The page's own button posts the same.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { t, language } = await getRequestT(request, "emails");
  const bookingId = params.bookingId ?? "";
  const token = params.token ?? "";
  const result = await stopRemindersByLink({ bookingId, token });
  if (!result.ok) throw notFound();
  const view = await readStopLink(bookingId, token, language);
  if (view === null) throw notFound();
  return data({ title: t("stopReminders.title"), view, alreadyStopped: result.alreadyStopped });
}

export default function StopReminders() {
  const { t } = useTranslation("emails");
  const { view } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const stopped = done !== undefined || !view.remindersWanted;
  return (
    <div className="page narrow">
      <h1>{t("stopReminders.heading")}</h1>
      <p className="lead">
        <strong {...frenchContent}>{view.workshopTitle}</strong>
        <br />
        {view.when}
      </p>
      {stopped ? (
        <p className="lead" role="status">
          {done && !done.alreadyStopped ? t("stopReminders.done") : t("stopReminders.already")}
        </p>
      ) : (
        <>
          <p>{t("stopReminders.intro")}</p>
          <Form method="post">
            <button type="submit" className="button button--primary">
              {t("stopReminders.button")}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/">{t("stopReminders.home")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("emails");
  const notFoundError = isRouteErrorResponse(error) && error.status === 404;
  if (!notFoundError && !isRouteErrorResponse(error)) console.error(error);
  return (
    <div className="page narrow">
      <title>{notFoundError ? t("stopReminders.notFoundTitle") : `${t("errors:generic.title")} — Passerelle`}</title>
      <h1>{notFoundError ? t("stopReminders.notFoundHeading") : t("errors:generic.title")}</h1>
      <p className="lead">{notFoundError ? t("stopReminders.notFoundBody") : t("errors:generic.body")}</p>
      <p>
        <Link to="/">{t("stopReminders.home")}</Link>
      </p>
    </div>
  );
}
