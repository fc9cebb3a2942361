import type { LoaderFunctionArgs } from "@remix-run/node";
import { placeAddress } from "~/services/booking-summary.server";
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
  const description = [
    workshop.summary,
    t("calendar.booked", { name: `${booking.person.firstName} ${booking.person.lastName}` }),
    workshop.whatToBring ? t("calendar.whatToBring", { items: workshop.whatToBring }) : null,
    workshop.devicesLent ? t("calendar.devicesLent") : null,
    place.phone ? t("calendar.phone", { phone: place.phone }) : null,
    t("calendar.manage", { url: manageUrl }),
  ].filter(Boolean);
  const ics = buildCalendar({
    uid: `booking-${booking.id}@${new URL(env.APP_URL).hostname}`,
    title: workshop.title,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    location: `${place.name}, ${placeAddress(place)}`,
    description: description.join("\n"),
    url: manageUrl,
    cancelled: booking.status === "CANCELLED" || session.status === "CANCELLED",
    sequence: booking.calendarSequence,
    now,
    // The phone's own reminders: the day before, to plan the trip, and two hours before, to leave.
    alarms: [
      { before: "-P1D", description: t("calendarAlarm.dayBefore", { title: workshop.title, place: place.name }) },
      { before: "-PT2H", description: t("calendarAlarm.soon", { title: workshop.title, place: place.name }) },
    ],
  });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${workshop.slug}-${parisDayKey(session.startsAt)}.ics"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
