/** Where a resident manages one booking; the token is only known when the booking is made. */
export function manageBookingPath(token: string): string {
  return `/reservation/${token}`;
}

/** Where a resident without their booking link asks for a new one ("Retrouver mes réservations"). */
export const FIND_MY_BOOKINGS_PATH = "/mes-reservations";

/** The one-click stop of a booking's reminders (List-Unsubscribe, RFC 8058); the token is its own proof. */
export function stopRemindersPath(bookingId: string, token: string): string {
  return `/rappels/arret/${encodeURIComponent(bookingId)}/${token}`;
}

/** A session's page, where it can be booked. */
export function sessionPath(sessionId: string): string {
  return `/ateliers/${encodeURIComponent(sessionId)}`;
}

/** "Retrouver mes réservations": the link's token opens the person's bookings once. */
export function bookingsLinkPath(token: string): string {
  return `/mes-reservations/acces/${token}`;
}

export const CATALOGUE_PATH = "/ateliers";
