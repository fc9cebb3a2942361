// The composer against a real migrated database, each message sent with nodemailer over SMTP to a
// real server on 127.0.0.1 and read back parsed: what a mail client would get, for every kind.
import type { AddressInfo } from "node:net";

import { simpleParser, type ParsedMail } from "mailparser";
import nodemailer, { type Transporter } from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";

import { calendarSequence } from "~/domain/booking/calendar-sequence";
import { formatClockTime, formatDateLong, formatSessionTime } from "~/domain/time/format-session-time";
import { parisDayKey } from "~/domain/time/paris-day";
import { findBookingByManageToken } from "~/services/read-bookings.server";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { getT } from "~/utils/i18n.server";
import type { Language } from "~/utils/i18n";
import { bookingsLinkTokenFor, manageTokenHashFor, newLinkedRowId } from "~/utils/link-tokens.server";
import { hashToken } from "~/utils/tokens.server";

import { resetDatabase } from "../../../tests/setup/db";
import { DAY, HOUR, NOW, at, createPlace, createStaffUser, createWorkshop } from "../../../tests/fixtures/rows";
import { composeEmail } from "./compose.server";
import type { ComposedEmail, EmailKind, OutboxRowToCompose } from "./contract";

// Each test builds a small world, renders React and goes through SMTP: on a machine shared by
// several test runs that can pass the default 5 s, so the harness waits longer (nothing is timed).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

// ---------------------------------------------------------------------------------------------
// A real SMTP server on loopback

const received: { envelopeTo: string[]; mail: ParsedMail }[] = [];
let smtp: SMTPServer;
let transport: Transporter;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ envelopeTo: (session.envelope.rcptTo ?? []).map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
});

afterAll(async () => {
  transport.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

/** Sends as the sender will (the lead wires app/jobs to the same fields) and returns what arrived. */
async function deliver(email: ComposedEmail) {
  const before = received.length;
  await transport.sendMail({
    from: env.MAIL_FROM,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    attachments: email.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
    headers: email.headers,
  });
  expect(received).toHaveLength(before + 1);
  return received[before];
}

// ---------------------------------------------------------------------------------------------
// Rows

beforeEach(async () => {
  await resetDatabase();
});

async function world() {
  const communeId = (await prisma.commune.create({ data: { name: "Montolieu", postcode: "11170", area: "RURAL" } })).id;
  const place = await createPlace({ communeId, name: "Tiers-lieu de Montolieu" });
  await prisma.place.update({
    where: { id: place.id },
    data: { accessNotes: "Sonnez à l'interphone, porte bleue", addressLine: "2 rue de la Mairie" },
  });
  const workshop = await createWorkshop({ title: "Premiers pas sur la tablette" });
  const domain = await prisma.skillDomain.create({
    data: { code: "D1", framework: "FIRST_STEPS", label: "Bases", position: 1 },
  });
  const skill = await prisma.skill.create({
    data: {
      code: "S1",
      framework: "FIRST_STEPS",
      domainId: domain.id,
      label: "Allumer",
      statement: "Je sais allumer et éteindre une tablette",
      position: 1,
    },
  });
  await prisma.workshopSkill.create({ data: { workshopId: workshop.id, skillId: skill.id } });
  const startsAt = at(2 * DAY + 5 * HOUR); // Thursday 3 December 2026, 15:00 Paris
  const session = await prisma.session.create({
    data: {
      workshopId: workshop.id,
      placeId: place.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      capacity: 8,
    },
  });
  const later = at(9 * DAY);
  const otherDate = await prisma.session.create({
    data: {
      workshopId: workshop.id,
      placeId: place.id,
      startsAt: later,
      endsAt: new Date(later.getTime() + 2 * HOUR),
      capacity: 8,
    },
  });
  const nextWorkshop = await createWorkshop({ title: "Envoyer une photo par courriel" });
  const suggestion = await prisma.session.create({
    data: {
      workshopId: nextWorkshop.id,
      placeId: place.id,
      startsAt: later,
      endsAt: new Date(later.getTime() + 2 * HOUR),
      capacity: 8,
    },
  });
  return { place, workshop, session, otherDate, suggestion };
}

type World = Awaited<ReturnType<typeof world>>;

async function person(lang: Language) {
  return prisma.person.create({
    data: {
      firstName: "Odette",
      lastName: "Martin",
      nameKey: "odette martin",
      email: "odette@example.org",
      emailNormalized: "odette@example.org",
      preferredLanguage: lang,
      helperName: "Luc",
      helperEmail: "luc@example.org",
      helperReceivesReminders: true,
      consentSuggestions: true,
    },
  });
}

async function book(
  sessionId: string,
  personId: string,
  lang: Language,
  extra: { status?: "CONFIRMED" | "WAITLISTED" | "CANCELLED"; courseEnrolmentId?: string } = {},
) {
  const id = newLinkedRowId();
  return prisma.booking.create({
    data: {
      id,
      sessionId,
      personId,
      status: extra.status ?? "CONFIRMED",
      source: "ONLINE",
      manageTokenHash: manageTokenHashFor(id),
      contactEmail: "odette@example.org",
      contactEmailNormalized: "odette@example.org",
      locale: lang,
      courseEnrolmentId: extra.courseEnrolmentId,
      icsSequence: 1,
    },
  });
}

/** Writes the outbox row as the writers do, and reads it back as the sender hands it to the composer. */
async function outboxRow(input: {
  kind: EmailKind;
  recipient: string;
  locale: Language;
  payload?: Record<string, unknown>;
  bookingId?: string | null;
  sessionId?: string | null;
}): Promise<OutboxRowToCompose> {
  const row = await prisma.outboxEmail.create({
    data: {
      kind: input.kind,
      recipient: input.recipient,
      locale: input.locale,
      payload: JSON.stringify(input.payload ?? {}),
      dedupeKey: newLinkedRowId(),
      bookingId: input.bookingId ?? null,
      sessionId: input.sessionId ?? null,
      sendAfter: NOW,
    },
  });
  return { ...row, kind: row.kind as EmailKind, payload: JSON.parse(row.payload) as Record<string, unknown> };
}

async function compose(row: OutboxRowToCompose, now = NOW): Promise<ComposedEmail> {
  const result = await composeEmail(row, now);
  if (!("send" in result)) throw new Error(`dropped: ${result.drop}`);
  return result.send;
}

// ---------------------------------------------------------------------------------------------
// What every message must show

function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, "").split("\r\n").filter(Boolean);
}

