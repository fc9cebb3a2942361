import { Link, Text } from "@react-email/components";

import { EmailLayout, Paragraph } from "./components/layout";
import * as s from "./components/styles";
import type { EmailContext, EmailDraft } from "./types";

export type BookingsLinkProps = {
  ctx: EmailContext;
  firstName: string;
  url: string;
  /** When the link stops working, in Paris time and in words: "14 h 30". */
  expiresAt: string;
};

export function bookingsLinkEmail(props: BookingsLinkProps): EmailDraft {
  const { ctx } = props;
  const { t } = ctx;
  return {
    subject: t("bookingsLink.subject"),
    element: (
      <EmailLayout
        ctx={ctx}
        preview={t("bookingsLink.heading")}
        heading={t("bookingsLink.heading")}
        greetingName={props.firstName}
        action={{ label: t("bookingsLink.action"), href: props.url }}
      >
        <Paragraph>{t("bookingsLink.intro")}</Paragraph>
        <Paragraph>{t("bookingsLink.expires", { time: props.expiresAt })}</Paragraph>
        <Text style={s.small}>
          <Link href={props.url} style={s.link}>
            {props.url}
          </Link>
        </Text>
        <Paragraph>{t("bookingsLink.notYou")}</Paragraph>
      </EmailLayout>
    ),
  };
}
