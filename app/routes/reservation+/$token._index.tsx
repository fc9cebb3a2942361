import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BookingSummary } from "~/components/booking-summary";
import { toBookingSummary, toOtherDates, type BookingSummaryView } from "~/services/booking-summary.server";
import { ManageKeepLink } from "~/components/manage-keep-link";
import { ManageLinkErrorBoundary } from "~/components/manage-link-error-boundary";
import { manageHeaders, manageMeta } from "~/components/manage-meta";
import { ManageOtherDates } from "~/components/manage-other-dates";
import { ManagePlaceHelp } from "~/components/manage-place-help";
import { findBookingByManageToken, suggestOtherDates } from "~/services/read-bookings.server";
import { manageBookingPath } from "~/utils/booking-paths";
import { env } from "~/utils/env.server";
import { getRequestT } from "~/utils/i18n.server";
import manageStyles from "~/styles/manage.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: manageStyles }];
export const headers = manageHeaders;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => manageMeta(matches, data?.title);

/**
 * The manage page behind the link sent at booking. `?confirmation=1` (after the booking form)
 * adds the success panel; `?annulee=1` (after cancelling) the cancellation notice.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const token = params.token ?? "";
  const [{ t, language }, booking] = await Promise.all([
    getRequestT(request, "manage"),
    findBookingByManageToken(token, now),
  ]);
  if (!booking) throw new Response("Not found", { status: 404 });

  const search = new URL(request.url).searchParams;
  const cancelled = booking.status === "CANCELLED" || booking.session.status === "CANCELLED";
  const otherDates = cancelled ? toOtherDates(await suggestOtherDates(booking.session.id, now, 3), language) : [];
  const summary = toBookingSummary(booking, language);
  const managePath = manageBookingPath(token);
  return {
    title: t("meta.booking", { title: summary.workshop.title }),
    booking: summary,
    managePath,
    manageUrl: new URL(managePath, env.APP_URL).href,
    justBooked: search.get("confirmation") === "1" && booking.status !== "CANCELLED",
    course: search.get("parcours") === "1",
    justCancelled: search.get("annulee") === "1" && booking.status === "CANCELLED",
    otherDates,
  };
}

export default function ManageBooking() {
  const { booking, managePath, manageUrl, justBooked, course, justCancelled, otherDates } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation("manage");
  const active = booking.status !== "CANCELLED" && booking.sessionStatus !== "CANCELLED";
  const { cancel } = booking;
  return (
    <div className="page narrow">
      <ManageHeading booking={booking} justBooked={justBooked} justCancelled={justCancelled} course={course} />
      {!cancel.may && cancel.reason === "SESSION_CANCELLED" ? (
        <div className="panel panel--cancelled">
          <p className="lead">{t("sessionState.sessionCancelled")}</p>
          {booking.sessionCancellationReason ? (
            <p>{t("sessionState.sessionCancelledReason", { reason: booking.sessionCancellationReason })}</p>
          ) : null}
        </div>
      ) : null}
      {active && booking.timing !== "upcoming" ? (
        <p className="panel">{booking.timing === "past" ? t("sessionState.past") : t("sessionState.started")}</p>
      ) : null}

      <BookingSummary booking={booking} compact={!active} />

      {active ? null : <ManageOtherDates dates={otherDates} />}

      {active && booking.timing === "upcoming" ? (
        <section className="manage-section" aria-labelledby="actions-title">
          <h2 id="actions-title">{t("actions.heading")}</h2>
          <div className="stack">
            <div>
              {/* A file to download, not a page: a plain link, outside client-side navigation. */}
              <a className="button button--primary" href={`${managePath}/agenda.ics`} download>
                {t("actions.addToCalendar")}
              </a>
              <p className="muted">{t("actions.addToCalendarHelp")}</p>
            </div>
            <div>
              <Link className="button" to={`${managePath}/carte`}>
                {t("actions.printCard")}
              </Link>
            </div>
            {cancel.may ? (
              <div>
                <p>{t("actions.cancelHelp")}</p>
                <Link className="button button--danger" to={`${managePath}/annuler`}>
                  {t("actions.cancel")}
                </Link>
              </div>
            ) : null}
          </div>
        </section>
      ) : null}

      <ManageKeepLink url={manageUrl} />
      <ManagePlaceHelp place={booking.place} />
    </div>
  );
}

type HeadingProps = {
  booking: BookingSummaryView;
  justBooked: boolean;
  justCancelled: boolean;
  course: boolean;
};

/** The page's h1: what just happened (booked, waitlisted, cancelled), or simply "Votre réservation". */
function ManageHeading({ booking, justBooked, justCancelled, course }: HeadingProps) {
  const { t } = useTranslation("manage");
  if (booking.status === "CANCELLED") {
    return (
      <div className="panel panel--cancelled">
        <h1>{justCancelled ? t("cancelled.justNowTitle") : t("cancelled.earlierTitle")}</h1>
        <p className="lead">{justCancelled ? t("cancelled.justNowBody") : t("cancelled.earlierBody")}</p>
      </div>
    );
  }
  if (justBooked) {
    const waitlisted = booking.status === "WAITLISTED";
    return (
      <div className={waitlisted ? "panel panel--waitlist" : "panel panel--success"}>
        <h1>{waitlisted ? t("confirmation.waitlistedTitle") : t("confirmation.confirmedTitle")}</h1>
        <p className="lead">
          {waitlisted
            ? t("confirmation.waitlistedBody", { position: booking.waitlistPosition ?? 1 })
            : t("confirmation.confirmedBody", { firstName: booking.person.firstName })}
        </p>
        {course || booking.partOfCourse ? <p>{t("confirmation.course")}</p> : null}
      </div>
    );
  }
  return <h1>{t("status.label")}</h1>;
}

export const ErrorBoundary = ManageLinkErrorBoundary;
