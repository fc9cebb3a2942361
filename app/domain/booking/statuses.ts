// String unions mirroring prisma/schema.prisma, so the domain imports nothing generated.

export type SessionStatus = "SCHEDULED" | "CANCELLED" | "COMPLETED";

export type BookingStatus = "CONFIRMED" | "WAITLISTED" | "CANCELLED";

/** A booking that holds a seat or a place in the queue. */
export type ActiveBookingStatus = Exclude<BookingStatus, "CANCELLED">;

export function isActiveBooking(status: BookingStatus): status is ActiveBookingStatus {
  return status !== "CANCELLED";
}
