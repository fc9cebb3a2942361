// One booking as a calendar event, the same for the manage page's "Ajouter à mon agenda" and for
// the file attached to its emails: same UID, same SEQUENCE, same words (docs/decisions/014, 018).
import type { TFunction } from "i18next";

import { env } from "~/utils/env.server";
import type { CalendarEvent, CalendarMethod } from "~/utils/ics.server";

import { placeAddress } from "./booking-summary.server";

export type BookingCalendarInput = {
  bookingId: string;
  cancelled: boolean;
  startsAt: Date;
  endsAt: Date;
  workshop: { title: string; summary: string; whatToBring: string | null; devicesLent: boolean };
  place: { name: string; addressLine: string; postcode: string; communeName: string; phone: string | null };
  personName: string;
  manageUrl: string;
  sequence: number;
  now: Date;
  /** t() of the "manage" namespace, in the language of the page or the email. */
  t: TFunction;
  method?: CalendarMethod;
  organizer?: CalendarEvent["organizer"];
  attendee?: CalendarEvent["attendee"];
};

/** Stable per booking, so a calendar updates its one event instead of adding another. */
export function bookingCalendarUid(bookingId: string): string {
  return `booking-${bookingId}@${new URL(env.APP_URL).hostname}`;
}

export function bookingCalendarEvent(input: BookingCalendarInput): CalendarEvent {
  const { t, workshop, place } = input;
  const description = [
    workshop.summary,
    t("calendar.booked", { name: input.personName }),
    workshop.whatToBring ? t("calendar.whatToBring", { items: workshop.whatToBring }) : null,
    workshop.devicesLent ? t("calendar.devicesLent") : null,
    place.phone ? t("calendar.phone", { phone: place.phone }) : null,
    t("calendar.manage", { url: input.manageUrl }),
  ].filter(Boolean);
  return {
    uid: bookingCalendarUid(input.bookingId),
    title: workshop.title,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    location: `${place.name}, ${placeAddress(place)}`,
    description: description.join("\n"),
    url: input.manageUrl,
    cancelled: input.cancelled,
    sequence: input.sequence,
    now: input.now,
    method: input.method,
    organizer: input.organizer,
    attendee: input.attendee,
    // The phone's own reminders: the day before, to plan the trip, and two hours before, to leave.
    alarms: [
      { before: "-P1D", description: t("calendarAlarm.dayBefore", { title: workshop.title, place: place.name }) },
      { before: "-PT2H", description: t("calendarAlarm.soon", { title: workshop.title, place: place.name }) },
    ],
  };
}
