// A learner's level at a skill is their latest assessment: assessments are append-only, so the
// history stays and the newest row speaks for now.
import type { AutonomyLevel } from "./levels";

export type AssessmentFacts = {
  id: string;
  level: AutonomyLevel;
  assessedAt: Date;
  /** Breaks a tie between two rows assessed in the same millisecond: the one written last wins. */
  createdAt: Date;
};

/** Newest first: by when it was assessed, then by when it was written, then by id (a total order). */
export function compareNewestFirst(a: AssessmentFacts, b: AssessmentFacts): number {
  return (
    b.assessedAt.getTime() - a.assessedAt.getTime() ||
    b.createdAt.getTime() - a.createdAt.getTime() ||
    (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
  );
}

/** The assessment that gives the current level, or null when the skill was never assessed. */
export function latestAssessment<T extends AssessmentFacts>(history: readonly T[]): T | null {
  let latest: T | null = null;
  for (const row of history) if (latest === null || compareNewestFirst(row, latest) < 0) latest = row;
  return latest;
}

/** The latest assessment of each person × skill pair found in `rows`, keyed by `progressKey`. */
export function latestByPersonAndSkill<T extends AssessmentFacts & { personId: string; skillId: string }>(
  rows: readonly T[],
): Map<string, T> {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const key = progressKey(row.personId, row.skillId);
    const known = latest.get(key);
    if (!known || compareNewestFirst(row, known) < 0) latest.set(key, row);
  }
  return latest;
}

export function progressKey(personId: string, skillId: string): string {
  return `${personId}\u0000${skillId}`;
}

/** An empty or blank comment is no comment. */
export function normaliseNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

/**
 * Whether a tap only repeats what this session already holds for the person × skill, so that
 * nothing is written: a double tap, a form sent again after a lost answer, the button already
 * pressed. It repeats when the latest assessment *of this session* has the same level and the tap
 * brings no new comment (none, or the same one). Anything else is new and appended: another level
 * (even back to an earlier one: A, B then A again is three rows, the last one current), or the
 * same level with a comment the row does not hold yet (the comment would otherwise be lost).
 * An assessment from another session never makes a tap a repeat: each session records its own.
 */
export function isRepeatTap(
  latestInSession: { level: AutonomyLevel; note: string | null } | null,
  tap: { level: AutonomyLevel; note: string | null },
): boolean {
  if (latestInSession === null || latestInSession.level !== tap.level) return false;
  const note = normaliseNote(tap.note);
  return note === null || note === normaliseNote(latestInSession.note);
}
