/**
 * How French says "at this place": « au Hub numérique », « au Relais du Razès », « à La Page ».
 * A place may store its own form (`Place.nameAfterA`); without one, « à » + its name.
 */
export function placeNameAfterA(place: { name: string; nameAfterA: string | null }): string {
  const stored = place.nameAfterA?.trim();
  return stored ? stored : `à ${place.name}`;
}
