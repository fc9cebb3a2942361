// The reception desk finds a booking from the code on the resident's card (docs/decisions/021).
import { normaliseDeskCode } from "~/domain/booking/desk-code";
import type { Actor } from "~/domain/policy/actor";
import { mayFindBookingByDeskCode } from "~/domain/policy/desk-code-policy";
import { prisma } from "~/utils/db.server";

export type DeskCodeBooking = {
  id: string;
  deskCode: string;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  person: { id: string; firstName: string; lastName: string };
  session: { id: string; startsAt: Date; workshopTitle: string; placeName: string };
};

export type DeskCodeLookup =
  { ok: true; booking: DeskCodeBooking } | { ok: false; code: "NOT_ALLOWED" | "NOT_A_CODE" | "NOT_FOUND" };

/**
 * The policy is asked first, so whoever may not look codes up learns nothing, not even whether
 * the code looks valid. What staff type is normalised (case, spaces, look-alike characters).
 */
export async function findBookingByDeskCode(actor: Actor, typed: string): Promise<DeskCodeLookup> {
  if (!mayFindBookingByDeskCode(actor).may) return { ok: false, code: "NOT_ALLOWED" };
  const deskCode = normaliseDeskCode(typed);
  if (deskCode === null) return { ok: false, code: "NOT_A_CODE" };
  const row = await prisma.booking.findUnique({
    where: { deskCode },
    select: {
      id: true,
      status: true,
      person: { select: { id: true, firstName: true, lastName: true, deletedAt: true, anonymised: true } },
      session: {
        select: {
          id: true,
          startsAt: true,
          deletedAt: true,
          workshop: { select: { title: true } },
          place: { select: { name: true } },
        },
      },
    },
  });
  if (row === null || row.person.deletedAt !== null || row.person.anonymised || row.session.deletedAt !== null) {
    return { ok: false, code: "NOT_FOUND" };
  }
  const { person, session } = row;
  return {
    ok: true,
    booking: {
      id: row.id,
      deskCode,
      status: row.status,
      person: { id: person.id, firstName: person.firstName, lastName: person.lastName },
      session: {
        id: session.id,
        startsAt: session.startsAt,
        workshopTitle: session.workshop.title,
        placeName: session.place.name,
      },
    },
  };
}
