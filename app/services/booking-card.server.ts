// What the printable card adds to the booking's summary: the code the reception desk looks up
// and the QR code of the manage link (docs/decisions/021).
import { formatDeskCode } from "~/domain/booking/desk-code";
import { prisma } from "~/utils/db.server";
import { qrCodePath, type QrCodePath } from "~/utils/qr-code.server";

export type BookingCardExtras = {
  /** "K7PM 3XRA", or null for a booking that has none yet (the backfill gives one at start). */
  deskCode: string | null;
  qrCode: QrCodePath;
};

export async function bookingCardExtras(bookingId: string, manageUrl: string): Promise<BookingCardExtras> {
  const row = await prisma.booking.findUnique({ where: { id: bookingId }, select: { deskCode: true } });
  return {
    deskCode: row?.deskCode ? formatDeskCode(row.deskCode) : null,
    qrCode: qrCodePath(manageUrl),
  };
}
