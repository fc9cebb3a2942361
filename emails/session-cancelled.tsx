import type { BookingEmailProps } from "./booking-email";
import { EmailLayout, Paragraph, QuestionLine } from "./components/layout";
import { LocalisedText } from "./components/localised-text";
import { OtherDates } from "./components/other-dates";
import { Trans } from "./components/trans";
import type { EmailDraft, Localised, OtherDateView } from "./types";

export type SessionCancelledProps = BookingEmailProps & {
  reason: Localised | null;
  otherDates: OtherDateView[];
  catalogueUrl: string;
};

export function sessionCancelledEmail(props: SessionCancelledProps): EmailDraft {
  const { ctx, session, otherDates } = props;
  const { t } = ctx;
  const first = otherDates[0];
  return {
    subject: t("sessionCancelled.subject", { title: session.title.text, date: props.subjectDate }),
    element: (
      <EmailLayout
        ctx={ctx}
        preview={t("sessionCancelled.heading")}
        heading={t("sessionCancelled.heading")}
        greetingName={props.firstName}
        action={
          first
            ? { label: t("sessionCancelled.action"), href: first.url }
            : { label: t("sessionCancelled.actionNoDates"), href: props.catalogueUrl }
        }
        links={props.links}
      >
        <Paragraph>
          <Trans
            ctx={ctx}
            k="sessionCancelled.intro"
            values={{ title: <LocalisedText ctx={ctx} value={session.title} />, when: session.when }}
          />
        </Paragraph>
        {props.reason ? (
          <Paragraph>
            {t("sessionCancelled.reason")}
            <LocalisedText ctx={ctx} value={props.reason} />
          </Paragraph>
        ) : null}
        {first ? (
          <>
            <Paragraph>{t("sessionCancelled.otherDates")}</Paragraph>
            <OtherDates ctx={ctx} dates={otherDates} />
          </>
        ) : (
          <Paragraph>{t("sessionCancelled.noOtherDates")}</Paragraph>
        )}
        <QuestionLine ctx={ctx} phone={session.place.phone} />
      </EmailLayout>
    ),
  };
}