function expectLanguage(mail: ParsedMail, lang: Language, { frenchInside = true } = {}) {
  const html = String(mail.html);
  expect(html).toMatch(new RegExp(`<html[^>]*lang="${lang}"`));
  if (lang === "ar") {
    expect(html).toMatch(/<html[^>]*dir="rtl"/);
    expect(mail.text).toMatch(/[\u0600-\u06FF]/);
    // French texts in an Arabic email are marked and isolated.
    if (frenchInside) expect(html).toMatch(/<bdi lang="fr" dir="auto">/);
  } else {
    expect(html).toMatch(/<html[^>]*dir="ltr"/);
  }
  expect(mail.text?.length).toBeGreaterThan(50);
  expect(html).toContain("font-size:18px");
}

/** The manage link in the text part opens this booking through the manage page's own lookup. */
async function expectManageLink(mail: ParsedMail, bookingId: string) {
  const links = [...(mail.text ?? "").matchAll(/https?:\/\/[^\s\]]+\/reservation\/([\w-]+)/g)];
  expect(links.length).toBeGreaterThan(0);
  expect(String(mail.html)).toContain(links[0][0]);
  const opened = await findBookingByManageToken(links[0][1], NOW);
  expect(opened?.id).toBe(bookingId);
}

async function expectCalendar(mail: ParsedMail, method: "REQUEST" | "CANCEL", bookingIds: string[]) {
  const ics = mail.attachments.find((a) => a.contentType === "text/calendar");
  expect(ics, "an .ics attachment").toBeDefined();
  expect(ics?.filename).toMatch(/\.ics$/);
  const lines = unfold(ics!.content.toString("utf8"));
  expect(lines).toContain(`METHOD:${method}`);
  const host = new URL(env.APP_URL).hostname;
  expect(lines.filter((l) => l.startsWith("UID:"))).toEqual(bookingIds.map((id) => `UID:booking-${id}@${host}`));
  for (const id of bookingIds) {
    const booking = await prisma.booking.findUniqueOrThrow({ where: { id }, include: { session: true } });
    expect(lines).toContain(`SEQUENCE:${calendarSequence(booking, booking.session)}`);
  }
  expect(lines).toContain(method === "CANCEL" ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
  expect(lines.some((l) => l.startsWith("ORGANIZER;"))).toBe(true);
}

/** A header as it was written (mailparser turns List-* headers into objects). */
function rawHeader(mail: ParsedMail, key: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === key)?.line;
  return line?.slice(line.indexOf(":") + 1).trim();
}

