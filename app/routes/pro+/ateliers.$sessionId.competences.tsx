import { randomBytes } from "node:crypto";

import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { format } from "date-fns";
import { fr } from "date-fns/locale/fr";
import { Trans, useTranslation } from "react-i18next";
import { z } from "zod";

import { NOTE_MAX, SkillLevelForm, skillFormIds, type SkillLevelAnswer } from "~/components/staff/skills-level-form";
import { DocumentTitle } from "~/components/ui/document-title";
import { ErrorSummary } from "~/components/ui/error-summary";
import { ATTENDANCE_OPENS_BEFORE_MS } from "~/domain/policy/staff-policy";
import { isAutonomyLevel, type AutonomyLevel } from "~/domain/skills/levels";
import { isTapId, parseElapsedMs } from "~/domain/skills/taps";
import { unsafeTextReason } from "~/domain/text/safe-text";
import { formatClockTime, formatSessionTime } from "~/domain/time/format-session-time";
import { inParis } from "~/domain/time/paris";
import type { CurrentAssessment } from "~/models/skill-progress.server";
import { readSkillProgress } from "~/services/read-skill-progress.server";
import { recordSkillProgress, type RecordSkillProgressResult } from "~/services/record-skill-progress.server";
import skillsStyles from "~/styles/skills.css";
import { readFormData } from "~/utils/form-data.server";
import { messageWithValues, splitMessage } from "~/utils/form-messages";
import { getRequestT } from "~/utils/i18n.server";
import { requireStaffWithPermission } from "~/utils/staff-auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: skillsStyles }];

const pagePath = (sessionId: string) => `/pro/ateliers/${encodeURIComponent(sessionId)}/competences`;
const personAnchor = (personId: string) => `personne-${personId}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const sessionId = params.sessionId ?? "";
  const actor = await requireStaffWithPermission(request, "create:assessment", { sessionId });
  const now = new Date();
  const view = await readSkillProgress({ actor, sessionId, now });
  if (!view) throw new Response(null, { status: 404, statusText: "Not Found" });
  const { t } = await getRequestT(request, "skills");
  const { session } = view;

  const sameYear = (date: Date) => format(date, "yyyy", { in: inParis }) === format(now, "yyyy", { in: inParis });
  const day = (date: Date) => format(date, sameYear(date) ? "d MMM" : "d MMM yyyy", { in: inParis, locale: fr });
  const summary = (current: CurrentAssessment) => {
    const values = {
      level: t(`levels.${current.level}`),
      by: `${current.assessedBy.firstName} ${current.assessedBy.lastName}`,
      date: day(current.assessedAt),
      time: formatClockTime(current.assessedAt, "fr"),
    };
    if (current.session?.id === session.id) return t("current.thisSession", values);
    if (current.session) return t("current.otherSession", { ...values, workshop: current.session.workshopTitle });
    return t("current.noSession", values);
  };
  const attendanceText = (person: (typeof view.people)[number]) => {
    const status = t(person.attendance ? `attendance.${person.attendance}` : "attendance.none");
    return person.isWalkIn ? t("attendance.walkIn", { status }) : status;
  };
  const reasonValues = {
    time: formatClockTime(new Date(session.startsAt.getTime() - ATTENDANCE_OPENS_BEFORE_MS), "fr"),
  };

  return {
    title: t("title"),
    sessionId: session.id,
    // The tap id of every form of this page sent without JavaScript: a form sent twice (a double
    // click, a resend) writes once; the next render, after the redirect, makes a new one.
    renderTapId: randomBytes(12).toString("base64url"),
    heading: t("session", {
      workshop: session.workshopTitle,
      when: formatSessionTime(session.startsAt, session.endsAt, "fr"),
      place: session.placeName,
    }),
    sessionRefusal: view.sessionAnswer.may ? null : t(`reasons.${view.sessionAnswer.reason}`, reasonValues),
    skills: view.skills,
    attendees: view.people
      .filter((person) => person.answer.may)
      .map((person) => ({
        personId: person.personId,
        name: `${person.firstName} ${person.lastName}`,
        attendance: attendanceText(person),
        skills: person.skills.map(({ skillId, current }) => ({
          skillId,
          current: current ? { level: current.level, summary: summary(current), note: current.note } : null,
        })),
      })),
    others: view.people
      .filter((person) => !person.answer.may)
      .map((person) => ({
        personId: person.personId,
        name: `${person.firstName} ${person.lastName}`,
        attendance: attendanceText(person),
        reason: person.answer.may ? null : person.answer.reason,
      })),
  };
}

const fieldText = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

const idSchema = z.string().trim().min(1).max(200);
const tapSchema = z.object({
  personId: idSchema,
  skillId: idSchema,
  level: z.custom<AutonomyLevel>(isAutonomyLevel),
  tapId: z.custom<string>(isTapId),
  elapsedMs: z.number(),
});

const REFUSAL_STATUS: Record<Exclude<RecordSkillProgressResult, { ok: true }>["code"], number> = {
  NOT_ALLOWED: 403,
  SESSION_NOT_FOUND: 404,
  NOT_A_TARGET_SKILL: 400,
  BAD_TAP: 400,
  NOT_ATTENDED: 409,
  NOT_YET_OPEN: 409,
  SESSION_CANCELLED: 409,
};

/** The note's problem as a message key with values, or null when it may be stored. */
function noteProblem(note: string): string | null {
  if (note.trim().length > NOTE_MAX) {
    return messageWithValues("errors.noteTooLong", { max: NOTE_MAX, length: note.trim().length });
  }
  const unsafe = unsafeTextReason(note, { multiline: true });
  if (unsafe) return unsafe === "bidi" ? "forms:safeText.bidi" : "forms:safeText.control";
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const sessionId = params.sessionId ?? "";
  const actor = await requireStaffWithPermission(request, "create:assessment", { sessionId });
  const form = await readFormData(request);
  const personId = fieldText(form.get("personId"));
  const skillId = fieldText(form.get("skillId"));
  const note = fieldText(form.get("note"));
  const refuse = (status: number, field: "note" | "form", message: string) =>
    data<SkillLevelAnswer>({ ok: false, personId, skillId, note, field, message }, { status });

  const tap = tapSchema.safeParse({
    personId,
    skillId,
    level: form.get("level"),
    tapId: form.get("tapId"),
    elapsedMs: parseElapsedMs(form.get("elapsedMs")),
  });
  if (!tap.success) return refuse(400, "form", "errors.badRequest");
  const problem = noteProblem(note);
  if (problem) return refuse(400, "note", problem);

  const result = await recordSkillProgress({
    actor,
    sessionId,
    ...tap.data,
    note,
  });
  if (!result.ok) return refuse(REFUSAL_STATUS[result.code], "form", `reasons.${result.code}`);
  if (form.get("js") === "1") return data<SkillLevelAnswer>({ ok: true, personId, skillId });
  return redirect(`${pagePath(sessionId)}#${personAnchor(personId)}`, 303);
}

