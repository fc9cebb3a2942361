// Adding someone who came to a session without a booking: a person already known, or a new one
// (never a second record of someone known), marked present, in a seat — beyond the room's
// capacity only with the trainer's reason. One transaction writes the person, the seat, the
// attendance and the audit trail; the form's one-time key makes a resent form a no-op.
import { normalizeEmail, normalizePhone, formatPhone } from "~/domain/people/contact";
import { nameKey } from "~/domain/people/name-key";
import { decideNewPerson, type AgeBand, type CandidateKind } from "~/domain/people/walk-in-match";
import type { StaffMember } from "~/domain/policy/actor";
import { mayAddWalkIn, type RosterReason } from "~/domain/policy/staff-policy";
import { findPossibleDuplicates } from "~/models/walk-in-search.server";
import { prisma } from "~/utils/db.server";

import { audit } from "./audit.server";
import { syncScheduledEmails } from "./booking-schedule.server";
import { leaveWaitlist } from "./booking-steps.server";
import { ConcurrentChange, runTransaction, type TransactionClient } from "./transaction.server";
import { findRosterSession } from "~/models/roster-session.server";

export type NewWalkInPerson = {
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  communeId: string | null;
  ageBand: AgeBand | null;
  /** The candidates the trainer answered « C'est une autre personne » for. */
  ruledOut: readonly string[];
};

export type AddWalkInInput = {
  actor: StaffMember;
  sessionId: string;
  /** The form's one-time key (Attendance.requestKey). */
  requestKey: string;
  person: { existingId: string } | { create: NewWalkInPerson };
  /** Why someone is added to a full session; required then, ignored otherwise. */
  capacityOverrideReason: string | null;
  now: Date;
};

export type AddWalkInResult =
  | {
      ok: true;
      attendanceId: string;
      personId: string;
      personCreated: boolean;
      overCapacity: boolean;
      /** They were on the waiting list of this session: that booking is cancelled, they hold a seat now. */
      leftWaitlist: boolean;
      /** The form had already been handled: this is the row it made, nothing new was written. */
      replayed: boolean;
    }
  | { ok: false; code: RosterReason | "SESSION_NOT_FOUND" | "PERSON_NOT_FOUND" | "KEY_OF_ANOTHER_SESSION" }
  /** Holds a confirmed booking for this session: mark them on the roster, no walk-in. */
  | { ok: false; code: "ALREADY_BOOKED"; personId: string }
  | { ok: false; code: "ALREADY_ON_LIST"; personId: string }
  /** The room is full: the same form again with a reason adds them beyond capacity. */
  | { ok: false; code: "FULL_NEEDS_REASON" }
  /** Possibly someone known: the trainer must choose (`mustReuse`: one of them is certainly them). */
  | { ok: false; code: "POSSIBLE_DUPLICATE"; candidates: { id: string; kind: CandidateKind }[]; mustReuse: boolean };

type Failure = Extract<AddWalkInResult, { ok: false }>;

