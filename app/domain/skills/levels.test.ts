import { describe, expect, test } from "vitest";

import { AUTONOMY_LEVELS, compareLevels, isAutonomyLevel, levelRank } from "./levels";

describe("autonomy levels", () => {
  test("go from not yet covered to autonomous", () => {
    expect(AUTONOMY_LEVELS).toEqual(["NOT_COVERED", "ACCOMPANIED", "PARTLY_AUTONOMOUS", "AUTONOMOUS"]);
    expect(levelRank("NOT_COVERED")).toBe(0);
    expect(levelRank("AUTONOMOUS")).toBe(3);
  });

  test("sort from the least to the most autonomous", () => {
    const sorted = ["AUTONOMOUS", "NOT_COVERED", "PARTLY_AUTONOMOUS", "ACCOMPANIED"] as const;
    expect([...sorted].sort(compareLevels)).toEqual(AUTONOMY_LEVELS);
    expect(compareLevels("ACCOMPANIED", "AUTONOMOUS")).toBeLessThan(0);
    expect(compareLevels("AUTONOMOUS", "AUTONOMOUS")).toBe(0);
  });

  test("are recognised in a form, and nothing else is", () => {
    for (const level of AUTONOMY_LEVELS) expect(isAutonomyLevel(level)).toBe(true);
    for (const other of ["", "autonomous", "EXPERT", null, undefined, 2, ["AUTONOMOUS"]]) {
      expect(isAutonomyLevel(other)).toBe(false);
    }
  });
});
