import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { groupOpeningHours } from "~/domain/places/opening-hours";
import type { PublicPlace } from "~/models/place.server";
import { PlaceAccessFacts } from "./place-access-facts";
import { PhoneLink } from "./ui/phone-link";

export function PlaceCard({ place }: { place: PublicPlace }) {
  const { t } = useTranslation("home");
  const headingId = `place-${place.slug}`;
  return (
    <article className="card place-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{place.name}</h3>
      <p className="badges">
        <span className="badge">{t(`kind.${place.kind}`)}</span>
        <span className="badge badge--muted">{t(`area.${place.area}`)}</span>
      </p>
      {place.description ? <p>{place.description}</p> : null}
      <dl className="facts">
        <dt>{t("address")}</dt>
        <dd>
          {place.addressLine}, {place.postcode} {place.commune.name}
        </dd>
        {place.phone ? (
          <>
            <dt>{t("phone")}</dt>
            <dd>
              <PhoneLink phone={place.phone} />
            </dd>
          </>
        ) : null}
        {place.openingHours.length > 0 ? (
          <>
            <dt>{t("openingHours")}</dt>
            <dd>
              <ul className="plain">
                {groupOpeningHours(place.openingHours).map((day) => (
                  <li key={day.weekday}>
                    {t(`common:weekdays.${day.weekday}`)}{" "}
                    {day.slots
                      .map((slot) => t("common:timeRange", { from: slot.opensAt, to: slot.closesAt }))
                      .join(t("common:listSeparator"))}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <PlaceAccessFacts place={place} accessLabel={t("accessTitle")} transportLabel={t("publicTransport")} />
      </dl>
      <p className="muted">{t("servesCommunes", { count: place._count.servedCommunes })}</p>
      <p>
        <Link className="button" to={`/ateliers?lieu=${place.slug}`}>
          {t("seeWorkshops", { count: place._count.sessions, place: place.name })}
        </Link>
      </p>
    </article>
  );
}
