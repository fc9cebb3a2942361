// One read for the signature sheet and the roster CSV: the session's facts, its trainers, and
// everyone expected or come (confirmed bookings and attendance rows), with the recorded marks and
// the anonymous head count. The caller has already checked the actor may read this roster.
import { orderParticipants, type SheetParticipant } from "~/domain/attendance/signature-sheet";
import { formatPhone } from "~/domain/people/contact";
import { prisma } from "~/utils/db.server";

export type SignatureSheet = NonNullable<Awaited<ReturnType<typeof readSignatureSheet>>>;

const personFields = {
  id: true,
  firstName: true,
  lastName: true,
  phone: true,
  email: true,
  commune: { select: { name: true } },
} as const;

export async function readSignatureSheet(sessionId: string) {
  const session = await prisma.session.findFirst({
    where: { id: sessionId, deletedAt: null },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      capacity: true,
      status: true,
      room: true,
      workshop: { select: { title: true, slug: true } },
      place: {
        select: { name: true, addressLine: true, postcode: true, commune: { select: { name: true } } },
      },
      trainers: {
        select: { trainer: { select: { firstName: true, lastName: true } } },
        orderBy: [{ trainer: { lastName: "asc" } }, { trainer: { firstName: "asc" } }],
      },
      bookings: {
        where: { status: "CONFIRMED" },
        select: { id: true, source: true, contactPhone: true, contactEmail: true, person: { select: personFields } },
      },
      attendances: {
        select: { status: true, isWalkIn: true, bookingId: true, person: { select: personFields } },
      },
      anonymousVisits: { select: { count: true } },
    },
  });
  if (!session) return null;

  const marks = new Map(session.attendances.map((a) => [a.person.id, a]));
  const participants: SheetParticipant[] = session.bookings.map((b) => ({
    personId: b.person.id,
    firstName: b.person.firstName,
    lastName: b.person.lastName,
    commune: b.person.commune?.name ?? null,
    phone: formatPhone(b.person.phone ?? b.contactPhone) ?? b.person.phone ?? b.contactPhone,
    email: b.person.email ?? b.contactEmail,
    source: b.source,
    attendance: marks.get(b.person.id)?.status ?? null,
    isWalkIn: false,
  }));
  const listed = new Set(participants.map((p) => p.personId));
  // Someone marked without a confirmed booking: a walk-in, or a booking since cancelled who came anyway.
  for (const a of session.attendances) {
    if (listed.has(a.person.id)) continue;
    participants.push({
      personId: a.person.id,
      firstName: a.person.firstName,
      lastName: a.person.lastName,
      commune: a.person.commune?.name ?? null,
      phone: formatPhone(a.person.phone) ?? a.person.phone,
      email: a.person.email,
      source: null,
      attendance: a.status,
      isWalkIn: a.isWalkIn || a.bookingId === null,
    });
  }

  return {
    id: session.id,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    capacity: session.capacity,
    status: session.status,
    room: session.room,
    workshop: session.workshop,
    place: {
      name: session.place.name,
      addressLine: session.place.addressLine,
      postcode: session.place.postcode,
      commune: session.place.commune.name,
    },
    trainers: session.trainers.map((t) => `${t.trainer.firstName} ${t.trainer.lastName}`),
    participants: orderParticipants(participants),
    anonymousCount: session.anonymousVisits.reduce((sum, v) => sum + v.count, 0),
  };
}
