// One tap on a learner's skill level at a session: a new assessment row (the history is
// append-only), unless the tap was already recorded (a resend: same tap id) or only repeats what
// this session already holds. The row is dated by the tap, not by its arrival: a tap that arrives
// late, after a newer one, goes into the history without becoming the current level.
import { createHash } from "node:crypto";

import type { StaffMember } from "~/domain/policy/actor";
import { mayAssessSkills, type AssessReason } from "~/domain/policy/staff-policy";
import { isRepeatTap, normaliseNote } from "~/domain/skills/assessments";
import type { AutonomyLevel } from "~/domain/skills/levels";
import { isTapId, tapAssessedAt } from "~/domain/skills/taps";
import {
  appendAssessment,
  assessmentByTapKey,
  attendanceMarkOf,
  findSkillProgressSession,
  latestAssessmentInSession,
} from "~/models/skill-progress.server";

import { audit } from "./audit.server";
import { runTransaction } from "./transaction.server";

export type RecordSkillProgressInput = {
  actor: StaffMember;
  sessionId: string;
  personId: string;
  skillId: string;
  level: AutonomyLevel;
  note?: string | null;
  /** The tap's id, made by the page (one per render, without JavaScript) or the phone (one per tap, kept when resent). */
  tapId: string;
  /** Milliseconds between the tap and this send, as the phone measured them (0 when unknown). */
  elapsedMs?: number;
  now?: Date;
};

export type RecordSkillProgressResult =
  | { ok: true; assessmentId: string; repeated: boolean }
  | { ok: false; code: AssessReason | "SESSION_NOT_FOUND" | "NOT_A_TARGET_SKILL" | "BAD_TAP" };

/**
 * The tap's unique key: the client's tap id, bound to what the tap records. A resend of the tap
 * makes the same key, so the database keeps one row even when two copies race; the same id sent
 * for something else (a page without JavaScript kept open with the back button, one id per
 * render) is another tap and is not lost.
 */
export function skillTapKey(tap: {
  sessionId: string;
  personId: string;
  skillId: string;
  tapId: string;
  level: AutonomyLevel;
  note: string | null;
}): string {
  return createHash("sha256")
    .update(JSON.stringify([tap.sessionId, tap.personId, tap.skillId, tap.tapId, tap.level, tap.note]))
    .digest("hex");
}

export async function recordSkillProgress(input: RecordSkillProgressInput): Promise<RecordSkillProgressResult> {
  const { actor, sessionId, personId, skillId, level, tapId } = input;
  const now = input.now ?? new Date();
  const note = normaliseNote(input.note);
  if (!isTapId(tapId)) return { ok: false, code: "BAD_TAP" };
  const assessedAt = tapAssessedAt(input.elapsedMs ?? 0, now);
  const tapKey = skillTapKey({ sessionId, personId, skillId, tapId, level, note });
  return runTransaction(async (tx): Promise<RecordSkillProgressResult> => {
    const session = await findSkillProgressSession(tx, sessionId);
    if (!session) return { ok: false, code: "SESSION_NOT_FOUND" };
    const attendance = await attendanceMarkOf(tx, { sessionId, personId });
    const answer = mayAssessSkills(actor, { session, attendance, now });
    if (!answer.may) return { ok: false, code: answer.reason };
    if (!session.skills.some((skill) => skill.id === skillId)) return { ok: false, code: "NOT_A_TARGET_SKILL" };

    // A resend of a tap already recorded, even one that another tap has overtaken since. Two
    // copies racing both find nothing here; the unique key keeps one insert, and the other's
    // retry (runTransaction runs it again on the clash) finds the winner's row.
    const recorded = await assessmentByTapKey(tx, tapKey);
    if (recorded) return { ok: true, assessmentId: recorded.id, repeated: true };

    const latest = await latestAssessmentInSession(tx, { personId, skillId, sessionId });
    if (latest && isRepeatTap(latest, { level, note })) {
      return { ok: true, assessmentId: latest.id, repeated: true };
    }
    const created = await appendAssessment(tx, {
      personId,
      skillId,
      sessionId,
      level,
      note,
      tapKey,
      assessedById: actor.userId,
      assessedAt,
    });
    await audit(tx, {
      action: "skill.assess",
      entityType: "SkillAssessment",
      entityId: created.id,
      actorUserId: actor.userId,
      at: now,
      // The comment itself stays in its row: the trail says that there was one, not what it said.
      data: {
        sessionId,
        personId,
        skillId,
        level,
        previousLevelInSession: latest?.level ?? null,
        withNote: note !== null,
        tappedAt: assessedAt.toISOString(),
      },
    });
    return { ok: true, assessmentId: created.id, repeated: false };
  });
}
