import { placeWithCommune } from "~/domain/places/french-address";
import { FrenchText } from "./french-text";

/**
 * « La Gare — tiers-lieu de Capendu », or « Hub, Carcassonne » when the name does not say the
 * commune: one short line, in French, isolated left to right.
 */
export function PlaceWithCommune({ place }: { place: { name: string; communeName: string } }) {
  return <FrenchText className="block place-name">{placeWithCommune(place)}</FrenchText>;
}
