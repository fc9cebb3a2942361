import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";

import { EmailLink, FrenchValue, LegalPage, LegalSection } from "~/components/legal/legal-page";
import { PhoneLink } from "~/components/ui/phone-link";
import { formatDateLong } from "~/domain/time/format-session-time";
import { env } from "~/utils/env.server";
import { getRequestT } from "~/utils/i18n.server";
import { publisher } from "~/utils/publisher.server";
import legalStyles from "~/styles/legal.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: legalStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Passerelle" }];

const GAPS = ["french", "qr", "screenReaders", "staff"] as const;
const RECOURSE = ["online", "delegate", "post"] as const;
const DEFENSEUR_DES_DROITS_FORM_URL = "https://formulaire.defenseurdesdroits.fr/";

/**
 * « Déclaration d'accessibilité » (RGAA 4.1): « partiellement conforme » until an audit, the
 * known gaps, the test environment, the date, who to tell, and the recourse.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { t, language } = await getRequestT(request, "legal");
  const { demo, name, phone, accessibilityEmail, statementDate } = publisher;
  return {
    title: t("accessibility.meta"),
    publisher: { demo, name, phone, accessibilityEmail },
    site: new URL(env.APP_URL).origin,
    statementDate: formatDateLong(statementDate, language),
  };
}

export default function AccessibilityStatement() {
  const { publisher: p, site, statementDate } = useLoaderData<typeof loader>();
  const { t } = useTranslation("legal");
  return (
    <LegalPage title={t("accessibility.title")} demo={p.demo}>
      <p className="lead">
        <Trans
          t={t}
          i18nKey="accessibility.intro"
          values={{ publisher: p.name, site }}
          components={{ publisher: <FrenchValue />, site: <bdi dir="ltr" /> }}
        />
      </p>
      <LegalSection id="status" heading={t("accessibility.statusHeading")}>
        <p>
          <strong>{t("accessibility.status")}</strong>
        </p>
        <p>{t("accessibility.statusWhy")}</p>
      </LegalSection>
      <LegalSection id="tests" heading={t("accessibility.testsHeading")}>
        <p>{t("accessibility.tests")}</p>
      </LegalSection>
      <LegalSection id="gaps" heading={t("accessibility.gapsHeading")}>
        <p>{t("accessibility.gapsIntro")}</p>
        <ul>
          {GAPS.map((key) => (
            <li key={key}>{t(`accessibility.gaps.${key}`)}</li>
          ))}
        </ul>
      </LegalSection>
      <LegalSection id="environment" heading={t("accessibility.environmentHeading")}>
        <p>{t("accessibility.environment")}</p>
      </LegalSection>
      <LegalSection id="date" heading={t("accessibility.dateHeading")}>
        <p>{t("accessibility.date", { date: statementDate })}</p>
      </LegalSection>
      <LegalSection id="contact" heading={t("accessibility.contactHeading")}>
        <p>
          <Trans
            t={t}
            i18nKey="accessibility.contact"
            values={{ email: p.accessibilityEmail, phone: p.phone }}
            components={{ email: <EmailLink email={p.accessibilityEmail} />, phone: <PhoneLink phone={p.phone} /> }}
          />
        </p>
      </LegalSection>
      <LegalSection id="recourse" heading={t("accessibility.recourseHeading")}>
        <p>{t("accessibility.recourseIntro")}</p>
        <ul>
          {RECOURSE.map((key) => (
            <li key={key}>
              <Trans
                t={t}
                i18nKey={`accessibility.recourse.${key}`}
                components={{ ddd: <a href={DEFENSEUR_DES_DROITS_FORM_URL} lang="fr" />, postal: <FrenchValue /> }}
              />
            </li>
          ))}
        </ul>
      </LegalSection>
    </LegalPage>
  );
}
