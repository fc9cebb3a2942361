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
import { manageHeaders, manageMeta } from "~/components/manage-meta";
import { cancelBooking } from "~/services/cancel-booking.server";
import { listPersonBookings } from "~/services/read-bookings.server";
import { getRequestT } from "~/utils/i18n.server";
import { requireResidentAccess } from "~/utils/resident-session.server";
import manageStyles from "~/styles/manage.css";
import { readFormData } from "~/utils/form-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: manageStyles }];
export const headers = manageHeaders;
// The title is drawn by the page (DocumentTitle): a refused cancellation prefixes it.
export const meta: MetaFunction<typeof loader> = ({ matches }) => manageMeta(matches);

const LIST_PATH = "/mes-reservations/liste";

function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

/** The same confirmation step as the manage link, for one booking of the signed-in person. */
export async function loader({ request }: LoaderFunctionArgs) {
  const now = new Date();
  const access = await requireResidentAccess(request, now);
  const bookingId = new URL(request.url).searchParams.get("reservation");
  const [{ t, language }, { upcoming, past }] = await Promise.all([
    getRequestT(request, "retrieve"),
    listPersonBookings(access, now),
  ]);
  // Only the person's own bookings are found here: any other id, forged or not, is a 404.
  const booking = [...upcoming, ...past].find((candidate) => candidate.id === bookingId);
  if (!booking) throw notFound();
  const summary = toBookingSummary(booking, language);
  const problem = summary.cancel.may ? null : summary.cancel.reason;
  if (problem === "NOT_ALLOWED") throw notFound();
  return { title: t("meta.cancel"), booking: summary, problem };
}

export async function action({ request }: ActionFunctionArgs) {
  const access = await requireResidentAccess(request);
  const bookingId = (await readFormData(request)).get("bookingId");
  if (typeof bookingId !== "string" || bookingId === "") throw notFound();
  // Signed in as this person: the service answers NOT_FOUND for a booking of anyone else.
  const result = await cancelBooking({ bookingId, actor: { kind: "resident", ...access } });
  if (result.ok) return redirect(`${LIST_PATH}?annulee=${encodeURIComponent(bookingId)}`, 303);
  if (result.code === "NOT_FOUND") throw notFound();
  return data({ problem: result.code }, { status: 409 });
}

export default function CancelFromList() {
  const { title, booking, problem: problemBefore } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const problem = actionData?.problem ?? problemBefore;
  return (
    <div className="page narrow">
      <DocumentTitle title={title} refused={Boolean(actionData?.problem)} />
      {problem ? (
        <ManageCancelProblem code={problem} place={booking.place} backHref={LIST_PATH} backLabel="backToList" />
      ) : (
        <ManageCancelConfirm booking={booking} keepHref={LIST_PATH} withBookingId />
      )}
      <BookingSummary booking={booking} compact />
    </div>
  );
}
