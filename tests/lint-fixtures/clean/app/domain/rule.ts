import { addDays } from "date-fns";

import { later } from "./time";

export type Seats = number;

export function isOpen(seats: Seats): boolean {
  return seats > 0 && later(addDays(new Date(0), 1));
}
