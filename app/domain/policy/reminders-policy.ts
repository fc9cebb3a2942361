// Who may stop a booking's reminders. Stopping only takes messages away and changes nothing
// else of the booking, so a narrower proof than the manage link is enough: the one-click link
// of the booking's emails (List-Unsubscribe, RFC 8058), whose token is derived from the booking.
import { hasPermission, type Actor } from "./actor";

/** Holds a "stop the reminders" link of one booking: proves that much and nothing more (it cannot cancel). */
export type StopLinkHolder = { kind: "stop-reminders-link"; bookingId: string };

export type StopRemindersAnswer = { may: true; alreadyStopped: boolean } | { may: false; reason: "NOT_ALLOWED" };

export interface StopRemindersQuestion {
  booking: { id: string; personId: string; remindersWanted: boolean };
}

/** Anyone who proved control of the booking may stop its reminders, at any time and as often as they like. */
export function mayStopReminders(actor: Actor | StopLinkHolder, question: StopRemindersQuestion): StopRemindersAnswer {
  const { booking } = question;
  const allowed =
    actor.kind === "stop-reminders-link" || actor.kind === "manage-link"
      ? actor.bookingId === booking.id
      : actor.kind === "resident"
        ? actor.personId === booking.personId
        : hasPermission(actor, "update:booking:any");
  if (!allowed) return { may: false, reason: "NOT_ALLOWED" };
  return { may: true, alreadyStopped: !booking.remindersWanted };
}
