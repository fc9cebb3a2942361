// What the skill progress page of a session shows: each person of the session, whether the actor
// may record their progress now (and if not, why), and for those who may be assessed the
// workshop's target skills with the level their latest assessment left.
import type { StaffMember } from "~/domain/policy/actor";
import { mayAssessSkills, type AssessAnswer } from "~/domain/policy/staff-policy";
import { progressKey } from "~/domain/skills/assessments";
import {
  findSkillProgressSession,
  latestAssessmentsOf,
  listSessionPeople,
  type CurrentAssessment,
  type SessionPerson,
  type TargetSkill,
} from "~/models/skill-progress.server";
import { prisma } from "~/utils/db.server";

export type PersonProgress = SessionPerson & {
  answer: AssessAnswer;
  /** One entry per target skill, in the workshop's order; empty when the answer refuses. */
  skills: { skillId: string; current: CurrentAssessment | null }[];
};

export type SkillProgressView = {
  session: NonNullable<Awaited<ReturnType<typeof findSkillProgressSession>>>;
  /** The answer for the session as a whole (someone present or late): open, cancelled, not yet. */
  sessionAnswer: AssessAnswer;
  skills: TargetSkill[];
  people: PersonProgress[];
};

export async function readSkillProgress(input: {
  actor: StaffMember;
  sessionId: string;
  now?: Date;
}): Promise<SkillProgressView | null> {
  const now = input.now ?? new Date();
  const session = await findSkillProgressSession(prisma, input.sessionId);
  if (!session) return null;
  const people = await listSessionPeople(prisma, session.id);
  const answers = people.map((person) => ({
    person,
    answer: mayAssessSkills(input.actor, { session, attendance: person.attendance, now }),
  }));
  const assessable = answers.filter(({ answer }) => answer.may).map(({ person }) => person.personId);
  const latest = await latestAssessmentsOf(
    prisma,
    assessable,
    session.skills.map((skill) => skill.id),
  );
  return {
    session,
    sessionAnswer: mayAssessSkills(input.actor, { session, attendance: "PRESENT", now }),
    skills: session.skills,
    people: answers.map(({ person, answer }) => ({
      ...person,
      answer,
      skills: answer.may
        ? session.skills.map((skill) => ({
            skillId: skill.id,
            current: latest.get(progressKey(person.personId, skill.id)) ?? null,
          }))
        : [],
    })),
  };
}
