import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BookingPlaceLines, BookingPracticalFacts, BookingStatusBadge } from "~/components/booking-summary";
import { toBookingSummary } from "~/services/booking-summary.server";
import { ManageLinkErrorBoundary } from "~/components/manage-link-error-boundary";
import { manageHeaders, manageMeta } from "~/components/manage-meta";
import { ManagePrintButton } from "~/components/manage-print-button";
import { frenchContent } from "~/components/ui/french-content";
import { PhoneLink } from "~/components/ui/phone-link";
import { findBookingByManageToken } from "~/services/read-bookings.server";
import { manageBookingPath } from "~/utils/booking-paths";
import { env } from "~/utils/env.server";
import { getRequestT } from "~/utils/i18n.server";
import manageStyles from "~/styles/manage.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: manageStyles }];
export const headers = manageHeaders;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => manageMeta(matches, data?.title);

/** The booking card to print and pin by the calendar: the essentials in big type, and the place's phone. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const token = params.token ?? "";
  const [{ t, language }, booking] = await Promise.all([
    getRequestT(request, "manage"),
    findBookingByManageToken(token, now),
  ]);
  if (!booking) throw new Response("Not found", { status: 404 });
  const summary = toBookingSummary(booking, language);
  const managePath = manageBookingPath(token);
  return {
    title: t("meta.card", { title: summary.workshop.title }),
    booking: summary,
    managePath,
    manageUrl: new URL(managePath, env.APP_URL).href,
  };
}

export default function BookingCard() {
  const { booking, managePath, manageUrl } = useLoaderData<typeof loader>();
  const { t } = useTranslation("manage");
  const { place, workshop } = booking;
  return (
    <div className="page">
      <p className="no-print">{t("card.intro")}</p>
      <ManagePrintButton />
      <article className="booking-card" aria-labelledby="card-title">
        <h1 id="card-title" {...frenchContent}>
          {workshop.title}
        </h1>
        <p className="badges">
          <BookingStatusBadge booking={booking} />
        </p>
        <dl className="facts">
          <dt>{t("summary.for")}</dt>
          <dd dir="auto">{booking.person.fullName}</dd>
          <dt>{t("summary.when")}</dt>
          <dd className="booking-card__when">
            <time dateTime={booking.startsAt}>{booking.when}</time>
          </dd>
          <dt>{t("summary.place")}</dt>
          <dd>
            <BookingPlaceLines place={place} />
          </dd>
          <BookingPracticalFacts booking={booking} />
          {place.phone ? (
            <>
              <dt>{t("card.phone")}</dt>
              <dd className="booking-card__phone">
                <PhoneLink phone={place.phone} />
              </dd>
            </>
          ) : null}
          <dt>{t("card.manageLink")}</dt>
          <dd className="manage-link">{manageUrl}</dd>
        </dl>
      </article>
      <p className="no-print">
        <Link className="button" to={managePath}>
          {t("card.back")}
        </Link>
      </p>
    </div>
  );
}

export const ErrorBoundary = ManageLinkErrorBoundary;
