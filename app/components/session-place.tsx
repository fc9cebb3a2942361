import { useTranslation } from "react-i18next";
import { frenchContent } from "./ui/french-content";
import { PhoneLink } from "./ui/phone-link";

export type SessionPlaceData = {
  name: string;
  addressLine: string;
  postcode: string;
  communeName: string;
  phone: string | null;
  stepFreeAccess: boolean;
  parking: boolean;
  hearingLoop: boolean;
  accessNotes: string | null;
  publicTransport: string | null;
};

/** Where the session happens: address, phone, access and transport, as facts. */
export function SessionPlace({ place, room }: { place: SessionPlaceData; room?: string | null }) {
  const { t } = useTranslation("catalogue");
  const access = [
    place.stepFreeAccess && t("home:access.stepFree"),
    place.parking && t("home:access.parking"),
    place.hearingLoop && t("home:access.hearingLoop"),
  ].filter((item): item is string => typeof item === "string");
  return (
    <dl className="facts">
      <dt>{t("session.place.address")}</dt>
      <dd>
        <span className="block">{place.name}</span>
        <span className="block">{place.addressLine}</span>
        <span className="block">
          {t("session.postcodeCommune", { postcode: place.postcode, commune: place.communeName })}
        </span>
        {room ? <span className="block">{t("session.roomValue", { room })}</span> : null}
      </dd>
      {place.phone ? (
        <>
          <dt>{t("session.place.phone")}</dt>
          <dd>
            <PhoneLink phone={place.phone} className="phone-link" />
          </dd>
        </>
      ) : null}
      {access.length > 0 || place.accessNotes ? (
        <>
          <dt>{t("session.place.access")}</dt>
          <dd>
            {access.length > 0 ? <span className="block">{access.join(t("common:listSeparator"))}</span> : null}
            {place.accessNotes ? (
              <span className="block" {...frenchContent}>
                {place.accessNotes}
              </span>
            ) : null}
          </dd>
        </>
      ) : null}
      {place.publicTransport ? (
        <>
          <dt>{t("session.place.transport")}</dt>
          <dd {...frenchContent}>{place.publicTransport}</dd>
        </>
      ) : null}
    </dl>
  );
}
