import type { BookingEmailProps } from "./booking-email";
import { EmailLayout, Paragraph } from "./components/layout";
import { LocalisedText } from "./components/localised-text";
import { Trans } from "./components/trans";
import type { EmailDraft, Localised } from "./types";

export type SessionMovedProps = BookingEmailProps & {
  /** The former time and place, in words. */
  previous: { when: string; placeName: Localised; room: string | null };
  reason: Localised | null;
};

export function sessionMovedEmail(props: SessionMovedProps): EmailDraft {
  const { ctx, session, previous } = props;
  const { t } = ctx;
  return {
    subject: t("sessionMoved.subject", { title: session.title.text, date: props.subjectDate }),
    element: (
      <EmailLayout
        ctx={ctx}
        preview={t("sessionMoved.heading")}
        heading={t("sessionMoved.heading")}
        greetingName={props.firstName}
        action={{ label: t("sessionMoved.action"), href: props.links.manageUrl }}
        session={session}
        links={props.links}
      >
        <Paragraph>
          <Trans
            ctx={ctx}
            k="sessionMoved.intro"
            values={{ title: <LocalisedText ctx={ctx} value={session.title} /> }}
          />
        </Paragraph>
        <Paragraph>
          <strong>{t("sessionMoved.now")}</strong>
          {session.when} — <LocalisedText ctx={ctx} value={session.place.name} />
          {session.place.room ? `, ${session.place.room}` : ""}
        </Paragraph>
        <Paragraph>
          <s>
            {t("sessionMoved.before")}
            {previous.when} — <LocalisedText ctx={ctx} value={previous.placeName} />
            {previous.room ? `, ${previous.room}` : ""}
          </s>
        </Paragraph>
        {props.reason ? (
          <Paragraph>
            {t("sessionMoved.reason")}
            <LocalisedText ctx={ctx} value={props.reason} />
          </Paragraph>
        ) : null}
        <Paragraph>{t("sessionMoved.cannotCome")}</Paragraph>
      </EmailLayout>
    ),
  };
}
