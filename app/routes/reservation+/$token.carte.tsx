import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { BookingPlaceLines, BookingPracticalFacts, BookingStatusBadge } from "~/components/booking-summary";
import { toBookingSummary } from "~/services/booking-summary.server";
import { bookingCardExtras } from "~/services/booking-card.server";
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
  const manageUrl = new URL(managePath, env.APP_URL).href;
  return {
    title: t("meta.card", { title: summary.workshop.title }),
    booking: summary,
    managePath,
    manageUrl,
    ...(await bookingCardExtras(booking.id, manageUrl)),
  };
}

export default function BookingCard() {
  const { booking, managePath, manageUrl, deskCode, qrCode } = useLoaderData<typeof loader>();
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
        </dl>
        <p className="booking-card__call">
          <Trans
            t={t}
            i18nKey={place.phone ? "cardDesk.call" : "cardDesk.noPhone"}
            values={{ place: place.name, phone: place.phone }}
            components={{
              place: <bdi {...frenchContent} />,
              phone: place.phone ? <PhoneLink phone={place.phone} className="booking-card__phone" /> : <span />,
            }}
          />
        </p>
        {deskCode ? (
          <p className="booking-card__desk">
            <span className="block">{t("cardDesk.deskCode")}</span>
            <strong className="desk-code" dir="ltr" translate="no">
              {deskCode}
            </strong>
            <span className="block muted">{t("cardDesk.deskCodeHelp")}</span>
          </p>
        ) : null}
        <figure className="booking-card__qr">
          <QrCode qrCode={qrCode} url={manageUrl} label={t("cardDesk.qrLabel")} />
          <figcaption>{t("cardDesk.qrHelp")}</figcaption>
        </figure>
        <p>
          <span className="block">{t("card.manageLink")}</span>
          <span className="manage-link block" dir="ltr">
            {manageUrl}
          </span>
        </p>
      </article>
      <p className="no-print">
        <Link className="button" to={managePath}>
          {t("card.back")}
        </Link>
      </p>
    </div>
  );
}

type QrCodeProps = { qrCode: { size: number; d: string }; url: string; label: string };

/** Four modules of white around the code (the quiet zone scanners need), black on white even in dark or high-contrast modes. */
function QrCode({ qrCode, url, label }: QrCodeProps) {
  const side = qrCode.size + 8;
  return (
    <svg
      className="qr-code"
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-labelledby="qr-code-label"
      data-url={url}
      shapeRendering="crispEdges"
    >
      <title id="qr-code-label">{label}</title>
      <rect width={side} height={side} fill="#fff" />
      <path d={qrCode.d} fill="#000" transform="translate(4 4)" />
    </svg>
  );
}

export const ErrorBoundary = ManageLinkErrorBoundary;
