import { mapSearchHref } from "~/domain/places/map-search";
import type { CatalogueSession } from "~/models/session.server";
import { formatSessionTime } from "~/domain/time/format-session-time";
import type { Language } from "~/utils/i18n";
import type { BookingStatus, SessionStatus } from "~/domain/booking/statuses";
import type { CancelAnswer, RemindersAnswer, SessionTiming } from "~/domain/policy/booking-policy";
import { maskEmail } from "~/domain/people/contact";

import type { ManagedBooking } from "./read-bookings.server";

/**
 * A booking as the resident reads it: everything already in words (the date in their language,
 * in Paris time), so the same text comes out of the server and the browser.
 */
export type BookingSummaryView = {
  bookingId: string;
  status: BookingStatus;
  waitlistPosition: number | null;
  person: { firstName: string; fullName: string };
  sessionId: string;
  sessionStatus: SessionStatus;
  sessionCancellationReason: string | null;
  /** Where the session stands by the clock when the page was made. */
  timing: SessionTiming;
  /** The policy's answer to "may I cancel this?" when the page was made; pages render it as is. */
  cancel: CancelAnswer;
  startsAt: string;
  when: string;
  workshop: {
    title: string;
    summary: string;
    whatToBring: string | null;
    devicesLent: boolean;
    skillStatements: string[];
  };
  place: {
    name: string;
    /** « au Hub numérique » (French after « à »). */
    atPlace: string;
    address: string;
    /** An address search on a map (« Comment venir »). */
    mapHref: string;
    room: string | null;
    phone: string | null;
    stepFreeAccess: boolean;
    parking: boolean;
    hearingLoop: boolean;
    accessNotes: string | null;
    publicTransport: string | null;
  };
  trainerFirstNames: string[];
  partOfCourse: boolean;
  /** Where this booking's messages go and whether reminders come (decisions/015). */
  messages: {
    /** The address given with the booking: whole right after booking, else masked ("m…@exemple.fr"). */
    email: string | null;
    hasPhone: boolean;
    remindersWanted: boolean;
    /** The policy's answer: may the reader stop (or restart) the reminders now. */
    changeReminders: RemindersAnswer;
  };
};

/** One line, the way it is written on an envelope: "2 rue de la Mairie, 11170 Montolieu". */
export function placeAddress(place: { addressLine: string; postcode: string; communeName: string }): string {
  return `${place.addressLine}, ${place.postcode} ${place.communeName}`;
}

/** Dates are put in words on the server, in Paris time, so the page reads the same with or without JavaScript. */
export function toBookingSummary(
  booking: ManagedBooking,
  language: Language,
  options: { showWholeEmail?: boolean } = {},
): BookingSummaryView {
  const { session } = booking;
  return {
    bookingId: booking.id,
    status: booking.status,
    waitlistPosition: booking.waitlistPosition,
    person: {
      firstName: booking.person.firstName,
      fullName: `${booking.person.firstName} ${booking.person.lastName}`,
    },
    sessionId: session.id,
    sessionStatus: session.status,
    sessionCancellationReason: session.cancellationReason,
    timing: booking.timing,
    cancel: booking.cancel,
    startsAt: session.startsAt.toISOString(),
    when: formatSessionTime(session.startsAt, session.endsAt, language),
    workshop: {
      title: session.workshop.title,
      summary: session.workshop.summary,
      whatToBring: session.workshop.whatToBring,
      devicesLent: session.workshop.devicesLent,
      skillStatements: session.workshop.targetSkills.map((skill) => skill.statement),
    },
    place: {
      name: session.place.name,
      atPlace: session.place.atPlace,
      address: placeAddress(session.place),
      mapHref: mapSearchHref(session.place),
      room: session.room,
      phone: session.place.phone,
      stepFreeAccess: session.place.stepFreeAccess,
      parking: session.place.parking,
      hearingLoop: session.place.hearingLoop,
      accessNotes: session.place.accessNotes,
      publicTransport: session.place.publicTransport,
    },
    trainerFirstNames: session.trainers.map((trainer) => trainer.firstName),
    partOfCourse: booking.courseEnrolmentId !== null,
    messages: {
      email:
        booking.messages.email === null
          ? null
          : options.showWholeEmail
            ? booking.messages.email
            : maskEmail(booking.messages.email),
      hasPhone: booking.messages.phone !== null,
      remindersWanted: booking.messages.remindersWanted,
      changeReminders: booking.messages.changeReminders,
    },
  };
}

export type OtherDateView = { sessionId: string; when: string; placeName: string; seatsLeft: number };

export function toOtherDates(sessions: CatalogueSession[], language: Language): OtherDateView[] {
  return sessions.map((session) => ({
    sessionId: session.id,
    when: formatSessionTime(session.startsAt, session.endsAt, language),
    placeName: session.place.name,
    seatsLeft: session.seatsLeft,
  }));
}
