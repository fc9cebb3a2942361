import { decideCourseEnrolment } from "~/domain/booking/course-enrolment";
import { findPersonBookings, sessionForEmailSelect } from "~/models/booking.server";
import { manageBookingPath } from "~/utils/booking-paths";
import { createToken, hashToken } from "~/utils/tokens.server";

import { audit } from "./audit.server";
import { isMadeByStaff, notifyBookingMade, takeSeat, writeBooking, type BookingSource } from "./booking-steps.server";
import { recognisePerson, savePerson, type PersonInput } from "./person.server";
import { isPersonalRefusal, PRIVATE_REFUSAL, tellContactOnFile } from "./private-refusal.server";
import { runTransaction } from "./transaction.server";

export type EnrolInCourseInput = {
  courseId: string;
  person: PersonInput;
  source: BookingSource;
  bookedById?: string | null;
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

  return runTransaction<EnrolInCourseResult>(async (tx, abort) => {
    const course = await tx.course.findFirst({
      where: { id: input.courseId, deletedAt: null },
      select: {
        id: true,
        title: true,
        sessions: {
          where: { deletedAt: null },
          orderBy: [{ startsAt: "asc" }, { id: "asc" }],
          select: { ...sessionForEmailSelect, status: true, capacity: true, seatsTaken: true },
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

    const decision = decideCourseEnrolment({ sessions: course.sessions, personBookings, now, existingEnrolment });
    // --- privacy of a refusal (decision 010) ---
    if (!decision.ok && known && !isMadeByStaff(input) && isPersonalRefusal(decision.code)) {
      const asStranger = decideCourseEnrolment({ sessions: course.sessions, personBookings: [], now, existingEnrolment: null });
      if (!asStranger.ok) return asStranger;
      await tellContactOnFile(tx, {
        person: known,
        code: decision.code,
        attempt: {
          kind: "course",
          course: { id: course.id, title: course.title },
          session: "sessionId" in decision ? (course.sessions.find((s) => s.id === decision.sessionId) ?? null) : null,
        },
        conflictingSessionId: decision.code === "OVERLAPS_OTHER_BOOKING" ? decision.conflictingSessionId : undefined,
        now,
      });
      return { ok: false, code: PRIVATE_REFUSAL };
    }
    // --- end privacy of a refusal ---
    if (!decision.ok) return decision;

    // Seats first: if one is gone, abort rolls back the seats already taken, and nothing else
    // has been written yet.
    for (const { sessionId } of decision.bookings) {
      if (!(await takeSeat(tx, sessionId))) abort({ ok: false, code: "COURSE_FULL", sessionId });
    }

    const person = await savePerson(tx, input.person, known, { now, createdById: input.bookedById });
    const enrolmentId = existingEnrolment
      ? (
          await tx.courseEnrolment.update({
            where: { id: existingEnrolment.id },
            data: { status: "CONFIRMED", cancelledAt: null },
            select: { id: true },
          })
        ).id
      : (
          await tx.courseEnrolment.create({
            data: { courseId: course.id, personId: person.id, status: "CONFIRMED" },
            select: { id: true },
          })
        ).id;

    const bookings: { bookingId: string; sessionId: string; manageToken: string }[] = [];
    for (const [index, { sessionId }] of decision.bookings.entries()) {
      const session = course.sessions.find((s) => s.id === sessionId)!;
      const manageToken = createToken();
      const bookingId = await writeBooking(tx, {
        existingId: personBookings.find((b) => b.sessionId === sessionId)?.id ?? null,
        sessionId,
        personId: person.id,
        status: "CONFIRMED",
        source: input.source,
        bookedById: input.bookedById ?? null,
        courseEnrolmentId: enrolmentId,
        manageTokenHash: hashToken(manageToken),
        now,
      });
      bookings.push({ bookingId, sessionId, manageToken });
      await notifyBookingMade(tx, {
        kind: "booking-confirmed",
        person,
        session,
        bookingId,
        now,
        extra: {
          managePath: manageBookingPath(manageToken),
          waitlistPosition: null,
          course: { id: course.id, title: course.title, sessionNumber: index + 1, sessionCount: decision.bookings.length },
        },
      });
    }

    if (isMadeByStaff(input)) {
      await audit(tx, {
        action: "course.enrol",
        entityType: "CourseEnrolment",
        entityId: enrolmentId,
        actorUserId: input.bookedById ?? null,
        data: { courseId: course.id, personId: person.id, source: input.source, bookingIds: bookings.map((b) => b.bookingId) },
        at: now,
      });
    }

    return { ok: true, enrolmentId, bookings, personId: person.id };
  });
}
