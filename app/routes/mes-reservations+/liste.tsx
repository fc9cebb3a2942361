import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BookingSummary } from "~/components/booking-summary";
import { toBookingSummary, toOtherDates, type BookingSummaryView } from "~/services/booking-summary.server";
import { manageHeaders, manageMeta } from "~/components/manage-meta";
import { ManageOtherDates } from "~/components/manage-other-dates";
import { ownBookingLinks, type OwnBookingLinks } from "~/services/own-booking-links.server";
import { listPersonBookings, suggestOtherDates } from "~/services/read-bookings.server";
import { getRequestT } from "~/utils/i18n.server";
import { requireResidentAccess } from "~/utils/resident-session.server";
import manageStyles from "~/styles/manage.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: manageStyles }];
export const headers = manageHeaders;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => manageMeta(matches, data?.title);

/** The bookings of the person whose link was opened: upcoming first, then past. */
export async function loader({ request }: LoaderFunctionArgs) {
  const now = new Date();
  const access = await requireResidentAccess(request, now);
  const [{ t, language }, { upcoming, past }] = await Promise.all([
    getRequestT(request, "retrieve"),
    listPersonBookings(access, now),
  ]);
  const cancelledId = new URL(request.url).searchParams.get("annulee");
  const justCancelled = cancelledId
    ? [...upcoming, ...past].find((booking) => booking.id === cancelledId && booking.status === "CANCELLED")
    : undefined;
  const otherDates = justCancelled
    ? toOtherDates(await suggestOtherDates(justCancelled.session.id, now, 3), language)
    : [];
  // The card and the calendar file are for what is still ahead and still on.
  const active = upcoming.filter((b) => b.status !== "CANCELLED" && b.session.status !== "CANCELLED");
  const links = await ownBookingLinks(
    access,
    active.map((b) => b.id),
  );
  return {
    title: t("meta.list"),
    firstName: (upcoming[0] ?? past[0])?.person.firstName ?? null,
    upcoming: upcoming.map((booking) => ({
      ...toBookingSummary(booking, language),
      links: links.get(booking.id) ?? null,
    })),
    past: past.map((booking) => toBookingSummary(booking, language)),
    justCancelled: justCancelled ? { title: justCancelled.session.workshop.title, otherDates } : null,
  };
}

export default function MyBookings() {
  const { firstName, upcoming, past, justCancelled } = useLoaderData<typeof loader>();
  const { t } = useTranslation("retrieve");
  return (
    <div className="page narrow">
      <h1>{t("list.title")}</h1>
      {justCancelled ? (
        <div className="panel panel--cancelled" role="status">
          <h2>{t("list.cancelledTitle")}</h2>
          <p className="lead">{t("list.cancelledBody", { title: justCancelled.title })}</p>
        </div>
      ) : null}
      <p className="lead">{firstName ? t("list.hello", { firstName }) : t("list.helloNoName")}</p>
      <p>{t("list.intro")}</p>
      <Form method="post" action="/mes-reservations/deconnexion">
        <button type="submit" className="button">
          {t("list.logout")}
        </button>
      </Form>

      {justCancelled ? <ManageOtherDates dates={justCancelled.otherDates} /> : null}

      <section className="manage-section" aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t("list.upcoming")}</h2>
        {upcoming.length > 0 ? (
          <BookingList bookings={upcoming} />
        ) : (
          <>
            <p>{t("list.noUpcoming")}</p>
            <p>
              <Link className="button button--primary" to="/ateliers">
                {t("list.findWorkshop")}
              </Link>
            </p>
          </>
        )}
      </section>

      <section className="manage-section" aria-labelledby="past-title">
        <h2 id="past-title">{t("list.past")}</h2>
        {past.length > 0 ? <BookingList bookings={past} /> : <p>{t("list.noPast")}</p>}
      </section>
    </div>
  );
}

function BookingList({ bookings }: { bookings: (BookingSummaryView & { links?: OwnBookingLinks | null })[] }) {
  const { t } = useTranslation("retrieve");
  return (
    <ul className="manage-list">
      {bookings.map((booking) => (
        <li key={booking.bookingId}>
          <BookingSummary booking={booking} headingId={`booking-${booking.bookingId}`} compact headingLevel={3} />
          {booking.links ? <BookingLinks booking={booking} links={booking.links} /> : null}
          {booking.cancel.may ? (
            <p>
              <Link
                className="button button--danger"
                to={`/mes-reservations/annuler?reservation=${encodeURIComponent(booking.bookingId)}`}
                aria-label={t("list.cancelFor", { title: booking.workshop.title, when: booking.when })}
              >
                {t("list.cancel")}
              </Link>
            </p>
          ) : booking.cancel.reason === "SESSION_CANCELLED" ? (
            <p className="panel panel--cancelled">{t("policy.sessionCancelled")}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The printable card and the calendar file of one booking, as on its manage page. */
function BookingLinks({ booking, links }: { booking: BookingSummaryView; links: OwnBookingLinks }) {
  const { t } = useTranslation("retrieve");
  const about = { title: booking.workshop.title, when: booking.when };
  return (
    <p className="actions">
      <Link className="button" to={links.card} aria-label={t("listLinks.cardFor", about)}>
        {t("listLinks.card")}
      </Link>
      {/* A file to download, not a page: a plain link, outside client-side navigation. */}
      <a className="button" href={links.calendar} download aria-label={t("listLinks.calendarFor", about)}>
        {t("listLinks.calendar")}
      </a>
    </p>
  );
}
