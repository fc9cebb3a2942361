import type { BookingEmailProps } from "./booking-email";
import { EmailLayout, Paragraph } from "./components/layout";
import { LocalisedText } from "./components/localised-text";
import { Trans } from "./components/trans";
import type { EmailDraft } from "./types";

export type BookingCancelledProps = BookingEmailProps & { catalogueUrl: string };

export function bookingCancelledEmail(props: BookingCancelledProps): EmailDraft {
  const { ctx, session } = props;
  const { t } = ctx;
  return {
    subject: t("bookingCancelled.subject", { title: session.title.text, date: props.subjectDate }),
    element: (
      <EmailLayout
        ctx={ctx}
        preview={t("bookingCancelled.heading")}
        heading={t("bookingCancelled.heading")}
        greetingName={props.firstName}
        action={{ label: t("bookingCancelled.action"), href: props.catalogueUrl }}
        session={session}
        links={props.links}
      >
        <Paragraph>
          <Trans
            ctx={ctx}
            k="bookingCancelled.intro"
            values={{ title: <LocalisedText ctx={ctx} value={session.title} /> }}
          />
        </Paragraph>
        <Paragraph>{t("bookingCancelled.next")}</Paragraph>
      </EmailLayout>
    ),
  };
}
