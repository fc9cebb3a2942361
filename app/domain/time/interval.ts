/** A span of time, half-open: it includes `startsAt` and excludes `endsAt`. */
export interface TimeSlot {
  startsAt: Date;
  endsAt: Date;
}

/** Half-open intervals, so a session ending at 16:00 does not overlap one starting at 16:00. */
export function overlaps(a: TimeSlot, b: TimeSlot): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** The earliest-starting slot among `others` that overlaps `slot`, or null. */
export function firstOverlapping<T extends TimeSlot>(slot: TimeSlot, others: readonly T[]): T | null {
  let found: T | null = null;
  for (const other of others) {
    if (!overlaps(slot, other)) continue;
    if (found === null || other.startsAt.getTime() < found.startsAt.getTime()) found = other;
  }
  return found;
}

export function hasStarted(slot: Pick<TimeSlot, "startsAt">, now: Date): boolean {
  return now.getTime() >= slot.startsAt.getTime();
}
