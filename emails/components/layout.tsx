import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";

import { textDirection } from "~/utils/i18n";

import type { BookingLinks, EmailContext, SessionView } from "../types";
import { LocalisedText, PhoneLink } from "./localised-text";
import * as s from "./styles";
import { Trans } from "./trans";

export type EmailLayoutProps = {
  ctx: EmailContext;
  preview: string;
  heading: string;
  /** The person's first name for "Bonjour Odette,"; null for a plain "Bonjour,". */
  greetingName: string | null;
  children: ReactNode;
  /** The one clear action of the email. */
  action?: { label: string; href: string } | null;
  session?: SessionView | null;
  links?: BookingLinks | null;
};

/** Every email: greeting, the message, the one action, then when and where, the manage link and how to stop reminders. */
export function EmailLayout({
  ctx,
  preview,
  heading,
  greetingName,
  children,
  action,
  session,
  links,
}: EmailLayoutProps) {
  const { t, lang } = ctx;
  const dir = textDirection(lang);
  return (
    <Html lang={lang} dir={dir}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={s.body}>
        <Container style={{ ...s.container, direction: dir, textAlign: dir === "rtl" ? "right" : "left" }}>
          <Heading as="h1" style={s.heading}>
            {heading}
          </Heading>
          <Text style={s.text}>
            {greetingName === null ? t("layout.greetingHelper") : t("layout.greeting", { firstName: greetingName })}
          </Text>
          {children}
          {action ? (
            <Button href={action.href} style={s.button}>
              {action.label}
            </Button>
          ) : null}
          {session ? <SessionFacts ctx={ctx} session={session} /> : null}
          {links ? <BookingFoot ctx={ctx} links={links} /> : null}
          <Hr />
          <Text style={s.small}>{t("layout.signature")}</Text>
          <Text style={s.small}>{t("layout.footer")}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** When and where, with the place's phone and how to get in. */
export function SessionFacts({ ctx, session }: { ctx: EmailContext; session: SessionView }) {
  const { t } = ctx;
  const { place } = session;
  return (
    <Section style={s.box}>
      <Text style={s.label}>{t("layout.when")}</Text>
      <Text style={s.text}>{session.when}</Text>
      <Text style={s.label}>{t("layout.where")}</Text>
      <Text style={s.text}>
        <strong>
          <LocalisedText ctx={ctx} value={place.name} />
        </strong>
        <br />
        <LocalisedText ctx={ctx} value={place.address} />
        {place.room ? (
          <>
            <br />
            <Trans
              ctx={ctx}
              k="layout.room"
              values={{ room: <LocalisedText ctx={ctx} value={{ text: place.room, lang: "fr" }} /> }}
            />
          </>
        ) : null}
      </Text>
      {place.phone ? (
        <Text style={s.text}>
          {t("layout.phone")}
          <PhoneLink phone={place.phone} />
        </Text>
      ) : null}
      {place.stepFreeAccess || place.accessNotes ? (
        <>
          <Text style={s.label}>{t("layout.access")}</Text>
          {place.stepFreeAccess ? <Text style={s.text}>{t("layout.stepFree")}</Text> : null}
          {place.accessNotes ? (
            <Text style={s.text}>
              <LocalisedText ctx={ctx} value={place.accessNotes} />
            </Text>
          ) : null}
        </>
      ) : null}
      {place.publicTransport ? (
        <Text style={s.text}>
          {t("layout.publicTransport")}
          <LocalisedText ctx={ctx} value={place.publicTransport} />
        </Text>
      ) : null}
    </Section>
  );
}

/** The manage link in full (it must work when copied by hand), the calendar file, the stop of reminders. */
function BookingFoot({ ctx, links }: { ctx: EmailContext; links: BookingLinks }) {
  const { t } = ctx;
  return (
    <Section>
      <Text style={s.text}>
        {t("layout.manage")}
        <br />
        <Link href={links.manageUrl} style={s.link}>
          {links.manageUrl}
        </Link>
      </Text>
      {links.calendar ? (
        <Text style={s.small}>{t(links.calendar === "cancel" ? "layout.calendarCancel" : "layout.calendar")}</Text>
      ) : null}
      {links.stopRemindersUrl ? (
        <Text style={s.small}>
          {t("layout.stopReminders")}{" "}
          <Link href={links.stopRemindersUrl} style={s.link}>
            {t("layout.stopRemindersLink")}
          </Link>
        </Text>
      ) : null}
    </Section>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={s.text}>{children}</Text>;
}

export function QuestionLine({ ctx, phone }: { ctx: EmailContext; phone: string | null }) {
  if (!phone) return null;
  return (
    <Text style={s.text}>
      {ctx.t("layout.question")}
      <PhoneLink phone={phone} />
    </Text>
  );
}
