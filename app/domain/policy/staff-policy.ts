// What a staff member may do with a session's roster at a moment: read it, mark attendance, add a
// walk-in, count anonymous visitors, record skill progress. Routes render these answers; services
// ask again before they write (one answer per rule, docs/decisions/009 and 022).
import type { SessionStatus } from "../booking/statuses";
import type { StaffMember } from "./actor";
import { permitsOn, type PermissionTarget } from "./permissions";

/** Attendance opens an hour before the start: the trainer sets up and the first learners arrive. */
export const ATTENDANCE_OPENS_BEFORE_MS = 60 * 60 * 1000;

export type RosterSession = PermissionTarget & {
  status: SessionStatus;
  startsAt: Date;
  endsAt: Date;
};

export type RosterReason = "NOT_ALLOWED" | "SESSION_CANCELLED" | "NOT_YET_OPEN";

export type RosterAnswer = { may: true } | { may: false; reason: RosterReason };

/** The roster (names, phones, needs) of a session: its trainers, staff of its place with the right, or `any`. */
export function mayReadRoster(actor: StaffMember, session: PermissionTarget): boolean {
  return permitsOn(actor, "read:attendance", session);
}

function recordingOpen(session: RosterSession, now: Date): RosterAnswer {
  if (session.status === "CANCELLED") return { may: false, reason: "SESSION_CANCELLED" };
  if (now.getTime() < session.startsAt.getTime() - ATTENDANCE_OPENS_BEFORE_MS) {
    return { may: false, reason: "NOT_YET_OPEN" };
  }
  return { may: true };
}

/**
 * Marking present / late / excused / absent: from an hour before the start, and afterwards with
 * no end (funders need every sheet, and a trainer often fills it in the next day).
 */
export function mayMarkAttendance(actor: StaffMember, question: { session: RosterSession; now: Date }): RosterAnswer {
  if (!permitsOn(actor, "update:attendance", question.session)) return { may: false, reason: "NOT_ALLOWED" };
  return recordingOpen(question.session, question.now);
}

/** Adding a walk-in or counting an anonymous visitor: the same window as marking. */
export function mayAddWalkIn(actor: StaffMember, question: { session: RosterSession; now: Date }): RosterAnswer {
  if (!permitsOn(actor, "create:attendance", question.session)) return { may: false, reason: "NOT_ALLOWED" };
  return recordingOpen(question.session, question.now);
}

/**
 * Whether one more walk-in needs a reason: the room holds `capacity`, and every confirmed
 * booking and walk-in already takes a seat (`seatsTaken`).
 */
export function walkInNeedsReason(session: { capacity: number; seatsTaken: number }): boolean {
  return session.seatsTaken >= session.capacity;
}

export type AssessReason = RosterReason | "NOT_ATTENDED";

export type AssessAnswer = { may: true } | { may: false; reason: AssessReason };

/** Recording a learner's skill level at a session: only for someone marked present or late. */
export function mayAssessSkills(
  actor: StaffMember,
  question: { session: RosterSession; attendance: "PRESENT" | "LATE" | "EXCUSED" | "ABSENT" | null; now: Date },
): AssessAnswer {
  if (!permitsOn(actor, "create:assessment", question.session)) return { may: false, reason: "NOT_ALLOWED" };
  const open = recordingOpen(question.session, question.now);
  if (!open.may) return open;
  if (question.attendance !== "PRESENT" && question.attendance !== "LATE") {
    return { may: false, reason: "NOT_ATTENDED" };
  }
  return { may: true };
}

/**
 * Which of a session's own pages the roster may link to for this actor: the door (walk-ins and the
 * anonymous count, `create:attendance`) and skill progress (`create:assessment`), each the
 * permission its page asks first, so no link leads to a 403 (a mediator reads the roster only).
 * Whether recording is open yet is said by those pages themselves.
 */
export function rosterPagesFor(actor: StaffMember, session: PermissionTarget): { arrival: boolean; skills: boolean } {
  return {
    arrival: permitsOn(actor, "create:attendance", session),
    skills: permitsOn(actor, "create:assessment", session),
  };
}
