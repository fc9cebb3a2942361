// A French place written the way French writes it, on every page whatever its language: these
// lines are data (a name, a commune, a postcode), shown isolated left to right (FrenchText), not
// sentences to translate. Plain functions, so the server and the hydrating browser write the same
// text — the browser only holds the page's own language, never French's.

/** « Hub numérique, Carcassonne »; the name alone when it already says its commune. */
export function placeWithCommune(place: { name: string; communeName: string }): string {
  return place.name.includes(place.communeName) ? place.name : `${place.name}, ${place.communeName}`;
}

/** « 11000 Carcassonne ». */
export function postcodeAndCommune(place: { postcode: string; communeName: string }): string {
  return `${place.postcode} ${place.communeName}`;
}
