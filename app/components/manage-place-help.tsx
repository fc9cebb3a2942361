import { Trans, useTranslation } from "react-i18next";
import { FrenchText } from "./ui/french-text";
import { PhoneLink } from "./ui/phone-link";

type Props = { place: { name: string; atPlace: string; phone: string | null } };

/** "Une question ? Appelez … au 04 …": the phone is a link, so one tap calls the place. */
export function ManagePlaceHelp({ place }: Props) {
  const { t } = useTranslation("manage");
  return (
    <p className="lead">
      <Trans
        t={t}
        i18nKey={place.phone ? "help.call" : "help.noPhone"}
        values={{ place: place.name, atPlace: place.atPlace, phone: place.phone }}
        components={{ place: <FrenchText />, phone: place.phone ? <PhoneLink phone={place.phone} /> : <span /> }}
      />
    </p>
  );
}
