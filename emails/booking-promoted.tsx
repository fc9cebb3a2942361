import type { BookingEmailProps } from "./booking-email";
import { EmailLayout, Paragraph } from "./components/layout";
import { LocalisedText } from "./components/localised-text";
import { Trans } from "./components/trans";
import type { EmailDraft } from "./types";

export function bookingPromotedEmail(props: BookingEmailProps): EmailDraft {
  const { ctx, session } = props;
  const { t } = ctx;
  return {
    subject: t("bookingPromoted.subject", { title: session.title.text, date: props.subjectDate }),
    element: (
      <EmailLayout
        ctx={ctx}
        preview={t("bookingPromoted.heading")}
        heading={t("bookingPromoted.heading")}
        greetingName={props.firstName}
        action={{ label: t("bookingPromoted.action"), href: props.links.manageUrl }}
        session={session}
        links={props.links}
      >
        <Paragraph>
          <Trans
            ctx={ctx}
            k="bookingPromoted.intro"
            values={{ title: <LocalisedText ctx={ctx} value={session.title} /> }}
          />
        </Paragraph>
        <Paragraph>{t("bookingPromoted.next")}</Paragraph>
      </EmailLayout>
    ),
  };
}
