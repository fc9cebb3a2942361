import type { BookingEmailProps } from "./booking-email";
import { EmailLayout, Paragraph } from "./components/layout";
import { LocalisedText } from "./components/localised-text";
import { Trans } from "./components/trans";
import type { EmailDraft } from "./types";

export type ReminderProps = BookingEmailProps & {
  moment: "days-before" | "morning";
  /** The relative's copy: greeted plainly, told whose workshop it is. */
  toHelper: boolean;
  /** The start time alone, for the morning's "à 14 h": "14 h". */
  startTime: string;
};

export function reminderEmail(props: ReminderProps): EmailDraft {
  const { ctx, session, moment } = props;
  const { t } = ctx;
  const title = <LocalisedText ctx={ctx} value={session.title} />;
  const heading = t(moment === "morning" ? "reminder.headingMorning" : "reminder.headingDaysBefore");
  return {
    subject:
      moment === "morning"
        ? t("reminder.subjectMorning", { title: session.title.text, time: props.startTime })
        : t("reminder.subjectDaysBefore", { title: session.title.text, date: props.subjectDate }),
    element: (
      <EmailLayout
        ctx={ctx}
        preview={heading}
        heading={heading}
        greetingName={props.toHelper ? null : props.firstName}
        action={{ label: t("reminder.action"), href: props.links.manageUrl }}
        session={session}
        links={props.links}
      >
        {props.toHelper ? (
          <Paragraph>
            <Trans ctx={ctx} k="reminder.helperIntro" values={{ firstName: props.firstName, title }} />
          </Paragraph>
        ) : null}
        <Paragraph>
          {moment === "morning" ? (
            <Trans ctx={ctx} k="reminder.introMorning" values={{ title, time: props.startTime }} />
          ) : (
            <Trans ctx={ctx} k="reminder.introDaysBefore" values={{ title }} />
          )}
        </Paragraph>
        <Paragraph>{t("reminder.cannotCome")}</Paragraph>
      </EmailLayout>
    ),
  };
}
