import { describe, expect, test } from "vitest";

import {
  isRepeatTap,
  latestAssessment,
  latestByPersonAndSkill,
  normaliseNote,
  progressKey,
  type AssessmentFacts,
} from "./assessments";
import type { AutonomyLevel } from "./levels";

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9));

function row(id: string, level: AutonomyLevel, assessedAt: Date, createdAt = assessedAt): AssessmentFacts {
  return { id, level, assessedAt, createdAt };
}

describe("the current level", () => {
  test("is none for a skill never assessed", () => {
    expect(latestAssessment([])).toBeNull();
  });

  test("is the latest assessment, whatever order the history comes in", () => {
    const history = [
      row("a", "NOT_COVERED", day(2)),
      row("c", "PARTLY_AUTONOMOUS", day(20)),
      row("b", "ACCOMPANIED", day(12)),
    ];
    expect(latestAssessment(history)?.level).toBe("PARTLY_AUTONOMOUS");
    expect(latestAssessment([...history].reverse())?.level).toBe("PARTLY_AUTONOMOUS");
  });

  test("goes down as well as up: the latest wins, not the highest", () => {
    const history = [row("a", "AUTONOMOUS", day(2)), row("b", "ACCOMPANIED", day(3))];
    expect(latestAssessment(history)?.level).toBe("ACCOMPANIED");
  });

  test("in a tie on the time assessed, is the row written last, then the greater id", () => {
    const same = day(5);
    expect(latestAssessment([row("a", "AUTONOMOUS", same, day(6)), row("b", "ACCOMPANIED", same, day(5))])?.level).toBe(
      "AUTONOMOUS",
    );
    expect(latestAssessment([row("a", "AUTONOMOUS", same), row("b", "ACCOMPANIED", same)])?.level).toBe("ACCOMPANIED");
  });

  test("is kept per person and skill", () => {
    const rows = [
      { ...row("1", "ACCOMPANIED", day(1)), personId: "p1", skillId: "s1" },
      { ...row("2", "AUTONOMOUS", day(2)), personId: "p1", skillId: "s1" },
      { ...row("3", "NOT_COVERED", day(3)), personId: "p1", skillId: "s2" },
      { ...row("4", "PARTLY_AUTONOMOUS", day(1)), personId: "p2", skillId: "s1" },
    ];
    const latest = latestByPersonAndSkill(rows);
    expect(latest.size).toBe(3);
    expect(latest.get(progressKey("p1", "s1"))?.level).toBe("AUTONOMOUS");
    expect(latest.get(progressKey("p1", "s2"))?.level).toBe("NOT_COVERED");
    expect(latest.get(progressKey("p2", "s1"))?.level).toBe("PARTLY_AUTONOMOUS");
    expect(latest.get(progressKey("p2", "s2"))).toBeUndefined();
  });
});

describe("a tap that repeats what the session holds (nothing is written)", () => {
  test("a first tap in this session is new", () => {
    expect(isRepeatTap(null, { level: "ACCOMPANIED", note: null })).toBe(false);
  });

  test("the same level again, with no comment, is a repeat (a double tap, a form sent again)", () => {
    expect(isRepeatTap({ level: "ACCOMPANIED", note: null }, { level: "ACCOMPANIED", note: null })).toBe(true);
    expect(isRepeatTap({ level: "ACCOMPANIED", note: "Avec sa fille" }, { level: "ACCOMPANIED", note: "  " })).toBe(
      true,
    );
  });

  test("the same level with the same comment is a repeat", () => {
    expect(
      isRepeatTap({ level: "ACCOMPANIED", note: "Avec sa fille" }, { level: "ACCOMPANIED", note: " Avec sa fille " }),
    ).toBe(true);
  });

  test("the same level with a new comment is new, so the comment is kept", () => {
    expect(isRepeatTap({ level: "ACCOMPANIED", note: null }, { level: "ACCOMPANIED", note: "Seule" })).toBe(false);
    expect(isRepeatTap({ level: "ACCOMPANIED", note: "Avant" }, { level: "ACCOMPANIED", note: "Après" })).toBe(false);
  });

  test("another level is new, back to an earlier one too", () => {
    expect(isRepeatTap({ level: "ACCOMPANIED", note: null }, { level: "AUTONOMOUS", note: null })).toBe(false);
    expect(isRepeatTap({ level: "AUTONOMOUS", note: null }, { level: "ACCOMPANIED", note: null })).toBe(false);
  });
});

describe("a comment", () => {
  test("blank is none, and is trimmed otherwise", () => {
    expect(normaliseNote(undefined)).toBeNull();
    expect(normaliseNote(null)).toBeNull();
    expect(normaliseNote(" \n ")).toBeNull();
    expect(normaliseNote("  Seule au clavier ")).toBe("Seule au clavier");
  });
});
