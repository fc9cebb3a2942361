import { isOpen } from "~/domain/rule";
import { findThing } from "~/models/thing.server";
import { bookThing } from "~/services/book.server";
import { thingPath } from "~/utils/paths";

export async function sendThing(id: string): Promise<string | null> {
  const thing = await findThing(id);
  return thing && isOpen(thing.seats) && (await bookThing(id)) ? thingPath(id) : null;
}
