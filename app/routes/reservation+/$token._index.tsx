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
import { BookingSummary } from "~/components/booking-summary";
import { toBookingSummary, toOtherDates, type BookingSummaryView } from "~/services/booking-summary.server";
import { ManageKeepLink } from "~/components/manage-keep-link";
import { ManageLinkErrorBoundary } from "~/components/manage-link-error-boundary";
import { manageHeaders, manageMeta } from "~/components/manage-meta";
import { ManageOtherDates } from "~/components/manage-other-dates";
import { ManagePlaceHelp } from "~/components/manage-place-help";
import { ManageMessages, REMINDERS_FIELD, REMINDERS_OFF, REMINDERS_ON } from "~/components/manage-messages";
import { changeReminders } from "~/services/change-reminders.server";
import { readFormData } from "~/utils/form-data.server";
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
  const justBooked = search.get("confirmation") === "1" && booking.status !== "CANCELLED";
  // The address typed is shown whole only on the page reached right after booking.
  const summary = toBookingSummary(booking, language, { showWholeEmail: justBooked });
  const managePath = manageBookingPath(token);
  const reminders = search.get(REMINDERS_FIELD);
  return {
    title: t("meta.booking", { title: summary.workshop.title }),
    booking: summary,
    managePath,
    manageUrl: new URL(managePath, env.APP_URL).href,
    justBooked,
    remindersNotice: remindersNoticeOf(reminders),
    course: search.get("parcours") === "1",
    justCancelled: search.get("annulee") === "1" && booking.status === "CANCELLED",
    otherDates,
  };
}

/** What the page says after the reminders were changed (`?rappels=non|oui`). */
function remindersNoticeOf(value: string | null): "stopped" | "restarted" | null {
  if (value === REMINDERS_OFF) return "stopped";
  return value === REMINDERS_ON ? "restarted" : null;
}

/** Stops (or restarts) the reminders of this booking: the link's holder may change its own settings. */
export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const booking = await findBookingByManageToken(token);
  if (!booking) throw new Response("Not found", { status: 404 });
  const asked = (await readFormData(request)).get(REMINDERS_FIELD);
  if (asked !== REMINDERS_ON && asked !== REMINDERS_OFF) return data({ remindersProblem: true }, { status: 400 });
  const result = await changeReminders({
    bookingId: booking.id,
    actor: { kind: "manage-link", bookingId: booking.id },
    wanted: asked === REMINDERS_ON,
  });
  if (!result.ok) {
    if (result.code === "NOT_FOUND") throw new Response("Not found", { status: 404 });
    return data({ remindersProblem: true }, { status: 409 });
  }
  return redirect(`${manageBookingPath(token)}?${REMINDERS_FIELD}=${asked}`, 303);
}

export default function ManageBooking() {
  const { booking, managePath, manageUrl, justBooked, course, justCancelled, otherDates, remindersNotice } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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

      {active ? (
        <ManageMessages
          booking={booking}
          justBooked={justBooked}
          notice={actionData?.remindersProblem ? "problem" : remindersNotice}
        />
      ) : null}

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
