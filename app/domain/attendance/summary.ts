// Whether a session's sheet is complete: funders need a mark for everyone who had a seat.

export type MarkingSummary = {
  /** People with a confirmed booking. */
  expected: number;
  /** Of them, those with a mark. */
  marked: number;
  /** Of them, those still without one. */
  unmarked: number;
  complete: boolean;
};

/**
 * Counts the confirmed people with a mark. Walk-ins always carry one (adding them marks them) and
 * a mark without a confirmed booking (someone who cancelled after being marked) is not expected.
 */
export function markingSummary(
  confirmedPersonIds: readonly string[],
  markedPersonIds: readonly string[],
): MarkingSummary {
  const expected = new Set(confirmedPersonIds);
  const marks = new Set(markedPersonIds);
  let marked = 0;
  for (const id of expected) if (marks.has(id)) marked++;
  return { expected: expected.size, marked, unmarked: expected.size - marked, complete: marked === expected.size };
}

export type SessionForSheet = { status: "SCHEDULED" | "CANCELLED" | "COMPLETED"; endsAt: Date };

/** A session that has ended, was not cancelled, and still has someone unmarked: it stands out. */
export function sheetToComplete(session: SessionForSheet, summary: MarkingSummary, now: Date): boolean {
  if (session.status === "CANCELLED") return false;
  return session.endsAt.getTime() <= now.getTime() && !summary.complete;
}
