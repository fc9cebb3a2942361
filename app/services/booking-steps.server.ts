// The steps every booking use case shares: taking a seat, writing the row, telling the person.
import type { BookingContact, EmailRecipient } from "~/domain/booking/recipient";
import { WAITLIST_CAP } from "~/domain/booking/waitlist";
import { prisma } from "~/utils/db.server";
import { manageTokenHashFor, newLinkedRowId } from "~/utils/link-tokens.server";
import type { SessionForEmail } from "~/models/booking.server";

import { enqueueEmail, type EmailKind } from "./outbox.server";
import { assignDeskCode } from "./desk-code.server";
import { ConcurrentChange, type TransactionClient } from "./transaction.server";

export type BookingSource = "ONLINE" | "PHONE" | "WALK_IN" | "STAFF";

/** The guarded update: the only place a seat is taken, and it cannot oversell. */
export async function takeSeat(tx: TransactionClient, sessionId: string): Promise<boolean> {
  const { count } = await tx.session.updateMany({
    where: { id: sessionId, status: "SCHEDULED", seatsTaken: { lt: prisma.session.fields.capacity } },
    data: { seatsTaken: { increment: 1 } },
  });
  return count === 1;
}

/**
 * The guarded update that caps a waiting list: a place in the queue is counted on the session
 * row only while `waitlistCount < WAITLIST_CAP`, so two concurrent requests seeing nine people
 * cannot both become the tenth, on SQLite or PostgreSQL alike.
 */
export async function joinWaitlist(tx: TransactionClient, sessionId: string): Promise<boolean> {
  const { count } = await tx.session.updateMany({
    where: { id: sessionId, status: "SCHEDULED", waitlistCount: { lt: WAITLIST_CAP } },
    data: { waitlistCount: { increment: 1 } },
  });
  return count === 1;
}

/** A booking left the waiting list (cancelled, or promoted to a seat). */
export async function leaveWaitlist(tx: TransactionClient, sessionId: string): Promise<void> {
  await tx.session.updateMany({
    where: { id: sessionId, waitlistCount: { gt: 0 } },
    data: { waitlistCount: { decrement: 1 } },
  });
}

/**
 * Creates the booking, or brings a cancelled row for the same person and session back to life.
 * A new booking gets its id before the insert, because its manage token is derived from it
 * (`manageTokenFor(id)`, docs/decisions/016): only the hash is stored, the token is recomputed
 * whenever a page or an email needs it. A row brought back keeps its id, so its link too.
 * The contact and language given on this form become the booking's: its messages go there.
 */
export async function writeBooking(
  tx: TransactionClient,
  booking: {
    existingId: string | null;
    sessionId: string;
    personId: string;
    status: "CONFIRMED" | "WAITLISTED";
    source: BookingSource;
    bookedById: string | null;
    courseEnrolmentId: string | null;
    contact: BookingContact;
    remindersWanted: boolean;
    now: Date;
  },
): Promise<string> {
  const { now } = booking;
  const data = {
    status: booking.status,
    source: booking.source,
    bookedById: booking.bookedById,
    courseEnrolmentId: booking.courseEnrolmentId,
    ...booking.contact,
    remindersWanted: booking.remindersWanted,
    confirmedAt: booking.status === "CONFIRMED" ? now : null,
    waitlistedAt: booking.status === "WAITLISTED" ? now : null,
    promotedAt: null,
    cancelledAt: null,
    cancelledBy: null,
    cancellationReason: null,
  };
  if (booking.existingId !== null) {
    // A calendar only applies a later version of the same event (same UID) with a higher SEQUENCE.
    const changed = { ...data, icsSequence: { increment: 1 } };
    // Only a row still cancelled comes back: two submits that both read it cancelled must not both
    // take a seat (or a place in line) for one booking.
    const { count } = await tx.booking.updateMany({
      where: { id: booking.existingId, status: "CANCELLED" },
      data: changed,
    });
    if (count === 0) throw new ConcurrentChange(`booking ${booking.existingId} came back meanwhile`);
    return booking.existingId;
  }
  const id = newLinkedRowId();
  await tx.booking.create({
    data: {
      ...data,
      id,
      manageTokenHash: manageTokenHashFor(id),
      manageTokenScheme: 1,
      sessionId: booking.sessionId,
      personId: booking.personId,
    },
    select: { id: true },
  });
  await assignDeskCode(tx, id);
  return id;
}

/**
 * Enqueues one booking email to the booking's contact (`bookingRecipient`): a service message,
 * sent without a tick; a booking made with a phone only gets none (staff tell them). The row
 * names its booking and session; the payload holds no link: the composer derives the manage
 * link from `bookingId` when it sends (docs/decisions/016). Keyed by booking, kind and instant:
 * a re-booking after a cancellation is a new email, a retried transaction is not.
 */
export async function notifyBookingMade(
  tx: TransactionClient,
  email: {
    kind: Extract<EmailKind, "booking-confirmed" | "booking-waitlisted" | "booking-promoted" | "booking-cancelled">;
    /** `bookingRecipient(booking)`: null when the booking has no email. */
    recipient: EmailRecipient | null;
    session: SessionForEmail;
    bookingId: string;
    now: Date;
    extra: Record<string, unknown>;
  },
): Promise<void> {
  const { recipient, session } = email;
  if (recipient === null) return;
  await enqueueEmail(tx, {
    kind: email.kind,
    recipient: recipient.email,
    locale: recipient.locale,
    dedupeKey: `${email.kind}:${email.bookingId}:${email.now.toISOString()}`,
    bookingId: email.bookingId,
    sessionId: session.id,
    payload: {
      bookingId: email.bookingId,
      firstName: recipient.firstName,
      lastName: recipient.lastName,
      workshopTitle: session.workshop.title,
      whatToBring: session.workshop.whatToBring,
      devicesLent: session.workshop.devicesLent,
      placeName: session.place.name,
      placeAddress: session.place.addressLine,
      placePostcode: session.place.postcode,
      placeCommune: session.place.commune.name,
      placePhone: session.place.phone,
      room: session.room,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      ...email.extra,
    },
  });
}
