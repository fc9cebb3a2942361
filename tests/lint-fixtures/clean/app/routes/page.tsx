import { Card } from "~/components/card";
import { isOpen } from "~/domain/rule";
import { findThing } from "~/models/thing.server";
import { bookThing } from "~/services/book.server";
import { thingPath } from "~/utils/paths";
import { readSession } from "~/utils/session.server";

export async function loader() {
  return { thing: await findThing(readSession()), path: thingPath("1"), open: isOpen(1) };
}

export async function action() {
  return bookThing("1");
}

export default function Page() {
  return <Card />;
}
