import type { BookingEmailProps } from "./booking-email";
import { EmailLayout, Paragraph } from "./components/layout";
import { LocalisedText } from "./components/localised-text";
import { Trans } from "./components/trans";
import type { EmailDraft } from "./types";

export type BookingWaitlistedProps = BookingEmailProps & { position: number };

export function bookingWaitlistedEmail(props: BookingWaitlistedProps): EmailDraft {
  const { ctx, session } = props;
  const { t } = ctx;
  return {
    subject: t("bookingWaitlisted.subject", { title: session.title.text, date: props.subjectDate }),
    element: (
      <EmailLayout
        ctx={ctx}
        preview={t("bookingWaitlisted.heading")}
        heading={t("bookingWaitlisted.heading")}
        greetingName={props.firstName}
        action={{ label: t("bookingWaitlisted.action"), href: props.links.manageUrl }}
        session={session}
        links={props.links}
      >
        <Paragraph>
          <Trans
            ctx={ctx}
            k="bookingWaitlisted.intro"
            values={{ title: <LocalisedText ctx={ctx} value={session.title} />, position: props.position }}
          />
        </Paragraph>
        <Paragraph>{t("bookingWaitlisted.next")}</Paragraph>
      </EmailLayout>
    ),
  };
}
