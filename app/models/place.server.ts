import type { Prisma } from "~/generated/prisma/client";
import { placeNameAfterA } from "~/domain/places/name-after-a";
import { prisma } from "~/utils/db.server";

/** What a resident needs to find a place and get in: address, phone, access, transport. */
export const placeDetailsSelect = {
  id: true,
  slug: true,
  name: true,
  nameAfterA: true,
  addressLine: true,
  postcode: true,
  phone: true,
  stepFreeAccess: true,
  parking: true,
  hearingLoop: true,
  accessNotes: true,
  publicTransport: true,
  commune: { select: { name: true } },
} satisfies Prisma.PlaceSelect;

export function toPlaceDetails(row: Prisma.PlaceGetPayload<{ select: typeof placeDetailsSelect }>) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    /** « au Hub numérique »: French after « à » (see placeNameAfterA). */
    atPlace: placeNameAfterA(row),
    addressLine: row.addressLine,
    postcode: row.postcode,
    communeName: row.commune.name,
    phone: row.phone,
    stepFreeAccess: row.stepFreeAccess,
    parking: row.parking,
    hearingLoop: row.hearingLoop,
    accessNotes: row.accessNotes,
    publicTransport: row.publicTransport,
  };
}

export async function listPublicPlaces(now: Date) {
  return prisma.place.findMany({
    where: { deletedAt: null },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: {
      ...placeDetailsSelect,
      kind: true,
      description: true,
      area: true,
      email: true,
      openingHours: {
        select: { weekday: true, opensAt: true, closesAt: true },
        orderBy: [{ weekday: "asc" }, { opensAt: "asc" }],
      },
      _count: {
        select: {
          servedCommunes: true,
          sessions: { where: { status: "SCHEDULED", deletedAt: null, startsAt: { gt: now } } },
        },
      },
    },
  });
}

export type PublicPlace = Awaited<ReturnType<typeof listPublicPlaces>>[number];

/**
 * The general number for residents when no place is in question (the digital hub's reception),
 * or null when no hub lists a phone.
 */
export async function findReceptionPhone(): Promise<string | null> {
  const hub = await prisma.place.findFirst({
    where: { kind: "DIGITAL_HUB", deletedAt: null, phone: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { phone: true },
  });
  return hub?.phone ?? null;
}
