import { useTranslation } from "react-i18next";
import { FrenchText } from "./french-text";

/**
 * « La Gare — tiers-lieu de Capendu », or « Hub, Carcassonne » when the name does not say the
 * commune: one short line, in French, isolated left to right.
 */
export function PlaceWithCommune({ place }: { place: { name: string; communeName: string } }) {
  const { t } = useTranslation("catalogue");
  return (
    <FrenchText className="block place-name">
      {place.name.includes(place.communeName)
        ? place.name
        : t("card.placeWithCommune", { lng: "fr", place: place.name, commune: place.communeName })}
    </FrenchText>
  );
}
