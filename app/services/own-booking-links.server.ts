// The card and calendar links of a signed-in resident's own bookings (docs/decisions/021).
import { manageBookingPath } from "~/utils/booking-paths";
import { prisma } from "~/utils/db.server";
import { manageTokenFor, manageTokenHashFor } from "~/utils/link-tokens.server";
import type { ResidentAccess } from "~/utils/resident-session.server";

export type OwnBookingLinks = { card: string; calendar: string };

/**
 * The manage link is derived from the booking id (decisions/016), so the list can rebuild it for
 * the bookings the resident's session opens, and only for those: the query is scoped to the
 * session's person and contact email (decisions/015), whatever ids are asked. A booking whose stored hash is not the derived one (a random token from before the
 * derivation, not yet re-derived) gets no links rather than a link that opens nothing.
 */
export async function ownBookingLinks(
  access: ResidentAccess,
  bookingIds: string[],
): Promise<Map<string, OwnBookingLinks>> {
  if (bookingIds.length === 0) return new Map();
  const rows = await prisma.booking.findMany({
    where: {
      personId: access.personId,
      ...(access.contactEmailNormalized === null ? {} : { contactEmailNormalized: access.contactEmailNormalized }),
      id: { in: bookingIds },
    },
    select: { id: true, manageTokenHash: true },
  });
  const links = new Map<string, OwnBookingLinks>();
  for (const row of rows) {
    if (row.manageTokenHash !== manageTokenHashFor(row.id)) continue;
    const managePath = manageBookingPath(manageTokenFor(row.id));
    links.set(row.id, { card: `${managePath}/carte`, calendar: `${managePath}/agenda.ics` });
  }
  return links;
}
