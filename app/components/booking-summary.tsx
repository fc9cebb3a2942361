import { useTranslation } from "react-i18next";
import type { BookingSummaryView } from "~/services/booking-summary.server";
import { PlaceAccessFacts } from "./place-access-facts";
import { frenchContent } from "./ui/french-content";
import { FrenchText } from "./ui/french-text";
import { PhoneLink } from "./ui/phone-link";

/** The place in lines, as on an envelope. */
export function BookingPlaceLines({
  place,
}: {
  place: Pick<BookingSummaryView["place"], "name" | "address" | "room">;
}) {
  const { t } = useTranslation("manage");
  return (
    <>
      <FrenchText className="block place-name">{place.name}</FrenchText>
      <FrenchText className="block place-address">{place.address}</FrenchText>
      {place.room ? (
        <span className="block">
          {t("summary.room")} <FrenchText>{place.room}</FrenchText>
        </span>
      ) : null}
    </>
  );
}

/** "Place réservée", "Liste d'attente, position 2" or "Annulée". */
export function BookingStatusBadge({ booking }: { booking: Pick<BookingSummaryView, "status" | "waitlistPosition"> }) {
  const { t } = useTranslation("manage");
  const className =
    booking.status === "CANCELLED"
      ? "badge badge--full"
      : booking.status === "WAITLISTED"
        ? "badge badge--muted"
        : "badge";
  const label =
    booking.status === "WAITLISTED"
      ? booking.waitlistPosition
        ? t("status.WAITLISTED", { position: booking.waitlistPosition })
        : t("status.WAITLISTED_noPosition")
      : t(`status.${booking.status}`);
  return <span className={className}>{label}</span>;
}

/** What to bring, whether devices are lent, who leads it: terms of a facts list (<dl>). */
export function BookingPracticalFacts({
  booking,
}: {
  booking: Pick<BookingSummaryView, "workshop" | "trainerFirstNames">;
}) {
  const { t } = useTranslation("manage");
  const { workshop } = booking;
  return (
    <>
      {/* One block: what to bring, and whether a device is lent, answer the same question. */}
      <dt>{t("summary.whatToBring")}</dt>
      <dd>
        {workshop.whatToBring ? (
          <span className="block" {...frenchContent}>
            {workshop.whatToBring}
          </span>
        ) : null}
        <span className="block">{workshop.devicesLent ? t("summary.devicesLent") : t("summary.devicesOwn")}</span>
      </dd>
      {booking.trainerFirstNames.length > 0 ? (
        <>
          <dt>{t("summary.trainers")}</dt>
          <dd>{booking.trainerFirstNames.join(t("common:listSeparator"))}</dd>
        </>
      ) : null}
    </>
  );
}

type Props = {
  booking: BookingSummaryView;
  /** The id of the heading, for aria-labelledby; unique on a page that lists several bookings. */
  headingId?: string;
  /** Short form (lists, cancelled bookings): the when, the where and the phone. */
  compact?: boolean;
  /** h2 on a booking's own page, h3 inside a list. */
  headingLevel?: 2 | 3;
};

/** The workshop, when, where (address, access, phone), what to bring, devices lent, trainer. */
export function BookingSummary({
  booking,
  headingId = "booking-summary-title",
  compact = false,
  headingLevel = 2,
}: Props) {
  const { t } = useTranslation("manage");
  const { workshop, place } = booking;
  const HeadingTag = headingLevel === 3 ? "h3" : "h2";
  return (
    <section className="card booking-summary" aria-labelledby={headingId}>
      <HeadingTag id={headingId} {...frenchContent}>
        {workshop.title}
      </HeadingTag>
      <p className="badges">
        <BookingStatusBadge booking={booking} />
      </p>
      {compact ? null : <p {...frenchContent}>{workshop.summary}</p>}
      <dl className="facts">
        <dt>{t("summary.when")}</dt>
        <dd className="booking-summary__when">
          <time dateTime={booking.startsAt}>{booking.when}</time>
        </dd>
        <dt>{t("summary.place")}</dt>
        <dd>
          <BookingPlaceLines place={place} />
          {compact ? null : (
            <a className="get-there" href={place.mapHref}>
              {t("layout.getThere")}
            </a>
          )}
        </dd>
        {place.phone ? (
          <>
            <dt>{t("summary.phone")}</dt>
            <dd>
              <PhoneLink phone={place.phone} className="phone-link" />
            </dd>
          </>
        ) : null}
        {compact ? null : (
          <>
            <PlaceAccessFacts
              place={place}
              accessLabel={t("summary.access")}
              transportLabel={t("summary.publicTransport")}
            />
            <BookingPracticalFacts booking={booking} />
            {workshop.skillStatements.length > 0 ? (
              <>
                <dt>{t("summary.skills")}</dt>
                <dd>
                  <ul>
                    {workshop.skillStatements.map((statement) => (
                      <li key={statement} {...frenchContent}>
                        {statement}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            <dt>{t("summary.for")}</dt>
            <dd dir="auto">{booking.person.fullName}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
