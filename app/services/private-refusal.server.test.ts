// Decision 010: whoever knows a resident's email (or phone) and first name can post the booking
// form; what they post may add a booking, never change what is stored about her, and never tell
// them about her other bookings.
import { beforeEach, describe, expect, test } from "vitest";

import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { bookSession } from "./book-session.server";
import { enrolInCourse } from "./enrol-in-course.server";
import type { PersonInput } from "./person.server";
import {
  DAY,
  HOUR,
  NOW,
  at,
  createCommune,
  createCourse,
  createPlace,
  createSession,
  createWorkshop,
  outboxEmails,
  personInput,
} from "../../tests/fixtures/rows";

beforeEach(() => resetDatabase());

const STRANGER_EMAIL = "curieux@ailleurs.example";
const STRANGER_HELPER = "aidant-pirate@ailleurs.example";

/** Her record as a staff member would read it; only bookkeeping columns are left out. */
async function storedPerson(id: string) {
  const {
    lastActivityAt: _activity,
    updatedAt: _updated,
    ...rest
  } = await prisma.person.findUniqueOrThrow({ where: { id } });
  return rest;
}

async function resident(overrides: Partial<PersonInput> = {}) {
  const commune = await createCommune();
  const input = personInput({
    firstName: "Hélène",
    lastName: "Fabre",
    email: "helene.fabre@example.org",
    phone: "06 11 22 33 44",
    communeId: commune.id,
    ageBand: "FROM_60_TO_69",
    preferredLanguage: "fr",
    consentSuggestions: false,
    helperEmail: "fille.fabre@example.org",
    ...overrides,
  });
  const first = await createSession({ startsAt: at(2 * DAY) });
  const booked = await bookSession({ sessionId: first.id, person: input, source: "ONLINE", now: NOW });
  if (!booked.ok) throw new Error(booked.code);
  return { input, personId: booked.personId, bookedSession: first };
}

/** Her email and first name, everything else the stranger's own. */
async function strangerPosing(as: PersonInput, overrides: Partial<PersonInput> = {}): Promise<PersonInput> {
  const otherCommune = await createCommune();
  return {
    firstName: as.firstName,
    lastName: "Intrus",
    email: as.email,
    phone: "07 99 88 77 66",
    communeId: otherCommune.id,
    ageBand: "FROM_25_TO_39",
    preferredLanguage: "ar",
    consentSuggestions: true,
    helperEmail: STRANGER_HELPER,
    ...overrides,
  };
}

async function sentToStranger() {
  const rows = await outboxEmails();
  return rows.filter((row) => [STRANGER_EMAIL, STRANGER_HELPER].includes(row.recipient));
}