function expectOneClickStop(mail: ParsedMail, bookingId: string) {
  const header = rawHeader(mail, "list-unsubscribe") ?? "";
  expect(header).toMatch(new RegExp(`^<https?://[^>]+/rappels/arret/${bookingId}/[\\w-]{43}>$`));
  expect(rawHeader(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  expect(mail.text).toContain(header.slice(1, -1));
}

const t = (lang: Language) => getT(lang, "emails");

// ---------------------------------------------------------------------------------------------

describe.each(["fr", "ar"] as const)("every kind, in %s, through a real SMTP server", (lang) => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  const subjectDate = () => formatDateLong(w.session.startsAt, lang);
  const title = "Premiers pas sur la tablette";

  async function bookedRow(
    kind: EmailKind,
    payload: Record<string, unknown> = {},
    status?: "CONFIRMED" | "WAITLISTED",
  ) {
    const p = await person(lang);
    const booking = await book(w.session.id, p.id, lang, { status });
    const row = await outboxRow({
      kind,
      recipient: "odette@example.org",
      locale: lang,
      payload,
      bookingId: booking.id,
      sessionId: w.session.id,
    });
    return { booking, row, personId: p.id };
  }

  test("booking-confirmed: subject, place, manage link, invitation, one-click stop", async () => {
    const { booking, row } = await bookedRow("booking-confirmed");
    const { envelopeTo, mail } = await deliver(await compose(row));
    expect(envelopeTo).toEqual(["odette@example.org"]);
    expect(mail.subject).toBe(t(lang)("bookingConfirmed.subject", { title, date: subjectDate() }));
    expectLanguage(mail, lang);
    expect(mail.text).toContain("Tiers-lieu de Montolieu");
    expect(mail.text).toContain("2 rue de la Mairie, 11000 Montolieu");
    expect(mail.text).toContain("Sonnez à l'interphone, porte bleue");
    expect(String(mail.html)).toContain('href="tel:0468000000"');
    await expectManageLink(mail, booking.id);
    await expectCalendar(mail, "REQUEST", [booking.id]);
    expectOneClickStop(mail, booking.id);
  });

  test("booking-waitlisted: the position, no invitation (no seat yet)", async () => {
    const { booking, row } = await bookedRow("booking-waitlisted", { waitlistPosition: 2 }, "WAITLISTED");
    const { mail } = await deliver(await compose(row));
    expect(mail.subject).toBe(t(lang)("bookingWaitlisted.subject", { title, date: subjectDate() }));
    expectLanguage(mail, lang);
    expect(mail.text).toContain(t(lang)("bookingWaitlisted.intro", { title, position: 2 }));
    await expectManageLink(mail, booking.id);
    expect(mail.attachments).toHaveLength(0);
    expectOneClickStop(mail, booking.id);
  });

  test("booking-promoted: its manage link and invitation", async () => {
    const { booking, row } = await bookedRow("booking-promoted");
    const { mail } = await deliver(await compose(row));
    expect(mail.subject).toBe(t(lang)("bookingPromoted.subject", { title, date: subjectDate() }));
    expectLanguage(mail, lang);
    await expectManageLink(mail, booking.id);
    await expectCalendar(mail, "REQUEST", [booking.id]);
  });

  test("booking-cancelled: METHOD:CANCEL, and no stop line (no reminder will follow)", async () => {
    const p = await person(lang);
    const booking = await book(w.session.id, p.id, lang, { status: "CANCELLED" });
    const row = await outboxRow({
      kind: "booking-cancelled",
      recipient: "odette@example.org",
      locale: lang,
      bookingId: booking.id,
    });
    const { mail } = await deliver(await compose(row));
    expect(mail.subject).toBe(t(lang)("bookingCancelled.subject", { title, date: subjectDate() }));
    expectLanguage(mail, lang);
    await expectManageLink(mail, booking.id);
    await expectCalendar(mail, "CANCEL", [booking.id]);
    expect(rawHeader(mail, "list-unsubscribe")).toBeUndefined();
  });

  test("booking-refused: to the contact on file, pointing to « Retrouver mes réservations », no manage link", async () => {
    const row = await outboxRow({
      kind: "booking-refused",
      recipient: "odette@example.org",
      locale: lang,
      payload: {
        reason: "ALREADY_BOOKED",
        firstName: "Odette",
        lastName: "Martin",
        attemptedAt: NOW.toISOString(),
        course: null,
        session: {
          id: w.session.id,
          workshopTitle: title,
          startsAt: w.session.startsAt.toISOString(),
          endsAt: w.session.endsAt.toISOString(),
          placeName: "Tiers-lieu de Montolieu",
          placePhone: "04 68 00 00 00",
        },
        conflictingSession: null,
        findBookingsPath: "/mes-reservations",
      },
    });
    const { envelopeTo, mail } = await deliver(await compose(row));
    expect(envelopeTo).toEqual(["odette@example.org"]);
    expect(mail.subject).toBe(t(lang)("bookingRefused.subject"));
    expectLanguage(mail, lang);
    expect(mail.text).toContain(`${env.APP_URL}/mes-reservations`);
    expect(mail.text).not.toMatch(/\/reservation\//);
    expect(mail.attachments).toHaveLength(0);
  });

  test("enrolment-confirmed: every date with its own link, all of them in one calendar file", async () => {
    const course = await prisma.course.create({
      data: { slug: "cycle", title: "Cycle tablette", summary: "Deux séances", placeId: w.place.id },
    });
    await prisma.session.update({ where: { id: w.session.id }, data: { courseId: course.id, courseOrder: 1 } });
    await prisma.session.update({ where: { id: w.otherDate.id }, data: { courseId: course.id, courseOrder: 2 } });
    const p = await person(lang);
    const enrolment = await prisma.courseEnrolment.create({ data: { courseId: course.id, personId: p.id } });
    const first = await book(w.session.id, p.id, lang, { courseEnrolmentId: enrolment.id });
    const second = await book(w.otherDate.id, p.id, lang, { courseEnrolmentId: enrolment.id });
    const row = await outboxRow({
      kind: "enrolment-confirmed",
      recipient: "odette@example.org",
      locale: lang,
      payload: { courseEnrolmentId: enrolment.id },
      bookingId: first.id,
    });
    const { mail } = await deliver(await compose(row));
    expect(mail.subject).toBe(t(lang)("enrolmentConfirmed.subject", { title: "Cycle tablette" }));
    expectLanguage(mail, lang);
    await expectManageLink(mail, first.id);
    const tokens = [...(mail.text ?? "").matchAll(/\/reservation\/([\w-]{43})/g)].map((m) => m[1]);
    const opened = await Promise.all([...new Set(tokens)].map((token) => findBookingByManageToken(token, NOW)));
    expect(new Set(opened.map((b) => b?.id))).toEqual(new Set([first.id, second.id]));
    await expectCalendar(mail, "REQUEST", [first.id, second.id]);
    expect(rawHeader(mail, "list-unsubscribe")).toBeUndefined();
  });

  test("bookings-link: the link derived from the access token's id opens that token", async () => {
    const p = await person(lang);
    const id = newLinkedRowId();
    await prisma.accessToken.create({
      data: {
        id,
        tokenHash: hashToken(bookingsLinkTokenFor(id)),
        personId: p.id,
        purpose: "bookings-list",
        expiresAt: at(30 * 60 * 1000),
      },
    });
    const row = await outboxRow({
      kind: "bookings-link",
      recipient: "odette@example.org",
      locale: lang,
      payload: { accessTokenId: id, expiresAt: at(30 * 60 * 1000).toISOString(), firstName: "Odette" },
    });
    const { envelopeTo, mail } = await deliver(await compose(row));
    expect(envelopeTo).toEqual(["odette@example.org"]);
    expect(mail.subject).toBe(t(lang)("bookingsLink.subject"));
    expectLanguage(mail, lang, { frenchInside: false });
    const token = /\/mes-reservations\/acces\/([\w-]{43})/.exec(mail.text ?? "")?.[1];
    const stored = await prisma.accessToken.findUniqueOrThrow({ where: { id } });
    expect(hashToken(token ?? "")).toBe(stored.tokenHash);
    expect(mail.text).toContain(formatClockTime(stored.expiresAt, lang));
  });

  test.each([
    ["days-before", false],
    ["morning", false],
    ["days-before", true],
  ] as const)("reminder (%s, to the helper: %s)", async (moment, toHelper) => {
    const payload = { moment, startsAt: w.session.startsAt.toISOString(), ...(toHelper ? { toHelper: true } : {}) };
    const { booking, row } = await bookedRow("reminder", payload);
    const { envelopeTo, mail } = await deliver(await compose(row));
    expect(envelopeTo).toEqual([toHelper ? "luc@example.org" : "odette@example.org"]);
    expect(mail.subject).toBe(
      moment === "morning"
        ? t(lang)("reminder.subjectMorning", { title, time: formatClockTime(w.session.startsAt, lang) })
        : t(lang)("reminder.subjectDaysBefore", { title, date: subjectDate() }),
    );
    expectLanguage(mail, lang);
    if (toHelper) expect(mail.text).toContain(t(lang)("layout.greetingHelper"));
    await expectManageLink(mail, booking.id);
    await expectCalendar(mail, "REQUEST", [booking.id]);
    expectOneClickStop(mail, booking.id);
  });

  test("session-cancelled: METHOD:CANCEL, the reason and the other dates with seats", async () => {
    const p = await person(lang);
    const booking = await book(w.session.id, p.id, lang);
    await prisma.session.update({
      where: { id: w.session.id },
      data: { status: "CANCELLED", cancellationReason: "Animatrice malade", revision: { increment: 1 } },
    });
    const row = await outboxRow({
      kind: "session-cancelled",
      recipient: "odette@example.org",
      locale: lang,
      bookingId: booking.id,
    });
    const { mail } = await deliver(await compose(row));
    expect(mail.subject).toBe(t(lang)("sessionCancelled.subject", { title, date: subjectDate() }));
    expectLanguage(mail, lang);
    expect(mail.text).toContain("Animatrice malade");
    expect(mail.text).toContain(`${env.APP_URL}/ateliers/${w.otherDate.id}`);
    await expectManageLink(mail, booking.id);
    await expectCalendar(mail, "CANCEL", [booking.id]);
  });

  test("session-moved: the new time, the old one, and an invitation with a higher SEQUENCE", async () => {
    const p = await person(lang);
    const booking = await book(w.session.id, p.id, lang);
    const newStart = new Date(w.session.startsAt.getTime() + DAY);
    await prisma.session.update({
      where: { id: w.session.id },
      data: {
        startsAt: newStart,
        endsAt: new Date(newStart.getTime() + 2 * HOUR),
        room: "Salle 2",
        revision: { increment: 1 },
      },
    });
    const row = await outboxRow({
      kind: "session-moved",
      recipient: "odette@example.org",
      locale: lang,
      bookingId: booking.id,
      payload: { previous: { startsAt: w.session.startsAt.toISOString(), placeId: w.place.id, room: null } },
    });
    const { mail } = await deliver(await compose(row));
    expect(mail.subject).toBe(t(lang)("sessionMoved.subject", { title, date: formatDateLong(newStart, lang) }));
    expectLanguage(mail, lang);
    expect(mail.text).toContain("Salle 2");
    const oldWhen = formatSessionTime(w.session.startsAt, w.session.endsAt, lang);
    expect(mail.text).toContain(`${t(lang)("sessionMoved.before")}${oldWhen}`);
    await expectManageLink(mail, booking.id);
    await expectCalendar(mail, "REQUEST", [booking.id]);
    expect(unfold(mail.attachments[0].content.toString("utf8"))).toContain("SEQUENCE:2");
  });

  test("follow-up to someone present: the « je sais » statements and a next workshop", async () => {
    const staff = await createStaffUser();
    const { booking, row, personId } = await bookedRow("follow-up");
    await prisma.attendance.create({
      data: {
        sessionId: w.session.id,
        personId,
        bookingId: booking.id,
        status: "PRESENT",
        markedById: staff.id,
        markedAt: w.session.endsAt,
      },
    });
    const { mail } = await deliver(await compose(row, new Date(w.session.endsAt.getTime() + HOUR)));
    expect(mail.subject).toBe(t(lang)("followUpThanks.subject", { title }));
    expectLanguage(mail, lang);
    expect(mail.text).toContain("Je sais allumer et éteindre une tablette");
    expect(mail.text).toContain(`${env.APP_URL}/ateliers/${w.suggestion.id}`);
    await expectManageLink(mail, booking.id);
  });

  test("follow-up to someone absent: « we missed you » with a link to book another date", async () => {
    const staff = await createStaffUser();
    const { booking, row, personId } = await bookedRow("follow-up");
    await prisma.attendance.create({
      data: {
        sessionId: w.session.id,
        personId,
        bookingId: booking.id,
        status: "ABSENT",
        markedById: staff.id,
        markedAt: w.session.endsAt,
      },
    });
    const { mail } = await deliver(await compose(row, new Date(w.session.endsAt.getTime() + HOUR)));
    expect(mail.subject).toBe(t(lang)("followUpMissed.subject", { title }));
    expectLanguage(mail, lang);
    expect(mail.text).toContain(`${env.APP_URL}/ateliers/${w.otherDate.id}`);
    await expectManageLink(mail, booking.id);
  });

  test("trainer-roster: the next day's sessions with who is booked", async () => {
    const trainer = await prisma.staffUser.create({
      data: { email: "lea@example.org", firstName: "Léa", lastName: "Roux", passwordHash: "x" },
    });
    await prisma.sessionTrainer.create({ data: { sessionId: w.session.id, trainerId: trainer.id } });
    const p = await person(lang);
    await book(w.session.id, p.id, lang);
    const day = parisDayKey(w.session.startsAt);
    const row = await outboxRow({
      kind: "trainer-roster",
      recipient: "lea@example.org",
      locale: lang,
      payload: { trainerId: trainer.id, day },
    });
    const { envelopeTo, mail } = await deliver(await compose(row));
    expect(envelopeTo).toEqual(["lea@example.org"]);
    expect(mail.subject).toBe(t(lang)("trainerRoster.subject", { date: formatDateLong(w.session.startsAt, lang) }));
    expectLanguage(mail, lang);
    expect(mail.text).toContain("Odette M.");
    expect(mail.text).toContain("Premiers pas sur la tablette");
  });
});

describe("rows no longer warranted are dropped with a reason", () => {
  test("a confirmation for a booking cancelled since", async () => {
    const w = await world();
    const p = await person("fr");
    const booking = await book(w.session.id, p.id, "fr", { status: "CANCELLED" });
    const row = await outboxRow({
      kind: "booking-confirmed",
      recipient: "odette@example.org",
      locale: "fr",
      bookingId: booking.id,
    });
    expect(await composeEmail(row, NOW)).toEqual({ drop: "booking cancelled" });
  });

  test("a reminder written before the session moved", async () => {
    const w = await world();
    const p = await person("fr");
    const booking = await book(w.session.id, p.id, "fr");
    const row = await outboxRow({
      kind: "reminder",
      recipient: "odette@example.org",
      locale: "fr",
      bookingId: booking.id,
      payload: { moment: "days-before", startsAt: new Date(w.session.startsAt.getTime() - DAY).toISOString() },
    });
    expect(await composeEmail(row, NOW)).toEqual({ drop: "session moved" });
  });

  test("a reminder of a booking whose reminders were stopped", async () => {
    const w = await world();
    const p = await person("fr");
    const booking = await book(w.session.id, p.id, "fr");
    await prisma.booking.update({ where: { id: booking.id }, data: { remindersWanted: false } });
    const row = await outboxRow({
      kind: "reminder",
      recipient: "odette@example.org",
      locale: "fr",
      bookingId: booking.id,
      payload: { moment: "morning", startsAt: w.session.startsAt.toISOString() },
    });
    expect(await composeEmail(row, NOW)).toEqual({ drop: "reminders stopped" });
  });

  test("a follow-up for a session whose attendance nobody marked", async () => {
    const w = await world();
    const p = await person("fr");
    const booking = await book(w.session.id, p.id, "fr");
    const row = await outboxRow({
      kind: "follow-up",
      recipient: "odette@example.org",
      locale: "fr",
      bookingId: booking.id,
    });
    expect(await composeEmail(row, new Date(w.session.endsAt.getTime() + HOUR))).toEqual({
      drop: "no attendance marked",
    });
  });

  test("anything for an anonymised person", async () => {
    const w = await world();
    const p = await person("fr");
    const booking = await book(w.session.id, p.id, "fr");
    await prisma.person.update({ where: { id: p.id }, data: { anonymised: true } });
    const row = await outboxRow({
      kind: "booking-confirmed",
      recipient: "odette@example.org",
      locale: "fr",
      bookingId: booking.id,
    });
    expect(await composeEmail(row, NOW)).toEqual({ drop: "person gone" });
  });
});

test("no email carries a token in its outbox row", async () => {
  const w = await world();
  const p = await person("fr");
  const booking = await book(w.session.id, p.id, "fr");
  const row = await outboxRow({
    kind: "booking-confirmed",
    recipient: "odette@example.org",
    locale: "fr",
    bookingId: booking.id,
  });
  const email = await compose(row);
  const token = /\/reservation\/([\w-]{43})/.exec(email.text)?.[1];
  expect(token).toBeDefined();
  const stored = await prisma.outboxEmail.findMany();
  expect(JSON.stringify(stored)).not.toContain(token);
});