export default function SkillProgressPage() {
  const page = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>() as SkillLevelAnswer | undefined;
  const { t } = useTranslation("skills");
  const failure = refused && !refused.ok ? refused : null;
  const action = pagePath(page.sessionId);
  const rosterPath = `/pro/ateliers/${encodeURIComponent(page.sessionId)}`;
  const failureIds = failure ? skillFormIds(failure.personId, failure.skillId) : null;
  const failureMessage = failure ? t(splitMessage(failure.message).key, splitMessage(failure.message).values) : "";

  return (
    <>
      {failure && failureIds ? (
        <ErrorSummary
          className="page skills-page"
          title={t("errors.summaryTitle")}
          titleId="skills-errors-title"
          formMessages={[]}
          fieldLinks={[
            {
              key: failure.message,
              href: `#${failure.field === "note" ? failureIds.note : failureIds.form}`,
              message: failureMessage,
            },
          ]}
        />
      ) : null}
      <div className="page skills-page">
        <DocumentTitle title={page.title} refused={Boolean(failure)} />
        <p className="skills-page__back">
          <Link to={rosterPath}>{t("backToRoster")}</Link>
        </p>
        <h1>{page.title}</h1>
        <p className="lead">{page.heading}</p>
        {page.sessionRefusal ? <p className="skills-page__refusal">{page.sessionRefusal}</p> : <p>{t("intro")}</p>}
        {page.attendees.length === 0 && page.others.length === 0 ? <p>{t("empty.people")}</p> : null}
        {page.attendees.length > 0 && page.skills.length === 0 ? <p>{t("empty.skills")}</p> : null}

        {page.attendees.map((person) => (
          <section
            key={person.personId}
            id={personAnchor(person.personId)}
            className="skills-person"
            aria-labelledby={`${personAnchor(person.personId)}-nom`}
          >
            <h2 id={`${personAnchor(person.personId)}-nom`}>{person.name}</h2>
            <p className="skills-person__attendance">{person.attendance}</p>
            {page.skills.map((skill) => {
              const progress = person.skills.find((entry) => entry.skillId === skill.id);
              return (
                <SkillLevelForm
                  key={skill.id}
                  action={action}
                  personId={person.personId}
                  personName={person.name}
                  renderTapId={page.renderTapId}
                  skill={skill}
                  current={progress?.current ?? null}
                  refused={
                    failure && failure.personId === person.personId && failure.skillId === skill.id ? failure : null
                  }
                />
              );
            })}
          </section>
        ))}

        {page.others.length > 0 ? (
          <section className="skills-others" aria-labelledby="skills-others-title">
            <h2 id="skills-others-title">{t("notYetPresent.title")}</h2>
            <ul>
              {page.others.map((person) => (
                <li key={person.personId} id={personAnchor(person.personId)}>
                  <Trans
                    t={t}
                    i18nKey={
                      person.reason === "NOT_ATTENDED" ? "notYetPresent.personMarkFirst" : "notYetPresent.person"
                    }
                    values={{ name: person.name, status: person.attendance }}
                    components={{ name: <strong />, roster: <Link to={rosterPath} /> }}
                  />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </>
  );
}