describe("a stranger posting the booking form with a resident's email and first name", () => {
  test("a booking they make changes nothing stored about her; its messages go to the contact typed for it (decision 015)", async () => {
    const her = await resident();
    const before = await storedPerson(her.personId);

    const other = await createSession({ startsAt: at(5 * DAY) });
    const result = await bookSession({
      sessionId: other.id,
      person: await strangerPosing(her.input),
      source: "ONLINE",
      now: at(HOUR),
    });
    if (!result.ok) throw new Error(result.code);
    expect(result.personId).toBe(her.personId);
    expect(await storedPerson(her.personId)).toEqual(before);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: her.personId } })).lastActivityAt).toEqual(at(HOUR));

    // Recognised by her phone, with the stranger's address typed: her record keeps her address;
    // this booking's messages go where its form said, like the page the poster was sent on to.
    const third = await createSession({ startsAt: at(6 * DAY) });
    const byPhone = await bookSession({
      sessionId: third.id,
      person: await strangerPosing(her.input, { email: STRANGER_EMAIL, phone: her.input.phone }),
      source: "ONLINE",
      now: at(HOUR),
    });
    if (!byPhone.ok) throw new Error(byPhone.code);
    expect(byPhone.personId).toBe(her.personId);
    expect(await storedPerson(her.personId)).toEqual(before);

    const confirmations = await outboxEmails("booking-confirmed");
    expect(confirmations.map((row) => [row.recipient, row.locale])).toEqual([
      ["helene.fabre@example.org", "fr"],
      ["helene.fabre@example.org", "ar"],
      [STRANGER_EMAIL, "ar"],
    ]);
    // Nothing about her other bookings reaches the typed address: only the booking made with it.
    const toStranger = await prisma.outboxEmail.findMany({
      // Her booking's reminders and follow-up go the same way as its confirmation (decision 015).
      where: { recipient: { in: [STRANGER_EMAIL, STRANGER_HELPER] }, kind: { notIn: ["reminder", "follow-up"] } },
      select: { kind: true, bookingId: true },
    });
    expect(toStranger).toEqual([{ kind: "booking-confirmed", bookingId: byPhone.bookingId }]);
  });

  test("a refusal from her own bookings says nothing but a neutral code, changes nothing, and is explained to her", async () => {
    const her = await resident();
    const before = await storedPerson(her.personId);
    const overlapping = await createSession({ startsAt: new Date(her.bookedSession.startsAt.getTime() + HOUR / 2) });

    const stranger = await strangerPosing(her.input);
    const again = await bookSession({
      sessionId: her.bookedSession.id,
      person: stranger,
      source: "ONLINE",
      now: at(HOUR),
    });
    const busy = await bookSession({ sessionId: overlapping.id, person: stranger, source: "ONLINE", now: at(HOUR) });

    // Nothing in the answers tells which one she is booked on, or that the overlap is with the other.
    expect(again).toEqual({ ok: false, code: "PRIVATE_REFUSAL" });
    expect(busy).toEqual({ ok: false, code: "PRIVATE_REFUSAL" });
    expect(await storedPerson(her.personId)).toEqual(before);
    expect(await prisma.booking.count({ where: { sessionId: overlapping.id } })).toBe(0);

    const refused = await outboxEmails("booking-refused");
    expect(refused.map((row) => [row.recipient, row.locale, row.payload.reason])).toEqual([
      ["helene.fabre@example.org", "fr", "ALREADY_BOOKED"],
      ["helene.fabre@example.org", "fr", "OVERLAPS_OTHER_BOOKING"],
    ]);
    expect(refused[1].payload).toMatchObject({
      firstName: "Hélène",
      session: { id: overlapping.id },
      conflictingSession: { id: her.bookedSession.id },
      findBookingsPath: "/mes-reservations",
    });
    // No way into her bookings travels in the email: no manage link, no token.
    for (const row of refused) {
      expect(JSON.stringify(row.payload)).not.toMatch(/reservation\/|token|managePath/i);
    }
    expect(await sentToStranger()).toEqual([]);

    // Posting again the same day sends her nothing more.
    await bookSession({ sessionId: her.bookedSession.id, person: stranger, source: "ONLINE", now: at(2 * HOUR) });
    expect(await outboxEmails("booking-refused")).toHaveLength(2);
  });

  test("she is written to only if she has an address on file (no tick needed); the answer is the same either way", async () => {
    const phoneOnly = await resident({ email: null, phone: "06 55 44 33 22" });
    const declined = await resident({ firstName: "Odette", email: "odette@example.org" });

    const phoneAnswer = await bookSession({
      sessionId: phoneOnly.bookedSession.id,
      person: await strangerPosing(phoneOnly.input, { email: STRANGER_EMAIL, phone: "06 55 44 33 22" }),
      source: "ONLINE",
      now: at(HOUR),
    });
    const declinedAnswer = await bookSession({
      sessionId: declined.bookedSession.id,
      person: await strangerPosing(declined.input),
      source: "ONLINE",
      now: at(HOUR),
    });
    expect(phoneAnswer).toEqual({ ok: false, code: "PRIVATE_REFUSAL" });
    expect(declinedAnswer).toEqual(phoneAnswer);
    expect((await outboxEmails("booking-refused")).map((row) => row.recipient)).toEqual(["odette@example.org"]);
    expect(await sentToStranger()).toEqual([]);
  });

  test("what anyone would hear comes first: a closed session is 'closed' whether she is booked on it or not", async () => {
    const her = await resident();
    const started = her.bookedSession.startsAt;
    const known = await bookSession({
      sessionId: her.bookedSession.id,
      person: await strangerPosing(her.input),
      source: "ONLINE",
      now: started,
    });
    const unknown = await bookSession({
      sessionId: her.bookedSession.id,
      person: personInput(),
      source: "ONLINE",
      now: started,
    });
    expect(known).toEqual({ ok: false, code: "BOOKING_CLOSED" });
    expect(known).toEqual(unknown);
    expect(await outboxEmails("booking-refused")).toEqual([]);
  });
});

