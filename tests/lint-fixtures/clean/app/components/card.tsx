import { useState } from "react";

import type { Thing } from "~/models/thing.server";
import { type Booking } from "~/services/book.server";
import { isOpen } from "~/domain/rule";
import { thingPath } from "~/utils/paths";

// Types from *.server modules are erased at build time: allowed in a component.
export function Card({ thing, booking }: { thing?: Thing; booking?: Booking }) {
  const [open] = useState(thing ? isOpen(thing.seats) : false);
  return <a href={booking?.path ?? thingPath(thing?.id ?? "")}>{open ? "open" : "closed"}</a>;
}
