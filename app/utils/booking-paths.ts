/** Where a resident manages one booking; the token is only known when the booking is made. */
export function manageBookingPath(token: string): string {
  return `/reservation/${token}`;
}

/** Where a resident without their booking link asks for a new one ("Retrouver mes réservations"). */
export const FIND_MY_BOOKINGS_PATH = "/mes-reservations";
