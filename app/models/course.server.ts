import { courseSeatsLeft } from "~/domain/booking/course-enrolment";
import { seatsLeft } from "~/domain/booking/decide-booking";
import { ANONYMOUS, courseSessionsOn, mayEnrolInCourse } from "~/domain/policy/booking-policy";
import { prisma } from "~/utils/db.server";
import { placeDetailsSelect, toPlaceDetails } from "./place.server";
import { courseSessionSelect } from "./session.server";

/**
 * A course (cycle) as its enrolment page shows it: what it is, where, its sessions still on in
 * course order, and whether it can still be joined. A course whose sessions are all past is
 * still found (the page says it is closed); only an unknown or deleted course is null.
 */
export async function getCourseDetail(courseId: string, now: Date) {
  const row = await prisma.course.findFirst({
    where: { id: courseId, deletedAt: null },
    select: {
      id: true,
      title: true,
      summary: true,
      place: { select: placeDetailsSelect },
      sessions: {
        where: { deletedAt: null },
        select: { ...courseSessionSelect, workshop: { select: { title: true } } },
      },
    },
  });
  if (row === null) return null;

  const on = courseSessionsOn(row.sessions);
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    place: toPlaceDetails(row.place),
    sessions: on.map((session, index) => ({
      id: session.id,
      position: index + 1,
      title: session.workshop.title,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      seatsLeft: seatsLeft(session),
    })),
    seatsLeft: courseSeatsLeft(on),
    /** The policy's answer to "may I enrol?": the form, or why not (full, closed, nothing left on). */
    enrolment: mayEnrolInCourse(ANONYMOUS, { sessions: row.sessions, now }),
  };
}

export type CourseDetail = NonNullable<Awaited<ReturnType<typeof getCourseDetail>>>;
