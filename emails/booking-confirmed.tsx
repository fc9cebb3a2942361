import type { BookingEmailProps } from "./booking-email";
import { EmailLayout, Paragraph } from "./components/layout";
import { LocalisedText } from "./components/localised-text";
import { Trans } from "./components/trans";
import type { EmailDraft, Localised } from "./types";

export type BookingConfirmedProps = BookingEmailProps & { whatToBring: Localised | null; devicesLent: boolean };

export function bookingConfirmedEmail(props: BookingConfirmedProps): EmailDraft {
  const { ctx, session } = props;
  const { t } = ctx;
  return {
    subject: t("bookingConfirmed.subject", { title: session.title.text, date: props.subjectDate }),
    element: (
      <EmailLayout
        ctx={ctx}
        preview={t("bookingConfirmed.heading")}
        heading={t("bookingConfirmed.heading")}
        greetingName={props.firstName}
        action={{ label: t("bookingConfirmed.action"), href: props.links.manageUrl }}
        session={session}
        links={props.links}
      >
        <Paragraph>
          <Trans
            ctx={ctx}
            k="bookingConfirmed.intro"
            values={{ title: <LocalisedText ctx={ctx} value={session.title} /> }}
          />
        </Paragraph>
        {props.whatToBring ? (
          <Paragraph>
            {t("bookingConfirmed.whatToBring")}
            <LocalisedText ctx={ctx} value={props.whatToBring} />
          </Paragraph>
        ) : null}
        {props.devicesLent ? <Paragraph>{t("bookingConfirmed.devicesLent")}</Paragraph> : null}
      </EmailLayout>
    ),
  };
}
