/**
 * The SEQUENCE of a booking's calendar event (RFC 5545 §3.8.7.4). A calendar that already holds
 * the event (same UID, one per booking) applies a newer file only when its SEQUENCE is higher, so
 * it must grow with every change a resident's calendar should pick up, and never go down.
 * Both counters only ever grow: the booking's with each of its own changes (cancelled, booked
 * again, promoted), the session's with each change staff make to it (moved, cancelled). See
 * docs/decisions/014-calendar-sequence.md.
 */
export function calendarSequence(booking: { icsSequence: number }, session: { revision: number }): number {
  return booking.icsSequence + session.revision;
}
