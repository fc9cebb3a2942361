// Turns one due outbox row into a message, from the current state of what it is about: the row
// holds ids and small facts only, so times, places and links are read or derived now. A row the
// current state no longer warrants is dropped with the domain's reason (whyNotSend).
import { bookingCalendarEvent } from "../booking-calendar.server";
import { placeAddress } from "../booking-summary.server";

import { bookingCancelledEmail } from "#emails/booking-cancelled";
import { bookingConfirmedEmail } from "#emails/booking-confirmed";
import type { BookingEmailProps } from "#emails/booking-email";
import { bookingPromotedEmail } from "#emails/booking-promoted";
import { bookingRefusedEmail } from "#emails/booking-refused";
import { bookingWaitlistedEmail } from "#emails/booking-waitlisted";
import { bookingsLinkEmail } from "#emails/bookings-link";
import { enrolmentConfirmedEmail } from "#emails/enrolment-confirmed";
import { followUpMissedEmail } from "#emails/follow-up-missed";
import { followUpThanksEmail } from "#emails/follow-up-thanks";
import { reminderEmail } from "#emails/reminder";
import { renderEmail } from "#emails/render.server";
import { sessionCancelledEmail } from "#emails/session-cancelled";
import { sessionMovedEmail } from "#emails/session-moved";
import { staffPasswordResetEmail } from "#emails/staff-password-reset";
import { trainerRosterEmail } from "#emails/trainer-roster";
import type { EmailContext, EmailDraft, Localised, OtherDateView, SessionView } from "#emails/types";
import { calendarSequence } from "~/domain/booking/calendar-sequence";
import { whyNotSend, type SendFacts } from "~/domain/email/why-not-send";
import { formatClockTime, formatDateLong, formatSessionTime } from "~/domain/time/format-session-time";
import { parisDayBounds, parseParisDayKey } from "~/domain/time/paris-day";
import {
  findAccessTokenForEmail,
  findBookingForEmail,
  findEnrolmentForEmail,
  findPlaceNameForEmail,
  findTrainerRosterForEmail,
  type BookingForEmail,
  type SessionForEmailRow,
} from "~/models/email.server";
import { findPasswordResetForEmail } from "~/models/staff-account.server";
import { toPlaceDetails } from "~/models/place.server";
import { listOtherDatesWithSeats, listSuggestedNextSessions } from "~/models/session.server";
import {
  bookingsLinkPath,
  CATALOGUE_PATH,
  FIND_MY_BOOKINGS_PATH,
  manageBookingPath,
  sessionPath,
  stopRemindersPath,
} from "~/utils/booking-paths";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { getT } from "~/utils/i18n.server";
import { fallbackLanguage, isLanguage, type Language } from "~/utils/i18n";
import { buildCalendar, buildCalendarOfEvents, type CalendarEvent, type CalendarMethod } from "~/utils/ics.server";
import {
  bookingsLinkTokenFor,
  manageTokenFor,
  passwordResetTokenFor,
  stopRemindersTokenFor,
} from "~/utils/link-tokens.server";

import { passwordResetPath } from "../request-staff-password-reset.server";

import type { ComposeEmail, Composition, EmailAttachment, EmailKind, OutboxRowToCompose } from "./contract";
import type {
  BookingRefusedPayload,
  BookingsLinkPayload,
  EnrolmentConfirmedPayload,
  ReminderPayload,
  SessionMovedPayload,
  StaffPasswordResetPayload,
  TrainerRosterPayload,
} from "./payloads";

/** How many other dates a cancelled session's or a missed workshop's email offers. */
const OTHER_DATES_LIMIT = 3;
const SUGGESTIONS_LIMIT = 2;

type BookingKind = Exclude<EmailKind, "booking-refused" | "bookings-link" | "trainer-roster" | "staff-password-reset">;

export const composeEmail: ComposeEmail = async (row, now) => {
  const lang: Language = isLanguage(row.locale) ? row.locale : fallbackLanguage;
  const ctx: EmailContext = { lang, t: getT(lang, "emails") };
  switch (row.kind) {
    case "bookings-link":
      return composeBookingsLink(row, ctx, now);
    case "trainer-roster":
      return composeTrainerRoster(row, ctx, now);
    case "booking-refused":
      return composeBookingRefused(row, ctx);
    case "staff-password-reset":
      return composeStaffPasswordReset(row, ctx, now);
    default:
      return composeBookingEmail(row, row.kind, ctx, now);
  }
};

// ---------------------------------------------------------------------------------------------
// Emails about one booking

