// Who may look a booking up by the short code printed on its card (docs/decisions/021).
import { hasPermission, type Actor } from "./actor";

export type DeskLookupAnswer = { may: true } | { may: false; reason: "NOT_ALLOWED" };

/**
 * The code is read out at the reception desk or over the phone: it is a way for staff to find a
 * booking, never a way in for whoever holds it. So only staff who may read any booking may use
 * it; a resident, with or without a link or a session, is refused, whatever the code.
 */
export function mayFindBookingByDeskCode(actor: Actor): DeskLookupAnswer {
  return hasPermission(actor, "read:booking:any") ? { may: true } : { may: false, reason: "NOT_ALLOWED" };
}
