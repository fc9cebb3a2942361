import { Link, Text } from "@react-email/components";

import { EmailLayout, Paragraph } from "./components/layout";
import * as s from "./components/styles";
import type { EmailContext, EmailDraft } from "./types";

export type StaffPasswordResetProps = {
  ctx: EmailContext;
  firstName: string;
  url: string;
  /** When the link stops working, in Paris time and in words: "14 h 30". */
  expiresAt: string;
};

export function staffPasswordResetEmail(props: StaffPasswordResetProps): EmailDraft {
  const { ctx } = props;
  const { t } = ctx;
  return {
    subject: t("staffPasswordReset.subject"),
    element: (
      <EmailLayout
        ctx={ctx}
        preview={t("staffPasswordReset.heading")}
        heading={t("staffPasswordReset.heading")}
        greetingName={props.firstName}
        action={{ label: t("staffPasswordReset.action"), href: props.url }}
      >
        <Paragraph>{t("staffPasswordReset.intro")}</Paragraph>
        <Paragraph>{t("staffPasswordReset.expires", { time: props.expiresAt })}</Paragraph>
        <Text style={s.small}>
          <Link href={props.url} style={s.link}>
            {props.url}
          </Link>
        </Text>
        <Paragraph>{t("staffPasswordReset.notYou")}</Paragraph>
      </EmailLayout>
    ),
  };
}
