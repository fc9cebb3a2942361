// enrolInCourse lives in booking.server.ts; its cases are many enough for a file of their own.
import { beforeEach, describe, expect, test } from "vitest";

import { prisma } from "~/utils/db.server";
import { manageTokenFor } from "~/utils/link-tokens.server";
import { hashToken } from "~/utils/tokens.server";

import { resetDatabase } from "../../tests/setup/db";
import { bookSession } from "./book-session.server";
import { cancelBooking } from "./cancel-booking.server";
import { enrolInCourse } from "./enrol-in-course.server";
import {
  DAY,
  HOUR,
  NOW,
  at,
  createCourse,
  createPlace,
  createSession,
  createStaffUser,
  createWorkshop,
  outboxEmails,
  personInput,
} from "../../tests/fixtures/rows";

beforeEach(() => resetDatabase());

async function courseWithSessions(count: number, options: { capacity?: number } = {}) {
  const place = await createPlace();
  const workshop = await createWorkshop();
  const course = await createCourse(place.id);
  const sessions = [];
  for (let i = 0; i < count; i++) {
    sessions.push(
      await createSession({
        placeId: place.id,
        workshopId: workshop.id,
        courseId: course.id,
        courseOrder: i + 1,
        capacity: options.capacity ?? 6,
        startsAt: at((7 * i + 2) * DAY),
      }),
    );
  }
  return { course, sessions };
}

async function seats(sessionIds: string[]) {
  const rows = await prisma.session.findMany({
    where: { id: { in: sessionIds } },
    select: { id: true, seatsTaken: true },
  });
  return sessionIds.map((id) => rows.find((r) => r.id === id)!.seatsTaken);
}

function enrol(courseId: string, person = personInput(), now = NOW) {
  return enrolInCourse({ courseId, person, source: "ONLINE", now });
}

