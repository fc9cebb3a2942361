import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { groupOpeningHours } from "~/domain/places/opening-hours";
import { mapSearchHref } from "~/domain/places/map-search";
import { placeNameAfterA } from "~/domain/places/name-after-a";
import type { PublicPlace } from "~/models/place.server";
import { PlaceAccessFacts } from "./place-access-facts";
import { frenchContent } from "./ui/french-content";
import { FrenchText } from "./ui/french-text";
import { PhoneLink } from "./ui/phone-link";

export function PlaceCard({ place }: { place: PublicPlace }) {
  const { t } = useTranslation("home");
  const headingId = `place-${place.slug}`;
  return (
    <article className="card place-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <FrenchText>{place.name}</FrenchText>
      </h3>
      <p className="badges">
        <span className="badge">{t(`kind.${place.kind}`)}</span>
        <span className="badge badge--muted">{t(`area.${place.area}`)}</span>
      </p>
      {place.description ? <p {...frenchContent}>{place.description}</p> : null}
      <dl className="facts">
        <dt>{t("address")}</dt>
        <dd>
          <FrenchText className="place-address">
            {place.addressLine}, {place.postcode} {place.commune.name}
          </FrenchText>
          <a className="get-there" href={mapSearchHref({ ...place, communeName: place.commune.name })}>
            {t("layout.getThere")}
          </a>
        </dd>
        {place.phone ? (
          <>
            <dt>{t("phone")}</dt>
            <dd>
              <PhoneLink phone={place.phone} className="phone-link" />
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
          {/* One flex item: the sentence wraps as a sentence, not as two columns. */}
          <span>
            <Trans
              t={t}
              i18nKey="seeWorkshops"
              count={place._count.sessions}
              values={{ place: place.name, atPlace: placeNameAfterA(place) }}
              components={{ place: <FrenchText /> }}
            />
          </span>
        </Link>
      </p>
    </article>
  );
}