describe("a stranger posting the course enrolment form with a resident's email and first name", () => {
  async function course() {
    const place = await createPlace();
    const workshop = await createWorkshop();
    const created = await createCourse(place.id);
    const sessions = [];
    for (let i = 0; i < 2; i++) {
      sessions.push(
        await createSession({
          placeId: place.id,
          workshopId: workshop.id,
          courseId: created.id,
          courseOrder: i + 1,
          startsAt: at((7 * i + 10) * DAY),
        }),
      );
    }
    return { course: created, sessions };
  }

  test("an enrolment changes nothing stored; a refusal is neutral and explained to her contact on file", async () => {
    const her = await resident();
    const before = await storedPerson(her.personId);
    const first = await course();

    const enrolled = await enrolInCourse({
      courseId: first.course.id,
      person: await strangerPosing(her.input),
      source: "ONLINE",
      now: at(HOUR),
    });
    if (!enrolled.ok) throw new Error(enrolled.code);
    expect(enrolled.personId).toBe(her.personId);
    expect(await storedPerson(her.personId)).toEqual(before);
    expect((await outboxEmails("enrolment-confirmed")).map((row) => row.recipient)).toEqual([
      "helene.fabre@example.org",
    ]);

    // Already enrolled, and busy at the time of another course's session: the same neutral code.
    const again = await enrolInCourse({
      courseId: first.course.id,
      person: await strangerPosing(her.input),
      source: "ONLINE",
      now: at(HOUR),
    });
    const place = await createPlace();
    const clashing = await createCourse(place.id);
    await createSession({
      placeId: place.id,
      courseId: clashing.id,
      courseOrder: 1,
      startsAt: new Date(first.sessions[1].startsAt.getTime() + HOUR),
    });
    const busy = await enrolInCourse({
      courseId: clashing.id,
      person: await strangerPosing(her.input),
      source: "ONLINE",
      now: at(HOUR),
    });
    expect(again).toEqual({ ok: false, code: "PRIVATE_REFUSAL" });
    expect(busy).toEqual({ ok: false, code: "PRIVATE_REFUSAL" });
    expect(await storedPerson(her.personId)).toEqual(before);
    expect(await prisma.courseEnrolment.count({ where: { courseId: clashing.id } })).toBe(0);

    const refused = await outboxEmails("booking-refused");
    expect(refused.map((row) => [row.recipient, row.payload.reason])).toEqual([
      ["helene.fabre@example.org", "ALREADY_ENROLLED"],
      ["helene.fabre@example.org", "OVERLAPS_OTHER_BOOKING"],
    ]);
    expect(refused[1].payload).toMatchObject({
      course: { id: clashing.id },
      conflictingSession: { id: first.sessions[1].id },
    });
    for (const row of refused) expect(JSON.stringify(row.payload)).not.toMatch(/reservation\/|token|managePath/i);
    expect(await sentToStranger()).toEqual([]);
  });
});