describe("enrolInCourse", () => {
  test("books every session confirmed, with one derived token each, and one email for the whole course to the contact given", async () => {
    const { course, sessions } = await courseWithSessions(4);
    const result = await enrolInCourse({
      courseId: course.id,
      person: personInput({ preferredLanguage: "ar", email: "cycle@example.org" }),
      remindersWanted: false,
      source: "ONLINE",
      now: NOW,
    });
    if (!result.ok) throw new Error(result.code);

    expect(result.bookings.map((b) => b.sessionId)).toEqual(sessions.map((s) => s.id));
    expect(await seats(sessions.map((s) => s.id))).toEqual([1, 1, 1, 1]);
    for (const b of result.bookings) {
      expect(await prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).toMatchObject({
        status: "CONFIRMED",
        courseEnrolmentId: result.enrolmentId,
        manageTokenHash: hashToken(b.manageToken),
        personId: result.personId,
        contactEmail: "cycle@example.org",
        locale: "ar",
        remindersWanted: false,
      });
      expect(b.manageToken).toBe(manageTokenFor(b.bookingId));
    }
    expect(await prisma.courseEnrolment.findUniqueOrThrow({ where: { id: result.enrolmentId } })).toMatchObject({
      status: "CONFIRMED",
      courseId: course.id,
    });

    expect(await outboxEmails("booking-confirmed")).toHaveLength(0);
    const emails = await outboxEmails("enrolment-confirmed");
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      locale: "ar",
      recipient: "cycle@example.org",
      bookingId: result.bookings[0].bookingId,
    });
    expect(emails[0].payload).not.toHaveProperty("managePath");
    expect(emails[0].payload).toMatchObject({ courseEnrolmentId: result.enrolmentId });
  });

  test("one full session refuses the whole cycle and leaves no seat, person or email behind", async () => {
    const { course, sessions } = await courseWithSessions(3);
    await prisma.session.update({ where: { id: sessions[2].id }, data: { seatsTaken: 6 } });

    expect(await enrol(course.id)).toEqual({ ok: false, code: "COURSE_FULL", sessionId: sessions[2].id });
    expect(await seats(sessions.map((s) => s.id))).toEqual([0, 0, 6]);
    expect(await prisma.person.count()).toBe(0);
    expect(await prisma.booking.count()).toBe(0);
    expect(await prisma.courseEnrolment.count()).toBe(0);
    expect(await outboxEmails()).toHaveLength(0);
  });

  test("simultaneous enrolments: only as many people as seats, each with every session", async () => {
    const { course, sessions } = await courseWithSessions(3, { capacity: 2 });
    const results = await Promise.all(Array.from({ length: 10 }, () => enrol(course.id)));

    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "COURSE_FULL")).toBe(true);
    expect(await seats(sessions.map((s) => s.id))).toEqual([2, 2, 2]);
    expect(await prisma.booking.count()).toBe(6);
    expect(await prisma.person.count()).toBe(2);
  });

  test("a single booking on the last seat of one session makes the whole cycle full", async () => {
    const { course, sessions } = await courseWithSessions(2, { capacity: 1 });
    await bookSession({ sessionId: sessions[1].id, person: personInput(), source: "ONLINE", now: NOW });
    expect(await enrol(course.id)).toMatchObject({ ok: false, code: "COURSE_FULL", sessionId: sessions[1].id });
    expect(await seats(sessions.map((s) => s.id))).toEqual([0, 1]);
  });

  test("cancelled occurrences are left out", async () => {
    const { course, sessions } = await courseWithSessions(3);
    await prisma.session.update({ where: { id: sessions[1].id }, data: { status: "CANCELLED" } });
    const result = await enrol(course.id);
    if (!result.ok) throw new Error(result.code);
    expect(result.bookings.map((b) => b.sessionId)).toEqual([sessions[0].id, sessions[2].id]);
  });

  test("refusals: unknown course, empty course, already enrolled, started, overlapping", async () => {
    expect(await enrol("missing")).toEqual({ ok: false, code: "COURSE_NOT_FOUND" });
    const place = await createPlace();
    expect(await enrol((await createCourse(place.id)).id)).toEqual({ ok: false, code: "COURSE_EMPTY" });

    const { course, sessions } = await courseWithSessions(2);
    const person = personInput();
    expect((await enrol(course.id, person)).ok).toBe(true);
    expect(await enrol(course.id, person)).toEqual({ ok: false, code: "PRIVATE_REFUSAL" });
    const staff = await createStaffUser();
    const byStaff = {
      source: "PHONE" as const,
      actor: {
        kind: "staff" as const,
        userId: staff.id,
        roles: ["TRAINER" as const],
        permissions: ["create:booking:any" as const],
        placeIds: [],
      },
      now: NOW,
    };
    expect(await enrolInCourse({ courseId: course.id, person, ...byStaff })).toEqual({
      ok: false,
      code: "ALREADY_ENROLLED",
    });
    expect(await enrol(course.id, personInput(), sessions[0].startsAt)).toEqual({
      ok: false,
      code: "BOOKING_CLOSED",
      sessionId: sessions[0].id,
    });

    const busy = personInput();
    const elsewhere = await createSession({ startsAt: new Date(sessions[1].startsAt.getTime() + HOUR) });
    expect((await bookSession({ sessionId: elsewhere.id, person: busy, source: "ONLINE", now: NOW })).ok).toBe(true);
    expect(await enrol(course.id, busy)).toEqual({ ok: false, code: "PRIVATE_REFUSAL" });
    expect(await enrolInCourse({ courseId: course.id, person: busy, ...byStaff })).toEqual({
      ok: false,
      code: "OVERLAPS_OTHER_BOOKING",
      sessionId: sessions[1].id,
      conflictingSessionId: elsewhere.id,
    });
  });

  test("someone who cancelled every session can enrol again, reusing the rows", async () => {
    const { course } = await courseWithSessions(2);
    const person = personInput();
    const first = await enrol(course.id, person);
    if (!first.ok) throw new Error(first.code);
    await cancelBooking({
      bookingId: first.bookings[0].bookingId,
      actor: { kind: "manage-link", bookingId: first.bookings[0].bookingId },
      now: NOW,
    });
    expect((await prisma.courseEnrolment.findUniqueOrThrow({ where: { id: first.enrolmentId } })).status).toBe(
      "CONFIRMED",
    );
    await cancelBooking({
      bookingId: first.bookings[1].bookingId,
      actor: { kind: "manage-link", bookingId: first.bookings[1].bookingId },
      now: NOW,
    });
    expect(await prisma.courseEnrolment.findUniqueOrThrow({ where: { id: first.enrolmentId } })).toMatchObject({
      status: "CANCELLED",
      cancelledAt: NOW,
    });

    const again = await enrol(course.id, person, at(HOUR));
    if (!again.ok) throw new Error(again.code);
    expect(again.enrolmentId).toBe(first.enrolmentId);
    expect(again.bookings.map((b) => b.bookingId)).toEqual(first.bookings.map((b) => b.bookingId));
    expect(await prisma.booking.count({ where: { status: "CONFIRMED" } })).toBe(2);
  });

  test("an enrolment made by staff is audited", async () => {
    const staff = await createStaffUser();
    const { course } = await courseWithSessions(2);
    const result = await enrolInCourse({
      courseId: course.id,
      person: personInput(),
      source: "WALK_IN",
      actor: { kind: "staff", userId: staff.id, roles: ["TRAINER"], permissions: ["create:booking:any"], placeIds: [] },
      now: NOW,
    });
    if (!result.ok) throw new Error(result.code);
    expect(await prisma.auditLog.findMany()).toEqual([
      expect.objectContaining({ action: "course.enrol", entityId: result.enrolmentId, actorUserId: staff.id }),
    ]);
  });
});
