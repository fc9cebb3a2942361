import { beforeEach, describe, expect, test } from "vitest";

import { progressKey } from "~/domain/skills/assessments";
import { appendAssessment, latestAssessmentsOf, listSessionPeople } from "~/models/skill-progress.server";
import { prisma } from "~/utils/db.server";

import { resetDatabase } from "../../tests/setup/db";
import { DAY, HOUR, NOW, at, createSession, createStaffUser } from "../../tests/fixtures/rows";
import { createPerson, createSkill, mark, newTapId, skillScene as scene, trainer } from "../../tests/fixtures/skills";
import { recordSkillProgress } from "./record-skill-progress.server";

beforeEach(() => resetDatabase());

const assessmentsOf = (personId: string, skillId: string) =>
  prisma.skillAssessment.findMany({
    where: { personId, skillId },
    orderBy: { assessedAt: "asc" },
    select: { level: true, sessionId: true, assessedById: true, assessedAt: true, note: true },
  });

describe("recordSkillProgress", () => {
  test("appends: two levels make two rows, the history is kept, the latest is current", async () => {
    const { actor, session, present, email } = await scene();
    const first = await recordSkillProgress({
      tapId: newTapId(),
      actor,
      sessionId: session.id,
      personId: present.id,
      skillId: email.id,
      level: "ACCOMPANIED",
      note: "  Avec sa fille  ",
      now: NOW,
    });
    expect(first).toMatchObject({ ok: true, repeated: false });
    const later = new Date(NOW.getTime() + 10 * 60 * 1000);
    const second = await recordSkillProgress({
      tapId: newTapId(),
      actor,
      sessionId: session.id,
      personId: present.id,
      skillId: email.id,
      level: "PARTLY_AUTONOMOUS",
      now: later,
    });
    expect(second).toMatchObject({ ok: true, repeated: false });

    expect(await assessmentsOf(present.id, email.id)).toEqual([
      {
        level: "ACCOMPANIED",
        sessionId: session.id,
        assessedById: actor.userId,
        assessedAt: NOW,
        note: "Avec sa fille",
      },
      { level: "PARTLY_AUTONOMOUS", sessionId: session.id, assessedById: actor.userId, assessedAt: later, note: null },
    ]);
    const current = await latestAssessmentsOf(prisma, [present.id], [email.id]);
    expect(current.get(progressKey(present.id, email.id))).toMatchObject({
      level: "PARTLY_AUTONOMOUS",
      assessedAt: later,
      session: { id: session.id },
    });
  });

  test("audits who, when, the person, the skill and the level, without the comment itself", async () => {
    const { actor, session, present, email } = await scene();
    const result = await recordSkillProgress({
      tapId: newTapId(),
      actor,
      sessionId: session.id,
      personId: present.id,
      skillId: email.id,
      level: "AUTONOMOUS",
      note: "Très à l'aise",
      elapsedMs: 30_000,
      now: NOW,
    });
    if (!result.ok) throw new Error(result.code);
    const entries = await prisma.auditLog.findMany({ where: { action: "skill.assess" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorUserId: actor.userId,
      at: NOW,
      entityType: "SkillAssessment",
      entityId: result.assessmentId,
    });
    expect(JSON.parse(entries[0].data ?? "{}")).toEqual({
      sessionId: session.id,
      personId: present.id,
      skillId: email.id,
      level: "AUTONOMOUS",
      previousLevelInSession: null,
      withNote: true,
      tappedAt: new Date(NOW.getTime() - 30_000).toISOString(),
    });
  });

  test("a double tap, even at once, writes one row and one audit entry", async () => {
    const { actor, session, present, email } = await scene();
    const tap = () =>
      recordSkillProgress({
        tapId: newTapId(),
        actor,
        sessionId: session.id,
        personId: present.id,
        skillId: email.id,
        level: "ACCOMPANIED",
        now: NOW,
      });
    const results = await Promise.all([tap(), tap(), tap()]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(results.filter((r) => r.ok && !r.repeated)).toHaveLength(1);
    expect(await assessmentsOf(present.id, email.id)).toHaveLength(1);
    expect(await prisma.auditLog.count({ where: { action: "skill.assess" } })).toBe(1);
  });

  test("two taps that read the same state cannot both be written, whatever the database: the tap key is unique", async () => {
    // On SQLite the transactions above queue one behind the other; on PostgreSQL two servers can
    // both read "no row yet". Both then write the same tap key, and the database keeps one.
    const { actor, session, present, email } = await scene();
    const row = {
      personId: present.id,
      skillId: email.id,
      sessionId: session.id,
      level: "ACCOMPANIED" as const,
      note: null,
      tapKey: "same-tap",
      assessedById: actor.userId,
      assessedAt: NOW,
    };
    await appendAssessment(prisma, row);
    await expect(appendAssessment(prisma, row)).rejects.toMatchObject({ code: "P2002" });
    expect(await assessmentsOf(present.id, email.id)).toHaveLength(1);
  });

  test("a late tap that was tapped before the current one goes into the history, not the current level", async () => {
    // A tapped (ACCOMPANIED), the signal drops; B tapped a minute later (AUTONOMOUS) and stored;
    // A's resend arrives two minutes after it was tapped, with the same tap id.
    const { actor, session, present, email } = await scene();
    const base = { actor, sessionId: session.id, personId: present.id, skillId: email.id };
    const a = { ...base, tapId: newTapId(), level: "ACCOMPANIED" as const };
    const b = await recordSkillProgress({ ...base, tapId: newTapId(), level: "AUTONOMOUS", now: NOW });
    expect(b).toMatchObject({ ok: true, repeated: false });
    const late = await recordSkillProgress({ ...a, elapsedMs: 2 * 60_000, now: new Date(NOW.getTime() + 60_000) });
    expect(late).toMatchObject({ ok: true, repeated: false });

    expect((await assessmentsOf(present.id, email.id)).map((row) => [row.level, row.assessedAt])).toEqual([
      ["ACCOMPANIED", new Date(NOW.getTime() - 60_000)],
      ["AUTONOMOUS", NOW],
    ]);
    const current = await latestAssessmentsOf(prisma, [present.id], [email.id]);
    expect(current.get(progressKey(present.id, email.id))).toMatchObject({ level: "AUTONOMOUS", assessedAt: NOW });

    // Sent once more, later still: the same tap, nothing new, B still current.
    const again = await recordSkillProgress({ ...a, elapsedMs: 5 * 60_000, now: new Date(NOW.getTime() + 4 * 60_000) });
    expect(again).toMatchObject({ ok: true, repeated: true });
    expect(await assessmentsOf(present.id, email.id)).toHaveLength(2);
  });

  test("the same tap id sent twice, even at once and after another tap, writes one row", async () => {
    const { actor, session, present, email } = await scene();
    const base = { actor, sessionId: session.id, personId: present.id, skillId: email.id };
    const resent = { ...base, tapId: newTapId(), level: "ACCOMPANIED" as const, note: "Avec sa fille" };
    const results = await Promise.all([
      recordSkillProgress({ ...resent, now: NOW }),
      recordSkillProgress({ ...resent, elapsedMs: 1_000, now: new Date(NOW.getTime() + 1_000) }),
    ]);
    expect(results.filter((r) => r.ok && !r.repeated)).toHaveLength(1);
    expect(results.filter((r) => r.ok && r.repeated)).toHaveLength(1);
    // Another tap, then the first one's copy again: the repeat rule alone (latest level) would let it in.
    await recordSkillProgress({
      ...base,
      tapId: newTapId(),
      level: "AUTONOMOUS",
      now: new Date(NOW.getTime() + 2_000),
    });
    const third = await recordSkillProgress({ ...resent, elapsedMs: 3_000, now: new Date(NOW.getTime() + 3_000) });
    expect(third).toMatchObject({ ok: true, repeated: true });
    expect((await assessmentsOf(present.id, email.id)).map((row) => row.level)).toEqual(["ACCOMPANIED", "AUTONOMOUS"]);
    expect(await prisma.auditLog.count({ where: { action: "skill.assess" } })).toBe(2);
  });

  test("two different taps racing make two rows; the one tapped last is current, whatever the arrival", async () => {
    const { actor, session, present, email } = await scene();
    const base = { actor, sessionId: session.id, personId: present.id, skillId: email.id, now: NOW };
    const results = await Promise.all([
      recordSkillProgress({ ...base, tapId: newTapId(), level: "AUTONOMOUS", elapsedMs: 0 }),
      recordSkillProgress({ ...base, tapId: newTapId(), level: "ACCOMPANIED", elapsedMs: 800 }),
    ]);
    expect(results.filter((r) => r.ok && !r.repeated)).toHaveLength(2);
    expect((await assessmentsOf(present.id, email.id)).map((row) => row.level)).toEqual(["ACCOMPANIED", "AUTONOMOUS"]);
    const current = await latestAssessmentsOf(prisma, [present.id], [email.id]);
    expect(current.get(progressKey(present.id, email.id))?.level).toBe("AUTONOMOUS");
  });

  test("a page's render id (JavaScript off) sent again for another level is another tap, not lost", async () => {
    // The back button shows the page as it was, with the same render id in every form.
    const { actor, session, present, email } = await scene();
    const base = { actor, sessionId: session.id, personId: present.id, skillId: email.id, tapId: newTapId() };
    await recordSkillProgress({ ...base, level: "ACCOMPANIED", now: NOW });
    await recordSkillProgress({ ...base, level: "AUTONOMOUS", now: new Date(NOW.getTime() + 60_000) });
    await recordSkillProgress({ ...base, level: "AUTONOMOUS", note: "Seule", now: new Date(NOW.getTime() + 120_000) });
    expect((await assessmentsOf(present.id, email.id)).map((row) => [row.level, row.note])).toEqual([
      ["ACCOMPANIED", null],
      ["AUTONOMOUS", null],
      ["AUTONOMOUS", "Seule"],
    ]);
  });

  test("a tap is dated by the elapsed time, never in the future nor more than 12 hours back", async () => {
    const { actor, session, present, email } = await scene();
    const base = { actor, sessionId: session.id, personId: present.id, skillId: email.id, now: NOW };
    await recordSkillProgress({ ...base, tapId: newTapId(), level: "ACCOMPANIED", elapsedMs: -60_000 });
    await recordSkillProgress({ ...base, tapId: newTapId(), level: "AUTONOMOUS", elapsedMs: 48 * HOUR });
    expect((await assessmentsOf(present.id, email.id)).map((row) => [row.level, row.assessedAt])).toEqual([
      ["AUTONOMOUS", new Date(NOW.getTime() - 12 * HOUR)],
      ["ACCOMPANIED", NOW],
    ]);
  });

  test("refuses a tap id that is not one, with no row written", async () => {
    const { actor, session, present, email } = await scene();
    const base = {
      actor,
      sessionId: session.id,
      personId: present.id,
      skillId: email.id,
      level: "AUTONOMOUS" as const,
    };
    for (const tapId of ["", "short", "x".repeat(65), "a b c d e f g h", "<script>alert(1)</script>"]) {
      expect(await recordSkillProgress({ ...base, tapId, now: NOW })).toEqual({ ok: false, code: "BAD_TAP" });
    }
    expect(await prisma.skillAssessment.count()).toBe(0);
  });

  test("the same level with a new comment, or going back to an earlier level, appends", async () => {
    const { actor, session, present, email } = await scene();
    const tap = (level: "ACCOMPANIED" | "AUTONOMOUS", minutes: number, note?: string) =>
      recordSkillProgress({
        tapId: newTapId(),
        actor,
        sessionId: session.id,
        personId: present.id,
        skillId: email.id,
        level,
        note,
        now: new Date(NOW.getTime() + minutes * 60_000),
      });
    await tap("ACCOMPANIED", 0);
    await tap("ACCOMPANIED", 1, "A trouvé le bouton seule");
    await tap("ACCOMPANIED", 2, "A trouvé le bouton seule");
    await tap("AUTONOMOUS", 3);
    await tap("ACCOMPANIED", 4);
    expect((await assessmentsOf(present.id, email.id)).map((row) => [row.level, row.note])).toEqual([
      ["ACCOMPANIED", null],
      ["ACCOMPANIED", "A trouvé le bouton seule"],
      ["AUTONOMOUS", null],
      ["ACCOMPANIED", null],
    ]);
  });

  test("the level a previous session left is pre-filled, and tapping it here records it for this session", async () => {
    const { actor, staff, workshop, session, present, email } = await scene();
    const earlier = await createSession({ workshopId: workshop.id, startsAt: at(-7 * DAY) });
    await prisma.skillAssessment.create({
      data: {
        personId: present.id,
        skillId: email.id,
        level: "ACCOMPANIED",
        sessionId: earlier.id,
        assessedById: staff.id,
        assessedAt: at(-7 * DAY),
      },
    });
    const before = await latestAssessmentsOf(prisma, [present.id], [email.id]);
    expect(before.get(progressKey(present.id, email.id))).toMatchObject({
      level: "ACCOMPANIED",
      session: { id: earlier.id },
      assessedBy: { firstName: "Léa" },
    });

    const result = await recordSkillProgress({
      tapId: newTapId(),
      actor,
      sessionId: session.id,
      personId: present.id,
      skillId: email.id,
      level: "ACCOMPANIED",
      now: NOW,
    });
    expect(result).toMatchObject({ ok: true, repeated: false });
    expect((await assessmentsOf(present.id, email.id)).map((row) => row.sessionId)).toEqual([earlier.id, session.id]);
  });

  test("refuses someone not marked present or late, with no row written", async () => {
    const { actor, staff, session, email } = await scene();
    const absent = await createPerson();
    await mark(session.id, absent.id, "ABSENT", staff.id);
    const unmarked = await createPerson();
    for (const personId of [absent.id, unmarked.id]) {
      expect(
        await recordSkillProgress({
          tapId: newTapId(),
          actor,
          sessionId: session.id,
          personId,
          skillId: email.id,
          level: "AUTONOMOUS",
          now: NOW,
        }),
      ).toEqual({ ok: false, code: "NOT_ATTENDED" });
    }
    const late = await createPerson();
    await mark(session.id, late.id, "LATE", staff.id);
    expect(
      await recordSkillProgress({
        tapId: newTapId(),
        actor,
        sessionId: session.id,
        personId: late.id,
        skillId: email.id,
        level: "AUTONOMOUS",
        now: NOW,
      }),
    ).toMatchObject({ ok: true });
    expect(await prisma.skillAssessment.count({ where: { personId: { in: [absent.id, unmarked.id] } } })).toBe(0);
  });

  test("refuses a trainer of another session, by the policy", async () => {
    const { session, present, email } = await scene();
    const other = await createStaffUser("Paul");
    expect(
      await recordSkillProgress({
        tapId: newTapId(),
        actor: trainer(other.id),
        sessionId: session.id,
        personId: present.id,
        skillId: email.id,
        level: "AUTONOMOUS",
        now: NOW,
      }),
    ).toEqual({ ok: false, code: "NOT_ALLOWED" });
    expect(await prisma.skillAssessment.count()).toBe(0);
    expect(await prisma.auditLog.count()).toBe(0);
  });

  test("refuses more than an hour before the start, a skill the workshop does not aim at, an unknown session", async () => {
    const { actor, staff, workshop, email, present, session } = await scene();
    const ahead = await createSession({ workshopId: workshop.id, startsAt: at(2 * HOUR) });
    await prisma.sessionTrainer.create({ data: { sessionId: ahead.id, trainerId: staff.id } });
    await mark(ahead.id, present.id, "PRESENT", staff.id);
    const base = { actor, personId: present.id, level: "AUTONOMOUS" as const, now: NOW, tapId: newTapId() };
    expect(await recordSkillProgress({ ...base, sessionId: ahead.id, skillId: email.id })).toEqual({
      ok: false,
      code: "NOT_YET_OPEN",
    });
    const unrelated = await createSkill("imprimer");
    expect(await recordSkillProgress({ ...base, sessionId: session.id, skillId: unrelated.id })).toEqual({
      ok: false,
      code: "NOT_A_TARGET_SKILL",
    });
    expect(await recordSkillProgress({ ...base, sessionId: "nope", skillId: email.id })).toEqual({
      ok: false,
      code: "SESSION_NOT_FOUND",
    });
    expect(await prisma.skillAssessment.count()).toBe(0);
  });
});

describe("listSessionPeople", () => {
  test("lists confirmed bookings and attendance marks (walk-ins too), each once, by name", async () => {
    const { staff, session, present } = await scene();
    const booked = await createPerson("Zoé", "Abadie");
    await prisma.booking.create({
      data: {
        sessionId: session.id,
        personId: booked.id,
        status: "CONFIRMED",
        source: "ONLINE",
        manageTokenHash: "h1",
      },
    });
    const walkIn = await createPerson("Ali", "Benali");
    await prisma.attendance.create({
      data: {
        sessionId: session.id,
        personId: walkIn.id,
        status: "LATE",
        isWalkIn: true,
        markedById: staff.id,
        markedAt: NOW,
      },
    });
    const waiting = await createPerson("Yves");
    await prisma.booking.create({
      data: {
        sessionId: session.id,
        personId: waiting.id,
        status: "WAITLISTED",
        source: "ONLINE",
        manageTokenHash: "h2",
      },
    });
    await prisma.booking.create({
      data: {
        sessionId: session.id,
        personId: present.id,
        status: "CONFIRMED",
        source: "ONLINE",
        manageTokenHash: "h3",
      },
    });
    const people = await listSessionPeople(prisma, session.id);
    expect(people.map((p) => [p.personId, p.attendance, p.isWalkIn])).toEqual([
      [booked.id, null, false],
      [walkIn.id, "LATE", true],
      [present.id, "PRESENT", false],
    ]);
  });
});
