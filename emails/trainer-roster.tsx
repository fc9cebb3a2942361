import { EmailLayout, Paragraph, SessionFacts } from "./components/layout";
import { LocalisedText } from "./components/localised-text";
import { SectionTitle } from "./components/other-dates";
import * as s from "./components/styles";
import type { EmailContext, EmailDraft, SessionView } from "./types";

export type RosterSessionView = SessionView & {
  booked: number;
  capacity: number;
  waitlisted: number;
  /** "Odette M.": first name and initial, enough to greet people at the door. */
  participants: string[];
};

export type TrainerRosterProps = {
  ctx: EmailContext;
  firstName: string;
  /** "jeudi 4 décembre 2026". */
  day: string;
  sessions: RosterSessionView[];
};

export function trainerRosterEmail(props: TrainerRosterProps): EmailDraft {
  const { ctx } = props;
  const { t } = ctx;
  return {
    subject: t("trainerRoster.subject", { date: props.day }),
    element: (
      <EmailLayout
        ctx={ctx}
        preview={t("trainerRoster.heading")}
        heading={t("trainerRoster.heading")}
        greetingName={props.firstName}
      >
        <Paragraph>{t("trainerRoster.intro", { date: props.day })}</Paragraph>
        {props.sessions.map((session, index) => (
          <div key={index}>
            <h2 style={s.subheading}>
              <LocalisedText ctx={ctx} value={session.title} />
            </h2>
            <SessionFacts ctx={ctx} session={session} />
            <Paragraph>
              {t("trainerRoster.booked", { count: session.booked, capacity: session.capacity })}
              {session.waitlisted > 0 ? ` — ${t("trainerRoster.waitlisted", { count: session.waitlisted })}` : ""}
            </Paragraph>
            {session.participants.length > 0 ? (
              <>
                <SectionTitle>{t("trainerRoster.participants")}</SectionTitle>
                <ul style={s.list}>
                  {session.participants.map((name, i) => (
                    <li key={i}>
                      <bdi>{name}</bdi>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <Paragraph>{t("trainerRoster.noParticipants")}</Paragraph>
            )}
          </div>
        ))}
        <Paragraph>{t("trainerRoster.helper")}</Paragraph>
      </EmailLayout>
    ),
  };
}
