import type { LoaderFunctionArgs } from "@remix-run/node";
import { bookingCalendarEvent } from "~/services/booking-calendar.server";
import { findBookingByManageToken } from "~/services/read-bookings.server";
import { manageBookingPath } from "~/utils/booking-paths";
import { env } from "~/utils/env.server";
import { getRequestT } from "~/utils/i18n.server";
import { buildCalendar } from "~/utils/ics.server";
import { parisDayKey } from "~/domain/time/paris-day";

/** "Ajouter à mon agenda": the booking as an .ics file that phones and computers import. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const token = params.token ?? "";
  const [{ t }, booking] = await Promise.all([getRequestT(request, "manage"), findBookingByManageToken(token, now)]);
  if (!booking) {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const { session } = booking;
  const { workshop, place } = session;
  const manageUrl = new URL(manageBookingPath(token), env.APP_URL).href;
  const ics = buildCalendar(
    bookingCalendarEvent({
      bookingId: booking.id,
      cancelled: booking.status === "CANCELLED" || session.status === "CANCELLED",
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      workshop,
      place,
      personName: `${booking.person.firstName} ${booking.person.lastName}`,
      manageUrl,
      sequence: booking.calendarSequence,
      now,
      t,
    }),
  );
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${workshop.slug}-${parisDayKey(session.startsAt)}.ics"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