export async function addWalkIn(input: AddWalkInInput): Promise<AddWalkInResult> {
  const { actor, sessionId, requestKey, now } = input;
  const reason = input.capacityOverrideReason?.trim() || null;

  return runTransaction<AddWalkInResult>(
    async (tx, abort) => {
      // A resent form (double tap, a retry after the signal dropped) finds what it made. A unique
      // clash on the key or on (session, person) — two copies of the form racing — fails the create
      // with P2002; runTransaction runs this again, and this read then finds the winner's row.
      const done = await tx.attendance.findUnique({
        where: { requestKey },
        select: { id: true, sessionId: true, personId: true, capacityOverrideReason: true },
      });
      if (done) {
        if (done.sessionId !== sessionId) return { ok: false, code: "KEY_OF_ANOTHER_SESSION" };
        const trail = await tx.auditLog.findFirst({
          where: { action: "walk-in.create", entityType: "Attendance", entityId: done.id },
          select: { data: true },
        });
        return {
          ok: true,
          attendanceId: done.id,
          personId: done.personId,
          personCreated: trail?.data?.includes('"personCreated":true') ?? false,
          overCapacity: done.capacityOverrideReason !== null,
          leftWaitlist: trail?.data?.includes('"leftWaitlist":true') ?? false,
          replayed: true,
        };
      }

      const session = await findRosterSession(tx, sessionId);
      if (!session) return { ok: false, code: "SESSION_NOT_FOUND" };
      const answer = mayAddWalkIn(actor, { session, now });
      if (!answer.may) return { ok: false, code: answer.reason };

      const person =
        "existingId" in input.person
          ? await existingPerson(tx, input.person.existingId)
          : await createPerson(tx, input.person.create, actor, now);
      if ("ok" in person) return abort(person);

      const booked = await tx.booking.findFirst({
        where: { sessionId, personId: person.id, status: "CONFIRMED" },
        select: { id: true },
      });
      if (booked) return abort({ ok: false, code: "ALREADY_BOOKED", personId: person.id });
      const listed = await tx.attendance.findUnique({
        where: { sessionId_personId: { sessionId, personId: person.id } },
        select: { id: true },
      });
      if (listed) return abort({ ok: false, code: "ALREADY_ON_LIST", personId: person.id });

      // On the waiting list and in the room: the walk-in replaces that booking, or a later
      // promotion would give them a second seat and show them both booked and added.
      const waiting = await tx.booking.findFirst({
        where: { sessionId, personId: person.id, status: "WAITLISTED" },
        select: { id: true },
      });
      if (waiting)
        await cancelWaitlistedBooking(tx, { bookingId: waiting.id, sessionId, personId: person.id, actor, now });

      // A walk-in sits in a seat like a booked learner: the guarded update cannot oversell, and
      // once the room is full only a stated reason adds one more.
      const seated = await takeWalkInSeat(tx, sessionId);
      if (!seated) {
        if (reason === null) return abort({ ok: false, code: "FULL_NEEDS_REASON" });
        await tx.session.update({ where: { id: sessionId }, data: { seatsTaken: { increment: 1 } } });
      }
      const overrideReason = seated ? null : reason;

      const attendance = await tx.attendance.create({
        data: {
          sessionId,
          personId: person.id,
          status: "PRESENT",
          isWalkIn: true,
          markedById: actor.userId,
          markedAt: now,
          requestKey,
          capacityOverrideReason: overrideReason,
        },
        select: { id: true },
      });
      await tx.person.update({ where: { id: person.id }, data: { lastActivityAt: now } });
      await audit(tx, {
        action: "walk-in.create",
        entityType: "Attendance",
        entityId: attendance.id,
        actorUserId: actor.userId,
        at: now,
        data: {
          sessionId,
          personId: person.id,
          personCreated: person.created,
          overCapacity: !seated,
          leftWaitlist: waiting !== null,
        },
      });
      if (!seated) {
        await audit(tx, {
          action: "session.capacity-override",
          entityType: "Session",
          entityId: sessionId,
          actorUserId: actor.userId,
          at: now,
          data: { attendanceId: attendance.id, personId: person.id, reason: overrideReason },
        });
      }
      return {
        ok: true,
        attendanceId: attendance.id,
        personId: person.id,
        personCreated: person.created,
        overCapacity: !seated,
        leftWaitlist: waiting !== null,
        replayed: false,
      };
      // Creating a person is a check-then-create with nothing unique to catch a second creator:
      // two trainers typing the same newcomer at once each read "nobody known" and would each
      // insert. Serializable makes one of the two fail (on PostgreSQL with P2034, which
      // runTransaction retries; the retry then finds the winner's record and answers
      // POSSIBLE_DUPLICATE). SQLite runs every transaction serializably already. Adding someone
      // known needs no more than the default: its clashes meet the unique keys of Attendance.
    },
    "create" in input.person ? { isolationLevel: "Serializable" } : {},
  );
}

