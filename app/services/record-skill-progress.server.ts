// One tap on a learner's skill level at a session: a new assessment row (the history is
// append-only), unless the tap only repeats what this session already holds.
import { createHash } from "node:crypto";

import type { StaffMember } from "~/domain/policy/actor";
import { mayAssessSkills, type AssessReason } from "~/domain/policy/staff-policy";
import { isRepeatTap, normaliseNote } from "~/domain/skills/assessments";
import type { AutonomyLevel } from "~/domain/skills/levels";
import {
  appendAssessment,
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
  now?: Date;
};

export type RecordSkillProgressResult =
  | { ok: true; assessmentId: string; repeated: boolean }
  | { ok: false; code: AssessReason | "SESSION_NOT_FOUND" | "NOT_A_TARGET_SKILL" };

export async function recordSkillProgress(input: RecordSkillProgressInput): Promise<RecordSkillProgressResult> {
  const { actor, sessionId, personId, skillId, level } = input;
  const now = input.now ?? new Date();
  const note = normaliseNote(input.note);
  return runTransaction(async (tx): Promise<RecordSkillProgressResult> => {
    const session = await findSkillProgressSession(tx, sessionId);
    if (!session) return { ok: false, code: "SESSION_NOT_FOUND" };
    const attendance = await attendanceMarkOf(tx, { sessionId, personId });
    const answer = mayAssessSkills(actor, { session, attendance, now });
    if (!answer.may) return { ok: false, code: answer.reason };
    if (!session.skills.some((skill) => skill.id === skillId)) return { ok: false, code: "NOT_A_TARGET_SKILL" };

    const latest = await latestAssessmentInSession(tx, { personId, skillId, sessionId });
    if (latest && isRepeatTap(latest, { level, note })) {
      return { ok: true, assessmentId: latest.id, repeated: true };
    }
    // The tap as a unique key: two identical taps racing (a double tap, a resent request, two
    // servers) both read the same previous row and make the same key, so one insert fails and
    // its retry reads the winner's row as a repeat. The read above alone would let both in.
    const tapKey = createHash("sha256")
      .update(JSON.stringify([sessionId, personId, skillId, latest?.id ?? null, level, note]))
      .digest("hex");
    const created = await appendAssessment(tx, {
      personId,
      skillId,
      sessionId,
      level,
      note,
      tapKey,
      assessedById: actor.userId,
      assessedAt: now,
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
      },
    });
    return { ok: true, assessmentId: created.id, repeated: false };
  });
}
