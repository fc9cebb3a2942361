// Which scheduled emails (reminders, their copy to a helper, the follow-up) a booking calls for in
// its current state, and what that means for the rows already written: keep, write, revive, drop.
// The service reads the rows, asks this, and writes the answer in the booking's transaction.
import type { BookingStatus, SessionStatus } from "../booking/statuses";
import {
  DEFAULT_EMAIL_TIMING,
  followUpMoment,
  isWorthWriting,
  reminderMoments,
  type EmailTiming,
  type ReminderMoment,
} from "./email-timing";

export type ScheduledKind = "reminder" | "follow-up";
export const SCHEDULED_KINDS: readonly ScheduledKind[] = ["reminder", "follow-up"];

export type BookingForSchedule = {
  id: string;
  status: BookingStatus;
  remindersWanted: boolean;
  /** Where the booking's messages go; null for a phone-only booking. */
  contactEmail: string | null;
  locale: string;
  /** The helper's address, only when the person agreed that the helper gets the reminders. */
  helperEmail: string | null;
  session: { status: SessionStatus; startsAt: Date; endsAt: Date; deleted: boolean };
};

export type ScheduledRow = {
  kind: ScheduledKind;
  dedupeKey: string;
  recipient: string;
  locale: string;
  sendAfter: Date;
  payload: Record<string, unknown>;
};

export type ExistingRow = {
  id: string;
  kind: string;
  dedupeKey: string;
  state: string;
  recipient: string;
  locale: string;
  sendAfter: Date;
};

export type DropReason =
  | "session-cancelled"
  | "booking-cancelled"
  | "booking-waitlisted"
  | "reminders-stopped"
  | "no-contact-email"
  | "helper-copy-stopped"
  /** The session's time changed: a row for the new time replaces it. */
  | "session-moved";

export type SchedulePlan = {
  /** New rows, or rows to bring back (DROPPED) or correct (PENDING): `existingId` says which. */
  write: (ScheduledRow & { existingId: string | null })[];
  drop: { id: string; reason: DropReason }[];
};

/**
 * The keys carry the session's time, so a moved session's rows are new rows (the old ones are
 * dropped, "session-moved"), while a retried transaction or a second sync finds its own rows.
 */
export function reminderKey(bookingId: string, moment: ReminderMoment, startsAt: Date, toHelper: boolean): string {
  return `reminder:${bookingId}:${moment}:${startsAt.toISOString()}${toHelper ? ":helper" : ""}`;
}

export function followUpKey(bookingId: string, endsAt: Date): string {
  return `follow-up:${bookingId}:${endsAt.toISOString()}`;
}

/** Why a booking calls for no scheduled email at all, or null if it calls for some. */
export function whyNothingScheduled(booking: BookingForSchedule): DropReason | null {
  if (booking.session.deleted || booking.session.status === "CANCELLED") return "session-cancelled";
  if (booking.status === "CANCELLED") return "booking-cancelled";
  if (booking.status === "WAITLISTED") return "booking-waitlisted";
  if (!booking.remindersWanted) return "reminders-stopped";
  return null;
}

/** Every row the booking calls for now, past moments included (the plan decides what is still worth writing). */
export function scheduledRowsFor(booking: BookingForSchedule, timing: EmailTiming = DEFAULT_EMAIL_TIMING) {
  if (whyNothingScheduled(booking) !== null) return [];
  const { startsAt, endsAt } = booking.session;
  const rows: (ScheduledRow & { moment: ReminderMoment | null })[] = [];
  for (const { moment, sendAfter } of reminderMoments(booking.session, timing)) {
    const payload = { moment, startsAt: startsAt.toISOString() };
    if (booking.contactEmail !== null) {
      rows.push({
        kind: "reminder",
        moment,
        dedupeKey: reminderKey(booking.id, moment, startsAt, false),
        recipient: booking.contactEmail,
        locale: booking.locale,
        sendAfter,
        payload,
      });
    }
    if (booking.helperEmail !== null) {
      rows.push({
        kind: "reminder",
        moment,
        dedupeKey: reminderKey(booking.id, moment, startsAt, true),
        recipient: booking.helperEmail,
        locale: booking.locale,
        sendAfter,
        payload: { ...payload, toHelper: true },
      });
    }
  }
  if (booking.contactEmail !== null) {
    rows.push({
      kind: "follow-up",
      moment: null,
      dedupeKey: followUpKey(booking.id, endsAt),
      recipient: booking.contactEmail,
      locale: booking.locale,
      sendAfter: followUpMoment(booking.session, timing),
      payload: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    });
  }
  return rows;
}

/**
 * - A row still PENDING under a key the booking calls for is kept (corrected if its recipient,
 *   language or time changed), even when its moment has come: the sender sends it.
 * - A missing or DROPPED one is written only if its moment is still ahead by the lead: a
 *   reminder is not written for a booking made after (or just before) its moment.
 * - A SENT or FAILED row is history: never touched.
 * - Any other PENDING reminder or follow-up of the booking is dropped, with the reason.
 */
export function planScheduledEmails(
  booking: BookingForSchedule,
  existing: readonly ExistingRow[],
  now: Date,
  timing: EmailTiming = DEFAULT_EMAIL_TIMING,
): SchedulePlan {
  const byKey = new Map(existing.map((row) => [row.dedupeKey, row]));
  const wanted = scheduledRowsFor(booking, timing);
  const plan: SchedulePlan = { write: [], drop: [] };

  for (const { moment, ...row } of wanted) {
    const found = byKey.get(row.dedupeKey);
    if (found?.state === "PENDING") {
      const changed =
        found.recipient !== row.recipient ||
        found.locale !== row.locale ||
        found.sendAfter.getTime() !== row.sendAfter.getTime();
      if (changed) plan.write.push({ ...row, existingId: found.id });
      continue;
    }
    if (found !== undefined && found.state !== "DROPPED") continue;
    const stillAhead =
      moment === null
        ? row.sendAfter.getTime() > now.getTime()
        : isWorthWriting({ moment, sendAfter: row.sendAfter }, now, timing);
    if (stillAhead) plan.write.push({ ...row, existingId: found?.id ?? null });
  }

  const wantedKeys = new Set(wanted.map((row) => row.dedupeKey));
  const overall = whyNothingScheduled(booking);
  for (const row of existing) {
    if (row.state !== "PENDING" || wantedKeys.has(row.dedupeKey)) continue;
    if (!(SCHEDULED_KINDS as readonly string[]).includes(row.kind)) continue;
    plan.drop.push({ id: row.id, reason: overall ?? reasonForOneRow(row, booking) });
  }
  return plan;
}

function reasonForOneRow(row: ExistingRow, booking: BookingForSchedule): DropReason {
  if (row.dedupeKey.endsWith(":helper")) return booking.helperEmail === null ? "helper-copy-stopped" : "session-moved";
  return booking.contactEmail === null ? "no-contact-email" : "session-moved";
}