/**
 * The steps of cancel-booking for a WAITLISTED booking, by staff: the guarded status change
 * (a booking promoted or cancelled meanwhile runs the transaction again), the schedule of its
 * emails brought in line (no reminders for a cancelled booking), the waiting list's count, and
 * the audit trail. No email to the person: they are in the room, added by the trainer.
 */
async function cancelWaitlistedBooking(
  tx: TransactionClient,
  input: { bookingId: string; sessionId: string; personId: string; actor: StaffMember; now: Date },
): Promise<void> {
  const { bookingId, sessionId, personId, actor, now } = input;
  const { count } = await tx.booking.updateMany({
    where: { id: bookingId, status: "WAITLISTED" },
    data: { status: "CANCELLED", cancelledAt: now, cancelledBy: "STAFF", icsSequence: { increment: 1 } },
  });
  if (count === 0) throw new ConcurrentChange(`waitlisted booking ${bookingId}`);
  await syncScheduledEmails(tx, bookingId, now);
  await leaveWaitlist(tx, sessionId);
  await audit(tx, {
    action: "booking.cancel",
    entityType: "Booking",
    entityId: bookingId,
    actorUserId: actor.userId,
    at: now,
    data: { by: "STAFF", via: "walk-in", previousStatus: "WAITLISTED", sessionId, personId },
  });
}

/**
 * The guarded update of booking-steps' `takeSeat`, without its `status: "SCHEDULED"`: the policy
 * already refused a cancelled session, and a session marked COMPLETED still gets its late sheet
 * filled in (a walk-in recorded the next day is not "beyond capacity").
 */
async function takeWalkInSeat(tx: TransactionClient, sessionId: string): Promise<boolean> {
  const { count } = await tx.session.updateMany({
    where: { id: sessionId, seatsTaken: { lt: prisma.session.fields.capacity } },
    data: { seatsTaken: { increment: 1 } },
  });
  return count === 1;
}

type PersonStep = { id: string; created: boolean } | Failure;

async function existingPerson(tx: TransactionClient, personId: string): Promise<PersonStep> {
  const person = await tx.person.findFirst({
    where: { id: personId, deletedAt: null, anonymised: false },
    select: { id: true },
  });
  return person ? { id: person.id, created: false } : { ok: false, code: "PERSON_NOT_FOUND" };
}

/**
 * A minimal record, only when nobody known could be this person: read inside the transaction, so
 * a record another trainer just made for the same phone is seen and not doubled.
 */
async function createPerson(
  tx: TransactionClient,
  input: NewWalkInPerson,
  actor: StaffMember,
  now: Date,
): Promise<PersonStep> {
  const firstName = input.firstName.trim();
  const lastName = input.lastName.trim();
  const phone = formatPhone(input.phone) ?? (input.phone?.trim() || null);
  const email = input.email?.trim() || null;
  const contact = {
    firstName,
    lastName,
    nameKey: nameKey(firstName, lastName),
    emailNormalized: normalizeEmail(email),
    phoneNormalized: normalizePhone(phone),
  };
  const decision = decideNewPerson(contact, await findPossibleDuplicates(tx, contact), input.ruledOut);
  if (!decision.create) {
    return { ok: false, code: "POSSIBLE_DUPLICATE", candidates: decision.candidates, mustReuse: decision.mustReuse };
  }
  const person = await tx.person.create({
    data: {
      ...contact,
      email,
      phone,
      communeId: input.communeId,
      ageBand: input.ageBand,
      createdById: actor.userId,
      lastActivityAt: now,
    },
    select: { id: true },
  });
  await audit(tx, {
    action: "person.create",
    entityType: "Person",
    entityId: person.id,
    actorUserId: actor.userId,
    at: now,
    data: { via: "walk-in", ruledOut: input.ruledOut.length > 0 ? input.ruledOut : undefined },
  });
  return { id: person.id, created: true };
}
