import { Link } from "@react-email/components";

import type { BookingEmailProps } from "./booking-email";
import { EmailLayout, Paragraph } from "./components/layout";
import { LocalisedText } from "./components/localised-text";
import { SectionTitle } from "./components/other-dates";
import * as s from "./components/styles";
import { Trans } from "./components/trans";
import type { EmailDraft, Localised } from "./types";

export type EnrolmentConfirmedProps = BookingEmailProps & {
  courseTitle: Localised;
  /** Every session of the course, in order, each with its own booking's manage link. */
  dates: { when: string; title: Localised; manageUrl: string }[];
};

/** `session` and `links` are the first session's: the layout shows where it takes place. */
export function enrolmentConfirmedEmail(props: EnrolmentConfirmedProps): EmailDraft {
  const { ctx } = props;
  const { t } = ctx;
  return {
    subject: t("enrolmentConfirmed.subject", { title: props.courseTitle.text }),
    element: (
      <EmailLayout
        ctx={ctx}
        preview={t("enrolmentConfirmed.heading")}
        heading={t("enrolmentConfirmed.heading")}
        greetingName={props.firstName}
        action={{ label: t("enrolmentConfirmed.action"), href: props.links.manageUrl }}
        session={props.session}
        links={props.links}
      >
        <Paragraph>
          <Trans
            ctx={ctx}
            k="enrolmentConfirmed.intro"
            values={{ title: <LocalisedText ctx={ctx} value={props.courseTitle} /> }}
          />
        </Paragraph>
        <SectionTitle>{t("enrolmentConfirmed.dates")}</SectionTitle>
        <ol style={s.list}>
          {props.dates.map((date) => (
            <li key={date.manageUrl} style={{ marginBottom: "8px" }}>
              {date.when} — <LocalisedText ctx={ctx} value={date.title} />{" "}
              <Link href={date.manageUrl} style={s.link}>
                {t("enrolmentConfirmed.sessionLink")}
              </Link>
            </li>
          ))}
        </ol>
      </EmailLayout>
    ),
  };
}
