import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DocumentTitle } from "~/components/ui/document-title";
import { BookingSummary } from "~/components/booking-summary";
import { toBookingSummary } from "~/services/booking-summary.server";
import { ManageCancelConfirm, ManageCancelProblem } from "~/components/manage-cancel";
import { ManageLinkErrorBoundary } from "~/components/manage-link-error-boundary";
import { manageHeaders, manageMeta } from "~/components/manage-meta";
import { cancelBooking } from "~/services/cancel-booking.server";
import { findBookingByManageToken } from "~/services/read-bookings.server";
import { manageBookingPath } from "~/utils/booking-paths";
import { getRequestT } from "~/utils/i18n.server";
import manageStyles from "~/styles/manage.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: manageStyles }];
export const headers = manageHeaders;
// The title is drawn by the page (DocumentTitle): a refused cancellation prefixes it.
export const meta: MetaFunction<typeof loader> = ({ matches }) => manageMeta(matches);

function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

/** "Voulez-vous vraiment annuler ?": the summary, then the POST form; or why it is too late. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const token = params.token ?? "";
  const [{ t, language }, booking] = await Promise.all([
    getRequestT(request, "manage"),
    findBookingByManageToken(token, now),
  ]);
  if (!booking) throw notFound();
  const summary = toBookingSummary(booking, language);
  const problem = summary.cancel.may ? null : summary.cancel.reason;
  if (problem === "NOT_ALLOWED") throw notFound();
  return {
    title: t("meta.cancel", { title: summary.workshop.title }),
    booking: summary,
    managePath: manageBookingPath(token),
    problem,
  };
}

/** Cancels, then back to the manage page (303); a replay or a late click answers 409. */
export async function action({ params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const booking = await findBookingByManageToken(token);
  if (!booking) throw notFound();
  // Holding the link proves control of this one booking.
  const result = await cancelBooking({ bookingId: booking.id, actor: { kind: "manage-link", bookingId: booking.id } });
  if (result.ok) return redirect(`${manageBookingPath(token)}?annulee=1`, 303);
  if (result.code === "NOT_FOUND") throw notFound();
  return data({ problem: result.code }, { status: 409 });
}

export default function CancelBooking() {
  const { title, booking, managePath, problem: problemBefore } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const problem = actionData?.problem ?? problemBefore;
  return (
    <div className="page narrow">
      <DocumentTitle title={title} refused={Boolean(actionData?.problem)} />
      {problem ? (
        <ManageCancelProblem code={problem} place={booking.place} backHref={managePath} />
      ) : (
        <ManageCancelConfirm booking={booking} keepHref={managePath} />
      )}
      <BookingSummary booking={booking} compact />
    </div>
  );
}

export const ErrorBoundary = ManageLinkErrorBoundary;
