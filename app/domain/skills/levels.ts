// The autonomy levels a trainer records for a learner's skill: the three that funders already read
// (accompanied, partly autonomous, autonomous), after "not yet covered".

/** Mirrors the `AutonomyLevel` enum of prisma/schema.prisma, so the domain imports nothing generated. */
export type AutonomyLevel = "NOT_COVERED" | "ACCOMPANIED" | "PARTLY_AUTONOMOUS" | "AUTONOMOUS";

/** From the least to the most autonomous: the order the buttons show them in. */
export const AUTONOMY_LEVELS: readonly AutonomyLevel[] = [
  "NOT_COVERED",
  "ACCOMPANIED",
  "PARTLY_AUTONOMOUS",
  "AUTONOMOUS",
];

export function isAutonomyLevel(value: unknown): value is AutonomyLevel {
  return typeof value === "string" && (AUTONOMY_LEVELS as readonly string[]).includes(value);
}

/** 0 for "not yet covered" up to 3 for "autonomous". */
export function levelRank(level: AutonomyLevel): number {
  return AUTONOMY_LEVELS.indexOf(level);
}

/** Negative when `a` is less autonomous than `b`, for sorting. */
export function compareLevels(a: AutonomyLevel, b: AutonomyLevel): number {
  return levelRank(a) - levelRank(b);
}
