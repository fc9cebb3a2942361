import { Link } from "@react-email/components";

import type { BookingEmailProps } from "./booking-email";
import { EmailLayout, Paragraph } from "./components/layout";
import { LocalisedText } from "./components/localised-text";
import * as s from "./components/styles";
import { Trans } from "./components/trans";
import type { EmailDraft, Localised } from "./types";

export type SuggestionView = { title: Localised; when: string; placeName: Localised; url: string };

export type FollowUpThanksProps = BookingEmailProps & {
  /** The « Je sais… » statements the workshop worked on. */
  statements: Localised[];
  /** Up to two next workshops; empty when the person did not agree to suggestions. */
  suggestions: SuggestionView[];
  catalogueUrl: string;
};

/** To those present. No place block: the workshop is behind them; the action is the next one. */
export function followUpThanksEmail(props: FollowUpThanksProps): EmailDraft {
  const { ctx, session, suggestions } = props;
  const { t } = ctx;
  const first = suggestions[0];
  return {
    subject: t("followUpThanks.subject", { title: session.title.text }),
    element: (
      <EmailLayout
        ctx={ctx}
        preview={t("followUpThanks.heading")}
        heading={t("followUpThanks.heading")}
        greetingName={props.firstName}
        action={
          first
            ? { label: t("followUpThanks.action"), href: first.url }
            : { label: t("followUpThanks.actionNoNext"), href: props.catalogueUrl }
        }
        links={props.links}
      >
        <Paragraph>
          <Trans
            ctx={ctx}
            k="followUpThanks.intro"
            values={{ title: <LocalisedText ctx={ctx} value={session.title} /> }}
          />
        </Paragraph>
        {props.statements.length > 0 ? (
          <>
            <Paragraph>{t("followUpThanks.worked")}</Paragraph>
            <ul style={s.list}>
              {props.statements.map((statement) => (
                <li key={statement.text}>
                  <LocalisedText ctx={ctx} value={statement} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {first ? (
          <>
            <Paragraph>{t("followUpThanks.next")}</Paragraph>
            <ul style={s.list}>
              {suggestions.map((suggestion) => (
                <li key={suggestion.url} style={{ marginBottom: "8px" }}>
                  <Link href={suggestion.url} style={s.link}>
                    <LocalisedText ctx={ctx} value={suggestion.title} />
                  </Link>{" "}
                  — {suggestion.when}, <LocalisedText ctx={ctx} value={suggestion.placeName} />
                </li>
              ))}
            </ul>
          </>
        ) : (
          <Paragraph>{t("followUpThanks.noNext")}</Paragraph>
        )}
      </EmailLayout>
    ),
  };
}
