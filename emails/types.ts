// What every template receives: its language, a t() fixed to the "emails" namespace, and view
// data already put in words (dates in Paris time, absolute links). Templates only lay it out.
import type { TFunction } from "i18next";

import type { Language } from "~/utils/i18n";

export type EmailContext = { lang: Language; t: TFunction };

/** A text typed by staff (a title, an address, access notes) and the language it is written in. */
export type Localised = { text: string; lang: Language };

export type PlaceView = {
  name: Localised;
  address: Localised;
  phone: string | null;
  room: string | null;
  accessNotes: Localised | null;
  publicTransport: Localised | null;
  stepFreeAccess: boolean;
};

export type SessionView = {
  title: Localised;
  /** "mardi 3 mars, de 14 h à 16 h", in Paris time, in the email's language. */
  when: string;
  place: PlaceView;
};

/** What each booking email carries at its foot. */
export type BookingLinks = {
  manageUrl: string;
  /** The one-click stop of reminders; null where the booking will get none anyway. */
  stopRemindersUrl: string | null;
  /** The attached .ics: an invitation, its cancellation, or none. */
  calendar: "request" | "cancel" | null;
};

export type OtherDateView = { when: string; placeName: Localised; url: string; seatsLeft: number };

/** A template's output before rendering: the subject line and the React element of the body. */
export type EmailDraft = { subject: string; element: React.ReactElement };
