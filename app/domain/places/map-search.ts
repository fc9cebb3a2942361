/**
 * « Comment venir »: the place's address searched on OpenStreetMap — an outgoing link, nothing
 * downloaded, no key, and the resident's phone opens it in a map app if it has one.
 */
export function mapSearchHref(place: { addressLine: string; postcode: string; communeName: string }): string {
  const query = `${place.addressLine}, ${place.postcode} ${place.communeName}`;
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}
