import { beforeEach, describe, expect, test } from "vitest";

import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { DAY, NOW, at, createCourse, createPlace, createSession, createWorkshop } from "../../tests/fixtures/rows";
import { getCourseDetail } from "./course.server";
import { getSessionDetail } from "./session.server";

beforeEach(() => resetDatabase());

/** A course at one place with a session per start, in that course order. */
async function courseStarting(starts: Date[], options: { seatsTaken?: number[] } = {}) {
  const place = await createPlace({ name: "La Fabrique" });
  const course = await createCourse(place.id);
  const sessions = [];
  for (const [index, startsAt] of starts.entries()) {
    const workshop = await createWorkshop({ title: `Séance ${index + 1}` });
    sessions.push(
      await createSession({
        courseId: course.id,
        courseOrder: index + 1,
        placeId: place.id,
        workshopId: workshop.id,
        startsAt,
        capacity: 8,
        seatsTaken: options.seatsTaken?.[index] ?? 0,
      }),
    );
  }
  return { place, course, sessions };
}

describe("getCourseDetail", () => {
  test("an upcoming course: its texts, place, sessions in course order with titles and seats, open", async () => {
    const { course, sessions } = await courseStarting([at(2 * DAY), at(9 * DAY), at(16 * DAY)], {
      seatsTaken: [1, 6, 3],
    });

    const detail = await getCourseDetail(course.id, NOW);
    expect(detail).toMatchObject({
      id: course.id,
      title: course.title,
      summary: "Quatre séances",
      place: {
        name: "La Fabrique",
        postcode: "11000",
        phone: "04 68 00 00 00",
        stepFreeAccess: true,
        communeName: expect.any(String),
      },
      seatsLeft: 2,
      enrolment: { may: true },
    });
    expect(detail?.sessions).toEqual(
      sessions.map((session, index) => ({
        id: session.id,
        position: index + 1,
        title: `Séance ${index + 1}`,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        seatsLeft: 8 - [1, 6, 3][index],
      })),
    );
  });

  test("a course whose sessions are all past is found, and closed", async () => {
    const { course } = await courseStarting([at(-16 * DAY), at(-9 * DAY)]);
    const detail = await getCourseDetail(course.id, NOW);
    expect(detail).toMatchObject({ id: course.id, enrolment: { may: false, reason: "BOOKING_CLOSED" } });
    expect(detail?.sessions).toHaveLength(2);
  });

  test("a course is closed once its first session has started", async () => {
    const { course } = await courseStarting([at(-1000), at(7 * DAY)]);
    expect(await getCourseDetail(course.id, NOW)).toMatchObject({
      enrolment: { may: false, reason: "BOOKING_CLOSED" },
    });
  });

  test("open but full: one full session makes the whole course full", async () => {
    const { course } = await courseStarting([at(2 * DAY), at(9 * DAY)], { seatsTaken: [2, 8] });
    expect(await getCourseDetail(course.id, NOW)).toMatchObject({
      seatsLeft: 0,
      enrolment: { may: false, reason: "COURSE_FULL" },
    });
  });

  test("cancelled and deleted sessions are left out, and the positions follow", async () => {
    const { course, sessions } = await courseStarting([at(2 * DAY), at(9 * DAY), at(16 * DAY)]);
    await prisma.session.update({ where: { id: sessions[0].id }, data: { status: "CANCELLED", seatsTaken: 8 } });
    await prisma.session.update({ where: { id: sessions[1].id }, data: { deletedAt: NOW } });

    const detail = await getCourseDetail(course.id, NOW);
    expect(detail?.sessions.map((s) => [s.id, s.position])).toEqual([[sessions[2].id, 1]]);
    expect(detail).toMatchObject({ seatsLeft: 8, enrolment: { may: true } });
  });

  test("one course order everywhere: courseOrder first, then start time", async () => {
    // Staff numbered the sessions against the calendar: the second to start is session 1.
    const { course, sessions } = await courseStarting([at(9 * DAY), at(2 * DAY), at(16 * DAY)]);
    const expected = [sessions[0].id, sessions[1].id, sessions[2].id];

    const detail = await getCourseDetail(course.id, NOW);
    expect(detail?.sessions.map((s) => s.id)).toEqual(expected);
    expect(detail?.enrolment).toEqual({
      may: true,
      bookings: expected.map((sessionId) => ({ sessionId, outcome: "CONFIRM" })),
    });

    const page = await getSessionDetail(sessions[1].id, NOW);
    expect(page?.course?.sessions.map((s) => s.id)).toEqual(expected);
    expect(page?.course?.position).toBe(2);
  });

  test("an unknown or deleted course is not found", async () => {
    const { course } = await courseStarting([at(2 * DAY)]);
    expect(await getCourseDetail("no-such-course", NOW)).toBeNull();
    await prisma.course.update({ where: { id: course.id }, data: { deletedAt: NOW } });
    expect(await getCourseDetail(course.id, NOW)).toBeNull();
  });
});
