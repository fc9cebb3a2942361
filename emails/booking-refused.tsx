import { EmailLayout, Paragraph, QuestionLine } from "./components/layout";
import { LocalisedText } from "./components/localised-text";
import { Trans } from "./components/trans";
import type { EmailContext, EmailDraft, Localised } from "./types";

export type BookingRefusedProps = {
  ctx: EmailContext;
  firstName: string;
  reason: "ALREADY_BOOKED" | "OVERLAPS_OTHER_BOOKING" | "ALREADY_ENROLLED";
  attempt: { kind: "session"; title: Localised; when: string } | { kind: "course"; title: Localised };
  conflicting: { title: Localised; when: string } | null;
  placePhone: string | null;
  findBookingsUrl: string;
};

/** No manage link: the email goes to the contact on file, not to whoever posted the form (decisions/010). */
export function bookingRefusedEmail(props: BookingRefusedProps): EmailDraft {
  const { ctx, attempt, conflicting } = props;
  const { t } = ctx;
  const title = <LocalisedText ctx={ctx} value={attempt.title} />;
  return {
    subject: t("bookingRefused.subject"),
    element: (
      <EmailLayout
        ctx={ctx}
        preview={t("bookingRefused.heading")}
        heading={t("bookingRefused.heading")}
        greetingName={props.firstName}
        action={{ label: t("bookingRefused.action"), href: props.findBookingsUrl }}
      >
        <Paragraph>
          {attempt.kind === "session" ? (
            <Trans ctx={ctx} k="bookingRefused.attempt" values={{ title, when: attempt.when }} />
          ) : (
            <Trans ctx={ctx} k="bookingRefused.attemptCourse" values={{ title }} />
          )}
        </Paragraph>
        <Paragraph>
          {props.reason === "OVERLAPS_OTHER_BOOKING" && conflicting ? (
            <Trans
              ctx={ctx}
              k="bookingRefused.OVERLAPS_OTHER_BOOKING"
              values={{ title: <LocalisedText ctx={ctx} value={conflicting.title} />, when: conflicting.when }}
            />
          ) : props.reason === "OVERLAPS_OTHER_BOOKING" ? (
            t("bookingRefused.OVERLAPS_OTHER_BOOKING_unknown")
          ) : (
            t(`bookingRefused.${props.reason}`)
          )}
        </Paragraph>
        <Paragraph>{t("bookingRefused.notYou")}</Paragraph>
        <QuestionLine ctx={ctx} phone={props.placePhone} />
      </EmailLayout>
    ),
  };
}
