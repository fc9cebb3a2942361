import { useTranslation } from "react-i18next";
import { postcodeAndCommune } from "~/domain/places/french-address";
import { PlaceAccessFacts, type PlaceAccessData } from "./place-access-facts";
import { mapSearchHref } from "~/domain/places/map-search";
import { FrenchText } from "./ui/french-text";
import { PhoneLink } from "./ui/phone-link";

export type SessionPlaceData = PlaceAccessData & {
  name: string;
  addressLine: string;
  postcode: string;
  communeName: string;
  phone: string | null;
};

type PlaceLinesProps = {
  place: Pick<SessionPlaceData, "name" | "addressLine" | "postcode" | "communeName">;
  room?: string | null;
};

/** The place in lines, as on an envelope (in French, left to right on every page), then the room. */
export function SessionPlaceLines({ place, room }: PlaceLinesProps) {
  const { t } = useTranslation("catalogue");
  return (
    <>
      <FrenchText className="block place-name">{place.name}</FrenchText>
      <FrenchText className="block place-address">{place.addressLine}</FrenchText>
      <FrenchText className="block place-address">{postcodeAndCommune(place)}</FrenchText>
      {room ? (
        <span className="block">
          {t("layout.roomLabel")} <FrenchText>{room}</FrenchText>
        </span>
      ) : null}
    </>
  );
}

/** « Comment venir » : the address searched on a map, in the same tab. */
export function GetThereLink({ place }: { place: PlaceLinesProps["place"] }) {
  const { t } = useTranslation("catalogue");
  return (
    <a className="get-there" href={mapSearchHref(place)}>
      {t("layout.getThere")}
    </a>
  );
}

/** Where the session happens: address, phone, access and transport, as facts. */
export function SessionPlace({ place, room }: { place: SessionPlaceData; room?: string | null }) {
  const { t } = useTranslation("catalogue");
  return (
    <dl className="facts">
      <dt>{t("session.place.address")}</dt>
      <dd>
        <SessionPlaceLines place={place} room={room} />
        <GetThereLink place={place} />
      </dd>
      {place.phone ? (
        <>
          <dt>{t("session.place.phone")}</dt>
          <dd>
            <PhoneLink phone={place.phone} className="phone-link" />
          </dd>
        </>
      ) : null}
      <PlaceAccessFacts
        place={place}
        accessLabel={t("session.place.access")}
        transportLabel={t("session.place.transport")}
      />
    </dl>
  );
}
