import { isStaff } from "~/domain/policy/actor";
import {
  ANONYMOUS,
  isPersonalReason,
  mayEnrolInCourse,
  mayHearPersonalReason,
  type Actor,
  type EnrolAnswer,
} from "~/domain/policy/booking-policy";
import { bookingContactOf, bookingRecipient } from "~/domain/booking/recipient";
import { findPersonBookings, sessionForEmailSelect } from "~/models/booking.server";
import { manageTokenFor } from "~/utils/link-tokens.server";

import { audit } from "./audit.server";
import { syncScheduledEmails } from "./booking-schedule.server";
import { takeSeat, writeBooking, type BookingSource } from "./booking-steps.server";
import { enqueueEmail } from "./outbox.server";
import { recognisePerson, savePerson, type PersonInput } from "./person.server";
import { PRIVATE_REFUSAL, tellContactOnFile } from "./private-refusal.server";
import { ConcurrentChange, runTransaction, type TransactionClient } from "./transaction.server";

export type EnrolInCourseInput = {
  courseId: string;
  person: PersonInput;
  source: BookingSource;
  /** Reminders before each session: on unless the form's box was unticked. */
  remindersWanted?: boolean;
  /** Who asks: the public form is anonymous (the default); staff enrol the person on their behalf. */
  actor?: Actor;
  now?: Date;
};

export type EnrolInCourseResult =
  | {
      ok: true;
      enrolmentId: string;
      bookings: { bookingId: string; sessionId: string; manageToken: string }[];
      personId: string;
    }
  | {
      ok: false;
      code:
        | "COURSE_NOT_FOUND"
        | "NOT_ALLOWED"
        | "COURSE_EMPTY"
        | "ALREADY_ENROLLED"
        | "BOOKING_CLOSED"
        | "ALREADY_BOOKED"
        | "COURSE_FULL"
        | "OVERLAPS_OTHER_BOOKING"
        /** Online, for a known person: refused for her own bookings, which only her contact on file is told. */
        | typeof PRIVATE_REFUSAL;
      sessionId?: string;
      conflictingSessionId?: string;
    };