async function composeBookingEmail(
  row: OutboxRowToCompose,
  kind: BookingKind,
  ctx: EmailContext,
  now: Date,
): Promise<Composition> {
  const booking = row.bookingId ? await findBookingForEmail(prisma, row.bookingId, ctx.lang) : null;
  const reminder = kind === "reminder" ? readReminderPayload(row.payload) : null;
  if (kind === "reminder" && reminder === null) return { drop: "payload unreadable" };

  const reason = whyNotSend(kind, bookingFacts(booking, reminder), now);
  if (reason !== null) return { drop: reason };
  if (booking === null) return { drop: "booking not found" };

  const { session, person } = booking;
  const to = reminder?.toHelper ? (person.helperEmail ?? row.recipient) : (booking.contactEmail ?? row.recipient);
  // A course's confirmation covers several bookings, and a stop link stops one booking's
  // reminders: each of its reminders carries its own link instead.
  const remindersMayFollow = !["booking-cancelled", "session-cancelled", "follow-up", "enrolment-confirmed"].includes(
    kind,
  );
  const stopRemindersUrl = remindersMayFollow
    ? absolute(stopRemindersPath(booking.id, stopRemindersTokenFor(booking.id)))
    : null;
  const calendarMethod = CALENDAR_OF[kind];
  const base: BookingEmailProps = {
    ctx,
    firstName: person.firstName,
    session: sessionView(session, ctx),
    subjectDate: formatDateLong(session.startsAt, ctx.lang),
    links: {
      manageUrl: manageUrl(booking.id),
      stopRemindersUrl,
      calendar: calendarMethod === "CANCEL" ? "cancel" : calendarMethod ? "request" : null,
    },
  };

  const built = await draftFor(kind, row, booking, base, ctx, now);
  if ("drop" in built) return built;
  const rendered = await renderEmail(built.draft);

  const attendee = { name: `${person.firstName} ${person.lastName}`, email: to };
  const attachments: EmailAttachment[] = [];
  if (calendarMethod) {
    const bookings = built.calendarBookings ?? [booking];
    const events = bookings.map((b) => calendarEventOf(b, calendarMethod, attendee, ctx.lang, now));
    attachments.push({
      filename: `${session.workshop.slug}.ics`,
      contentType: `text/calendar; charset=utf-8; method=${calendarMethod}`,
      content: events.length === 1 ? buildCalendar(events[0]) : buildCalendarOfEvents(events),
    });
  }
  const headers: Record<string, string> = { "Auto-Submitted": "auto-generated" };
  if (stopRemindersUrl) {
    headers["List-Unsubscribe"] = `<${stopRemindersUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return { send: { to, subject: rendered.subject, html: rendered.html, text: rendered.text, attachments, headers } };
}

/** The calendar file each kind attaches: an invitation, its cancellation, or none (a waiting list holds no seat). */
const CALENDAR_OF: Record<BookingKind, CalendarMethod | null> = {
  "booking-confirmed": "REQUEST",
  "booking-waitlisted": null,
  "booking-promoted": "REQUEST",
  "booking-cancelled": "CANCEL",
  "enrolment-confirmed": "REQUEST",
  reminder: "REQUEST",
  "session-cancelled": "CANCEL",
  "session-moved": "REQUEST",
  "follow-up": null,
};

function bookingFacts(booking: BookingForEmail | null, reminder: ReminderPayload | null): SendFacts {
  if (booking === null) return { booking: null };
  const { person, session } = booking;
  return {
    person: {
      gone: person.anonymised || person.deletedAt !== null,
      helperReceivesReminders: person.helperReceivesReminders && person.helperEmail !== null,
    },
    booking: { status: booking.status, remindersWanted: booking.remindersWanted },
    session: {
      status: session.status,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      deleted: session.deletedAt !== null,
    },
    reminder: reminder
      ? { writtenForStartsAt: new Date(reminder.startsAt), toHelper: reminder.toHelper === true }
      : undefined,
    attendanceMarked: session._count.attendances > 0,
  };
}

type Built = { draft: EmailDraft; calendarBookings?: BookingForEmail[] } | { drop: string };

async function draftFor(
  kind: BookingKind,
  row: OutboxRowToCompose,
  booking: BookingForEmail,
  base: BookingEmailProps,
  ctx: EmailContext,
  now: Date,
): Promise<Built> {
  const { session, person } = booking;
  switch (kind) {
    case "booking-confirmed": {
      const original = session.workshop.whatToBring;
      const translated = session.workshop.translations[0]?.whatToBring;
      return {
        draft: bookingConfirmedEmail({
          ...base,
          whatToBring: original || translated ? localised(translated, original ?? "", ctx) : null,
          devicesLent: session.workshop.devicesLent,
        }),
      };
    }
    case "booking-waitlisted": {
      const position = Number(row.payload.waitlistPosition);
      return { draft: bookingWaitlistedEmail({ ...base, position: Number.isInteger(position) ? position : 1 }) };
    }
    case "booking-promoted":
      return { draft: bookingPromotedEmail(base) };
    case "booking-cancelled":
      return { draft: bookingCancelledEmail({ ...base, catalogueUrl: absolute(CATALOGUE_PATH) }) };
    case "reminder": {
      const payload = readReminderPayload(row.payload) as ReminderPayload;
      return {
        draft: reminderEmail({
          ...base,
          moment: payload.moment,
          toHelper: payload.toHelper === true,
          startTime: formatClockTime(session.startsAt, ctx.lang),
        }),
      };
    }
    case "session-cancelled":
      return {
        draft: sessionCancelledEmail({
          ...base,
          reason: session.cancellationReason ? french(session.cancellationReason) : null,
          otherDates: await otherDates(session, ctx, now),
          catalogueUrl: absolute(CATALOGUE_PATH),
        }),
      };
    case "session-moved": {
      const payload = row.payload as Partial<SessionMovedPayload>;
      const previous = payload.previous;
      if (!previous || typeof previous.startsAt !== "string") return { drop: "payload unreadable" };
      const previousStart = new Date(previous.startsAt);
      const previousEnd = new Date(previousStart.getTime() + (session.endsAt.getTime() - session.startsAt.getTime()));
      const previousPlace = previous.placeId ? await findPlaceNameForEmail(prisma, previous.placeId) : null;
      return {
        draft: sessionMovedEmail({
          ...base,
          previous: {
            when: formatSessionTime(previousStart, previousEnd, ctx.lang),
            placeName: french(previousPlace?.name ?? session.place.name),
            room: previous.room ?? null,
          },
          reason: payload.reason ? french(payload.reason) : null,
        }),
      };
    }
    case "follow-up": {
      const present = booking.attendance?.status === "PRESENT" || booking.attendance?.status === "LATE";
      if (!present) {
        return {
          draft: followUpMissedEmail({
            ...base,
            otherDates: await otherDates(session, ctx, now),
            catalogueUrl: absolute(CATALOGUE_PATH),
          }),
        };
      }
      // Suggestions of other workshops are optional messages: only with the person's tick.
      const suggestions = person.consentSuggestions
        ? await listSuggestedNextSessions(prisma, {
            afterWorkshopId: session.workshopId,
            placeId: session.placeId,
            personId: person.id,
            now,
            limit: SUGGESTIONS_LIMIT,
            locale: ctx.lang,
          })
        : [];
      return {
        draft: followUpThanksEmail({
          ...base,
          statements: session.workshop.targetSkills.map((s) => french(s.skill.statement)),
          suggestions: suggestions.map((s) => ({
            // In the email's language when the workshop is translated into it (the catalogue's rule).
            title:
              s.workshop.textLang === ctx.lang ? { text: s.workshop.title, lang: ctx.lang } : french(s.workshop.title),
            when: formatSessionTime(s.startsAt, s.endsAt, ctx.lang),
            placeName: french(s.place.name),
            url: absolute(sessionPath(s.id)),
          })),
          catalogueUrl: absolute(CATALOGUE_PATH),
        }),
      };
    }
    case "enrolment-confirmed": {
      const { courseEnrolmentId } = row.payload as Partial<EnrolmentConfirmedPayload>;
      const enrolment = courseEnrolmentId ? await findEnrolmentForEmail(prisma, courseEnrolmentId, ctx.lang) : null;
      if (enrolment === null || enrolment.status === "CANCELLED" || enrolment.bookings.length === 0) {
        return { drop: "booking cancelled" };
      }
      const first = enrolment.bookings[0];
      return {
        draft: enrolmentConfirmedEmail({
          ...base,
          session: sessionView(first.session, ctx),
          links: { ...base.links, manageUrl: manageUrl(first.id) },
          courseTitle: french(enrolment.course.title),
          dates: enrolment.bookings.map((b) => ({
            when: formatSessionTime(b.session.startsAt, b.session.endsAt, ctx.lang),
            title: workshopTitle(b.session, ctx),
            manageUrl: manageUrl(b.id),
          })),
        }),
        calendarBookings: enrolment.bookings,
      };
    }
  }
}

function readReminderPayload(payload: Record<string, unknown>): ReminderPayload | null {
  const { moment, startsAt, toHelper } = payload;
  if ((moment !== "days-before" && moment !== "morning") || typeof startsAt !== "string") return null;
  if (Number.isNaN(new Date(startsAt).getTime())) return null;
  return { moment, startsAt, ...(toHelper === true ? { toHelper: true as const } : {}) };
}

function calendarEventOf(
  booking: BookingForEmail,
  method: CalendarMethod,
  attendee: { name: string; email: string },
  lang: Language,
  now: Date,
): CalendarEvent {
  const { session } = booking;
  const place = toPlaceDetails(session.place);
  return bookingCalendarEvent({
    bookingId: booking.id,
    cancelled: method === "CANCEL",
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    workshop: session.workshop,
    place,
    personName: attendee.name,
    manageUrl: manageUrl(booking.id),
    sequence: calendarSequence(booking, session),
    now,
    // The calendar's words are the manage page's, in the email's language.
    t: getT(lang, "manage"),
    method,
    organizer: organizer(),
    attendee,
  });
}

// ---------------------------------------------------------------------------------------------
// Other emails

async function composeBookingsLink(row: OutboxRowToCompose, ctx: EmailContext, now: Date): Promise<Composition> {
  const { accessTokenId } = row.payload as Partial<BookingsLinkPayload>;
  if (typeof accessTokenId !== "string") return { drop: "payload unreadable" };
  const token = await findAccessTokenForEmail(prisma, accessTokenId);
  const reason = whyNotSend(
    "bookings-link",
    {
      person: token ? { gone: token.person.anonymised || token.person.deletedAt !== null } : null,
      accessLink: token,
    },
    now,
  );
  if (reason !== null || token === null) return { drop: reason ?? "link expired" };
  const rendered = await renderEmail(
    bookingsLinkEmail({
      ctx,
      firstName: token.person.firstName,
      url: absolute(bookingsLinkPath(bookingsLinkTokenFor(token.id))),
      expiresAt: formatClockTime(token.expiresAt, ctx.lang),
    }),
  );
  return { send: { to: row.recipient, ...rendered, attachments: [], headers: { "Auto-Submitted": "auto-generated" } } };
}

async function composeTrainerRoster(row: OutboxRowToCompose, ctx: EmailContext, now: Date): Promise<Composition> {
  const { trainerId, day } = row.payload as Partial<TrainerRosterPayload>;
  const midnight = typeof day === "string" ? parseParisDayKey(day) : null;
  if (typeof trainerId !== "string" || midnight === null) return { drop: "payload unreadable" };
  const { start, end } = parisDayBounds(midnight);
  const roster = await findTrainerRosterForEmail(prisma, { trainerId, start, end, locale: ctx.lang });
  const reason = whyNotSend(
    "trainer-roster",
    {
      trainer: roster && {
        active: roster.trainer.active && roster.trainer.deletedAt === null,
        sessionsThatDay: roster.sessions.length,
      },
    },
    now,
  );
  if (reason !== null || roster === null) return { drop: reason ?? "trainer gone" };
  const rendered = await renderEmail(
    trainerRosterEmail({
      ctx,
      firstName: roster.trainer.firstName,
      day: formatDateLong(midnight, ctx.lang),
      sessions: roster.sessions.map((session) => ({
        ...sessionView(session, ctx),
        booked: session.bookings.length,
        capacity: session.capacity,
        waitlisted: session.waitlistCount,
        participants: session.bookings.map((b) => `${b.person.firstName} ${b.person.lastName.slice(0, 1)}.`),
      })),
    }),
  );
  return { send: { to: row.recipient, ...rendered, attachments: [], headers: { "Auto-Submitted": "auto-generated" } } };
}

/** « Mot de passe oublié ? »: the link is derived from the reset row's id now, never stored. */
async function composeStaffPasswordReset(row: OutboxRowToCompose, ctx: EmailContext, now: Date): Promise<Composition> {
  const { passwordResetId } = row.payload as Partial<StaffPasswordResetPayload>;
  if (typeof passwordResetId !== "string") return { drop: "payload unreadable" };
  const reset = await findPasswordResetForEmail(prisma, passwordResetId);
  const reason = whyNotSend(
    "staff-password-reset",
    {
      passwordReset: reset && {
        expiresAt: reset.expiresAt,
        usedAt: reset.usedAt,
        accountActive: reset.user.active && reset.user.deletedAt === null,
      },
    },
    now,
  );
  if (reason !== null || reset === null) return { drop: reason ?? "link expired" };
  const rendered = await renderEmail(
    staffPasswordResetEmail({
      ctx,
      firstName: reset.user.firstName,
      url: absolute(passwordResetPath(passwordResetTokenFor(reset.id))),
      expiresAt: formatClockTime(reset.expiresAt, ctx.lang),
    }),
  );
  return { send: { to: row.recipient, ...rendered, attachments: [], headers: { "Auto-Submitted": "auto-generated" } } };
}

/** Written by private-refusal.server.ts with its facts at the time: told to the contact on file. */
async function composeBookingRefused(row: OutboxRowToCompose, ctx: EmailContext): Promise<Composition> {
  const payload = row.payload as Partial<BookingRefusedPayload>;
  const reason = payload.reason;
  if (reason !== "ALREADY_BOOKED" && reason !== "OVERLAPS_OTHER_BOOKING" && reason !== "ALREADY_ENROLLED") {
    return { drop: "payload unreadable" };
  }
  const attempt = payload.course
    ? ({ kind: "course", title: french(payload.course.title) } as const)
    : payload.session
      ? ({
          kind: "session",
          title: french(payload.session.workshopTitle),
          when: formatSessionTime(new Date(payload.session.startsAt), new Date(payload.session.endsAt), ctx.lang),
        } as const)
      : null;
  if (attempt === null) return { drop: "payload unreadable" };
  const conflicting = payload.conflictingSession;
  const rendered = await renderEmail(
    bookingRefusedEmail({
      ctx,
      firstName: payload.firstName ?? "",
      reason,
      attempt,
      conflicting: conflicting
        ? {
            title: french(conflicting.workshopTitle),
            when: formatSessionTime(new Date(conflicting.startsAt), new Date(conflicting.endsAt), ctx.lang),
          }
        : null,
      placePhone: payload.session?.placePhone ?? null,
      findBookingsUrl: absolute(FIND_MY_BOOKINGS_PATH),
    }),
  );
  return { send: { to: row.recipient, ...rendered, attachments: [], headers: { "Auto-Submitted": "auto-generated" } } };
}

// ---------------------------------------------------------------------------------------------
// Views and links

function absolute(path: string): string {
  return new URL(path, env.APP_URL).href;
}

function manageUrl(bookingId: string): string {
  return absolute(manageBookingPath(manageTokenFor(bookingId)));
}

/** Staff type places, addresses, notes and workshop texts in French. */
function french(text: string): Localised {
  return { text, lang: "fr" };
}

function localised(translated: string | null | undefined, original: string, ctx: EmailContext): Localised {
  return translated ? { text: translated, lang: ctx.lang } : french(original);
}

function workshopTitle(session: SessionForEmailRow, ctx: EmailContext): Localised {
  return localised(session.workshop.translations[0]?.title, session.workshop.title, ctx);
}

function sessionView(session: SessionForEmailRow, ctx: EmailContext): SessionView {
  const place = toPlaceDetails(session.place);
  return {
    title: workshopTitle(session, ctx),
    when: formatSessionTime(session.startsAt, session.endsAt, ctx.lang),
    place: {
      name: french(place.name),
      address: french(placeAddress(place)),
      phone: place.phone,
      room: session.room,
      accessNotes: place.accessNotes ? french(place.accessNotes) : null,
      publicTransport: place.publicTransport ? french(place.publicTransport) : null,
      stepFreeAccess: place.stepFreeAccess,
    },
  };
}

async function otherDates(session: SessionForEmailRow, ctx: EmailContext, now: Date): Promise<OtherDateView[]> {
  const sessions = await listOtherDatesWithSeats(prisma, {
    workshopId: session.workshopId,
    excludeSessionId: session.id,
    now,
    limit: OTHER_DATES_LIMIT,
  });
  return sessions.map((s) => ({
    when: formatSessionTime(s.startsAt, s.endsAt, ctx.lang),
    placeName: french(s.place.name),
    url: absolute(sessionPath(s.id)),
    seatsLeft: s.seatsLeft,
  }));
}

/** The sender of MAIL_FROM ("Passerelle <ne-pas-repondre@…>") as the invitation's organiser. */
function organizer(): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(env.MAIL_FROM);
  if (match) return { name: match[1] || "Passerelle", email: match[2] };
  return { name: "Passerelle", email: env.MAIL_FROM.trim() };
}
