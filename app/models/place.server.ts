import { prisma } from "~/utils/db.server";

export async function listPublicPlaces(now: Date) {
  return prisma.place.findMany({
    where: { deletedAt: null },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      description: true,
      addressLine: true,
      postcode: true,
      area: true,
      phone: true,
      email: true,
      stepFreeAccess: true,
      parking: true,
      hearingLoop: true,
      accessNotes: true,
      publicTransport: true,
      commune: { select: { name: true } },
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