export async function enrolInCourse(input: EnrolInCourseInput): Promise<EnrolInCourseResult> {
  const now = input.now ?? new Date();
  const actor = input.actor ?? ANONYMOUS;
  const bookedById = actor.kind === "staff" ? actor.userId : null;

  return runTransaction<EnrolInCourseResult>(async (tx, abort) => {
    const course = await tx.course.findFirst({
      where: { id: input.courseId, deletedAt: null },
      select: {
        id: true,
        title: true,
        sessions: {
          where: { deletedAt: null },
          select: { ...sessionForEmailSelect, status: true, capacity: true, seatsTaken: true, courseOrder: true },
        },
      },
    });
    if (course === null) return { ok: false, code: "COURSE_NOT_FOUND" };

    const known = await recognisePerson(tx, input.person);
    const sessionIds = course.sessions.map((s) => s.id);
    const personBookings = known ? await findPersonBookings(tx, known.id, sessionIds) : [];
    const existingEnrolment = known
      ? await tx.courseEnrolment.findUnique({
          where: { courseId_personId: { courseId: course.id, personId: known.id } },
          select: { id: true, status: true },
        })
      : null;

    // The policy answers in course order, and the bookings below (and their emails' "session
    // 2 of 4") follow the order it gives.
    const answer = mayEnrolInCourse(actor, { sessions: course.sessions, personBookings, now, existingEnrolment });
    // --- privacy of a refusal (decision 010) ---
    if (!answer.may && known && isPersonalReason(answer.reason) && !mayHearPersonalReason(actor)) {
      const asStranger = mayEnrolInCourse(actor, {
        sessions: course.sessions,
        personBookings: [],
        now,
        existingEnrolment: null,
      });
      if (!asStranger.may) return refusalOf(asStranger);
      const sessionId = answer.sessionId;
      await tellContactOnFile(tx, {
        person: known,
        code: answer.reason,
        attempt: {
          kind: "course",
          course: { id: course.id, title: course.title },
          session: sessionId ? (course.sessions.find((s) => s.id === sessionId) ?? null) : null,
        },
        conflictingSessionId: answer.conflictingSessionId,
        now,
      });
      return { ok: false, code: PRIVATE_REFUSAL };
    }
    // --- end privacy of a refusal ---
    if (!answer.may) {
      return refusalOf(answer);
    }
    const decision = answer;

    // Seats first: if one is gone, abort rolls back the seats already taken, and nothing else
    // has been written yet.
    for (const { sessionId } of decision.bookings) {
      if (!(await takeSeat(tx, sessionId))) abort({ ok: false, code: "COURSE_FULL", sessionId });
    }

    const person = await savePerson(tx, input.person, known, { now, createdById: bookedById });
    const enrolmentId = existingEnrolment
      ? await reopenEnrolment(tx, existingEnrolment.id)
      : (
          await tx.courseEnrolment.create({
            data: { courseId: course.id, personId: person.id, status: "CONFIRMED" },
            select: { id: true },
          })
        ).id;

    const contact = bookingContactOf({
      email: input.person.email,
      phone: input.person.phone,
      locale: input.person.preferredLanguage,
    });
    const recipient = bookingRecipient({ ...contact, person });
    const bookings: { bookingId: string; sessionId: string; manageToken: string }[] = [];
    for (const { sessionId } of decision.bookings) {
      const bookingId = await writeBooking(tx, {
        existingId: personBookings.find((b) => b.sessionId === sessionId)?.id ?? null,
        sessionId,
        personId: person.id,
        status: "CONFIRMED",
        source: input.source,
        bookedById,
        courseEnrolmentId: enrolmentId,
        contact,
        remindersWanted: input.remindersWanted ?? true,
        now,
      });
      bookings.push({ bookingId, sessionId, manageToken: manageTokenFor(bookingId) });
      await syncScheduledEmails(tx, bookingId, now);
    }
    // One email for the whole course, with all its dates and their calendar file (not one per date).
    if (recipient !== null && bookings.length > 0) {
      await enqueueEmail(tx, {
        kind: "enrolment-confirmed",
        recipient: recipient.email,
        locale: recipient.locale,
        dedupeKey: `enrolment-confirmed:${enrolmentId}:${now.toISOString()}`,
        bookingId: bookings[0].bookingId,
        sessionId: bookings[0].sessionId,
        payload: { courseEnrolmentId: enrolmentId, firstName: recipient.firstName, courseTitle: course.title },
      });
    }

    if (isStaff(actor)) {
      await audit(tx, {
        action: "course.enrol",
        entityType: "CourseEnrolment",
        entityId: enrolmentId,
        actorUserId: bookedById,
        data: {
          courseId: course.id,
          personId: person.id,
          source: input.source,
          bookingIds: bookings.map((b) => b.bookingId),
        },
        at: now,
      });
    }

    return { ok: true, enrolmentId, bookings, personId: person.id };
  });
}

/** Only an enrolment still cancelled is reopened: two submits that both read it cancelled take one set of seats. */
async function reopenEnrolment(tx: TransactionClient, enrolmentId: string): Promise<string> {
  const { count } = await tx.courseEnrolment.updateMany({
    where: { id: enrolmentId, status: "CANCELLED" },
    data: { status: "CONFIRMED", cancelledAt: null },
  });
  if (count === 0) throw new ConcurrentChange(`course enrolment ${enrolmentId} reopened meanwhile`);
  return enrolmentId;
}

/** The policy's refusal as the use case reports it. */
function refusalOf(answer: Extract<EnrolAnswer, { may: false }>): Extract<EnrolInCourseResult, { ok: false }> {
  const { reason, sessionId, conflictingSessionId } = answer;
  return {
    ok: false,
    code: reason,
    ...(sessionId ? { sessionId } : {}),
    ...(conflictingSessionId ? { conflictingSessionId } : {}),
  };
}
