import type { Seats } from "~/domain/rule";
import { Client } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";

export type Thing = { id: string; seats: Seats };

export async function findThing(id: string): Promise<Thing | null> {
  return db.ok ? { id, seats: new Client().seats } : null;
}
