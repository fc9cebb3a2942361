import { isOpen } from "~/domain/rule";
import { findThing } from "~/models/thing.server";
import { db } from "~/utils/db.server";
import { thingPath } from "~/utils/paths";

export type Booking = { path: string };

export async function bookThing(id: string): Promise<Booking | null> {
  const thing = await findThing(id);
  return thing && isOpen(thing.seats) && db.ok ? { path: thingPath(id) } : null;
}
