import { useTranslation } from "react-i18next";
import { PlaceAccessFacts, type PlaceAccessData } from "./place-access-facts";
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

/** The place in lines, as on an envelope, then the room. */
export function SessionPlaceLines({ place, room }: PlaceLinesProps) {
  const { t } = useTranslation("catalogue");
  return (
    <>
      <span className="block">{place.name}</span>
      <span className="block">{place.addressLine}</span>
      <span className="block">
        {t("session.postcodeCommune", { postcode: place.postcode, commune: place.communeName })}
      </span>
      {room ? <span className="block">{t("session.roomValue", { room })}</span> : null}
    </>
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
