import type { BookingEmailProps } from "./booking-email";
import { EmailLayout, Paragraph, QuestionLine } from "./components/layout";
import { LocalisedText } from "./components/localised-text";
import { OtherDates } from "./components/other-dates";
import { Trans } from "./components/trans";
import type { EmailDraft, OtherDateView } from "./types";

export type FollowUpMissedProps = BookingEmailProps & { otherDates: OtherDateView[]; catalogueUrl: string };

/** To those booked who did not come: no reproach, the next dates, one link to book again. */
export function followUpMissedEmail(props: FollowUpMissedProps): EmailDraft {
  const { ctx, session, otherDates } = props;
  const { t } = ctx;
  const first = otherDates[0];
  return {
    subject: t("followUpMissed.subject", { title: session.title.text }),
    element: (
      <EmailLayout
        ctx={ctx}
        preview={t("followUpMissed.heading")}
        heading={t("followUpMissed.heading")}
        greetingName={props.firstName}
        action={
          first
            ? { label: t("followUpMissed.action"), href: first.url }
            : { label: t("followUpMissed.actionNoDates"), href: props.catalogueUrl }
        }
        links={props.links}
      >
        <Paragraph>
          <Trans
            ctx={ctx}
            k="followUpMissed.intro"
            values={{ title: <LocalisedText ctx={ctx} value={session.title} />, when: session.when }}
          />
        </Paragraph>
        {first ? (
          <>
            <Paragraph>{t("followUpMissed.otherDates")}</Paragraph>
            <OtherDates ctx={ctx} dates={otherDates} />
          </>
        ) : (
          <Paragraph>{t("followUpMissed.noOtherDates")}</Paragraph>
        )}
        <QuestionLine ctx={ctx} phone={session.place.phone} />
      </EmailLayout>
    ),
  };
}
