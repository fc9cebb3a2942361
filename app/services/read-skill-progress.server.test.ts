import { beforeEach, describe, expect, test } from "vitest";

import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { DAY, HOUR, NOW, at, createSession } from "../../tests/fixtures/rows";
import { createPerson, mark, newTapId, skillScene, trainer } from "../../tests/fixtures/skills";
import { readSkillProgress } from "./read-skill-progress.server";
import { recordSkillProgress } from "./record-skill-progress.server";

beforeEach(() => resetDatabase());

describe("readSkillProgress", () => {
  test("gives attendees every target skill with their latest level, and others the policy's reason", async () => {
    const { actor, staff, workshop, session, present, email, photo } = await skillScene();
    const earlier = await createSession({ workshopId: workshop.id, startsAt: at(-7 * DAY) });
    await prisma.skillAssessment.createMany({
      data: [
        {
          personId: present.id,
          skillId: email.id,
          level: "NOT_COVERED",
          sessionId: earlier.id,
          assessedById: staff.id,
          assessedAt: at(-8 * DAY),
        },
        {
          personId: present.id,
          skillId: email.id,
          level: "ACCOMPANIED",
          sessionId: earlier.id,
          assessedById: staff.id,
          assessedAt: at(-7 * DAY),
        },
      ],
    });
    const absent = await createPerson("Paul", "Absent");
    await mark(session.id, absent.id, "ABSENT", staff.id);

    const view = await readSkillProgress({ actor, sessionId: session.id, now: NOW });
    expect(view?.sessionAnswer).toEqual({ may: true });
    expect(view?.skills.map((skill) => skill.id)).toEqual([email.id, photo.id]);
    const byId = new Map(view?.people.map((person) => [person.personId, person]));
    expect(byId.get(present.id)?.answer).toEqual({ may: true });
    expect(byId.get(present.id)?.skills).toEqual([
      {
        skillId: email.id,
        current: expect.objectContaining({
          level: "ACCOMPANIED",
          session: expect.objectContaining({ id: earlier.id }),
        }),
      },
      { skillId: photo.id, current: null },
    ]);
    expect(byId.get(absent.id)).toMatchObject({ answer: { may: false, reason: "NOT_ATTENDED" }, skills: [] });

    await recordSkillProgress({
      tapId: newTapId(),
      actor,
      sessionId: session.id,
      personId: present.id,
      skillId: email.id,
      level: "AUTONOMOUS",
      now: NOW,
    });
    const after = await readSkillProgress({ actor, sessionId: session.id, now: NOW });
    expect(after?.people.find((p) => p.personId === present.id)?.skills[0].current).toMatchObject({
      level: "AUTONOMOUS",
      session: { id: session.id },
    });
  });

  test("more than an hour before the start, nobody may be assessed yet, and the page says so", async () => {
    const { staff, workshop } = await skillScene();
    const ahead = await createSession({ workshopId: workshop.id, startsAt: at(2 * HOUR) });
    await prisma.sessionTrainer.create({ data: { sessionId: ahead.id, trainerId: staff.id } });
    const view = await readSkillProgress({ actor: trainer(staff.id), sessionId: ahead.id, now: NOW });
    expect(view?.sessionAnswer).toEqual({ may: false, reason: "NOT_YET_OPEN" });
  });

  test("an unknown session has no page", async () => {
    const { actor } = await skillScene();
    expect(await readSkillProgress({ actor, sessionId: "nope", now: NOW })).toBeNull();
  });
});
